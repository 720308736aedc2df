"""The issuing office's profile: letterhead, office name, number prefix, fonts and the fixed wording.

Shipped in resources/documents/office.json; an office edits that file (or passes its own with --profile),
never the code. Every text key the composers use must be present: a profile that misses one, or whose
placeholder names a field the composer does not fill, is refused with the key named.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from reviewdesk.documents.style import Fonts
from reviewdesk.errors import ValidationError
from reviewdesk.resources import resources_dir

DEFAULT_PROFILE = "documents/office.json"

# Text keys and the placeholders each may use.
TEXT_FIELDS: dict[str, frozenset[str]] = {
    "opinion_title": frozenset(),
    "addressee": frozenset({"unit_name"}),
    "opinion_intro": frozenset({"campaign_name", "case_number", "title", "unit_name"}),
    "source_random": frozenset({"campaign_name"}),
    "source_key": frozenset({"campaign_name"}),
    "source_recheck": frozenset({"campaign_name"}),
    "petition": frozenset({"first_on", "count", "flags"}),
    "recusal_clear": frozenset(),
    "work_files": frozenset({"documents", "volumes", "pages"}),
    "work_files_unpaged": frozenset({"count"}),
    "work_no_interviews": frozenset(),
    "findings_none": frozenset(),
    "findings_deducted_only": frozenset({"count", "reason"}),
    "findings_other_deductions": frozenset({"count"}),
    "conclusion": frozenset({"score", "grade", "outcome"}),
    "correction": frozenset({"deadline", "office_name"}),
    "correction_general": frozenset(),
    "referral": frozenset({"reason", "findings"}),
    "no_action": frozenset(),
    "deliberation_majority": frozenset({"view"}),
    "deliberation_minority": frozenset({"view"}),
    "deliberation_unanimous": frozenset(),
    "annexes": frozenset(),
}


# Keys added after offices made their own profiles: a profile without them prints these.
ADDED_TEXTS: dict[str, str] = {
    "work_files_unpaged": "另有电子文档{count}份，未计入页数。",
    "findings_deducted_only": "经评查，评查组成员评分时对{count}处事项予以扣分（见附件1）。经合议，上述事项不构成错案或瑕疵案{reason}。",
    "findings_other_deductions": "评查组成员评分时另有{count}处扣分事项，见附件1。",
}


@dataclass(frozen=True)
class Profile:
    letterhead: str
    office_name: str
    number_prefix: str
    fonts: Fonts
    texts: dict[str, str]

    def text(self, key: str, **values: Any) -> str:
        return self.texts[key].format(**values)


def _bad(where: str, message: str, message_zh: str) -> ValidationError:
    return ValidationError(where, message, message_zh=message_zh)


def _string(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise _bad(f"{where}.{key}", "must be a string", "必须是文字")
    return value


def _texts(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _bad(f"{where}.texts", "must be an object", "必须是 JSON 对象")
    texts: dict[str, str] = {}
    for key, allowed in TEXT_FIELDS.items():
        text = _string(raw if key in raw or key not in ADDED_TEXTS else ADDED_TEXTS, key, f"{where}.texts")
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        unknown = sorted(used - allowed)
        if unknown:
            raise _bad(f"{where}.texts.{key}", f"unknown placeholder {{{unknown[0]}}}",
                       f"未知的占位字段 {{{unknown[0]}}}，可用：{'、'.join(sorted(allowed)) or '无'}")
        texts[key] = text
    return texts


def _fonts(raw: Any, where: str) -> Fonts:
    if raw is None:
        return Fonts()
    if not isinstance(raw, dict):
        raise _bad(f"{where}.fonts", "must be an object", "必须是 JSON 对象")
    known = {f.name for f in fields(Fonts)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _bad(f"{where}.fonts.{unknown[0]}", "unknown font role", "未知的字体用途")
    return Fonts(**{k: _string(raw, k, f"{where}.fonts") for k in raw})


def load_profile(path: Path | None = None) -> Profile:
    """The profile at `path`, or the shipped one."""
    source = path or resources_dir() / DEFAULT_PROFILE
    where = source.name
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _bad(where, f"cannot read the office profile: {exc.strerror}", "无法读取机关信息文件") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(where, f"not valid UTF-8 JSON: {exc}", "不是有效的 UTF-8 JSON 文件") from None
    if not isinstance(data, dict):
        raise _bad(where, "must be a JSON object", "必须是 JSON 对象")
    return Profile(
        letterhead=_string(data, "letterhead", where),
        office_name=_string(data, "office_name", where),
        number_prefix=_string(data, "number_prefix", where),
        fonts=_fonts(data.get("fonts"), where),
        texts=_texts(data.get("texts"), where),
    )
