"""Campaign statistics (统计): what the offices publish after a campaign, computed from plain records.

`load_records` reads one campaign's selected cases, panels, submitted sheets, conclusions, findings and
opinion numbers inside the caller's session (the service has checked the role); `compute_stats` is pure
arithmetic over those records, so tests can feed it crafted records. The ledger and the campaign report both
take the resulting `CampaignStats`, which carries its records along.

Only submitted sheets are read: drafts stay blind to every reader, as in the scoring service.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.documents.followup_stats import FollowupStats, load_followup_stats
from reviewdesk.documents.labels import OUTCOMES, case_type_zh, outcome_zh
from reviewdesk.errors import NotFound
from reviewdesk.scoring.deliberation import round1
from reviewdesk.scoring.grades import parse_bands
from reviewdesk.scoring.rubric import CASE_TYPES, Item, RubricDef
from reviewdesk.services.rubrics import parse_stored
from reviewdesk.store.models import (
    Campaign,
    CampaignCase,
    Case,
    Conclusion,
    ConclusionFinding,
    Expert,
    FindingDeduction,
    OpinionNumber,
    PanelMember,
    Rubric,
    ScoreItem,
    ScoreSheet,
    Unit,
)


# -- records: one campaign as plain rows ------------------------------------------------------------------
@dataclass(frozen=True)
class ConclusionRecord:
    score: float
    grade: str
    outcome: str  # wrong | flawed | none
    correction_required: bool
    correction_deadline: date | None
    referral_suggested: bool
    referral_reason: str
    concluded_on: date


@dataclass(frozen=True)
class CaseRecord:
    case_id: int
    external_id: str
    case_number: str
    title: str
    case_type: str
    unit_code: str
    unit_name: str
    how: str  # random | key (how the case was chosen)
    leader: str  # "" while the case has no panel
    members: tuple[str, ...]  # the other members, by roster id
    expert_scores: tuple[tuple[str, float | None], ...]  # (name, submitted total or None), leader first
    sheets_started: bool  # some member has certified (a draft or submitted sheet exists)
    conclusion: ConclusionRecord | None
    opinion_number: str | None

    @property
    def state(self) -> str:
        """concluded | scoring | unscored (labels.STATE_ZH)."""
        if self.conclusion is not None:
            return "concluded"
        return "scoring" if self.sheets_started else "unscored"


@dataclass(frozen=True)
class FindingRecord:
    case_external_id: str
    case_number: str
    unit_name: str
    category: str
    description: str
    evidence_ref: str  # 卷×第×页
    item_code: str | None
    item_text: str


@dataclass(frozen=True)
class MarkRecord:
    """One marked item of a submitted sheet: a deduction, a bonus, a record-only entry, or a veto."""

    item_code: str
    item_text: str
    kind: str  # deduct | bonus | record (the rubric's item kind; "" if the item is unknown)
    points: float
    reason: str
    evidence_ref: str
    veto: bool
    category: str = ""  # the problem category a deduction counts under (RubricDef.category_of)
    tag: str = ""  # 实体 | 程序

    @property
    def is_deduction(self) -> bool:
        return self.kind == "deduct" and (self.points > 0 or self.veto)


@dataclass(frozen=True)
class SheetRecord:
    """A submitted score sheet and its marked items (deductions, bonuses, vetoes)."""

    case_external_id: str
    case_number: str
    expert_name: str
    role: str  # leader | member ("" if no longer on the panel)
    total: float | None
    grade: str | None
    veto: bool
    version: int
    submitted_on: date | None
    marks: tuple[MarkRecord, ...]


@dataclass(frozen=True)
class CampaignRecords:
    campaign_id: str
    campaign_name: str
    year: int
    grade_order: tuple[str, ...]  # the campaign's bands, highest first
    started_on: date | None  # the first case chosen (else the campaign's creation)
    cases: tuple[CaseRecord, ...]
    findings: tuple[FindingRecord, ...]
    sheets: tuple[SheetRecord, ...]


# -- statistics ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GradeCount:
    grade: str
    count: int
    share: float  # of the concluded cases, 0–1


@dataclass(frozen=True)
class OutcomeCount:
    outcome: str  # wrong | flawed | none
    label: str  # 错案 / 瑕疵案 / 无问题
    count: int
    share: float


@dataclass(frozen=True)
class GroupStats:
    """One handling unit or one case type."""

    key: str  # unit code or case type code
    label: str  # unit name or 刑事/民事…
    cases: int  # selected
    concluded: int
    wrong: int
    flawed: int
    mean_score: float | None  # of the concluded cases, one decimal

    @property
    def share(self) -> float:
        """Share of the unit's (type's) concluded cases found wrong or flawed."""
        return (self.wrong + self.flawed) / self.concluded if self.concluded else 0.0


@dataclass(frozen=True)
class CategoryStats:
    category: str  # the rubric's problem category: 实体, 程序, 法律文书…
    cases: int  # distinct concluded cases with at least one finding in it
    findings: int
    share: float  # cases / concluded cases


@dataclass(frozen=True)
class DeductionCategoryStats:
    """The members' deductions on the submitted sheets, by problem category (what the panels marked, before
    the leaders' findings)."""

    category: str
    cases: int  # distinct cases with a deduction in it
    deductions: int  # deductions on every member's sheet (three members deducting one item count three)
    points: float
    share: float  # cases / cases with a submitted sheet


