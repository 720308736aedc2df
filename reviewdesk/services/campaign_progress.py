"""Where each campaign stands, counted from its data (the stored `status` is only set at creation).

Stages: `planning` (no case chosen yet), `drawn` (cases chosen, no panel saved), `reviewing` (panels saved,
some case not concluded), `concluded` (every chosen case has the panel's conclusion). Counts only — no case
data — so every role may read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from reviewdesk.services.base import ANYONE, query
from reviewdesk.store.models import CampaignCase, Conclusion, PanelMember
from reviewdesk.workspace import OpenWorkspace


@dataclass(frozen=True)
class Progress:
    cases: int  # chosen for review
    panels: int  # cases with a saved panel
    concluded: int

    @property
    def stage(self) -> str:
        if self.cases == 0:
            return "planning"
        if self.panels == 0:
            return "drawn"
        return "concluded" if self.concluded >= self.cases else "reviewing"


def _counts(session: object, column: object, campaign: object) -> dict[str, int]:
    rows = session.execute(select(campaign, func.count(distinct(column))).group_by(campaign))  # type: ignore[attr-defined]
    return {str(c): int(n) for c, n in rows}


def campaign_progress(ws: OpenWorkspace) -> dict[str, Progress]:
    """Progress by campaign id (campaigns without any case are absent: they are still `planning`)."""
    with query(ws, "campaign.progress", ANYONE) as session:
        chosen = _counts(session, CampaignCase.case_id, CampaignCase.campaign_id)
        panels = _counts(session, PanelMember.case_id, PanelMember.campaign_id)
        concluded = _counts(session, Conclusion.case_id, Conclusion.campaign_id)
    return {
        campaign: Progress(chosen.get(campaign, 0), panels.get(campaign, 0), concluded.get(campaign, 0))
        for campaign in {*chosen, *panels, *concluded}
    }
