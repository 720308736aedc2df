"""Score sheets: the 回避声明, drafts, submission, amendments, and who may read which sheet.

Blindness is enforced here, not in the UI: an expert sees their own sheet, another member's only once their own
is submitted (and only submitted sheets, only on their own panels); admins see every sheet, observers submitted
ones, auditors none. Refusals are audited through the base's refusal entry (ids and reasons, no case data).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.resources import resources_dir
from reviewdesk.scoring.grades import parse_bands
from reviewdesk.scoring.rubric import RubricDef
from reviewdesk.scoring.sheet import Entry, check, compute, entries_from_json
from reviewdesk.services.base import Refusal, change, query, require
from reviewdesk.services.lookup import resolve_case, resolve_expert
from reviewdesk.services.panel_seats import several_campaigns
from reviewdesk.services.rubrics import parse_stored, rubric_for_case
from reviewdesk.store.models import (
    Campaign,
    Case,
    Expert,
    PanelMember,
    Role,
    Rubric,
    ScoreItem,
    ScoreSheet,
    ScoreSheetVersion,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace

EXPERTS = frozenset({Role.EXPERT})
SHEET_READERS = frozenset({Role.ADMIN, Role.OBSERVER, Role.EXPERT})
STATEMENT_FILE = "texts/recusal_statement.txt"


def recusal_statement() -> str:
    """The 回避声明 an expert confirms before the first edit (resources/texts/recusal_statement.txt)."""
    return (resources_dir() / STATEMENT_FILE).read_text(encoding="utf-8").strip()


# -- views ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemView:
    code: str
    text: str
    part: str
    kind: str
    max: float
    points: float
    reason: str
    evidence: str
    veto: bool


@dataclass(frozen=True)
class SheetView:
    id: int
    campaign_id: str
    case_id: int
    case_external_id: str
    expert_id: int
    expert_external_id: str
    expert_name: str
    panel_role: str | None  # leader | member | None (no longer on the panel)
    rubric_id: int
    rubric_code: str
    rubric_version: int
    status: str  # draft | submitted
    version: int
    total: float | None  # set on submission
    grade: str | None
    veto: bool
    comment: str
    certification: str
    certified_at: str
    submitted_at: str | None
    updated_at: str
    items: tuple[ItemView, ...]

    def entries(self) -> list[Entry]:
        return [Entry(i.code, i.points, i.reason, i.evidence, i.veto) for i in self.items]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["items"] = [asdict(i) for i in self.items]
        return data


@dataclass(frozen=True)
class SheetVersionView:
    version: int
    amend_reason: str
    created_by: str
    created_at: str
    sheet: dict[str, Any]  # the sheet as it was: status, total, grade, veto, comment, items…

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class MyCase:
    campaign_id: str
    case_id: int
    external_id: str
    case_number: str
    title: str
    case_type: str
    role: str  # leader | member
    sheet_id: int | None
    status: str  # uncertified | draft | submitted
    version: int | None
    total: float | None
    grade: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def _rubric_def(session: Session, rubric_id: int) -> tuple[Rubric, RubricDef]:
    row = session.get(Rubric, rubric_id)
    if row is None:  # the FK makes this impossible unless the store was tampered with
        raise NotFound(f"rubric {rubric_id} missing", message_zh=f"评分表 {rubric_id} 缺失")
    return row, parse_stored(row.body)


def _items(session: Session, sheet_id: int) -> list[ScoreItem]:
    return list(session.execute(select(ScoreItem).where(ScoreItem.sheet_id == sheet_id)).scalars())


def _view(session: Session, sheet: ScoreSheet) -> SheetView:
    row, rubric = _rubric_def(session, sheet.rubric_id)
    case = session.get(Case, sheet.case_id)
    expert = session.get(Expert, sheet.expert_id)
    assert case is not None and expert is not None
    part_of = {item.code: part.code for part in rubric.parts for item in part.items}
    order = {code: n for n, code in enumerate(rubric.items())}
    defs = rubric.items()
    stored = sorted(_items(session, sheet.id), key=lambda i: order.get(i.item_code, len(order)))
    items = tuple(
        ItemView(
            code=i.item_code, text=defs[i.item_code].text if i.item_code in defs else "", part=part_of.get(i.item_code, ""),
            kind=defs[i.item_code].kind if i.item_code in defs else "", max=defs[i.item_code].max if i.item_code in defs else 0.0,
            points=i.points, reason=i.reason, evidence=i.evidence_ref, veto=i.veto,
        )
        for i in stored
    )
    role = session.execute(
        select(PanelMember.role).where(
            PanelMember.campaign_id == sheet.campaign_id, PanelMember.case_id == sheet.case_id,
            PanelMember.expert_id == sheet.expert_id,
        )
    ).scalar()
    return SheetView(
        id=sheet.id, campaign_id=sheet.campaign_id, case_id=case.id, case_external_id=case.external_id,
        expert_id=expert.id, expert_external_id=expert.external_id, expert_name=expert.name, panel_role=role,
        rubric_id=row.id, rubric_code=row.code, rubric_version=row.version, status=sheet.status, version=sheet.version,
        total=sheet.total, grade=sheet.grade, veto=sheet.veto, comment=sheet.comment, certification=sheet.certification,
        certified_at=_iso(sheet.certified_at) or "", submitted_at=_iso(sheet.submitted_at),
        updated_at=_iso(sheet.updated_at) or "", items=items,
    )


def _snapshot(session: Session, sheet: ScoreSheet) -> dict[str, Any]:
    """The sheet as JSON for ScoreSheetVersion: everything that an amendment may change."""
    return {
        "version": sheet.version, "status": sheet.status, "rubric_id": sheet.rubric_id, "total": sheet.total,
        "grade": sheet.grade, "veto": sheet.veto, "comment": sheet.comment,
        "submitted_at": _iso(sheet.submitted_at),
        "items": [
            {"code": i.item_code, "points": i.points, "reason": i.reason, "evidence": i.evidence_ref, "veto": i.veto}
            for i in sorted(_items(session, sheet.id), key=lambda i: i.item_code)
        ],
    }


# -- access -----------------------------------------------------------------------------------------------
def _own_expert(session: Session, ws: OpenWorkspace) -> Expert | None:
    if ws.actor.role != Role.EXPERT:
        return None
    return session.execute(select(Expert).where(Expert.user_id == ws.actor.user_id)).scalar()


def _one_campaign(found: Sequence[str], case: Case, campaign_id: str | None) -> str | None:
    if campaign_id is not None:
        return campaign_id if campaign_id in found else None
    if len(found) > 1:
        raise several_campaigns(case, found)
    return found[0] if found else None


def _seat(session: Session, ws: OpenWorkspace, case: Case, campaign_id: str | None) -> tuple[Expert, PanelMember]:
    """The acting expert's own panel seat on the case, or a refusal."""
    expert = _own_expert(session, ws)
    if expert is None:
        raise Refusal("no expert record linked to this account")
    seats = list(session.execute(
        select(PanelMember).where(PanelMember.case_id == case.id, PanelMember.expert_id == expert.id)
        .order_by(PanelMember.campaign_id)
    ).scalars())
    chosen = _one_campaign([s.campaign_id for s in seats], case, campaign_id)
    if chosen is None:
        raise Refusal(f"expert {expert.id} is not on the panel of case {case.id}")
    return expert, next(s for s in seats if s.campaign_id == chosen)


