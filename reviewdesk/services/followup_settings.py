"""A campaign's follow-up settings (reviewdesk/followup/settings.py): read by every follow-up service, set by
the admin. Also the roles of the follow-up registers and the campaign lookup they share."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from reviewdesk.errors import NotFound
from reviewdesk.followup import settings as spec
from reviewdesk.followup.workdays import soon_limit
from reviewdesk.services.base import ADMIN, change, query, require
from reviewdesk.store.models import Campaign, FollowupSettings, Role
from reviewdesk.workspace import OpenWorkspace

KEEPERS = ADMIN  # the office keeps the registers
READERS = frozenset({Role.ADMIN, Role.OBSERVER})  # experts see none of them (referrals name persons)


def campaign_of(s: Session, campaign_id: str) -> Campaign:
    campaign = s.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
    return campaign


def settings_of(s: Session, campaign_id: str) -> dict[str, Any]:
    row = s.get(FollowupSettings, campaign_id)
    return spec.effective(json.loads(row.body) if row else {})


def campaign_window(s: Session, campaign_id: str, today: date) -> tuple[str, str]:
    """ISO bounds for today: a deadline before the first is overdue; up to the second, due soon."""
    return today.isoformat(), soon_limit(today, settings_of(s, campaign_id)["due_soon_days"]).isoformat()


def campaign_windows(s: Session, today: date) -> Callable[[str], tuple[str, str]]:
    """`campaign_window` for many rows: each campaign's settings read once."""
    return functools.cache(lambda campaign_id: campaign_window(s, campaign_id, today))


def get_settings(ws: OpenWorkspace, campaign_id: str) -> dict[str, Any]:
    with query(ws, "followup.settings", READERS) as s:
        campaign_of(s, campaign_id)
        return settings_of(s, campaign_id)


def set_setting(ws: OpenWorkspace, campaign_id: str, key: str, raw: object) -> Any:
    require(ws, "followup.settings.set", KEEPERS)
    value = spec.spec(key).parse(key, raw)
    with change(ws, "followup.settings.set", KEEPERS) as ch:
        campaign_of(ch.session, campaign_id)
        row = ch.session.get(FollowupSettings, campaign_id)
        stored = json.loads(row.body) if row else {}
        old = spec.effective(stored)[key]
        stored[key] = value
        body = json.dumps(stored, ensure_ascii=False, sort_keys=True)
        if row is None:
            ch.session.add(FollowupSettings(campaign_id=campaign_id, body=body))
        else:
            row.body = body
        ch.audit(f"campaign:{campaign_id}", key=key, old=old, new=value)
    return value