@dataclass(frozen=True)
class CampaignStats:
    campaign_id: str
    campaign_name: str
    year: int
    started_on: date | None
    last_concluded_on: date | None
    selected: int
    drawn: int  # chosen by the random draw
    key_cases: int  # chosen by hand as key cases
    concluded: int
    scoring: int  # sheets started, not concluded
    unscored: int
    mean_score: float | None
    median_score: float | None
    by_grade: tuple[GradeCount, ...]  # band order, zero counts kept
    by_outcome: tuple[OutcomeCount, ...]  # wrong, flawed, none
    by_unit: tuple[GroupStats, ...]  # most cases first
    by_type: tuple[GroupStats, ...]  # most cases first
    categories: tuple[CategoryStats, ...]  # the leaders' findings: most cases first, then most findings, then by name
    corrections: int  # concluded cases sent back for correction
    referrals: int  # concluded cases with a referral suggested
    earliest_deadline: date | None
    latest_deadline: date | None
    records: CampaignRecords
    deduction_categories: tuple[DeductionCategoryStats, ...] = ()  # the sheets' deductions, most cases first
    followup: FollowupStats | None = None  # the registers' figures (load_stats reads them; records alone do not)

    @property
    def findings(self) -> int:
        return sum(c.findings for c in self.categories)

    @property
    def deductions(self) -> int:
        return sum(c.deductions for c in self.deduction_categories)

    @property
    def scored_cases(self) -> int:
        """Cases with at least one submitted sheet."""
        return len({s.case_external_id for s in self.records.sheets})


def _share(count: int, whole: int) -> float:
    return count / whole if whole else 0.0


def _mean(scores: list[float]) -> float | None:
    return round1(statistics.fmean(scores)) if scores else None


def _groups(cases: Iterable[CaseRecord], key: Callable[[CaseRecord], tuple[str, str]],
            order: Callable[[str, str], Any]) -> tuple[GroupStats, ...]:
    grouped: dict[tuple[str, str], list[CaseRecord]] = defaultdict(list)
    for case in cases:
        grouped[key(case)].append(case)
    out = []
    for (k, label), members in grouped.items():
        done = [c.conclusion for c in members if c.conclusion is not None]
        out.append(GroupStats(
            k, label, len(members), len(done), sum(d.outcome == "wrong" for d in done),
            sum(d.outcome == "flawed" for d in done), _mean([d.score for d in done]),
        ))
    return tuple(sorted(out, key=lambda g: (-g.cases, order(g.key, g.label))))


def _type_order(code: str, _label: str) -> tuple[int, str]:
    return (CASE_TYPES.index(code) if code in CASE_TYPES else len(CASE_TYPES), code)


