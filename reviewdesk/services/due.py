"""What is due: the rectification items, referrals and special rectifications whose deadline is near (due
soon, default 5 working days) or past (overdue), per campaign and unit. Computed for a day, never stored."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import case, func, select, true
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.followup import rectification as items_rules
from reviewdesk.followup import referrals as referral_rules
from reviewdesk.followup import special as special_rules
from reviewdesk.followup.workdays import add_workdays
from reviewdesk.services.base import query
from reviewdesk.services.followup_settings import READERS, campaign_of, settings_of
from reviewdesk.services.many_rows import collector_paused
from reviewdesk.services.rectification import due_of_sql
from reviewdesk.store.models import Campaign, Case, RectificationItem, Referral, SpecialRectification
from reviewdesk.workspace import OpenWorkspace

REGISTERS = ("rectification", "referral", "special")


@dataclass(frozen=True)
class DueRow:
    register: str  # rectification | referral | special
    id: int
    label: str  # problem number, letter number or the special's title
    campaign_id: str
    case_external_id: str | None
    unit_code: str | None
    deadline: str
    state: str  # due_soon | overdue
    status: str


@dataclass
class DueList:
    today: str
    rows: list[DueRow] = field(default_factory=list)
    calendar_note: str = ""

    def counts(self) -> dict[str, dict[str, int]]:
        out = {r: {"due_soon": 0, "overdue": 0} for r in REGISTERS}
        for row in self.rows:
            out[row.register][row.state] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        return {"today": self.today, "counts": self.counts(), "calendar_note": self.calendar_note,
                "rows": [asdict(r) for r in self.rows]}


def _campaigns(s: Session, campaign_id: str | None) -> list[str]:
    if campaign_id is not None:
        campaign_of(s, campaign_id)
        return [campaign_id]
    return list(s.execute(select(Campaign.id).order_by(Campaign.id)).scalars())


def due(ws: OpenWorkspace, campaign_id: str | None = None, unit: str | None = None,
        today: date | None = None) -> DueList:
    """Everything due soon or overdue on `today` (default today), oldest deadline first within each register."""
    today = today or clock.now().date()
    result = DueList(today.isoformat())
    notes = set()
    with query(ws, "followup.due", READERS) as s, collector_paused():
        run = s.connection().execute  # plain Core rows: no ORM loading for 20,000 of them
        for cid in _campaigns(s, campaign_id):
            counted = add_workdays(today, settings_of(s, cid)["due_soon_days"])
            notes.add(counted.note)
            first, last = today.isoformat(), counted.day.isoformat()
            # Every row selected is owed and due by `last` (its where clause), so due_of_sql needs no owed test.
            stmt = (select(RectificationItem.id, RectificationItem.seq, Case.external_id, RectificationItem.unit_code,
                           RectificationItem.deadline, due_of_sql(RectificationItem.deadline, true(), first, last),
                           RectificationItem.status)
                    .join(Case, Case.id == RectificationItem.case_id)
                    .where(RectificationItem.campaign_id == cid, RectificationItem.status.in_(items_rules.OWED),
                           RectificationItem.deadline <= last))
            if unit is not None:
                stmt = stmt.where(RectificationItem.unit_code == unit)
            result.rows.extend(DueRow("rectification", iid, f"{cid}-Z{seq:04d}", cid, ext, unit_code, *rest)
                               for iid, seq, ext, unit_code, *rest in run(stmt.order_by(RectificationItem.deadline)).all())
            stmt = (select(Referral.id, Referral.letter_number, Case.external_id, Case.unit_code,
                           Referral.feedback_deadline, due_of_sql(Referral.feedback_deadline, true(), first, last),
                           Referral.status)
                    .join(Case, Case.id == Referral.case_id)
                    .where(Referral.campaign_id == cid, Referral.status == referral_rules.SENT,
                           Referral.feedback_deadline <= last))
            if unit is not None:
                stmt = stmt.where(Case.unit_code == unit)
            result.rows.extend(DueRow("referral", rid, number or "", cid, ext, unit_code, *rest)
                               for rid, number, ext, unit_code, *rest in run(stmt.order_by(Referral.feedback_deadline)).all())
            stmt = (select(SpecialRectification.id, SpecialRectification.title, SpecialRectification.deadline,
                           due_of_sql(SpecialRectification.deadline, true(), first, last), SpecialRectification.status,
                           SpecialRectification.units)
                    .where(SpecialRectification.campaign_id == cid, SpecialRectification.status == special_rules.OPEN,
                           SpecialRectification.deadline <= last)
                    .order_by(SpecialRectification.deadline))
            for sid, title, deadline, state, status, units in run(stmt):
                if unit is None or unit in json.loads(units):  # it concerns several units
                    result.rows.append(DueRow("special", sid, title, cid, None, None, deadline, state, status))
    result.calendar_note = "；".join(sorted(notes - {""}))
    return result


def due_counts(ws: OpenWorkspace, campaign_id: str | None = None, unit: str | None = None,
               today: date | None = None) -> dict[str, dict[str, int]]:
    """The home page's figures: per register, how many are due soon and overdue (counted in SQL)."""
    today = today or clock.now().date()
    out = {r: {"due_soon": 0, "overdue": 0} for r in REGISTERS}
    with query(ws, "followup.due", READERS) as s:
        for cid in _campaigns(s, campaign_id):
            first, last = today.isoformat(), add_workdays(today, settings_of(s, cid)["due_soon_days"]).day.isoformat()
            sources = (
                ("rectification", RectificationItem.deadline, [RectificationItem.campaign_id == cid,
                                                               RectificationItem.status.in_(items_rules.OWED)]
                 + ([RectificationItem.unit_code == unit] if unit else []), RectificationItem),
                ("referral", Referral.feedback_deadline, [Referral.campaign_id == cid, Referral.status == referral_rules.SENT]
                 + ([Case.unit_code == unit] if unit else []), Referral),
            )
            for register, deadline, where, table in sources:
                stmt = select(func.sum(case((deadline < first, 1), else_=0)),
                              func.sum(case((deadline >= first, 1), else_=0))).select_from(table)
                if table is Referral and unit:
                    stmt = stmt.join(Case, Case.id == Referral.case_id)
                overdue, soon = s.execute(stmt.where(*where, deadline <= last)).one()
                out[register]["overdue"] += overdue or 0
                out[register]["due_soon"] += soon or 0
            for sp in s.execute(select(SpecialRectification).where(
                    SpecialRectification.campaign_id == cid, SpecialRectification.status == special_rules.OPEN,
                    SpecialRectification.deadline <= last)).scalars():
                if unit is None or unit in json.loads(sp.units):
                    out["special"]["overdue" if sp.deadline < first else "due_soon"] += 1
    return out
