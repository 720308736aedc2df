"""专项整治 as services: the problem ranking of a campaign, and special rectifications opened from it. Its items
are the campaign's rectification items of that problem category, linked to it (now and when generated later)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.followup import special as rules
from reviewdesk.followup.dates import parse_deadline
from reviewdesk.services.base import change, query, require
from reviewdesk.services.followup_settings import KEEPERS, READERS, campaign_of, settings_of
from reviewdesk.store.models import Case, ConclusionFinding, RectificationItem, SpecialRectification
from reviewdesk.workspace import OpenWorkspace


@dataclass(frozen=True)
class SpecialView:
    id: int
    campaign_id: str
    category: str
    title: str
    requirement: str
    deadline: str
    case_ids: list[int]
    units: list[str]
    progress: str
    status: str
    items: list[int]  # rectification item ids linked to it
    created_by: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _ranking(s: Session, campaign_id: str) -> list[rules.Ranked]:
    """Findings of the local conclusions and the items (which cover received results too), per case once."""
    conf = settings_of(s, campaign_id)
    local = s.execute(select(ConclusionFinding.category, Case.id, Case.unit_code)
                      .join(Case, Case.id == ConclusionFinding.case_id)
                      .where(ConclusionFinding.campaign_id == campaign_id)).all()
    items = s.execute(select(RectificationItem.category, RectificationItem.case_id, RectificationItem.unit_code)
                      .where(RectificationItem.campaign_id == campaign_id)).all()
    seen = {(c, k, u) for c, k, u in [*local, *items]}
    return rules.rank(sorted(seen), conf["special_min_cases"], conf["special_min_units"])


def ranking(ws: OpenWorkspace, campaign_id: str) -> list[rules.Ranked]:
    with query(ws, "special.ranking", READERS) as s:
        campaign_of(s, campaign_id)
        return _ranking(s, campaign_id)


def _view(s: Session, row: SpecialRectification) -> SpecialView:
    items = list(s.execute(select(RectificationItem.id).where(RectificationItem.special_id == row.id)
                           .order_by(RectificationItem.seq)).scalars())
    return SpecialView(row.id, row.campaign_id, row.category, row.title, row.requirement, row.deadline,
                       json.loads(row.cases), json.loads(row.units), row.progress, row.status, items, row.created_by)


def link_open_special(s: Session, item: RectificationItem) -> None:
    """A new item of a category that has an open special rectification belongs to it."""
    special = s.execute(select(SpecialRectification.id).where(
        SpecialRectification.campaign_id == item.campaign_id, SpecialRectification.category == item.category,
        SpecialRectification.status == rules.OPEN)).scalar_one_or_none()
    item.special_id = special


def create_special(ws: OpenWorkspace, campaign_id: str, category: str, requirement: str, deadline: str,
                   title: str = "", today: date | None = None) -> SpecialView:
    """Open a special rectification for a problem category the ranking qualifies (≥ N cases or ≥ M units)."""
    action = "special.create"
    require(ws, action, KEEPERS)
    requirement = requirement.strip()
    if not requirement:
        raise ValidationError("requirement", "must not be empty", message_zh="请填写专项整治的要求")
    due = parse_deadline(deadline, "deadline", today or clock.now().date())
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        campaign_of(s, campaign_id)
        found = next((r for r in _ranking(s, campaign_id) if r.category == category), None)
        if found is None:
            raise NotFound(f"no problem of category '{category}' in campaign {campaign_id}",
                           message_zh=f"评查活动 {campaign_id} 中没有“{category}”类问题")
        if not found.qualifies:
            conf = settings_of(s, campaign_id)
            raise Conflict(
                f"'{category}' was found in {len(found.case_ids)} case(s) of {len(found.units)} unit(s); a special "
                f"rectification needs {conf['special_min_cases']} cases or {conf['special_min_units']} units",
                message_zh=f"“{category}”类问题见于 {len(found.case_ids)} 件案件、{len(found.units)} 个单位，"
                           f"未达到专项整治的条件（{conf['special_min_cases']} 件或 {conf['special_min_units']} 个单位）")
        if s.execute(select(SpecialRectification.id).where(SpecialRectification.campaign_id == campaign_id,
                                                           SpecialRectification.category == category)).first():
            raise Conflict(f"campaign {campaign_id} already has a special rectification of '{category}'",
                           message_zh=f"评查活动 {campaign_id} 已有“{category}”专项整治")
        row = SpecialRectification(
            campaign_id=campaign_id, category=category, title=title.strip() or f"{category}问题专项整治",
            requirement=requirement, deadline=due.day.isoformat(), cases=json.dumps(list(found.case_ids)),
            units=json.dumps(list(found.units), ensure_ascii=False), progress="", status=rules.OPEN,
            created_by=ws.actor.username, created_at=clock.now())
        s.add(row)
        s.flush()
        linked = s.execute(select(RectificationItem).where(RectificationItem.campaign_id == campaign_id,
                                                           RectificationItem.category == category)).scalars().all()
        for item in linked:
            item.special_id = row.id
        ch.audit(f"special:{row.id}", campaign=campaign_id, category=category, cases=len(found.case_ids),
                 units=len(found.units), items=[i.id for i in linked], deadline=row.deadline)
        return _view(s, row)


def list_specials(ws: OpenWorkspace, campaign_id: str | None = None) -> list[SpecialView]:
    with query(ws, "special.list", READERS) as s:
        stmt = select(SpecialRectification).order_by(SpecialRectification.id)
        if campaign_id is not None:
            campaign_of(s, campaign_id)
            stmt = stmt.where(SpecialRectification.campaign_id == campaign_id)
        return [_view(s, r) for r in s.execute(stmt).scalars()]


def show_special(ws: OpenWorkspace, special_id: int) -> SpecialView:
    with query(ws, "special.show", READERS) as s:
        row = s.get(SpecialRectification, special_id)
        if row is None:
            raise NotFound(f"no special rectification {special_id}", message_zh=f"没有编号为 {special_id} 的专项整治")
        return _view(s, row)