def _categories(records: CampaignRecords, concluded: int) -> tuple[CategoryStats, ...]:
    cases: dict[str, set[str]] = defaultdict(set)
    findings: Counter[str] = Counter()
    for f in records.findings:
        cases[f.category].add(f.case_external_id)
        findings[f.category] += 1
    rows = [CategoryStats(cat, len(cases[cat]), findings[cat], _share(len(cases[cat]), concluded)) for cat in findings]
    # Ties are broken by the findings count, then the category text, so the ranking never depends on row order.
    return tuple(sorted(rows, key=lambda c: (-c.cases, -c.findings, c.category)))


def _deduction_categories(records: CampaignRecords) -> tuple[DeductionCategoryStats, ...]:
    scored = len({s.case_external_id for s in records.sheets})
    cases: dict[str, set[str]] = defaultdict(set)
    count: Counter[str] = Counter()
    points: Counter[str] = Counter()
    for sheet in records.sheets:
        for m in sheet.marks:
            if m.is_deduction:
                category = m.category or "其他"
                cases[category].add(sheet.case_external_id)
                count[category] += 1
                points[category] += m.points
    rows = [DeductionCategoryStats(c, len(cases[c]), count[c], round1(points[c]), _share(len(cases[c]), scored))
            for c in count]
    return tuple(sorted(rows, key=lambda c: (-c.cases, -c.deductions, c.category)))


def compute_stats(records: CampaignRecords) -> CampaignStats:
    cases = records.cases
    done = [c.conclusion for c in cases if c.conclusion is not None]
    concluded = len(done)
    scores = [d.score for d in done]
    grades = Counter(d.grade for d in done)
    order = list(records.grade_order) + sorted(set(grades) - set(records.grade_order))
    outcomes = Counter(d.outcome for d in done)
    deadlines = sorted(d.correction_deadline for d in done if d.correction_required and d.correction_deadline)
    return CampaignStats(
        campaign_id=records.campaign_id,
        campaign_name=records.campaign_name,
        year=records.year,
        started_on=records.started_on,
        last_concluded_on=max((d.concluded_on for d in done), default=None),
        selected=len(cases),
        drawn=sum(c.how == "random" for c in cases),
        key_cases=sum(c.how == "key" for c in cases),
        concluded=concluded,
        scoring=sum(c.state == "scoring" for c in cases),
        unscored=sum(c.state == "unscored" for c in cases),
        mean_score=_mean(scores),
        median_score=round1(statistics.median(scores)) if scores else None,
        by_grade=tuple(GradeCount(g, grades[g], _share(grades[g], concluded)) for g in order),
        by_outcome=tuple(
            OutcomeCount(o, outcome_zh(o), outcomes[o], _share(outcomes[o], concluded))
            for o in list(OUTCOMES) + sorted(set(outcomes) - set(OUTCOMES))
        ),
        by_unit=_groups(cases, lambda c: (c.unit_code, c.unit_name), lambda k, label: (label, k)),
        by_type=_groups(cases, lambda c: (c.case_type, case_type_zh(c.case_type)), _type_order),
        categories=_categories(records, concluded),
        corrections=sum(d.correction_required for d in done),
        referrals=sum(d.referral_suggested for d in done),
        earliest_deadline=deadlines[0] if deadlines else None,
        latest_deadline=deadlines[-1] if deadlines else None,
        records=records,
        deduction_categories=_deduction_categories(records),
    )


# -- loading ---------------------------------------------------------------------------------------------
def _day(moment: datetime | None) -> date | None:
    """The calendar day in the offset the moment was recorded with (the office's own clock)."""
    return None if moment is None else moment.date()


def _deadline(text: Any) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _conclusion(row: Conclusion) -> ConclusionRecord:
    try:
        actions = json.loads(row.actions or "{}")
    except ValueError:
        actions = {}
    correction = actions.get("correction") or {}
    referral = actions.get("referral") or {}
    concluded_on = _day(row.concluded_at)
    assert concluded_on is not None  # NOT NULL column
    return ConclusionRecord(
        score=float(row.score), grade=row.grade, outcome=row.outcome,
        correction_required=bool(correction.get("required")), correction_deadline=_deadline(correction.get("deadline")),
        referral_suggested=bool(referral.get("suggested")), referral_reason=str(referral.get("reason") or ""),
        concluded_on=concluded_on,
    )


