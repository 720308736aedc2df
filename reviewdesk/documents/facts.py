"""What the printed documents of one case say, read from the store in one session.

The composers (opinion, score sheet, recusal form, interview record) take these plain records, so they never
touch the store; the service that calls `load_case_facts` has already checked who may read them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.casefiles.evidence import known_pages
from reviewdesk.errors import NotFound
from reviewdesk.experts.vocab import PROFESSION_ZH
from reviewdesk.scoring.rubric import RubricDef
from reviewdesk.services.rubrics import parse_stored
from reviewdesk.store.models import (
    Campaign,
    CampaignCase,
    Case,
    CaseHandler,
    CaseParty,
    Conclusion,
    ConclusionFinding,
    Document,
    Expert,
    FindingDeduction,
    Interview,
    OcrJob,
    OpinionNumber,
    OpinionReissue,
    PanelChange,
    PanelMember,
    RecusalDeclaration,
    Rubric,
    ScoreItem,
    ScoreSheet,
    Unit,
)


@dataclass(frozen=True)
class Member:
    external_id: str
    name: str
    role: str  # leader | member
    profession: str  # Chinese: 法官, 律师…
    unit_name: str
    certified_at: datetime | None  # when they signed the 回避声明 on their sheet


@dataclass(frozen=True)
class Mark:
    code: str
    points: float
    reason: str
    evidence: str
    veto: bool


@dataclass(frozen=True)
class Sheet:
    expert_id: str  # roster id
    expert_name: str
    expert_role: str
    total: float | None
    grade: str | None
    veto: bool
    comment: str
    version: int
    submitted_at: datetime | None
    certification: str
    certified_at: datetime
    marks: dict[str, Mark]  # by item code; items without a mark scored nothing
    rubric: RubricDef


@dataclass(frozen=True)
class Basis:
    """A member's deduction a finding rests on (the same mark 附件1 prints)."""

    expert_name: str
    item_code: str
    evidence: str


@dataclass(frozen=True)
class Finding:
    category: str
    description: str
    evidence_ref: str
    item_code: str | None
    basis: tuple[Basis, ...] = ()
    basis_reason: str = ""
    needs_review: bool = False

    def evidence(self) -> tuple[str, ...]:
        """The evidence references section 五 prints: the deductions' (as 附件1 has them), else its own."""
        refs = list(dict.fromkeys(b.evidence for b in self.basis if b.evidence))
        return tuple(refs) if refs else ((self.evidence_ref,) if self.evidence_ref else ())


@dataclass(frozen=True)
class CaseDocument:
    title: str
    pages: int | None  # PDF page count at import, else the pages OCR read, else 1 for a picture; None: unknown
    volume: int  # 卷; a document without one counts in volume 1


@dataclass(frozen=True)
class Verdict:
    score: float
    grade: str
    computed_grade: str
    grade_reason: str
    outcome: str  # wrong | flawed | none
    findings: tuple[Finding, ...]
    majority_view: str
    minority_view: str
    correction_required: bool
    correction_deadline: str | None  # YYYY-MM-DD
    referral_suggested: bool
    referral_reason: str
    veto_kept: bool
    version: int
    concluded_at: datetime
    outcome_reason: str = ""
    referral_findings: tuple[int, ...] = ()  # 1-based positions in `findings` that back the referral
    needs_review: bool = False


@dataclass(frozen=True)
class InterviewNote:
    started_at: datetime
    ended_at: datetime
    place: str
    interviewers: tuple[str, ...]
    recorder: str
    interviewee_name: str
    interviewee_unit: str
    relation: str  # party | handler | other
    notice: dict[str, bool]
    qa: tuple[tuple[str, str], ...]
    confirmation: str


@dataclass(frozen=True)
class RecusalNote:
    """A recusal matter on this case: a declared/granted recusal, or a member replaced after the draw."""

    expert_name: str
    kind: str  # declaration kind or "replaced"
    note: str


@dataclass(frozen=True)
class CaseFacts:
    campaign_id: str
    campaign_name: str
    campaign_kind: str  # regular | recheck
    case_id: int
    external_id: str
    case_number: str
    title: str
    case_type: str
    cause: str
    stage: str
    unit_name: str
    accepted_on: str | None
    closed_on: str | None
    summary: str
    petition_count: int
    petition_first_on: str | None
    petition_last_on: str | None
    flags: tuple[str, ...]  # unenforced, unresolved, repeated
    how: str  # random | key
    how_reason: str
    handlers: tuple[tuple[str, str], ...]  # (role, name)
    parties: tuple[tuple[str, str], ...]  # (role, name)
    documents: tuple[CaseDocument, ...]
    members: tuple[Member, ...]
    recusals: tuple[RecusalNote, ...]
    sheets: tuple[Sheet, ...]  # submitted sheets, leader first
    interviews: tuple[InterviewNote, ...]
    verdict: Verdict | None
    number: str | None = None  # the opinion's document number, once issued
    issued_at: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)
    unit_kind: str = ""  # court | procuratorate | police | justice | other: whom the 版记 copies (抄送)
    # After a 复核 changed the conclusion: the number of the opinion this one replaces ("" when the earlier one
    # was never numbered here); None for an opinion that replaces nothing. `number` is then the new one.
    replaces: str | None = None


