"""The follow-up registers' papers as Word and PDF bytes made in memory: the 整改通知书 to a reviewed unit (its
open and sent-back items), the 线索移送函, the 复核决定书, the 专项整治通知, the 回头看情况报告 and the
评查情况反馈意见 to a unit. Exporting issues a paper's number the first time (one per kind and subject, never
reused; prefix `notice_prefix`, the letter's is the referral's own); a draft issues nothing. Every production
is audited."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.collision.feedback import unit_screening
from reviewdesk.documents.followup_report import ReportFacts, UnitTally, followup_report
from reviewdesk.documents.labels import outcome_zh
from reviewdesk.documents.profile import Profile, load_profile
from reviewdesk.documents.recheck_decision import RecheckFacts, recheck_decision
from reviewdesk.documents.rectification_notice import (
    NoticeFacts,
    NoticeItem,
    facts_cases,
    rectification_notice,
)
from reviewdesk.documents.referral_letter import LetterFacts, referral_letter
from reviewdesk.documents.special_notice import SpecialFacts, special_notice
from reviewdesk.documents.unit_feedback import FeedbackFacts, unit_feedback
from reviewdesk.errors import Conflict, NotFound
from reviewdesk.followup import objections as objection_rules
from reviewdesk.followup import rectification as rules
from reviewdesk.followup.referrals import DEFAULT_BODY
from reviewdesk.services.base import ADMIN, change, require
from reviewdesk.services.documents import MEDIA_TYPES, Rendered, check_format, render
from reviewdesk.services.followup_settings import KEEPERS, campaign_of, settings_of
from reviewdesk.store.models import (
    CampaignCase,
    Case,
    Conclusion,
    ConclusionFinding,
    ConclusionVersion,
    FollowupNumber,
    Objection,
    OpinionNumber,
    OpinionReissue,
    RectificationItem,
    Referral,
    Role,
    SpecialRectification,
    Unit,
    User,
)
from reviewdesk.workspace import OpenWorkspace

NOTICE = "rectification_notice"
REFERRAL = "referral_letter"
RECHECK = "recheck_decision"
SPECIAL = "special_notice"
FOLLOWUP_REPORT = "followup_report"
UNIT_FEEDBACK = "unit_feedback"
# Who may see collision hits (personal data): services/collision.py lists and exports them to admins only. The
# feedback opinion's collision section is printed for these roles only, whoever else may make the paper.
HIT_READERS = ADMIN


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


def _unit(s: Session, unit_code: str) -> Unit:
    unit = s.get(Unit, unit_code)
    if unit is None:
        raise NotFound(f"no unit '{unit_code}'", message_zh=f"没有单位“{unit_code}”")
    return unit


def _issued_number(s: Session, kind: str, campaign_id: str, subject: str, actor: str, draft: bool) -> tuple[str | None, bool]:
    """The paper's number under the campaign's notice prefix, issued now unless this is a draft."""
    if draft:
        return None, False
    return _number(s, kind, campaign_id, subject, settings_of(s, campaign_id)["notice_prefix"], actor)


def _finish(doc_kind: str, subject: str, number: str | None, name: str, fmt: str, doc: object,
            profile: Profile, draft: bool) -> Rendered:
    filename = f"{name}{'（草稿）' if draft else ''}.{fmt}"
    return Rendered(subject, doc_kind, number, filename, MEDIA_TYPES[fmt], render(doc, fmt, profile))  # type: ignore[arg-type]


def _grade_outcome(body: dict[str, object]) -> tuple[str, str]:
    return str(body.get("grade", "")), outcome_zh(str(body.get("outcome", ""))) or "—"


def recheck_decision_file(ws: OpenWorkspace, objection_id: int, fmt: str, profile: Profile | None = None, *,
                          draft: bool = False) -> Rendered:
    """The 复核决定书 of a decided objection: upheld or changed, with the grades before and after and the
    re-issued opinion's number (admin)."""
    action = _paper_action(ws, fmt, draft)
    profile = profile or load_profile()
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        o = s.get(Objection, objection_id)
        if o is None:
            raise NotFound(f"no objection {objection_id}", message_zh=f"没有编号为 {objection_id} 的异议")
        if o.status == objection_rules.PENDING or o.decided_at is None:
            raise Conflict(f"objection {o.id} is not decided yet", message_zh="该异议尚未复核，不能出具复核决定书")
        case = s.get(Case, o.case_id)
        current = s.get(Conclusion, (o.campaign_id, o.case_id))
        assert case is not None and current is not None
        unit = _unit(s, case.unit_code)

        def version(v: int) -> tuple[str, str]:
            if v == current.version:
                return current.grade, outcome_zh(current.outcome)
            kept = s.get(ConclusionVersion, (o.campaign_id, o.case_id, v))
            return _grade_outcome(json.loads(kept.body)) if kept else ("—", "—")

        reissue = s.execute(select(OpinionReissue).where(OpinionReissue.objection_id == o.id)).scalar_one_or_none()
        original = s.get(OpinionNumber, (o.campaign_id, o.case_id))
        number, issued = _issued_number(s, RECHECK, o.campaign_id, str(o.id), ws.actor.username, draft)
        changed = o.status == objection_rules.CHANGED
        facts = RecheckFacts(
            campaign_of(s, o.campaign_id).name, unit.name, unit.kind, case.case_number, case.title, o.objector,
            date.fromisoformat(o.received_on), o.grounds, o.checked, changed, o.decision_reason,
            version(o.from_version), version(o.to_version) if changed and o.to_version else None,
            reissue.replaces if reissue else (original.number if original else None),
            reissue.number if reissue else None, number)
        ch.audit(f"objection:{o.id}", kind=RECHECK, format=fmt, number=number, issued=issued)
    doc = recheck_decision(facts, profile, clock.now(), draft=draft)
    return _finish(RECHECK, case.external_id, number, f"{case.external_id}-复核决定书", fmt, doc, profile, draft)


