"""Deliberation (合议) of a case's panel and the conclusion its leader records.

Reads ScoreSheet/ScoreItem rows directly (the sheets service owns writing them). Blindness holds here too: a
member sees the others' sheets only once their own is submitted.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.scoring import deliberation as calc
from reviewdesk.scoring.grades import Band, grade_for, parse_bands
from reviewdesk.scoring.rubric import RubricDef, parse_rubric
from reviewdesk.scoring.sheet import EVIDENCE_RE
from reviewdesk.services.base import Change, Refusal, change, query
from reviewdesk.services.lookup import resolve_case
from reviewdesk.services.panel_seats import PANEL_ROLES, case_campaign, panel, require_panel_or_admin
from reviewdesk.store.models import (
    Campaign,
    Case,
    Conclusion,
    ConclusionFinding,
    ConclusionVersion,
    Expert,
    FindingDeduction,
    PanelMember,
    Rubric,
    ScoreItem,
    ScoreSheet,
    User,
)
from reviewdesk.workspace import OpenWorkspace

OUTCOMES = ("wrong", "flawed", "none")  # 错案 / 瑕疵案 / no problem


# -- views ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MemberSheet:
    expert_id: str  # roster id
    name: str
    role: str  # leader | member
    status: str  # none | draft | submitted
    total: float | None  # only for submitted sheets
    grade: str | None
    veto: bool
    version: int | None


@dataclass(frozen=True)
class MemberMark:
    expert_id: str
    points: float
    veto: bool
    reason: str
    evidence_ref: str


@dataclass(frozen=True)
class Disagreement:
    code: str
    text: str
    marks: list[MemberMark]


@dataclass(frozen=True)
class DeductionRef:
    """A deduction a finding rests on: the member (roster id) whose submitted sheet carries it, and the item."""

    expert_id: str
    item_code: str


@dataclass(frozen=True)
class Deduction:
    """A deduction standing on a member's submitted sheet: the starting point of the leader's findings."""

    expert_id: str
    expert_name: str
    item_code: str
    item_text: str
    tag: str  # 实体 | 程序
    category: str  # the problem category it suggests (RubricDef.category_of)
    points: float
    veto: bool
    reason: str
    evidence_ref: str


@dataclass(frozen=True)
class FindingView:
    category: str
    description: str
    evidence_ref: str
    item_code: str | None = None
    basis: list[DeductionRef] = field(default_factory=list)
    basis_reason: str = ""  # why it rests on no deduction
    needs_review: bool = False  # migrated and no deduction matched: the leader should re-record it


@dataclass(frozen=True)
class ConclusionView:
    campaign_id: str
    case_id: int
    case_external_id: str
    score: float
    consolidation: str
    computed_grade: str
    grade: str
    grade_reason: str
    outcome: str
    veto_kept: bool
    findings: list[FindingView]
    majority_view: str
    minority_view: str
    actions: dict[str, Any]
    version: int
    concluded_by: str
    concluded_at: str
    outcome_reason: str = ""
    needs_review: bool = False
    concluded_by_name: str = ""  # the account's display name, for people (concluded_by is the user name)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DeliberationView:
    campaign_id: str
    case_id: int
    case_external_id: str
    rubric: str | None  # "code v<version>" of the sheets' rubric
    members: list[MemberSheet]
    mean: float | None
    median: float | None
    spread: float | None
    consolidation: str
    consolidated: float | None
    computed_grade: str | None  # from the consolidated score; a veto by any member gives the lowest band
    spread_threshold: float
    flags: dict[str, Any]
    disagreements: list[Disagreement]
    conclusion: ConclusionView | None = None
    deductions: list[Deduction] = field(default_factory=list)  # every submitted sheet's, in sheet order

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FindingInput:
    category: str
    description: str
    evidence_ref: str  # "" takes the evidence of the first deduction in `basis`
    item_code: str | None = None
    basis: tuple[DeductionRef, ...] = ()  # the members' deductions it rests on
    basis_reason: str = ""  # required when `basis` is empty


@dataclass(frozen=True)
class ConclusionInput:
    outcome: str  # wrong | flawed | none
    grade: str | None = None  # None: the computed grade
    grade_reason: str = ""
    veto_kept: bool = False  # keep the veto some member marked → lowest grade, outcome wrong or flawed
    findings: list[FindingInput] = field(default_factory=list)
    majority_view: str = ""
    minority_view: str = ""
    correction_required: bool = False
    correction_deadline: str | None = None  # YYYY-MM-DD
    referral_suggested: bool = False
    referral_reason: str = ""
    referral_findings: tuple[int, ...] = ()  # 1-based positions in `findings` that back the referral
    outcome_reason: str = ""  # required for outcome "none" while substantive deductions stand


# -- reading the sheets --------------------------------------------------------------------------------
@dataclass
class _Board:
    campaign: Campaign
    case: Case
    members: list[tuple[PanelMember, Expert]]
    sheets: dict[int, ScoreSheet]  # expert id → sheet
    rubric: RubricDef | None


def _board(session: Session, ws: OpenWorkspace, case_ref: str, campaign_id: str | None) -> _Board:
    case = resolve_case(session, str(case_ref))
    campaign = case_campaign(session, case, campaign_id)
    members = panel(session, campaign.id, case.id)
    if not members:
        raise NotFound(f"case {case.external_id} has no panel in campaign {campaign.id}",
                       message_zh=f"案件 {case.external_id} 在评查活动 {campaign.id} 中没有评查组")
    sheets = {
        s.expert_id: s for s in session.execute(
            select(ScoreSheet).where(ScoreSheet.campaign_id == campaign.id, ScoreSheet.case_id == case.id)
        ).scalars()
    }
    rubric_ids = {s.rubric_id for s in sheets.values() if s.status == "submitted"} or {s.rubric_id for s in sheets.values()}
    rubric = None
    if rubric_ids:
        row = session.get(Rubric, min(rubric_ids))
        rubric = parse_rubric(row.body) if row is not None else None
    return _Board(campaign, case, members, sheets, rubric)


def _submitted(board: _Board) -> list[tuple[PanelMember, Expert, ScoreSheet]]:
    return [(m, e, board.sheets[e.id]) for m, e in board.members
            if e.id in board.sheets and board.sheets[e.id].status == "submitted"]


def _bands(campaign: Campaign) -> list[Band]:
    return parse_bands(campaign.grade_bands)


def _sheet_grade(sheet: ScoreSheet, bands: list[Band]) -> str:
    """The grade stored on the sheet, else computed from its total and veto."""
    return sheet.grade or grade_for(sheet.total or 0.0, sheet.veto, bands)


def _view(session: Session, board: _Board) -> DeliberationView:
    bands = _bands(board.campaign)
    done = _submitted(board)
    totals = [float(s.total or 0.0) for _, _, s in done]
    grades = [_sheet_grade(s, bands) for _, _, s in done]
    members = []
    for m, e in board.members:
        s = board.sheets.get(e.id)
        if s is None:
            members.append(MemberSheet(e.external_id, e.name, m.role, "none", None, None, False, None))
        elif s.status != "submitted":  # a draft stays blind: status only
            members.append(MemberSheet(e.external_id, e.name, m.role, s.status, None, None, False, s.version))
        else:
            members.append(MemberSheet(e.external_id, e.name, m.role, s.status, float(s.total or 0.0),
                                       _sheet_grade(s, bands), bool(s.veto), s.version))
    pending = [e.external_id for m, e in board.members if board.sheets.get(e.id) is None
               or board.sheets[e.id].status != "submitted"]
    flags = calc.flags(totals, grades, [bool(s.veto) for _, _, s in done], pending, board.campaign.spread_threshold)
    st = calc.stats(totals)
    consolidated = calc.consolidate(totals, board.campaign.consolidation) if totals else None
    any_veto = flags.veto
    computed = grade_for(consolidated, any_veto, bands) if consolidated is not None else None
    return DeliberationView(
        campaign_id=board.campaign.id,
        case_id=board.case.id,
        case_external_id=board.case.external_id,
        rubric=f"{board.rubric.code} v{board.rubric.version}" if board.rubric else None,
        members=members,
        mean=st.mean, median=st.median, spread=st.spread,
        consolidation=board.campaign.consolidation,
        consolidated=consolidated,
        computed_grade=computed,
        spread_threshold=board.campaign.spread_threshold,
        flags={"spread_exceeded": flags.spread_exceeded, "grades_differ": flags.grades_differ,
               "veto": flags.veto, "not_submitted": list(flags.not_submitted)},
        disagreements=_disagreements(session, board, done),
        conclusion=_conclusion_view(session, board),
        deductions=_deductions(session, board, done),
    )


def _deductions(session: Session, board: _Board, done: Sequence[tuple[PanelMember, Expert, ScoreSheet]]) -> list[Deduction]:
    items = board.rubric.items() if board.rubric else {}
    order = {code: i for i, code in enumerate(items)}
    out = []
    for _, e, sheet in done:
        for r in session.execute(select(ScoreItem).where(ScoreItem.sheet_id == sheet.id)).scalars():
            if not (r.points or r.veto):
                continue
            item = items.get(r.item_code)
            out.append(Deduction(
                e.external_id, e.name, r.item_code, item.text if item else "", item.tag if item else "",
                board.rubric.category_of(r.item_code) if board.rubric else "", float(r.points), bool(r.veto),
                r.reason, r.evidence_ref))
    seats = {e.external_id: n for n, (_, e, _s) in enumerate(done)}
    return sorted(out, key=lambda d: (order.get(d.item_code, len(order)), d.item_code, seats[d.expert_id]))


def _disagreements(session: Session, board: _Board, done: Sequence[tuple[PanelMember, Expert, ScoreSheet]]) -> list[Disagreement]:
    if len(done) < 2:
        return []
    marks: dict[str, dict[str, calc.ItemMark]] = {}
    for _, e, s in done:
        rows = session.execute(select(ScoreItem).where(ScoreItem.sheet_id == s.id)).scalars()
        marks[e.external_id] = {
            r.item_code: calc.ItemMark(float(r.points), bool(r.veto), r.reason, r.evidence_ref) for r in rows
        }
    items = board.rubric.items() if board.rubric else {}
    order = {code: i for i, code in enumerate(items)}
    codes = sorted(calc.disagreements(marks), key=lambda c: (order.get(c, len(order)), c))
    blank = calc.ItemMark(0.0)
    out = []
    for code in codes:
        per = [(who, m.get(code, blank)) for who, m in marks.items()]
        out.append(Disagreement(code, items[code].text if code in items else "", [
            MemberMark(who, mark.points, mark.veto, mark.reason, mark.evidence_ref) for who, mark in per]))
    return out


def _conclusion_view(session: Session, board: _Board) -> ConclusionView | None:
    row = session.get(Conclusion, (board.campaign.id, board.case.id))
    if row is None:
        return None
    findings = session.execute(
        select(ConclusionFinding).where(ConclusionFinding.campaign_id == board.campaign.id,
                                        ConclusionFinding.case_id == board.case.id)
        .order_by(ConclusionFinding.position)
    ).scalars()
    stored = json.loads(row.actions)
    actions = {k: v for k, v in stored.items() if k != "veto_kept"}
    return ConclusionView(
        row.campaign_id, row.case_id, board.case.external_id, row.score, board.campaign.consolidation,
        row.computed_grade, row.grade, row.grade_reason, row.outcome, bool(stored.get("veto_kept", False)),
        [FindingView(f.category, f.description, f.evidence_ref, f.item_code, _finding_basis(session, f.id),
                     f.basis_reason, f.needs_review) for f in findings],
        row.majority_view, row.minority_view, actions, row.version, row.concluded_by,
        row.concluded_at.isoformat(timespec="seconds"), row.outcome_reason, row.needs_review,
        session.execute(select(User.display_name).where(User.username == row.concluded_by)).scalar_one_or_none()
        or row.concluded_by,
    )


def _finding_basis(session: Session, finding_id: int) -> list[DeductionRef]:
    """The deductions a stored finding rests on, in sheet and item order."""
    rows = session.execute(
        select(Expert.external_id, FindingDeduction.item_code)
        .join(ScoreSheet, ScoreSheet.id == FindingDeduction.sheet_id)
        .join(Expert, Expert.id == ScoreSheet.expert_id)
        .where(FindingDeduction.finding_id == finding_id)
        .order_by(ScoreSheet.id, FindingDeduction.item_code)
    ).all()
    return [DeductionRef(who, code) for who, code in rows]


def deliberation(ws: OpenWorkspace, case_ref: str | int, campaign_id: str | None = None) -> DeliberationView:
    """The panel's sheets side by side with statistics and flags. Admins, and members whose sheet is submitted."""
    action = "deliberation.show"
    with query(ws, action, PANEL_ROLES) as session:
        board = _board(session, ws, str(case_ref), campaign_id)
        seat = require_panel_or_admin(session, ws, board.members, action)
        if seat is not None:
            own = board.sheets.get(seat.expert_id)
            if own is None or own.status != "submitted":  # blindness: own sheet first
                raise Refusal("own score sheet not submitted yet")
        return _view(session, board)


