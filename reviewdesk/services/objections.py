"""异议 and 复核 as services. The admin records the unit's objection (refused when late, unless the admin records
why it is admitted); the panel's leader (or the admin) records the re-check: upheld, or changed — a new
conclusion version (the earlier one kept in conclusion_versions) and a re-issued opinion number that names the
opinion it replaces."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.documents import opinion_numbers
from reviewdesk.documents.profile import load_profile
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.followup import objections as rules
from reviewdesk.followup.dates import parse_date
from reviewdesk.services.base import Refusal, change, query, require
from reviewdesk.services.deliberation import ConclusionInput, record_conclusion
from reviewdesk.services.followup_settings import KEEPERS, READERS, campaign_of, settings_of
from reviewdesk.services.lookup import resolve_case
from reviewdesk.services.panel_seats import PANEL_ROLES, case_campaign, panel, require_panel_or_admin
from reviewdesk.services.rectification_generate import flag_superseded
from reviewdesk.store.models import (
    Case,
    Conclusion,
    ConclusionVersion,
    Objection,
    OpinionNumber,
    OpinionReissue,
    PanelMember,
    Role,
)
from reviewdesk.workspace import OpenWorkspace


@dataclass(frozen=True)
class ObjectionView:
    id: int
    campaign_id: str
    case_id: int
    case_external_id: str
    objector: str
    delivered_on: str
    received_on: str
    deadline: str
    grounds: str
    late: bool
    admitted_reason: str
    status: str  # pending | upheld | changed
    decision_reason: str
    checked: str
    from_version: int
    to_version: int | None
    decided_by: str | None
    decided_at: str | None
    reissued_number: str | None
    replaces: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _view(s: Session, o: Objection) -> ObjectionView:
    case = s.get(Case, o.case_id)
    assert case is not None
    reissue = s.execute(select(OpinionReissue).where(OpinionReissue.objection_id == o.id)).scalar_one_or_none()
    return ObjectionView(
        o.id, o.campaign_id, o.case_id, case.external_id, o.objector, o.delivered_on, o.received_on, o.deadline,
        o.grounds, o.late, o.admitted_reason, o.status, o.decision_reason, o.checked, o.from_version, o.to_version,
        o.decided_by, o.decided_at.isoformat(timespec="seconds") if o.decided_at else None,
        reissue.number if reissue else None, reissue.replaces if reissue else None)


def _row(s: Session, objection_id: int) -> Objection:
    row = s.get(Objection, objection_id)
    if row is None:
        raise NotFound(f"no objection {objection_id}", message_zh=f"没有编号为 {objection_id} 的异议")
    return row


def _visible(s: Session, ws: OpenWorkspace, o: Objection) -> bool:
    """Admins and observers see every objection; an expert only those of cases whose panel they sit on."""
    if ws.actor.role != Role.EXPERT:
        return True
    return any(e.user_id == ws.actor.user_id for _m, e in panel(s, o.campaign_id, o.case_id))


LIST_ROLES = READERS | {Role.EXPERT}


def list_objections(ws: OpenWorkspace, campaign_id: str | None = None, case_ref: str | None = None,
                    status: str | None = None) -> list[ObjectionView]:
    with query(ws, "objection.list", LIST_ROLES) as s:
        stmt = select(Objection)
        if campaign_id is not None:
            campaign_of(s, campaign_id)
            stmt = stmt.where(Objection.campaign_id == campaign_id)
        if case_ref is not None:
            stmt = stmt.where(Objection.case_id == resolve_case(s, case_ref).id)
        if status is not None:
            stmt = stmt.where(Objection.status == status)
        return [_view(s, o) for o in s.execute(stmt.order_by(Objection.id)).scalars() if _visible(s, ws, o)]


def show_objection(ws: OpenWorkspace, objection_id: int) -> ObjectionView:
    with query(ws, "objection.show", LIST_ROLES) as s:
        o = _row(s, objection_id)
        if not _visible(s, ws, o):
            raise Refusal("not on the panel of this case")
        return _view(s, o)


def _delivered(s: Session, campaign_id: str, case: Case, delivered_on: str | None) -> date:
    if delivered_on:
        return parse_date(delivered_on, "delivered_on")
    number = s.get(OpinionNumber, (campaign_id, case.id))
    if number is None:
        raise ValidationError("delivered_on", "no opinion was issued for this case; give the date the unit received it",
                              message_zh="本案尚未出具评查意见书编号，请填写被评查单位收到评查意见的日期")
    return number.issued_at.date()


def add_objection(ws: OpenWorkspace, case_ref: str | int, objector: str, grounds: str, received_on: str | None = None,
                  delivered_on: str | None = None, admit_reason: str | None = None,
                  campaign_id: str | None = None) -> ObjectionView:
    """The unit's objection. After the campaign's objection period (objection_days working days from the day the
    unit received the opinion) it is refused unless `admit_reason` says why the office admits it; the refusal is
    audited as objection.refused."""
    action = "objection.add"
    require(ws, action, KEEPERS)
    objector, grounds = objector.strip(), grounds.strip()
    if not objector:
        raise ValidationError("objector", "say who objects", message_zh="请填写提出异议的单位或人员")
    if not grounds:
        raise ValidationError("grounds", "give the grounds", message_zh="请填写异议的理由")
    received = parse_date(received_on, "received_on") if received_on else clock.now().date()
    late_refusal: dict[str, Any] | None = None
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        case = resolve_case(s, str(case_ref))
        campaign = case_campaign(s, case, campaign_id)
        conclusion = s.get(Conclusion, (campaign.id, case.id))
        if conclusion is None:
            raise NotFound(f"case {case.external_id} has no conclusion on this machine",
                           message_zh=f"案件 {case.external_id} 在本机没有合议结论，复核须由原评查组在其工作机上进行")
        delivered = _delivered(s, campaign.id, case, delivered_on)
        deadline = rules.objection_deadline(delivered, settings_of(s, campaign.id)["objection_days"])
        late = rules.is_late(received, deadline.day)
        reason = (admit_reason or "").strip()
        if late and not reason:
            late_refusal = {"case": case.id, "campaign": campaign.id, "received_on": received.isoformat(),
                            "deadline": deadline.day.isoformat()}
        else:
            row = Objection(campaign_id=campaign.id, case_id=case.id, objector=objector,
                            delivered_on=delivered.isoformat(), received_on=received.isoformat(),
                            deadline=deadline.day.isoformat(), grounds=grounds, late=late,
                            admitted_reason=reason if late else "", status=rules.PENDING,
                            from_version=conclusion.version, created_by=ws.actor.username, created_at=clock.now())
            s.add(row)
            s.flush()
            ch.audit(f"objection:{row.id}", campaign=campaign.id, case=case.id, late=late, deadline=row.deadline,
                     admitted=bool(late), calendar_note=deadline.note)
            objection_id = row.id
        if late_refusal is not None:
            ch.audit(f"case:{case.id}", refused="late", **late_refusal)  # the refusal itself is on record
    if late_refusal is not None:
        raise Conflict(
            f"the objection came after the deadline {late_refusal['deadline']}; record why it is admitted to accept it",
            message_zh=f"异议在期限（{late_refusal['deadline']}）之后提出，不予受理；如确需受理，请填写受理理由")
    return show_objection(ws, objection_id)


def _reissue(s: Session, o: Objection, version: int, actor: str) -> OpinionReissue:
    """The re-issued opinion's number: next in the opinion prefix and year, shared with first issues."""
    prefix = load_profile().number_prefix
    moment = clock.now()
    seq = opinion_numbers.next_seq(s, prefix, moment.year)
    previous = s.execute(select(OpinionReissue.number).where(
        OpinionReissue.campaign_id == o.campaign_id, OpinionReissue.case_id == o.case_id)
        .order_by(OpinionReissue.id.desc())).scalars().first()
    if previous is None:
        original = s.get(OpinionNumber, (o.campaign_id, o.case_id))
        previous = original.number if original else None
    row = OpinionReissue(campaign_id=o.campaign_id, case_id=o.case_id, objection_id=o.id, version=version,
                         replaces=previous, prefix=prefix, year=moment.year, seq=seq,
                         number=f"{prefix}〔{moment.year}〕{seq}号", issued_by=actor, issued_at=moment)
    s.add(row)
    return row