def _documents(s: Session, case_id: int) -> tuple[CaseDocument, ...]:
    """The case file as section 三 counts it, with the page counts the evidence references use
    (services/evidence.case_layout): scanned pictures and files OCR has been through are counted in pages."""
    rows = s.execute(
        select(Document.title, Document.page_count, Document.volume, Document.media_type, OcrJob.pages)
        .outerjoin(OcrJob, (OcrJob.document_id == Document.id) & (OcrJob.state == "done"))
        .where(Document.case_id == case_id)
        .order_by(Document.path)
    ).all()
    return tuple(
        CaseDocument(title, known_pages(media, count, recognised), volume or 1)
        for title, count, volume, media, recognised in rows
    )


def _members(s: Session, campaign_id: str, case_id: int) -> tuple[Member, ...]:
    rows = s.execute(
        select(PanelMember, Expert, Unit)
        .join(Expert, Expert.id == PanelMember.expert_id)
        .join(Unit, Unit.code == Expert.unit_code)
        .where(PanelMember.campaign_id == campaign_id, PanelMember.case_id == case_id)
    ).all()
    certified = dict(s.execute(
        select(ScoreSheet.expert_id, ScoreSheet.certified_at)
        .where(ScoreSheet.campaign_id == campaign_id, ScoreSheet.case_id == case_id)
    ).all())
    members = [
        Member(e.external_id, e.name, pm.role, PROFESSION_ZH.get(e.profession, e.profession), u.name,
               certified.get(e.id))
        for pm, e, u in rows
    ]
    return tuple(sorted(members, key=lambda m: (m.role != "leader", m.external_id)))


def _sheets(s: Session, campaign_id: str, case_id: int) -> tuple[Sheet, ...]:
    rows = s.execute(
        select(ScoreSheet, Expert, PanelMember.role)
        .join(Expert, Expert.id == ScoreSheet.expert_id)
        .outerjoin(PanelMember, (PanelMember.expert_id == ScoreSheet.expert_id)
                   & (PanelMember.case_id == ScoreSheet.case_id)
                   & (PanelMember.campaign_id == ScoreSheet.campaign_id))
        .where(ScoreSheet.campaign_id == campaign_id, ScoreSheet.case_id == case_id,
               ScoreSheet.status == "submitted")
    ).all()
    rubrics: dict[int, RubricDef] = {}
    out = []
    for sheet, expert, role in rows:
        if sheet.rubric_id not in rubrics:
            row = s.get(Rubric, sheet.rubric_id)
            assert row is not None  # foreign key
            rubrics[sheet.rubric_id] = parse_stored(row.body)
        marks = {
            i.item_code: Mark(i.item_code, i.points, i.reason, i.evidence_ref, i.veto)
            for i in s.execute(select(ScoreItem).where(ScoreItem.sheet_id == sheet.id)).scalars()
            if i.points or i.veto
        }
        out.append(Sheet(expert.external_id, expert.name, role or "member", sheet.total, sheet.grade, sheet.veto, sheet.comment,
                         sheet.version, sheet.submitted_at, sheet.certification, sheet.certified_at, marks,
                         rubrics[sheet.rubric_id]))
    return tuple(sorted(out, key=lambda x: (x.expert_role != "leader", x.expert_name)))


def _verdict(s: Session, campaign_id: str, case_id: int) -> Verdict | None:
    c = s.get(Conclusion, (campaign_id, case_id))
    if c is None:
        return None
    rows = s.execute(
        select(ConclusionFinding)
        .where(ConclusionFinding.campaign_id == campaign_id, ConclusionFinding.case_id == case_id)
        .order_by(ConclusionFinding.position)
    ).scalars().all()
    basis: dict[int, list[Basis]] = {}
    if rows:
        for fid, name, code, evidence in s.execute(
            select(FindingDeduction.finding_id, Expert.name, FindingDeduction.item_code, ScoreItem.evidence_ref)
            .join(ScoreSheet, ScoreSheet.id == FindingDeduction.sheet_id)
            .join(Expert, Expert.id == ScoreSheet.expert_id)
            .outerjoin(ScoreItem, (ScoreItem.sheet_id == FindingDeduction.sheet_id)
                       & (ScoreItem.item_code == FindingDeduction.item_code))
            .where(FindingDeduction.finding_id.in_([f.id for f in rows]))
            .order_by(ScoreSheet.id, FindingDeduction.item_code)
        ).all():
            basis.setdefault(fid, []).append(Basis(name, code, evidence or ""))
    findings = tuple(
        Finding(f.category, f.description, f.evidence_ref, f.item_code, tuple(basis.get(f.id, ())), f.basis_reason,
                f.needs_review)
        for f in rows
    )
    actions = json.loads(c.actions or "{}")
    correction = actions.get("correction") or {}
    referral = actions.get("referral") or {}
    return Verdict(
        c.score, c.grade, c.computed_grade, c.grade_reason, c.outcome, findings, c.majority_view,
        c.minority_view, bool(correction.get("required")), correction.get("deadline"),
        bool(referral.get("suggested")), referral.get("reason") or "", bool(actions.get("veto_kept")),
        c.version, c.concluded_at, c.outcome_reason or "", tuple(referral.get("findings") or ()), c.needs_review,
    )


