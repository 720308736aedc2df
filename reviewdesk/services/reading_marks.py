"""Reading marks (私人标注): an expert's notes on a page or passage of a case document, visible only to that
expert, and, once the expert's sheet is submitted, to the panel where a deduction cites the marked page. Each change is audited (the audit entry names the mark, document and page, never the note's words);
marks go with their case (and document) when it is removed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.casefiles.evidence import FilePage, find_references, reference_text, resolve
from reviewdesk.clock import now
from reviewdesk.errors import NotFound, ValidationError
from reviewdesk.services.base import Refusal, change, query
from reviewdesk.services.cases import visible_case_ids
from reviewdesk.services.evidence import case_layout
from reviewdesk.services.lookup import resolve_case
from reviewdesk.store.models import Document, Expert, ReadingMark, Role, ScoreItem, ScoreSheet
from reviewdesk.workspace import OpenWorkspace

MARKERS = frozenset({Role.EXPERT})
CITED_READERS = frozenset({Role.ADMIN, Role.OBSERVER, Role.EXPERT})
MAX_NOTE = 2000
MAX_PASSAGE = 2000


@dataclass(frozen=True)
class MarkInfo:
    id: int
    case_id: int
    document_id: int
    page: int
    passage: str
    note: str
    created_at: datetime
    updated_at: datetime
    reference: str = (
        ""  # 卷×第×页 of the page, for a deduction's evidence ("" when the page cannot be placed)
    )

    def to_json(self) -> dict[str, object]:
        out = asdict(self)
        out["created_at"], out["updated_at"] = self.created_at.isoformat(), self.updated_at.isoformat()
        return out


def _info(m: ReadingMark, files: list[FilePage]) -> MarkInfo:
    reference = reference_text(files, m.document_id, m.page)
    return MarkInfo(
        m.id, m.case_id, m.document_id, m.page, m.passage, m.note, m.created_at, m.updated_at, reference
    )


def _with_references(session: Session, marks: Iterable[ReadingMark]) -> list[MarkInfo]:
    layouts: dict[int, list[FilePage]] = {}
    out = []
    for m in marks:
        if m.case_id not in layouts:
            layouts[m.case_id] = case_layout(session, m.case_id)
        out.append(_info(m, layouts[m.case_id]))
    return out


def _check_text(note: str, passage: str) -> None:
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        raise ValidationError(
            "note",
            f"must be text of at most {MAX_NOTE} characters",
            message_zh=f"标注内容不得超过 {MAX_NOTE} 字",
        )
    if not isinstance(passage, str) or len(passage) > MAX_PASSAGE:
        raise ValidationError(
            "passage",
            f"must be text of at most {MAX_PASSAGE} characters",
            message_zh=f"标注段落不得超过 {MAX_PASSAGE} 字",
        )
    if not note.strip() and not passage.strip():
        raise ValidationError("note", "a mark needs a note or a passage", message_zh="标注须有内容或所标段落")


def add_mark(ws: OpenWorkspace, document_id: int, page: int, note: str, passage: str = "") -> MarkInfo:
    """Mark a page (or a passage on it) of a document of one of the expert's cases."""
    with change(ws, "mark.add", MARKERS) as ch:
        doc = ch.session.get(Document, document_id)
        if doc is None:
            raise NotFound(f"no document {document_id}", message_zh=f"没有文件 {document_id}")
        visible = visible_case_ids(ch.session, ws)
        if visible is not None and doc.case_id not in visible:
            raise Refusal("case not visible")
        last = doc.page_count or 1
        if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= last:
            raise ValidationError(
                "page", f"must be a page of the file, 1 to {last}", message_zh=f"页码须在 1 至 {last} 之间"
            )
        _check_text(note, passage)
        stamp = now()
        mark = ReadingMark(
            case_id=doc.case_id,
            document_id=doc.id,
            user_id=ws.actor.user_id,
            page=page,
            passage=passage.strip(),
            note=note.strip(),
            created_at=stamp,
            updated_at=stamp,
        )
        ch.session.add(mark)
        ch.session.flush()
        ch.audit(f"mark:{mark.id}", case_id=doc.case_id, document_id=doc.id, page=page)
        return _with_references(ch.session, [mark])[0]