def decide(ws: OpenWorkspace, objection_id: int, decision: str, reason: str, checked: str = "",
           conclusion: ConclusionInput | None = None) -> ObjectionView:
    """The panel's 复核: upheld (维持), or changed (变更) with the new conclusion — recorded as a new version
    (the earlier one is kept), with a re-issued opinion number, and the rectification items and referrals of
    the earlier version flagged for review. The panel's leader, or the admin."""
    action = "objection.decide"
    require(ws, action, PANEL_ROLES)
    if decision not in rules.DECISIONS:
        raise ValidationError("decision", "upheld or changed", message_zh="复核决定只能是维持（upheld）或变更（changed）")
    reason = reason.strip()
    if not reason:
        raise ValidationError("reason", "give the reasons of the decision", message_zh="请写明复核决定的理由")
    if decision == rules.CHANGED and conclusion is None:
        raise ValidationError("conclusion", "a change needs the new conclusion (conclude's JSON)",
                              message_zh="变更须附新的合议结论（与“合议结论”相同的 JSON 格式）")
    if decision == rules.UPHELD and conclusion is not None:
        raise ValidationError("conclusion", "an upheld conclusion stays as it is; give no new one",
                              message_zh="维持原结论时不需要提交新的合议结论")
    with change(ws, action, PANEL_ROLES) as ch:
        s = ch.session
        o = _row(s, objection_id)
        members = panel(s, o.campaign_id, o.case_id)
        seat: PanelMember | None = require_panel_or_admin(s, ws, members, action)
        if seat is not None and seat.role != "leader":
            raise Refusal("only the panel leader records the re-check")
        if o.status != rules.PENDING:
            raise Conflict(f"objection {o.id} was already decided ({o.status})",
                           message_zh=f"该异议已复核（{rules.STATUS_ZH[o.status]}），不能再次决定")
        details: dict[str, Any] = {}
        if decision == rules.CHANGED:
            assert conclusion is not None
            view = record_conclusion(ch, str(o.case_id), conclusion, o.campaign_id)
            o.to_version = view.version
            reissue = _reissue(s, o, view.version, ws.actor.username)
            details = {"to_version": view.version, "number": reissue.number, "replaces": reissue.replaces,
                       "flagged": flag_superseded(s, o.campaign_id, o.case_id, view.version)}
        o.status, o.decision_reason, o.checked = decision, reason, checked.strip()
        o.decided_by, o.decided_at = ws.actor.username, clock.now()
        s.flush()
        ch.audit(f"objection:{o.id}", decision=decision, from_version=o.from_version, by_admin=seat is None, **details)
        return _view(s, o)


def conclusion_versions(ws: OpenWorkspace, case_ref: str | int, campaign_id: str | None = None) -> list[dict[str, Any]]:
    """Every kept earlier version of a case's conclusion, oldest first (the current one is the deliberation's)."""
    with query(ws, "conclusion.versions", READERS | PANEL_ROLES) as s:
        case = resolve_case(s, str(case_ref))
        campaign = case_campaign(s, case, campaign_id)
        if ws.actor.role == Role.EXPERT:
            require_panel_or_admin(s, ws, panel(s, campaign.id, case.id), "conclusion.versions")
        rows = s.execute(select(ConclusionVersion).where(
            ConclusionVersion.campaign_id == campaign.id, ConclusionVersion.case_id == case.id)
            .order_by(ConclusionVersion.version)).scalars()
        return [{"version": r.version, **json.loads(r.body), "kept_by": r.kept_by,
                 "kept_at": r.kept_at.isoformat(timespec="seconds")} for r in rows]
