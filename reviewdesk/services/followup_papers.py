"""The follow-up registers' papers as Word and PDF bytes made in memory. Today: the 整改通知书 to a reviewed
unit (its open and sent-back items). Exporting issues the notice's number the first time (one per campaign
and unit, never reused; prefix `notice_prefix`); a draft issues nothing. Every production is audited."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.documents.labels import outcome_zh
from reviewdesk.documents.profile import Profile, load_profile
from reviewdesk.documents.rectification_notice import (
    NoticeFacts,
    NoticeItem,
    facts_cases,
    rectification_notice,
)
from reviewdesk.documents.referral_letter import LetterFacts, referral_letter
from reviewdesk.errors import Conflict, NotFound
from reviewdesk.followup import rectification as rules
from reviewdesk.followup.referrals import DEFAULT_BODY
from reviewdesk.services.base import change, require
from reviewdesk.services.documents import MEDIA_TYPES, Rendered, check_format, render
from reviewdesk.services.followup_settings import KEEPERS, campaign_of, settings_of
from reviewdesk.store.models import Case, Conclusion, FollowupNumber, RectificationItem, Referral, Unit
from reviewdesk.workspace import OpenWorkspace

NOTICE = "rectification_notice"
REFERRAL = "referral_letter"


def _number(s: Session, kind: str, campaign_id: str, subject: str, prefix: str, actor: str) -> tuple[str, bool]:
    row = s.get(FollowupNumber, (kind, campaign_id, subject))
    if row is not None:
        return row.number, False
    moment = clock.now()
    seq = (s.execute(select(func.max(FollowupNumber.seq)).where(
        FollowupNumber.prefix == prefix, FollowupNumber.year == moment.year)).scalar() or 0) + 1
    number = f"{prefix}〔{moment.year}〕{seq}号"
    s.add(FollowupNumber(kind=kind, campaign_id=campaign_id, subject=subject, prefix=prefix, year=moment.year,
                         seq=seq, number=number, issued_by=actor, issued_at=moment))
    s.flush()
    return number, True


def _paper_action(ws: OpenWorkspace, fmt: str, draft: bool) -> str:
    """The audited action of making a paper (a draft only previews), after the role and format checks."""
    action = "document.preview" if draft else "notice.export"
    require(ws, action, KEEPERS)
    check_format(fmt)
    return action


def rectification_notice_file(ws: OpenWorkspace, campaign_id: str, unit_code: str, fmt: str,
                              profile: Profile | None = None, *, draft: bool = False) -> Rendered:
    """The 整改通知书 to one unit: its items still owed (待整改, 退回重改), grouped by case (admin)."""
    action = _paper_action(ws, fmt, draft)
    profile = profile or load_profile()
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        campaign = campaign_of(s, campaign_id)
        unit = s.get(Unit, unit_code)
        if unit is None:
            raise NotFound(f"no unit '{unit_code}'", message_zh=f"没有单位“{unit_code}”")
        rows = s.execute(
            select(RectificationItem, Case.case_number, Case.title, Conclusion.outcome)
            .join(Case, Case.id == RectificationItem.case_id)
            .outerjoin(Conclusion, (Conclusion.case_id == Case.id) & (Conclusion.campaign_id == campaign_id))
            .where(RectificationItem.campaign_id == campaign_id, RectificationItem.unit_code == unit_code,
                   RectificationItem.status.in_(rules.OWED))
            .order_by(RectificationItem.case_id, RectificationItem.seq)).all()
        if not rows:
            raise NotFound(f"unit {unit_code} has no open rectification items in {campaign_id}",
                           message_zh=f"{unit.name}在评查活动 {campaign_id} 中没有待整改事项")
        number, issued = (None, False)
        if not draft:
            prefix = settings_of(s, campaign_id)["notice_prefix"]
            number, issued = _number(s, NOTICE, campaign_id, unit_code, prefix, ws.actor.username)
        cases = facts_cases([
            (number_, title, outcome_zh(outcome) or "待整改",
             NoticeItem(f"{i.campaign_id}-Z{i.seq:04d}", i.kind, i.description, i.evidence_ref, i.requirement,
                        date.fromisoformat(i.deadline)))
            for i, number_, title, outcome in rows])
        facts = NoticeFacts(campaign.name, unit.name, unit.kind, cases, number)
        ch.audit(f"unit:{unit_code}", campaign=campaign_id, kind=NOTICE, format=fmt, number=number, issued=issued,
                 items=len(rows))
    doc = rectification_notice(facts, profile, clock.now(), draft=draft)
    name = f"{unit.name}-整改通知书{'（草稿）' if draft else ''}.{fmt}"
    return Rendered(unit_code, NOTICE, number, name, MEDIA_TYPES[fmt], render(doc, fmt, profile))


def referral_letter_file(ws: OpenWorkspace, referral_id: int, fmt: str, profile: Profile | None = None, *,
                         draft: bool = False) -> Rendered:
    """The 线索移送函 of a referral (admin only: it names persons). Its number is the one `referral letter`
    issued; until then only a draft (文号待定) can be made."""
    action = _paper_action(ws, fmt, draft)
    profile = profile or load_profile()
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        r = s.get(Referral, referral_id)
        if r is None:
            raise NotFound(f"no referral {referral_id}", message_zh=f"没有编号为 {referral_id} 的线索移送")
        if r.letter_number is None and not draft:
            raise Conflict(f"referral {r.id} has no letter number yet; issue it with `referral letter`",
                           message_zh="该线索尚未编发移送函文号，请先登记移送（referral letter），或只生成草稿")
        case = s.get(Case, r.case_id)
        assert case is not None
        unit = s.get(Unit, case.unit_code)
        facts = LetterFacts(
            campaign_of(s, r.campaign_id).name, r.receiving_body or DEFAULT_BODY, case.case_number, case.title,
            unit.name if unit else case.unit_code,
            tuple((p["name"], p.get("unit", ""), p.get("post", "")) for p in json.loads(r.persons)), r.clue,
            tuple((e["title"], e.get("ref", "")) for e in json.loads(r.evidence)),
            date.fromisoformat(r.feedback_deadline) if r.feedback_deadline else None,
            None if draft else r.letter_number)
        ch.audit(f"referral:{r.id}", kind=REFERRAL, format=fmt, number=facts.number)
    doc = referral_letter(facts, profile, clock.now(), draft=draft)
    name = f"线索移送函-{referral_id}{'（草稿）' if draft else ''}.{fmt}"
    return Rendered(case.external_id, REFERRAL, facts.number, name, MEDIA_TYPES[fmt], render(doc, fmt, profile))