def _reader_campaign(session: Session, ws: OpenWorkspace, case: Case, campaign_id: str | None) -> tuple[str, Expert | None]:
    """The campaign whose sheets the reader asks about, and the reader's own expert row (experts only)."""
    if ws.actor.role == Role.EXPERT:
        expert, seat = _seat(session, ws, case, campaign_id)
        return seat.campaign_id, expert
    found = sorted(
        set(session.execute(select(PanelMember.campaign_id).where(PanelMember.case_id == case.id)).scalars())
        | set(session.execute(select(ScoreSheet.campaign_id).where(ScoreSheet.case_id == case.id)).scalars())
    )
    chosen = _one_campaign(found, case, campaign_id)
    if chosen is None:
        where = f" in campaign {campaign_id}" if campaign_id else ""
        raise NotFound(f"case {case.external_id} has no panel{where}", message_zh=f"案件 {case.external_id} 没有评查组")
    return chosen, None


def _own_sheet(session: Session, campaign_id: str, case_id: int, expert_id: int) -> ScoreSheet | None:
    return session.execute(
        select(ScoreSheet).where(
            ScoreSheet.campaign_id == campaign_id, ScoreSheet.case_id == case_id, ScoreSheet.expert_id == expert_id
        )
    ).scalar()


def _blind_reason(session: Session, ws: OpenWorkspace, sheet: ScoreSheet, me: Expert | None) -> str | None:
    """Why this reader may not see this sheet (None: they may)."""
    role = ws.actor.role
    if role == Role.ADMIN:
        return None
    if role == Role.OBSERVER:
        return None if sheet.status == "submitted" else "sheet not submitted"
    if role != Role.EXPERT or me is None:
        return "role"
    if sheet.expert_id == me.id:
        return None
    on_panel = session.execute(
        select(PanelMember.expert_id).where(
            PanelMember.campaign_id == sheet.campaign_id, PanelMember.case_id == sheet.case_id,
            PanelMember.expert_id == me.id,
        )
    ).scalar()
    if on_panel is None:
        return "not on this panel"
    mine = _own_sheet(session, sheet.campaign_id, sheet.case_id, me.id)
    if mine is None or mine.status != "submitted":
        return "own sheet not submitted yet"
    return None if sheet.status == "submitted" else "sheet not submitted"


