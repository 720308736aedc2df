"""An expert's to-do list for the home page: declarations to sign, sheets to fill, deliberations waiting.

A read (experts only, no audit entry), built from the panels, the sheets and the conclusions in one session:

- `declare`    — a panel case whose 回避声明 the expert has not confirmed yet (no sheet);
- `score`      — a sheet still a draft;
- `conclude`   — the expert leads the panel, every member has submitted, no conclusion yet (or one that the
                  office marked for review);
- `deliberate` — a member whose own sheet is in while the panel has not concluded yet.

Each task carries its campaign's scoring deadline (评分截止日期, when the office set one) and whether it is
overdue or due within five working days (the statutory calendar, followup/workdays.py), computed, not stored.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from reviewdesk.clock import now
from reviewdesk.followup.workdays import soon_limit
from reviewdesk.services.base import query
from reviewdesk.services.scoring import EXPERTS, _own_expert
from reviewdesk.store.models import Campaign, Case, Conclusion, PanelMember, ScoreSheet
from reviewdesk.workspace import OpenWorkspace

KINDS = ("declare", "score", "conclude", "deliberate")  # the order the list shows them in
DUE_SOON_WORKDAYS = 5  # as the follow-up registers' default "due soon"


@dataclass(frozen=True)
class Task:
    kind: str
    campaign_id: str
    case_id: int
    external_id: str
    title: str
    role: str  # leader | member
    submitted: int  # members who have submitted …
    members: int  # … of the panel's members
    deadline: str | None = None  # the campaign's scoring deadline, ISO date
    due: str | None = None  # "overdue" | "soon" | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def my_tasks(ws: OpenWorkspace) -> list[Task]:
    with query(ws, "score.my_tasks", EXPERTS) as session:
        me = _own_expert(session, ws)
        if me is None:
            return []
        seats = session.execute(
            select(PanelMember, Case).join(Case, Case.id == PanelMember.case_id).where(PanelMember.expert_id == me.id)
        ).all()
        if not seats:
            return []
        keys = {(seat.campaign_id, case.id) for seat, case in seats}
        case_ids = {case_id for _c, case_id in keys}
        members: dict[tuple[str, int], set[int]] = defaultdict(set)
        for row in session.execute(select(PanelMember).where(PanelMember.case_id.in_(case_ids))).scalars():
            members[(row.campaign_id, row.case_id)].add(row.expert_id)
        sheets: dict[tuple[str, int, int], str] = {
            (s.campaign_id, s.case_id, s.expert_id): s.status
            for s in session.execute(select(ScoreSheet).where(ScoreSheet.case_id.in_(case_ids))).scalars()
        }
        concluded = {
            (c.campaign_id, c.case_id): c.needs_review
            for c in session.execute(select(Conclusion).where(Conclusion.case_id.in_(case_ids))).scalars()
        }
        deadlines = dict(
            session.execute(
                select(Campaign.id, Campaign.scoring_deadline).where(
                    Campaign.id.in_({seat.campaign_id for seat, _case in seats})
                )
            ).all()
        )
        today = now().date()
        soon = soon_limit(today, DUE_SOON_WORKDAYS).isoformat()
        tasks: list[Task] = []
        for seat, case in seats:
            key = (seat.campaign_id, case.id)
            panel = members[key]
            done = sum(1 for expert in panel if sheets.get((*key, expert)) == "submitted")
            mine = sheets.get((*key, me.id))
            open_deliberation = key not in concluded or concluded[key]
            if mine is None:
                kind = "declare"
            elif mine != "submitted":
                kind = "score"
            elif open_deliberation and seat.role == "leader" and done == len(panel):
                kind = "conclude"
            elif open_deliberation:
                kind = "deliberate"
            else:
                continue  # concluded: nothing left for this expert
            deadline = deadlines.get(seat.campaign_id)
            due = None if deadline is None else "overdue" if deadline < today.isoformat() else "soon" if deadline <= soon else None
            tasks.append(
                Task(kind, seat.campaign_id, case.id, case.external_id, case.title, seat.role, done, len(panel), deadline, due)
            )
        tasks.sort(key=lambda t: (KINDS.index(t.kind), t.campaign_id, t.external_id))
        return tasks