def _interviews(s: Session, campaign_id: str, case_id: int) -> tuple[InterviewNote, ...]:
    rows = s.execute(
        select(Interview).where(Interview.campaign_id == campaign_id, Interview.case_id == case_id)
        .order_by(Interview.started_at, Interview.id)
    ).scalars()
    return tuple(
        InterviewNote(
            i.started_at, i.ended_at, i.place, tuple(json.loads(i.interviewers)), i.recorder, i.interviewee_name,
            i.interviewee_unit, i.relation, json.loads(i.notice),
            tuple((qa["q"], qa["a"]) for qa in json.loads(i.qa)), i.confirmation,
        )
        for i in rows
    )


def _recusals(s: Session, campaign_id: str, case_id: int) -> tuple[RecusalNote, ...]:
    declared = list(s.execute(select(RecusalDeclaration).where(RecusalDeclaration.case_id == case_id)).scalars())
    replaced = [ch for ch in s.execute(
        select(PanelChange).where(PanelChange.campaign_id == campaign_id, PanelChange.case_id == case_id)
        .order_by(PanelChange.changed_at)
    ).scalars() if ch.removed_expert_id is not None]
    ids = {d.expert_id for d in declared} | {ch.removed_expert_id for ch in replaced}
    # Only the experts named here: a batch reads this for every case of the campaign.
    names = dict(s.execute(select(Expert.id, Expert.name).where(Expert.id.in_(ids))).all()) if ids else {}
    return tuple(
        [RecusalNote(names.get(d.expert_id, ""), d.kind, d.note) for d in declared]
        + [RecusalNote(names.get(ch.removed_expert_id, ""), "replaced", ch.reason) for ch in replaced]
    )


def load_case_facts(s: Session, campaign_id: str, case_id: int) -> CaseFacts:
    """Everything the documents of one case print. NotFound when the case is not in the campaign."""
    campaign = s.get(Campaign, campaign_id)
    case = s.get(Case, case_id)
    chosen = s.get(CampaignCase, (campaign_id, case_id))
    if campaign is None or case is None:
        raise NotFound(f"case {case_id} or campaign {campaign_id} not found",
                       message_zh=f"找不到案件或评查活动 {campaign_id}")
    unit = s.get(Unit, case.unit_code)
    number: OpinionNumber | OpinionReissue | None = s.get(OpinionNumber, (campaign_id, case_id))
    reissue = s.execute(select(OpinionReissue).where(
        OpinionReissue.campaign_id == campaign_id, OpinionReissue.case_id == case_id)
        .order_by(OpinionReissue.id.desc())).scalars().first()
    if reissue is not None:  # the latest re-issue is the opinion in force
        number = reissue
    flags = tuple(f for f, on in (("unenforced", case.flag_unenforced), ("unresolved", case.flag_unresolved),
                                  ("repeated", case.flag_repeated)) if on)
    return CaseFacts(
        campaign_id=campaign.id, campaign_name=campaign.name, campaign_kind=campaign.kind,
        case_id=case.id, external_id=case.external_id, case_number=case.case_number, title=case.title,
        case_type=case.case_type, cause=case.cause, stage=case.stage, unit_name=unit.name if unit else "",
        accepted_on=case.accepted_on, closed_on=case.closed_on, summary=case.summary,
        petition_count=case.petition_count, petition_first_on=case.petition_first_on,
        petition_last_on=case.petition_last_on, flags=flags,
        how=chosen.how if chosen else "key", how_reason=chosen.reason if chosen else "",
        handlers=tuple((h.role, h.name) for h in s.execute(
            select(CaseHandler).where(CaseHandler.case_id == case_id).order_by(CaseHandler.id)).scalars()),
        parties=tuple((p.role, p.name) for p in s.execute(
            select(CaseParty).where(CaseParty.case_id == case_id).order_by(CaseParty.id)).scalars()),
        documents=_documents(s, case_id),
        members=_members(s, campaign_id, case_id),
        recusals=_recusals(s, campaign_id, case_id),
        sheets=_sheets(s, campaign_id, case_id),
        interviews=_interviews(s, campaign_id, case_id),
        verdict=_verdict(s, campaign_id, case_id),
        number=number.number if number else None,
        issued_at=number.issued_at if number else None,
        unit_kind=unit.kind if unit else "",
        replaces=(reissue.replaces or "") if reissue else None,
    )