# -- editing ----------------------------------------------------------------------------------------------
def _entries(items: Iterable[Any]) -> list[Entry]:
    return entries_from_json(items)


def _replace_items(session: Session, sheet: ScoreSheet, entries: Sequence[Entry]) -> None:
    session.execute(delete(ScoreItem).where(ScoreItem.sheet_id == sheet.id))
    session.flush()
    for e in entries:
        if e.points or e.reason or e.evidence or e.veto:  # an untouched item is simply absent
            session.add(ScoreItem(sheet_id=sheet.id, item_code=e.code, points=e.points, reason=e.reason,
                                  evidence_ref=e.evidence, veto=e.veto))
    session.flush()


def _stored_entries(session: Session, sheet: ScoreSheet) -> list[Entry]:
    return [Entry(i.item_code, i.points, i.reason, i.evidence_ref, i.veto) for i in _items(session, sheet.id)]


def _editable_sheet(session: Session, ws: OpenWorkspace, case_ref: str | int, campaign_id: str | None) -> ScoreSheet:
    case = resolve_case(session, str(case_ref))
    expert, seat = _seat(session, ws, case, campaign_id)
    sheet = _own_sheet(session, seat.campaign_id, case.id, expert.id)
    if sheet is None:
        raise Conflict(
            f"case {case.external_id}: confirm the recusal statement (score certify) before scoring",
            message_zh=f"案件 {case.external_id}：评分前须先确认回避声明",
        )
    return sheet


def _finalise(session: Session, sheet: ScoreSheet, entries: Sequence[Entry]) -> None:
    """Full validation, then total, grade and veto from the campaign's bands."""
    _row, rubric = _rubric_def(session, sheet.rubric_id)
    check(rubric, entries, complete=True)
    campaign = session.get(Campaign, sheet.campaign_id)
    assert campaign is not None
    result = compute(rubric, entries, parse_bands(campaign.grade_bands))
    _replace_items(session, sheet, entries)
    sheet.total, sheet.grade, sheet.veto = result.total, result.grade, result.veto


def certify(ws: OpenWorkspace, case_ref: str | int, campaign_id: str | None = None) -> SheetView:
    """Confirm the 回避声明 for a case on one's panel: creates the draft sheet with the statement and the time."""
    with change(ws, "score.certify", EXPERTS) as ch:
        session: Session = ch.session
        case = resolve_case(session, str(case_ref))
        expert, seat = _seat(session, ws, case, campaign_id)
        existing = _own_sheet(session, seat.campaign_id, case.id, expert.id)
        if existing is not None:
            raise Conflict(
                f"case {case.external_id}: already certified at {_iso(existing.certified_at)}",
                message_zh=f"案件 {case.external_id}：已于 {_iso(existing.certified_at)} 确认回避声明",
            )
        unit = session.get(Unit, case.unit_code)
        rubric_row, _rubric = rubric_for_case(session, seat.campaign_id, case.case_type, unit.kind if unit else None)
        moment = now()
        sheet = ScoreSheet(
            campaign_id=seat.campaign_id, case_id=case.id, expert_id=expert.id, rubric_id=rubric_row.id,
            status="draft", version=1, veto=False, comment="", certification=recusal_statement(),
            certified_at=moment, updated_at=moment,
        )
        session.add(sheet)
        session.flush()
        ch.audit(f"score_sheet:{sheet.id}", campaign_id=seat.campaign_id, case_id=case.id, expert_id=expert.id,
                 rubric_id=rubric_row.id)
        return _view(session, sheet)