def special_notice_file(ws: OpenWorkspace, special_id: int, fmt: str, profile: Profile | None = None, *,
                        draft: bool = False) -> Rendered:
    """The 专项整治通知 of a special rectification, to every unit it concerns (admin)."""
    action = _paper_action(ws, fmt, draft)
    profile = profile or load_profile()
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        sp = s.get(SpecialRectification, special_id)
        if sp is None:
            raise NotFound(f"no special rectification {special_id}", message_zh=f"没有编号为 {special_id} 的专项整治")
        case_ids = json.loads(sp.cases)
        names = dict(s.execute(select(Unit.code, Unit.name).where(Unit.code.in_(json.loads(sp.units)))).all())
        cases = s.execute(select(Case.case_number, Case.title, Case.unit_code).where(Case.id.in_(case_ids))
                          .order_by(Case.unit_code, Case.case_number)).all()
        number, issued = _issued_number(s, SPECIAL, sp.campaign_id, str(sp.id), ws.actor.username, draft)
        facts = SpecialFacts(campaign_of(s, sp.campaign_id).name, sp.title, sp.category,
                             tuple(names.get(c, c) for c in json.loads(sp.units)),
                             tuple((n, t, names.get(u, u)) for n, t, u in cases), sp.requirement,
                             date.fromisoformat(sp.deadline), number)
        ch.audit(f"special:{sp.id}", kind=SPECIAL, format=fmt, number=number, issued=issued)
    doc = special_notice(facts, profile, clock.now(), draft=draft)
    return _finish(SPECIAL, str(special_id), number, f"专项整治通知-{special_id}", fmt, doc, profile, draft)


def followup_report_file(ws: OpenWorkspace, campaign_id: str, fmt: str, profile: Profile | None = None, *,
                         draft: bool = False) -> Rendered:
    """The campaign's 回头看情况报告: items checked, fixed / partly / not fixed, closed, sent back, per unit (admin)."""
    action = _paper_action(ws, fmt, draft)
    profile = profile or load_profile()
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        campaign = campaign_of(s, campaign_id)
        rows = s.execute(
            select(Unit.name, RectificationItem.seq, RectificationItem.status, RectificationItem.recheck_finding,
                   RectificationItem.sent_back_reason)
            .join(Unit, Unit.code == RectificationItem.unit_code)
            .where(RectificationItem.campaign_id == campaign_id)
            .order_by(RectificationItem.unit_code, RectificationItem.seq)).all()
        if not rows:
            raise NotFound(f"campaign {campaign_id} has no rectification items",
                           message_zh=f"评查活动 {campaign_id} 没有整改事项")
        tallies: dict[str, Counter[str]] = {}
        for name, _seq, status, finding, _reason in rows:
            t = tallies.setdefault(name, Counter())
            t["items"] += 1
            t["checked"] += finding is not None
            t[finding or "-"] += 1
            t["closed"] += status == rules.CLOSED
            t["sent_back"] += status == rules.SENT_BACK
        units = tuple(UnitTally(name, t["items"], t["checked"], t["fixed"], t["partly"], t["not_fixed"], t["closed"],
                                t["sent_back"]) for name, t in tallies.items())
        back = tuple((f"{campaign_id}-Z{seq:04d}", name, reason or "—")
                     for name, seq, status, _f, reason in rows if status == rules.SENT_BACK)
        number, issued = _issued_number(s, FOLLOWUP_REPORT, campaign_id, campaign_id, ws.actor.username, draft)
        facts = ReportFacts(campaign.name, units, back, number)
        ch.audit(f"campaign:{campaign_id}", kind=FOLLOWUP_REPORT, format=fmt, number=number, issued=issued,
                 items=len(rows))
    doc = followup_report(facts, profile, clock.now(), draft=draft)
    return _finish(FOLLOWUP_REPORT, campaign_id, number, f"{campaign.name}-回头看情况报告", fmt, doc, profile, draft)


