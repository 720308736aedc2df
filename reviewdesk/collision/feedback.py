"""What a unit's feedback opinion (评查情况反馈意见) says of the campaign's collision screening: the unit's
confirmed hits (identity numbers masked) and how many of its leads are still undecided — or nothing, when no
screening ran or the unit's officers were not on the screened roster. Cleared leads and exempt matches are
never reported. Read in the caller's session; the caller checks that its user may see hits (admin)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewdesk.collision.results import ConfirmedHit, confirmed_hits, match_rows
from reviewdesk.errors import Conflict
from reviewdesk.store.models import CollisionOfficer, CollisionState


@dataclass(frozen=True)
class UnitScreening:
    hits: tuple[ConfirmedHit, ...]
    pending: int  # leads on the unit's officers awaiting confirm / clear


def _stamp(value: str | None) -> datetime | None:
    if not value:
        return None
    at = json.loads(value).get("at")
    return datetime.fromisoformat(at) if at else None


def ran(s: Session, campaign_id: str) -> bool:
    """Whether the campaign's matches are those of a run on its current roster and extract. An import after
    the run clears the matches (services/collision.py) without clearing `last_run`: that is refused here, as a
    feedback opinion would otherwise report "nothing found" for a screening whose results are gone."""
    state = s.get(CollisionState, campaign_id)
    run_at = _stamp(state.last_run) if state else None
    if state is None or run_at is None:
        return False
    imported = [t for t in (_stamp(state.officers_import), _stamp(state.registry_import)) if t is not None]
    if any(t > run_at for t in imported):
        raise Conflict(f"collision data of campaign {campaign_id} were re-imported after the last run; run again",
                       message_zh="数据碰撞的干警名单或企业登记信息在上次碰撞后重新导入，碰撞结果已清空。"
                                  "请先重新开始碰撞（reviewdesk collision run），再出具反馈意见。")
    return True


def unit_screening(s: Session, campaign_id: str, unit_code: str) -> UnitScreening | None:
    """None: no screening ran for the campaign, or none of the unit's officers was on its roster."""
    if not ran(s, campaign_id):
        return None
    screened = s.scalar(select(func.count()).select_from(CollisionOfficer).where(
        CollisionOfficer.campaign_id == campaign_id, CollisionOfficer.unit_code == unit_code)) or 0
    if not screened:
        return None
    pending = len(match_rows(s, campaign_id, unit_code=unit_code, state="pending"))
    return UnitScreening(confirmed_hits(s, campaign_id, unit_code), pending)