def save_draft(
    ws: OpenWorkspace, case_ref: str | int, items: Iterable[Any], comment: str = "", campaign_id: str | None = None,
) -> SheetView:
    """Replace the draft's items (partial sheets allowed: codes, ranges and veto flags are checked)."""
    require(ws, "score.save_draft", EXPERTS)
    entries = _entries(items)
    with change(ws, "score.save_draft", EXPERTS) as ch:
        session: Session = ch.session
        sheet = _editable_sheet(session, ws, case_ref, campaign_id)
        if sheet.status != "draft":
            raise Conflict("the sheet is submitted and locked; amend it with a reason",
                           message_zh="评分表已提交并锁定，如需修改请说明理由后更正")
        _row, rubric = _rubric_def(session, sheet.rubric_id)
        check(rubric, entries, complete=False)
        _replace_items(session, sheet, entries)
        sheet.comment = comment or ""
        sheet.updated_at = now()
        ch.audit(f"score_sheet:{sheet.id}", items=len(entries))
        return _view(session, sheet)


def submit(
    ws: OpenWorkspace, case_ref: str | int, items: Iterable[Any] | None = None, comment: str | None = None,
    campaign_id: str | None = None,
) -> SheetView:
    """Validate fully, compute total and grade, and lock the sheet. Without `items` the saved draft is submitted."""
    require(ws, "score.submit", EXPERTS)
    given = None if items is None else _entries(items)
    with change(ws, "score.submit", EXPERTS) as ch:
        session: Session = ch.session
        sheet = _editable_sheet(session, ws, case_ref, campaign_id)
        if sheet.status != "draft":
            raise Conflict("the sheet is already submitted; amend it with a reason",
                           message_zh="评分表已提交，如需修改请说明理由后更正")
        entries = given if given is not None else _stored_entries(session, sheet)
        _finalise(session, sheet, entries)
        if comment is not None:
            sheet.comment = comment
        sheet.status = "submitted"
        sheet.submitted_at = sheet.updated_at = now()
        ch.audit(f"score_sheet:{sheet.id}", campaign_id=sheet.campaign_id, case_id=sheet.case_id,
                 expert_id=sheet.expert_id, version=sheet.version, total=sheet.total, veto=sheet.veto)
        return _view(session, sheet)


def amend(
    ws: OpenWorkspace, case_ref: str | int, items: Iterable[Any], reason: str, comment: str | None = None,
    campaign_id: str | None = None,
) -> SheetView:
    """Change a submitted sheet: needs a reason; the old version is kept in ScoreSheetVersion; version + 1."""
    require(ws, "score.amend", EXPERTS)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "an amendment needs a reason", message_zh="更正评分表必须说明理由")
    entries = _entries(items)
    with change(ws, "score.amend", EXPERTS) as ch:
        session: Session = ch.session
        sheet = _editable_sheet(session, ws, case_ref, campaign_id)
        if sheet.status != "submitted":
            raise Conflict("the sheet is not submitted yet; edit the draft instead",
                           message_zh="评分表尚未提交，请直接修改草稿")
        session.add(ScoreSheetVersion(
            sheet_id=sheet.id, version=sheet.version, body=json.dumps(_snapshot(session, sheet), ensure_ascii=False),
            amend_reason=reason, created_by=ws.actor.username, created_at=now(),
        ))
        old_version, old_total = sheet.version, sheet.total
        _finalise(session, sheet, entries)
        if comment is not None:
            sheet.comment = comment
        sheet.version += 1
        sheet.updated_at = now()
        ch.audit(f"score_sheet:{sheet.id}", from_version=old_version, version=sheet.version, old_total=old_total,
                 total=sheet.total, veto=sheet.veto)
        return _view(session, sheet)


