"""The follow-up figures of a campaign for the statistics page and the campaign report: the rectification rate,
the referrals' outcomes, the objections upheld or changed, and what is overdue (deadline before today, still
owed). A handful of grouped counts in the caller's session; overdue is computed, never stored."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewdesk.followup import objections as objection_rules
from reviewdesk.followup import rectification as item_rules
from reviewdesk.followup import referrals as referral_rules
from reviewdesk.store.models import Objection, RectificationItem, Referral


@dataclass(frozen=True)
class FollowupStats:
    items: int
    by_status: dict[str, int]  # open reported verified closed sent_back → count (zeros kept)
    items_overdue: int
    referrals_sent: int  # letter sent (with or without feedback)
    referral_outcomes: dict[str, int]  # investigated punished not_filed other → count of feedbacks (zeros kept)
    referrals_awaiting: int  # sent, no feedback yet
    referrals_overdue: int  # awaiting past the feedback deadline
    objections: int
    upheld: int
    changed: int
    pending: int

    @property
    def fixed(self) -> int:
        """Items the 回头看 found fixed (verified) or closed off."""
        return self.by_status[item_rules.VERIFIED] + self.by_status[item_rules.CLOSED]

    @property
    def rectification_rate(self) -> float:
        """整改率: fixed items over all items (0 when there are none)."""
        return self.fixed / self.items if self.items else 0.0

    @property
    def closed_rate(self) -> float:
        """销号率: closed items over all items."""
        return self.by_status[item_rules.CLOSED] / self.items if self.items else 0.0

    @property
    def empty(self) -> bool:
        return not (self.items or self.referrals_sent or self.objections)


def _counts(rows: Iterable[Any]) -> dict[str, int]:
    return {key: count for key, count in rows}


def load_followup_stats(s: Session, campaign_id: str, today: date) -> FollowupStats:
    day = today.isoformat()
    by_status = dict.fromkeys(item_rules.STATUSES, 0)
    by_status.update(_counts(s.execute(select(RectificationItem.status, func.count()).where(
        RectificationItem.campaign_id == campaign_id).group_by(RectificationItem.status))))
    items_overdue = s.execute(select(func.count()).select_from(RectificationItem).where(
        RectificationItem.campaign_id == campaign_id, RectificationItem.status.in_(item_rules.OWED),
        RectificationItem.deadline < day)).scalar_one()
    outcomes = dict.fromkeys(referral_rules.OUTCOMES, 0)
    outcomes.update(_counts(s.execute(select(Referral.outcome, func.count()).where(
        Referral.campaign_id == campaign_id, Referral.status == referral_rules.FEEDBACK)
        .group_by(Referral.outcome))))
    awaiting, overdue = s.execute(select(
        func.count(), func.coalesce(func.sum(Referral.feedback_deadline < day), 0)).where(
        Referral.campaign_id == campaign_id, Referral.status == referral_rules.SENT)).one()
    decisions = _counts(s.execute(select(Objection.status, func.count()).where(
        Objection.campaign_id == campaign_id).group_by(Objection.status)))
    return FollowupStats(
        items=sum(by_status.values()), by_status=by_status, items_overdue=items_overdue,
        referrals_sent=awaiting + sum(outcomes.values()), referral_outcomes=outcomes, referrals_awaiting=awaiting,
        referrals_overdue=int(overdue), objections=sum(decisions.values()),
        upheld=decisions.get(objection_rules.UPHELD, 0), changed=decisions.get(objection_rules.CHANGED, 0),
        pending=decisions.get(objection_rules.PENDING, 0))
