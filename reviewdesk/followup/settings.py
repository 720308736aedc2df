"""A campaign's follow-up settings: names, defaults and ranges. Stored per campaign as JSON (only what an admin
set); everything else takes the default named here (docs/followup.md lists them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reviewdesk.errors import ValidationError


@dataclass(frozen=True)
class Spec:
    default: Any
    label_zh: str
    minimum: int = 0
    maximum: int = 0

    def parse(self, key: str, raw: object) -> Any:
        if isinstance(self.default, str):
            text = str(raw).strip()
            if not text or len(text) > 32 or re.search(r"[〔〕\s]", text):
                raise ValidationError(key, "give a short prefix without brackets or spaces, e.g. ×政法移",
                                      message_zh="请填写不含括号和空格的简短字头，例如“×政法移”")
            return text
        try:
            value = int(str(raw).strip())
        except ValueError:
            raise ValidationError(key, f"must be a whole number, got {raw!r}",
                                  message_zh=f"须为整数，而不是“{raw}”") from None
        if not self.minimum <= value <= self.maximum:
            raise ValidationError(key, f"must be between {self.minimum} and {self.maximum}",
                                  message_zh=f"须在 {self.minimum} 到 {self.maximum} 之间")
        return value


SCHEMA: dict[str, Spec] = {
    "objection_days": Spec(10, "提出异议期限（收到评查意见后的工作日）", 1, 60),
    "due_soon_days": Spec(5, "临近期限提醒（工作日）", 0, 60),
    "rectify_days": Spec(20, "评查组未提出整改期限时的默认期限（工作日）", 1, 250),
    "feedback_days": Spec(15, "线索移送后反馈期限（工作日）", 1, 250),
    "special_min_cases": Spec(3, "同类问题达到多少件案件时建议专项整治", 1, 1000),
    "special_min_units": Spec(2, "同类问题涉及多少个单位时建议专项整治", 1, 1000),
    "referral_prefix": Spec("×政法移", "线索移送函文号字头"),
    "notice_prefix": Spec("×政法改", "整改通知书文号字头"),
}


def spec(key: str) -> Spec:
    try:
        return SCHEMA[key]
    except KeyError:
        raise ValidationError("key", f"unknown follow-up setting '{key}' (known: {', '.join(SCHEMA)})",
                              message_zh=f"未知的移送整改设置项“{key}”") from None


def effective(stored: dict[str, Any]) -> dict[str, Any]:
    return {key: stored.get(key, s.default) for key, s in SCHEMA.items()}