# -- reading ----------------------------------------------------------------------------------------------
def sheet(
    ws: OpenWorkspace, case_ref: str | int, expert_ref: str | int | None = None, campaign_id: str | None = None,
) -> SheetView:
    """One sheet: by default the acting expert's own; others' by `expert_ref`, subject to blindness."""
    with query(ws, "score.show", SHEET_READERS) as session:
        case = resolve_case(session, str(case_ref))
        chosen, me = _reader_campaign(session, ws, case, campaign_id)
        if expert_ref is None:
            if me is None:
                raise ValidationError("expert", "say whose sheet to show", message_zh="请指定要查看哪位专家的评分表")
            target_id = me.id
        else:
            target_id = resolve_expert(session, str(expert_ref)).id
        if me is not None and target_id != me.id:
            mine = _own_sheet(session, chosen, case.id, me.id)
            if mine is None or mine.status != "submitted":  # refuse before saying whether the other sheet exists
                raise Refusal("own sheet not submitted yet")
        found = _own_sheet(session, chosen, case.id, target_id)
        if found is None:
            raise NotFound(f"no score sheet of that expert for case {case.external_id}",
                           message_zh=f"该专家尚无案件 {case.external_id} 的评分表")
        reason = _blind_reason(session, ws, found, me)
        if reason is not None:
            raise Refusal(reason)
        return _view(session, found)


def sheets_for_case(ws: OpenWorkspace, case_ref: str | int, campaign_id: str | None = None) -> list[SheetView]:
    """The sheets of a case the reader may see (an expert before submitting: only their own)."""
    with query(ws, "score.list", SHEET_READERS) as session:
        case = resolve_case(session, str(case_ref))
        chosen, me = _reader_campaign(session, ws, case, campaign_id)
        rows = session.execute(
            select(ScoreSheet).where(ScoreSheet.campaign_id == chosen, ScoreSheet.case_id == case.id)
            .order_by(ScoreSheet.expert_id)
        ).scalars()
        return [_view(session, s) for s in rows if _blind_reason(session, ws, s, me) is None]


def history(ws: OpenWorkspace, sheet_id: int) -> list[SheetVersionView]:
    """The earlier versions of a sheet (oldest first), each with the reason it was amended."""
    with query(ws, "score.history", SHEET_READERS) as session:
        found = session.get(ScoreSheet, int(sheet_id))
        if found is None:
            raise NotFound(f"no score sheet {sheet_id}", message_zh=f"没有评分表 {sheet_id}")
        me = _own_expert(session, ws)
        reason = _blind_reason(session, ws, found, me)
        if reason is not None:
            raise Refusal(reason)
        rows = session.execute(
            select(ScoreSheetVersion).where(ScoreSheetVersion.sheet_id == found.id).order_by(ScoreSheetVersion.version)
        ).scalars()
        return [
            SheetVersionView(r.version, r.amend_reason, r.created_by, _iso(r.created_at) or "", json.loads(r.body))
            for r in rows
        ]


def my_cases(ws: OpenWorkspace) -> list[MyCase]:
    """The acting expert's panel cases with their role and the state of their own sheet."""
    with query(ws, "score.my_cases", EXPERTS) as session:
        me = _own_expert(session, ws)
        if me is None:
            return []
        rows = session.execute(
            select(PanelMember, Case).join(Case, Case.id == PanelMember.case_id)
            .where(PanelMember.expert_id == me.id).order_by(PanelMember.campaign_id, Case.external_id)
        ).all()
        out: list[MyCase] = []
        for seat, case in rows:
            mine = _own_sheet(session, seat.campaign_id, case.id, me.id)
            out.append(MyCase(
                campaign_id=seat.campaign_id, case_id=case.id, external_id=case.external_id,
                case_number=case.case_number, title=case.title, case_type=case.case_type, role=seat.role,
                sheet_id=mine.id if mine else None, status=mine.status if mine else "uncertified",
                version=mine.version if mine else None, total=mine.total if mine else None,
                grade=mine.grade if mine else None,
            ))
        return out