def _own(session: object, ws: OpenWorkspace, mark_id: int) -> ReadingMark:
    mark = session.get(ReadingMark, mark_id)  # type: ignore[attr-defined]
    if mark is None:
        raise NotFound(f"no mark {mark_id}", message_zh=f"没有标注 {mark_id}")
    if mark.user_id != ws.actor.user_id:
        raise Refusal("another expert's mark")
    return mark


def update_mark(ws: OpenWorkspace, mark_id: int, note: str) -> MarkInfo:
    with change(ws, "mark.update", MARKERS) as ch:
        mark = _own(ch.session, ws, mark_id)
        _check_text(note, mark.passage)
        mark.note, mark.updated_at = note.strip(), now()
        ch.audit(f"mark:{mark.id}", case_id=mark.case_id, document_id=mark.document_id, page=mark.page)
        return _with_references(ch.session, [mark])[0]


def remove_mark(ws: OpenWorkspace, mark_id: int) -> None:
    with change(ws, "mark.remove", MARKERS) as ch:
        mark = _own(ch.session, ws, mark_id)
        ch.audit(f"mark:{mark.id}", case_id=mark.case_id, document_id=mark.document_id, page=mark.page)
        ch.session.delete(mark)


def my_marks(
    ws: OpenWorkspace,
    *,
    case_id: int | None = None,
    document_id: int | None = None,
    case_ref: str | None = None,
) -> list[MarkInfo]:
    """The acting expert's own marks (of one case or document), by document and page. `case_ref` names the
    case as a user types it (store id or external id, as the CLI's --case); a case not of the expert's
    panels is refused rather than shown empty."""
    with query(ws, "mark.list", MARKERS) as session:
        stmt = select(ReadingMark).where(ReadingMark.user_id == ws.actor.user_id)
        visible = visible_case_ids(session, ws)
        if case_ref is not None:
            named = resolve_case(session, case_ref).id
            if visible is not None and named not in visible:
                raise Refusal("case not visible")
            stmt = stmt.where(ReadingMark.case_id == named)
        if visible is not None:  # a mark stays, but is not shown, once the expert left the panel
            stmt = stmt.where(ReadingMark.case_id.in_(visible))
        if case_id is not None:
            stmt = stmt.where(ReadingMark.case_id == case_id)
        if document_id is not None:
            stmt = stmt.where(ReadingMark.document_id == document_id)
        rows = session.execute(
            stmt.order_by(ReadingMark.document_id, ReadingMark.page, ReadingMark.id)
        ).scalars()
        return _with_references(session, rows)


def cited_marks(ws: OpenWorkspace, case_id: int) -> list[tuple[str, MarkInfo]]:
    """After submission, the marks members cited: (expert's name, mark) for each mark whose page a deduction
    of that member's submitted sheet names (its evidence reference resolves to the mark's page). An expert
    sees them once their own sheet for the case is submitted, as with the sheets (docs/scoring.md); admins
    and observers always."""
    with query(ws, "mark.cited", CITED_READERS) as session:
        visible = visible_case_ids(session, ws)
        if visible is not None and case_id not in visible:
            raise Refusal("case not visible")
        submitted = session.execute(
            select(ScoreSheet.id, Expert.user_id, Expert.name)
            .join(Expert, Expert.id == ScoreSheet.expert_id)
            .where(ScoreSheet.case_id == case_id, ScoreSheet.status == "submitted")
        ).all()
        if ws.actor.role == Role.EXPERT and ws.actor.user_id not in {user for _s, user, _n in submitted}:
            return []  # blind until one's own sheet is in
        files = case_layout(session, case_id)
        out = []
        for sheet_id, user_id, name in submitted:
            refs = session.execute(
                select(ScoreItem.evidence_ref).where(ScoreItem.sheet_id == sheet_id)
            ).scalars()
            pages = {(r.document_id, r.page) for ref in refs for r in resolve(find_references(ref), files)}
            marks = session.execute(
                select(ReadingMark)
                .where(ReadingMark.case_id == case_id, ReadingMark.user_id == user_id)
                .order_by(ReadingMark.document_id, ReadingMark.page, ReadingMark.id)
            ).scalars()
            out += [(name, _info(m, files)) for m in marks if (m.document_id, m.page) in pages]
        return out