class _Rubrics:
    """Item texts and sheet order by rubric id, parsed once per load."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._items: dict[int, dict[str, Item]] = {}
        self._defs: dict[int, RubricDef | None] = {}

    def _of(self, rubric_id: int) -> dict[str, Item]:
        if rubric_id not in self._items:
            row = self._session.get(Rubric, rubric_id)
            self._defs[rubric_id] = parse_stored(row.body) if row is not None else None
            self._items[rubric_id] = self._defs[rubric_id].items() if row is not None else {}
        return self._items[rubric_id]

    def category(self, rubric_id: int, code: str) -> str:
        item = self._of(rubric_id).get(code)
        rubric = self._defs.get(rubric_id)
        return rubric.category_of(code) if item and rubric else ""

    def text(self, rubric_id: int | None, code: str | None) -> str:
        if rubric_id is None or code is None:
            return ""
        item = self._of(rubric_id).get(code)
        return item.text if item else ""

    def kind(self, rubric_id: int, code: str) -> str:
        item = self._of(rubric_id).get(code)
        return item.kind if item else ""

    def tag(self, rubric_id: int, code: str) -> str:
        item = self._of(rubric_id).get(code)
        return item.tag if item else ""

    def order(self, rubric_id: int, code: str) -> tuple[int, str]:
        """Sheet order ("P1.10" after "P1.9"); unknown codes last."""
        codes = list(self._of(rubric_id))
        return (codes.index(code) if code in codes else len(codes), code)


def load_records(session: Session, campaign_id: str) -> CampaignRecords:
    """Everything the statistics, ledger and report need, in a handful of queries (no per-case round trips)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
    chosen = session.execute(
        select(CampaignCase, Case, Unit).join(Case, Case.id == CampaignCase.case_id)
        .join(Unit, Unit.code == Case.unit_code)
        .where(CampaignCase.campaign_id == campaign_id).order_by(Case.external_id, Case.id)
    ).all()
    case_ids = {case.id for _cc, case, _u in chosen}

    panels: dict[int, list[tuple[PanelMember, Expert]]] = defaultdict(list)
    for pm, expert in session.execute(
        select(PanelMember, Expert).join(Expert, Expert.id == PanelMember.expert_id)
        .where(PanelMember.campaign_id == campaign_id)
    ).all():
        panels[pm.case_id].append((pm, expert))
    for seats in panels.values():
        seats.sort(key=lambda r: (r[0].role != "leader", r[1].external_id))

    sheets = list(session.execute(
        select(ScoreSheet, Expert).join(Expert, Expert.id == ScoreSheet.expert_id)
        .where(ScoreSheet.campaign_id == campaign_id)
    ).all())
    started = {s.case_id for s, _e in sheets}
    submitted = [(s, e) for s, e in sheets if s.status == "submitted" and s.case_id in case_ids]
    totals = {(s.case_id, s.expert_id): s.total for s, _e in submitted}
    # The rubric a case was scored with (as deliberation picks it: the lowest id among submitted sheets).
    case_rubric: dict[int, int] = {}
    for s, _e in submitted:
        case_rubric[s.case_id] = min(case_rubric.get(s.case_id, s.rubric_id), s.rubric_id)
    marks: dict[int, list[ScoreItem]] = defaultdict(list)
    if submitted:
        for item in session.execute(
            select(ScoreItem).join(ScoreSheet, ScoreSheet.id == ScoreItem.sheet_id)
            .where(ScoreSheet.campaign_id == campaign_id, ScoreSheet.status == "submitted")
        ).scalars():
            marks[item.sheet_id].append(item)

    conclusions = {
        c.case_id: _conclusion(c)
        for c in session.execute(select(Conclusion).where(Conclusion.campaign_id == campaign_id)).scalars()
        if c.case_id in case_ids
    }
    numbers = {
        n.case_id: n.number
        for n in session.execute(select(OpinionNumber).where(OpinionNumber.campaign_id == campaign_id)).scalars()
    }
    rubrics = _Rubrics(session)
    by_id = {case.id: (case, unit) for _cc, case, unit in chosen}

    cases = []
    for cc, case, unit in chosen:
        seats = panels.get(case.id, [])
        cases.append(CaseRecord(
            case_id=case.id, external_id=case.external_id, case_number=case.case_number, title=case.title,
            case_type=case.case_type, unit_code=unit.code, unit_name=unit.name, how=cc.how,
            leader=next((e.name for pm, e in seats if pm.role == "leader"), ""),
            members=tuple(e.name for pm, e in seats if pm.role != "leader"),
            expert_scores=tuple((e.name, totals.get((case.id, e.id))) for _pm, e in seats),
            sheets_started=case.id in started,
            conclusion=conclusions.get(case.id),
            opinion_number=numbers.get(case.id),
        ))

    # A finding names its rubric items through the deductions it rests on (migration 0008) when it has no
    # item of its own, so the problem register's 评分项 is filled for findings made from deductions.
    rested_on: dict[int, set[str]] = defaultdict(set)
    for finding_id, code in session.execute(
        select(FindingDeduction.finding_id, FindingDeduction.item_code)
        .join(ConclusionFinding, ConclusionFinding.id == FindingDeduction.finding_id)
        .where(ConclusionFinding.campaign_id == campaign_id)
    ):
        rested_on[finding_id].add(code)
    findings = []
    for f in session.execute(
        select(ConclusionFinding).where(ConclusionFinding.campaign_id == campaign_id)
        .order_by(ConclusionFinding.case_id, ConclusionFinding.position)
    ).scalars():
        if f.case_id not in conclusions:
            continue
        case, unit = by_id[f.case_id]
        rubric_id = case_rubric.get(f.case_id)
        codes = [f.item_code] if f.item_code else sorted(rested_on.get(f.id, ()), key=lambda c: rubrics.order(rubric_id, c) if rubric_id is not None else (0, c))
        findings.append(FindingRecord(
            case.external_id, case.case_number, unit.name, f.category, f.description, f.evidence_ref,
            "、".join(codes) or None, "；".join(rubrics.text(rubric_id, c) for c in codes),
        ))
    findings.sort(key=lambda r: r.case_external_id)  # the ledger's case order; stable keeps positions

    roles = {(pm.case_id, pm.expert_id): pm.role for seats in panels.values() for pm, _e in seats}
    sheet_rows = []
    for s, expert in submitted:
        case, _unit = by_id[s.case_id]
        items = sorted(marks.get(s.id, []), key=lambda i, r=s.rubric_id: rubrics.order(r, i.item_code))
        sheet_rows.append(SheetRecord(
            case.external_id, case.case_number, expert.name, roles.get((s.case_id, s.expert_id), ""), s.total,
            s.grade, bool(s.veto), s.version, _day(s.submitted_at),
            tuple(MarkRecord(i.item_code, rubrics.text(s.rubric_id, i.item_code), rubrics.kind(s.rubric_id, i.item_code),
                             float(i.points), i.reason, i.evidence_ref, bool(i.veto),
                             rubrics.category(s.rubric_id, i.item_code), rubrics.tag(s.rubric_id, i.item_code))
                  for i in items if i.points or i.veto),
        ))
    sheet_rows.sort(key=lambda r: (r.case_external_id, r.role != "leader", r.expert_name))

    first_chosen = min((cc.added_at for cc, _c, _u in chosen), default=None)
    return CampaignRecords(
        campaign_id=campaign.id, campaign_name=campaign.name, year=campaign.year,
        grade_order=tuple(b.grade for b in parse_bands(campaign.grade_bands)),
        started_on=_day(first_chosen or campaign.created_at),
        cases=tuple(cases), findings=tuple(findings), sheets=tuple(sheet_rows),
    )


def load_stats(session: Session, campaign_id: str) -> CampaignStats:
    return replace(compute_stats(load_records(session, campaign_id)),
                   followup=load_followup_stats(session, campaign_id, clock.now().date()))
