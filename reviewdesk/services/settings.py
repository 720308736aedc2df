"""Workspace settings: a small schema of known keys with types, ranges and defaults."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reviewdesk.errors import ValidationError
from reviewdesk.services.base import ADMIN, ANYONE, change, query, require
from reviewdesk.store.core_models import Setting
from reviewdesk.workspace import OpenWorkspace


@dataclass(frozen=True)
class IntSetting:
    default: int
    minimum: int
    maximum: int
    label_zh: str

    def parse(self, key: str, raw: object) -> int:
        try:
            value = int(str(raw).strip())
        except ValueError:
            raise ValidationError(
                key, f"must be a whole number, got {raw!r}", message_zh=f"须为整数，而不是“{raw}”"
            ) from None
        if not self.minimum <= value <= self.maximum:
            raise ValidationError(
                key,
                f"must be between {self.minimum} and {self.maximum}",
                message_zh=f"须在 {self.minimum} 到 {self.maximum} 之间",
            )
        return value


SCHEMA: dict[str, IntSetting] = {
    "idle_lock_minutes": IntSetting(10, 1, 240, "无操作自动锁定（分钟）"),
}


def _schema(key: str) -> IntSetting:
    try:
        return SCHEMA[key]
    except KeyError:
        raise ValidationError(
            "key", f"unknown setting '{key}' (known: {', '.join(SCHEMA)})", message_zh=f"未知设置项“{key}”"
        ) from None


def get_settings(ws: OpenWorkspace) -> dict[str, Any]:
    with query(ws, "settings.get", ANYONE) as session:
        stored = {row.key: json.loads(row.value) for row in session.query(Setting).all()}
    return {key: stored.get(key, spec.default) for key, spec in SCHEMA.items()}


def get_setting(ws: OpenWorkspace, key: str) -> Any:
    _schema(key)
    return get_settings(ws)[key]


def set_setting(ws: OpenWorkspace, key: str, raw: object) -> Any:
    require(ws, "settings.set", ADMIN)
    value = _schema(key).parse(key, raw)
    with change(ws, "settings.set", ADMIN) as ch:
        row = ch.session.get(Setting, key)
        old = json.loads(row.value) if row else SCHEMA[key].default
        if row is None:
            ch.session.add(Setting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)
        ch.audit(f"setting:{key}", old=old, new=value)
    return value


# -- the campaign a user works on (remembered per account) ------------------------------------------------------
def _current_campaign_key(ws: OpenWorkspace) -> str:
    return f"current_campaign:{ws.actor.user_id}"


def current_campaign(ws: OpenWorkspace) -> str | None:
    """The campaign this account last chose to work on, or None (never chosen, or since deleted)."""
    from reviewdesk.store.models import Campaign  # the case-data models: not on the light path of the CLI

    with query(ws, "settings.get", ANYONE) as session:
        row = session.get(Setting, _current_campaign_key(ws))
        chosen = json.loads(row.value) if row is not None else None
        if not isinstance(chosen, str) or session.get(Campaign, chosen) is None:
            return None
        return chosen


def set_current_campaign(ws: OpenWorkspace, campaign_id: str) -> str:
    """Remember the campaign this account works on; every page follows it. Choosing the one already
    remembered writes nothing."""
    from reviewdesk.store.models import Campaign

    require(ws, "settings.current_campaign", ANYONE)
    if current_campaign(ws) == campaign_id:
        return campaign_id
    with change(ws, "settings.current_campaign", ANYONE) as ch:
        if ch.session.get(Campaign, campaign_id) is None:
            raise ValidationError(
                "campaign", f"unknown campaign '{campaign_id}'", message_zh=f"没有编号为“{campaign_id}”的评查活动"
            )
        key = _current_campaign_key(ws)
        row = ch.session.get(Setting, key)
        old = json.loads(row.value) if row is not None else None
        if row is None:
            ch.session.add(Setting(key=key, value=json.dumps(campaign_id)))
        else:
            row.value = json.dumps(campaign_id)
        ch.audit(f"campaign:{campaign_id}", old=old, new=campaign_id)
    return campaign_id