# -- the conclusion ------------------------------------------------------------------------------------
def _required(value: str, name: str, why: str, why_zh: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(name, why, message_zh=why_zh)
    return text


def _check_input(data: ConclusionInput, rubric: RubricDef | None, bands: list[Band], computed: str,
                 grades_differ: bool, any_veto: bool, deductions: Sequence[Deduction] = ()) -> None:
    """Every rule on the leader's input, before anything is written (see docs/deliberation.md)."""
    if data.outcome not in OUTCOMES:
        raise ValidationError("outcome", f"must be one of {', '.join(OUTCOMES)}",
                              message_zh="须为 wrong（错案）、flawed（瑕疵案）或 none（无问题）")
    if data.veto_kept and not any_veto:
        raise ValidationError("veto_kept", "no member marked a veto item", message_zh="没有成员认定一票否决项")
    if data.veto_kept and data.outcome == "none":
        raise ValidationError("outcome", "a kept veto needs outcome wrong or flawed",
                              message_zh="保留一票否决时，结论须为错案或瑕疵案")
    grade = data.grade if data.grade is not None else computed
    names = [b.grade for b in bands]
    if grade not in names:
        raise ValidationError("grade", f"must be one of {', '.join(names)}", message_zh=f"须为 {'、'.join(names)} 之一")
    if grade != computed and not data.grade_reason.strip():
        raise ValidationError("grade_reason", f"the grade differs from the computed {computed}: give the reason",
                              message_zh=f"等次与计算结果“{computed}”不同，须说明理由")
    if grades_differ and not data.minority_view.strip():
        raise ValidationError("minority_view", "members' grades differ: record the minority view",
                              message_zh="成员评定等次不一致，须记录少数意见")
    if any_veto and not data.veto_kept and not data.minority_view.strip():
        raise ValidationError("minority_view", "a member's veto is not kept: record the minority view",
                              message_zh="未采纳成员的一票否决意见，须记录少数意见")
    _required(data.majority_view, "majority_view", "must not be empty", "多数意见不能为空")
    if data.minority_view.strip() not in ("", "无") and "一致" in data.majority_view:
        raise ValidationError("majority_view", "there is a minority view: the majority view cannot say unanimous",
                              message_zh="有少数意见时，多数意见不能表述为“一致”")
    substantive = [d for d in deductions if d.tag == "实体"]
    if data.outcome == "none" and substantive and not data.outcome_reason.strip():
        raise ValidationError("outcome_reason",
                              f"{len(substantive)} substantive deduction(s) stand: say why the case has no problem",
                              message_zh=f"成员评分表中有{len(substantive)}处实体扣分，结论为无问题须说明理由")
    if data.outcome != "none" and not data.findings:
        raise ValidationError("findings", "a wrong or flawed case needs at least one finding",
                              message_zh="错案或瑕疵案须至少列明一个问题")
    categories = rubric.categories if rubric else ()
    items = rubric.items() if rubric else {}
    for i, f in enumerate(data.findings):
        where = f"findings[{i}]"
        if f.category not in categories:
            raise ValidationError(f"{where}.category", f"must be one of the rubric's categories: {', '.join(categories)}",
                                  message_zh=f"须为评分表的问题类别之一：{'、'.join(categories)}")
        _required(f.description, f"{where}.description", "must not be empty", "问题描述不能为空")
        standing = {(d.expert_id, d.item_code) for d in deductions}
        for j, ref in enumerate(f.basis):
            if (ref.expert_id, ref.item_code) not in standing:
                raise ValidationError(f"{where}.basis[{j}]",
                                      f"{ref.expert_id} made no deduction on item {ref.item_code} in a submitted sheet",
                                      message_zh=f"成员 {ref.expert_id} 已提交的评分表中没有评查项“{ref.item_code}”的扣分")
        if not EVIDENCE_RE.search(f.evidence_ref or ""):
            raise ValidationError(f"{where}.evidence_ref", "give the evidence as 卷×第×页 (e.g. 卷1第23页)",
                                  message_zh="证据出处须写作“卷×第×页”（如 卷1第23页）")
        if f.item_code is not None and f.item_code not in items:
            raise ValidationError(f"{where}.item_code", f"no item '{f.item_code}' in the rubric",
                                  message_zh=f"评分表中没有评查项“{f.item_code}”")
        refs = sorted({d.evidence_ref for d in deductions for r in f.basis
                       if (d.expert_id, d.item_code) == (r.expert_id, r.item_code) and d.evidence_ref})
        if refs and _norm_ref(f.evidence_ref) not in {_norm_ref(r) for r in refs}:
            raise ValidationError(f"{where}.evidence_ref", f"cite the evidence of the deductions: {', '.join(refs)}",
                                  message_zh=f"证据出处须为所依据扣分的出处之一：{'、'.join(refs)}")
        if not f.basis and not f.basis_reason.strip():
            raise ValidationError(f"{where}.basis_reason", "the finding rests on no member's deduction: give the reason",
                                  message_zh="该问题没有成员的扣分作依据，须说明理由")
    if data.outcome != "none" and not data.correction_required:
        raise ValidationError("actions.correction.required", "wrong and flawed cases go back for correction",
                              message_zh="错案和瑕疵案须退回整改")
    if data.correction_required:
        deadline = data.correction_deadline or ""
        try:
            dt.date.fromisoformat(deadline)
            ok = len(deadline) == 10
        except ValueError:
            ok = False
        if not ok:
            raise ValidationError("actions.correction.deadline", "give the deadline as YYYY-MM-DD",
                                  message_zh="整改期限须为 YYYY-MM-DD 格式的日期")
    if data.referral_suggested:
        _required(data.referral_reason, "actions.referral.reason", "give the reason for the referral",
                  "建议移送线索须说明理由")
        backing = data.referral_findings
        if not backing or any(n < 1 or n > len(data.findings) for n in backing):
            raise ValidationError("actions.referral.findings", "name the findings (1-based) that back the referral",
                                  message_zh="建议移送线索须指明作为依据的问题（须为所列问题之一）")


def _norm_ref(ref: str) -> str:
    return "".join(unicodedata.normalize("NFKC", ref or "").split())


def _actions(data: ConclusionInput) -> dict[str, Any]:
    return {
        "correction": {"required": data.correction_required,
                       "deadline": data.correction_deadline if data.correction_required else None},
        "referral": {"suggested": data.referral_suggested,
                     "reason": data.referral_reason.strip() if data.referral_suggested else "",
                     "findings": sorted(set(data.referral_findings)) if data.referral_suggested else []},
    }


def _with_evidence(data: ConclusionInput, deductions: Sequence[Deduction]) -> ConclusionInput:
    """A finding picked from deductions without its own evidence reference takes the first deduction's."""
    refs = {(d.expert_id, d.item_code): d.evidence_ref for d in deductions}
    findings = [
        replace(f, evidence_ref=refs.get((f.basis[0].expert_id, f.basis[0].item_code), ""))
        if f.basis and not f.evidence_ref.strip() else f
        for f in data.findings
    ]
    return replace(data, findings=findings)


def conclude(ws: OpenWorkspace, case_ref: str | int, data: ConclusionInput, campaign_id: str | None = None) -> ConclusionView:
    """Record (or re-record, as a new version) the panel's conclusion. The leader, or an admin."""
    with change(ws, "deliberation.conclude", PANEL_ROLES) as ch:
        return record_conclusion(ch, str(case_ref), data, campaign_id)


def _keep_version(s: Session, row: Conclusion, findings: list[Any], actor: str) -> None:
    """The conclusion as it stands, kept before it is re-recorded (conclusion_versions; never changed)."""
    body = {k: getattr(row, k) for k in ("score", "computed_grade", "grade", "grade_reason", "outcome",
                                         "majority_view", "minority_view", "outcome_reason", "concluded_by")}
    body["actions"] = json.loads(row.actions)
    body["concluded_at"] = row.concluded_at.isoformat()
    body["findings"] = [{"category": f[0], "description": f[1], "evidence_ref": f[2], "item_code": f[3]}
                        for f in findings]
    if s.get(ConclusionVersion, (row.campaign_id, row.case_id, row.version)) is None:
        s.add(ConclusionVersion(campaign_id=row.campaign_id, case_id=row.case_id, version=row.version,
                                body=json.dumps(body, ensure_ascii=False, sort_keys=True), kept_by=actor,
                                kept_at=now()))


def record_conclusion(ch: Change, case_ref: str, data: ConclusionInput, campaign_id: str | None) -> ConclusionView:
    """The body of `conclude`, inside the caller's change (a 复核 records its new conclusion through it too)."""
    ws, action = ch.ws, "deliberation.conclude"
    s = ch.session
    board = _board(s, ws, case_ref, campaign_id)
    seat = require_panel_or_admin(s, ws, board.members, action)
    if seat is not None and seat.role != "leader":
        raise Refusal("only the panel leader records the conclusion")
    view = _view(s, board)
    pending = view.flags["not_submitted"]
    if pending:
        raise Conflict(f"not every member has submitted: {', '.join(pending)}",
                       message_zh=f"尚有成员未提交评分表：{'、'.join(pending)}")
    assert view.consolidated is not None
    bands = _bands(board.campaign)
    computed = grade_for(view.consolidated, data.veto_kept, bands)
    data = _with_evidence(data, view.deductions)
    _check_input(data, board.rubric, bands, computed, view.flags["grades_differ"], view.flags["veto"],
                 view.deductions)
    grade = data.grade if data.grade is not None else computed
    stored_actions = {**_actions(data), "veto_kept": data.veto_kept}
    fields: dict[str, Any] = {
        "score": view.consolidated, "computed_grade": computed, "grade": grade,
        "grade_reason": data.grade_reason.strip() if grade != computed else "",
        "outcome": data.outcome, "majority_view": data.majority_view.strip(),
        "minority_view": data.minority_view.strip(),
        "actions": json.dumps(stored_actions, ensure_ascii=False, sort_keys=True),
        "outcome_reason": data.outcome_reason.strip(), "needs_review": False,
    }
    findings = [(f.category, f.description.strip(), f.evidence_ref.strip(), f.item_code,
                 tuple(sorted(set(f.basis), key=lambda r: (r.expert_id, r.item_code))),
                 "" if f.basis else f.basis_reason.strip()) for f in data.findings]
    row = s.get(Conclusion, (board.campaign.id, board.case.id))
    details: dict[str, Any] = {}
    if row is None:
        row = Conclusion(campaign_id=board.campaign.id, case_id=board.case.id, version=1, **fields,
                         concluded_by=ws.actor.username, concluded_at=now())
        s.add(row)
    else:
        old_findings = [
            (f.category, f.description, f.evidence_ref, f.item_code,
             tuple(sorted(_finding_basis(s, f.id), key=lambda r: (r.expert_id, r.item_code))), f.basis_reason)
            for f in s.execute(
                select(ConclusionFinding).where(ConclusionFinding.campaign_id == board.campaign.id,
                                                ConclusionFinding.case_id == board.case.id)
                .order_by(ConclusionFinding.position)).scalars()
        ]
        changed = sorted(k for k, v in fields.items() if getattr(row, k) != v)
        if old_findings != findings:
            changed.append("findings")
        details["previous"] = {"version": row.version, "score": row.score, "grade": row.grade,
                               "computed_grade": row.computed_grade, "outcome": row.outcome,
                               "concluded_by": row.concluded_by}
        details["changed"] = changed
        _keep_version(s, row, old_findings, ws.actor.username)
        for k, v in fields.items():
            setattr(row, k, v)
        row.version += 1
        row.concluded_by = ws.actor.username
        row.concluded_at = now()
        s.execute(delete(ConclusionFinding).where(ConclusionFinding.campaign_id == board.campaign.id,
                                                  ConclusionFinding.case_id == board.case.id))
    sheet_of = {e.external_id: sh.id for _, e, sh in _submitted(board)}
    for i, (category, description, evidence_ref, item_code, basis, basis_reason) in enumerate(findings):
        finding = ConclusionFinding(campaign_id=board.campaign.id, case_id=board.case.id, position=i,
                                    category=category, description=description, evidence_ref=evidence_ref,
                                    item_code=item_code, basis_reason=basis_reason, needs_review=False)
        s.add(finding)
        s.flush()
        s.add_all(FindingDeduction(finding_id=finding.id, sheet_id=sheet_of[r.expert_id], item_code=r.item_code)
                  for r in basis)
    s.flush()
    ch.audit(f"conclusion:{board.campaign.id}:{board.case.id}", version=row.version, score=row.score,
             computed_grade=computed, grade=grade, outcome=data.outcome, veto_kept=data.veto_kept,
             findings=len(findings), by_admin=seat is None, **details)
    result = _conclusion_view(s, board)
    assert result is not None
    return result


def input_from_json(data: Any) -> ConclusionInput:
    """The leader's conclusion from its JSON form (docs/deliberation.md); shape errors name the key."""
    if not isinstance(data, dict):
        raise ValidationError("conclusion", "must be a JSON object", message_zh="须为 JSON 对象")
    known = {"outcome", "grade", "grade_reason", "veto_kept", "findings", "majority_view", "minority_view", "actions",
             "outcome_reason"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValidationError(unknown[0], "unknown key", message_zh="未知字段")

    def typed(value: Any, name: str, kind: type | tuple[type, ...], default: Any) -> Any:
        if value is None:
            return default
        if not isinstance(value, kind):
            raise ValidationError(name, "has the wrong type", message_zh="类型不正确")
        return value

    findings = []
    for i, f in enumerate(typed(data.get("findings"), "findings", list, [])):
        where = f"findings[{i}]"
        if not isinstance(f, dict):
            raise ValidationError(where, "must be an object", message_zh="须为 JSON 对象")
        extra = sorted(set(f) - {"category", "description", "evidence_ref", "item_code", "basis", "basis_reason"})
        if extra:
            raise ValidationError(f"{where}.{extra[0]}", "unknown key", message_zh="未知字段")
        basis = []
        for j, ref in enumerate(typed(f.get("basis"), f"{where}.basis", list, [])):
            if not isinstance(ref, dict) or set(ref) != {"expert_id", "item_code"}:
                raise ValidationError(f"{where}.basis[{j}]", "must be {\"expert_id\": …, \"item_code\": …}",
                                      message_zh="须为含 expert_id 与 item_code 的 JSON 对象")
            basis.append(DeductionRef(typed(ref["expert_id"], f"{where}.basis[{j}].expert_id", str, ""),
                                      typed(ref["item_code"], f"{where}.basis[{j}].item_code", str, "")))
        findings.append(FindingInput(
            typed(f.get("category"), f"{where}.category", str, ""),
            typed(f.get("description"), f"{where}.description", str, ""),
            typed(f.get("evidence_ref"), f"{where}.evidence_ref", str, ""),
            typed(f.get("item_code"), f"{where}.item_code", str, None),
            tuple(basis),
            typed(f.get("basis_reason"), f"{where}.basis_reason", str, ""),
        ))
    actions = typed(data.get("actions"), "actions", dict, {})
    correction = typed(actions.get("correction"), "actions.correction", dict, {})
    referral = typed(actions.get("referral"), "actions.referral", dict, {})
    return ConclusionInput(
        outcome=typed(data.get("outcome"), "outcome", str, ""),
        grade=typed(data.get("grade"), "grade", str, None),
        grade_reason=typed(data.get("grade_reason"), "grade_reason", str, ""),
        veto_kept=typed(data.get("veto_kept"), "veto_kept", bool, False),
        findings=findings,
        majority_view=typed(data.get("majority_view"), "majority_view", str, ""),
        minority_view=typed(data.get("minority_view"), "minority_view", str, ""),
        correction_required=typed(correction.get("required"), "actions.correction.required", bool, False),
        correction_deadline=typed(correction.get("deadline"), "actions.correction.deadline", str, None),
        referral_suggested=typed(referral.get("suggested"), "actions.referral.suggested", bool, False),
        referral_reason=typed(referral.get("reason"), "actions.referral.reason", str, ""),
        referral_findings=tuple(_positions(typed(referral.get("findings"), "actions.referral.findings", list, []))),
        outcome_reason=typed(data.get("outcome_reason"), "outcome_reason", str, ""),
    )


def _positions(values: list[Any]) -> list[int]:
    if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
        raise ValidationError("actions.referral.findings", "must be a list of whole numbers",
                              message_zh="须为问题序号（整数）列表")
    return values