def unit_feedback_file(ws: OpenWorkspace, campaign_id: str, unit_code: str, fmt: str, profile: Profile | None = None,
                       *, draft: bool = False) -> Rendered:
    """The 评查情况反馈意见 to one unit: its concluded cases with grades and outcomes, the problem categories found
    in two or more of them, the requirements of its items and the number of clues handed over — no names — and,
    when the campaign's collision screening ran on the unit's officers, section 五: their confirmed hits (names,
    masked identity numbers) and the count of undecided leads (admin; the section only for HIT_READERS).
    Conflict when the screening's files were re-imported after its last run (its results are gone)."""
    action = _paper_action(ws, fmt, draft)
    profile = profile or load_profile()
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        campaign = campaign_of(s, campaign_id)
        unit = _unit(s, unit_code)
        cases = s.execute(
            select(Case.id, Case.case_number, Case.title, Conclusion.grade, Conclusion.outcome)
            .join(CampaignCase, (CampaignCase.case_id == Case.id) & (CampaignCase.campaign_id == campaign_id))
            .join(Conclusion, (Conclusion.case_id == Case.id) & (Conclusion.campaign_id == campaign_id))
            .where(Case.unit_code == unit_code).order_by(Case.case_number)).all()
        if not cases:
            raise NotFound(f"unit {unit_code} has no concluded case in {campaign_id}",
                           message_zh=f"{unit.name}在评查活动 {campaign_id} 中没有已合议的案件")
        ids = [c.id for c in cases]
        per_case = set(s.execute(select(ConclusionFinding.case_id, ConclusionFinding.category).where(
            ConclusionFinding.campaign_id == campaign_id, ConclusionFinding.case_id.in_(ids))).all())
        counts = Counter(category for _case, category in per_case)
        common = tuple((c, n) for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2)
        requirements = tuple(dict.fromkeys(s.execute(
            select(RectificationItem.requirement).where(
                RectificationItem.campaign_id == campaign_id, RectificationItem.unit_code == unit_code)
            .order_by(RectificationItem.seq)).scalars()))
        clues = s.execute(select(func.count()).select_from(Referral).where(
            Referral.campaign_id == campaign_id, Referral.case_id.in_(ids), Referral.status != "draft")).scalar() or 0
        user = s.get(User, ws.actor.user_id)
        screening = (unit_screening(s, campaign_id, unit_code)
                     if user is not None and Role(user.role) in HIT_READERS else None)
        number, issued = _issued_number(s, UNIT_FEEDBACK, campaign_id, unit_code, ws.actor.username, draft)
        facts = FeedbackFacts(campaign.name, unit.name, unit.kind,
                              tuple((c.case_number, c.title, c.grade, outcome_zh(c.outcome)) for c in cases),
                              common, requirements, clues, number, screening)
        ch.audit(f"unit:{unit_code}", campaign=campaign_id, kind=UNIT_FEEDBACK, format=fmt, number=number,
                 issued=issued, cases=len(cases), collision_hits=len(screening.hits) if screening else None,
                 collision_pending=screening.pending if screening else None)
    doc = unit_feedback(facts, profile, clock.now(), draft=draft)
    return _finish(UNIT_FEEDBACK, unit_code, number, f"{unit.name}-评查情况反馈意见", fmt, doc, profile, draft)
