"""Who sits on a case's panel and which campaign a case belongs to: shared by scoring, deliberation and
interviews (internal helpers that run inside a service's session; the services check roles first)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.errors import NotFound, ValidationError
from reviewdesk.services.base import Refusal
from reviewdesk.store.models import Campaign, CampaignCase, Case, Expert, PanelMember, Role
from reviewdesk.workspace import OpenWorkspace

PANEL_ROLES = frozenset({Role.ADMIN, Role.EXPERT})  # panel members act through their expert accounts


def several_campaigns(case: Case, ids: Sequence[str]) -> ValidationError:
    listed = sorted(ids)
    return ValidationError(
        "campaign", f"case {case.external_id} is in several campaigns ({', '.join(listed)}); name one",
        message_zh=f"案件 {case.external_id} 属于多个评查活动（{'、'.join(listed)}），请指定评查活动",
    )


def case_campaign(session: Session, case: Case, campaign_id: str | None) -> Campaign:
    """The campaign given, else the only campaign whose panels or selection hold the case."""
    if campaign_id is not None:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
        return campaign
    ids = set(session.execute(select(PanelMember.campaign_id).where(PanelMember.case_id == case.id)).scalars())
    ids |= set(session.execute(select(CampaignCase.campaign_id).where(CampaignCase.case_id == case.id)).scalars())
    if not ids:
        raise NotFound(f"case {case.external_id} is in no campaign", message_zh=f"案件 {case.external_id} 不属于任何评查活动")
    if len(ids) > 1:
        raise several_campaigns(case, list(ids))
    campaign = session.get(Campaign, ids.pop())
    assert campaign is not None
    return campaign


def panel(session: Session, campaign_id: str, case_id: int) -> list[tuple[PanelMember, Expert]]:
    """The panel, leader first, then by roster id."""
    rows = session.execute(
        select(PanelMember, Expert).join(Expert, Expert.id == PanelMember.expert_id)
        .where(PanelMember.campaign_id == campaign_id, PanelMember.case_id == case_id)
    ).all()
    return sorted(((m, e) for m, e in rows), key=lambda r: (r[0].role != "leader", r[1].external_id))


def acting_member(session: Session, ws: OpenWorkspace, members: Sequence[tuple[PanelMember, Expert]]) -> PanelMember | None:
    """The acting user's seat on this panel (through Expert.user_id), or None."""
    return next((m for m, e in members if e.user_id is not None and e.user_id == ws.actor.user_id), None)


def require_panel_or_admin(
    session: Session, ws: OpenWorkspace, members: Sequence[tuple[PanelMember, Expert]], action: str
) -> PanelMember | None:
    """Admins pass (None); a member gets their seat; anyone else is refused (Refusal)."""
    if ws.actor.role == Role.ADMIN:
        return None
    seat = acting_member(session, ws, members) if ws.actor.role == Role.EXPERT else None
    if seat is None:
        raise Refusal("not on the panel of this case")
    return seat
