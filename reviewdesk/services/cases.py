"""Reading cases and their documents, searching, and exporting a document (admin, audited).

Who sees which case is decided here, not in the UI: admins and observers see all cases; experts only the
cases of panels they sit on (through the expert record linked to their account); auditors none.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from reviewdesk.casefiles import search as fts
from reviewdesk.casefiles.store import iter_document, read_document
from reviewdesk.errors import NotFound, PermissionDenied, ValidationError
from reviewdesk.security.atomic import fsync_dir
from reviewdesk.services.base import ADMIN, change, query
from reviewdesk.store.models import (
    Case,
    CaseHandler,
    CaseParty,
    Document,
    Expert,
    PanelMember,
    PartyCounsel,
    Role,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace

CASE_READERS = frozenset({Role.ADMIN, Role.OBSERVER, Role.EXPERT})
SORTABLE = ("external_id", "case_number", "title", "case_type", "unit_name", "region_code", "petition_count", "accepted_on")


def visible_case_ids(session: Session, ws: OpenWorkspace) -> set[int] | None:
    """None = every case. Experts: the cases of the panels they sit on."""
    if ws.actor.role in (Role.ADMIN, Role.OBSERVER):
        return None
    if ws.actor.role != Role.EXPERT:
        return set()
    rows = session.execute(
        select(PanelMember.case_id).join(Expert, Expert.id == PanelMember.expert_id).where(Expert.user_id == ws.actor.user_id)
    ).scalars()
    return set(rows)


@dataclass(frozen=True)
class CaseFilter:
    campaign_id: str | None = None
    unit_code: str | None = None
    case_type: str | None = None
    region_prefix: str | None = None  # "62" province, "6201" prefecture, "620102" county
    flags: tuple[str, ...] = ()  # all of: unenforced, unresolved, repeated, petition (any petition)
    text: str | None = None  # substring of case number or title


@dataclass(frozen=True)
class CaseRow:
    id: int
    external_id: str
    case_number: str
    title: str
    case_type: str
    unit_name: str
    region_code: str
    petition_count: int
    flags: tuple[str, ...]
    campaign_id: str | None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    title: str
    path: str
    media_type: str
    size: int
    sha256: str
    text_status: str
    page_count: int | None
    volume: int | None = None  # 卷 of the case file; None counts as volume 1


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    cause: str
    stage: str
    unit_code: str
    accepted_on: str | None
    closed_on: str | None
    summary: str
    petition_first_on: str | None
    petition_last_on: str | None
    issuer_key_id: str
    handlers: list[dict[str, object]] = field(default_factory=list)
    parties: list[dict[str, object]] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data.update(data.pop("row"))
        return data


def _flags(c: Case) -> tuple[str, ...]:
    return tuple(name for name, on in (("unenforced", c.flag_unenforced), ("unresolved", c.flag_unresolved), ("repeated", c.flag_repeated)) if on)


def _filtered(stmt: Select, flt: CaseFilter) -> Select:
    if flt.campaign_id:
        stmt = stmt.where(Case.campaign_id == flt.campaign_id)
    if flt.unit_code:
        stmt = stmt.where(Case.unit_code == flt.unit_code)
    if flt.case_type:
        stmt = stmt.where(Case.case_type == flt.case_type)
    if flt.region_prefix:
        stmt = stmt.where(Unit.region_code.startswith(flt.region_prefix, autoescape=True))
    for flag in flt.flags:
        if flag == "petition":
            stmt = stmt.where(Case.petition_count > 0)
        else:
            stmt = stmt.where(getattr(Case, f"flag_{flag}").is_(True))
    if flt.text:
        stmt = stmt.where(Case.case_number.contains(flt.text, autoescape=True) | Case.title.contains(flt.text, autoescape=True))
    return stmt


def _sort_column(name: str):
    return {"unit_name": Unit.name, "region_code": Unit.region_code}.get(name) or getattr(Case, name)


def case_ids(ws: OpenWorkspace, flt: CaseFilter = CaseFilter(), *, sort: str = "external_id", descending: bool = False) -> list[int]:
    """Ids of the matching cases the user may see, sorted: table views hold these and fetch rows lazily."""
    if sort not in SORTABLE:
        sort = "external_id"
    column = _sort_column(sort)
    with query(ws, "case.list", CASE_READERS) as session:
        stmt = _filtered(select(Case.id).join(Unit, Unit.code == Case.unit_code), flt)
        visible = visible_case_ids(session, ws)
        if visible is not None:
            stmt = stmt.where(Case.id.in_(visible))
        stmt = stmt.order_by(column.desc() if descending else column, Case.id)
        return list(session.execute(stmt).scalars())


def case_rows(ws: OpenWorkspace, ids: list[int]) -> dict[int, CaseRow]:
    with query(ws, "case.list", CASE_READERS) as session:
        visible = visible_case_ids(session, ws)
        wanted = [i for i in ids if visible is None or i in visible]
        rows = session.execute(
            select(Case, Unit.name, Unit.region_code).join(Unit, Unit.code == Case.unit_code).where(Case.id.in_(wanted))
        ).all()
        return {c.id: _row(c, name, region) for c, name, region in rows}


def _row(c: Case, unit_name: str, region: str) -> CaseRow:
    return CaseRow(c.id, c.external_id, c.case_number, c.title, c.case_type, unit_name, region, c.petition_count, _flags(c), c.campaign_id)


def list_cases(ws: OpenWorkspace, flt: CaseFilter = CaseFilter(), *, limit: int | None = None) -> list[CaseRow]:
    ids = case_ids(ws, flt)
    if limit is not None:
        ids = ids[:limit]
    rows = case_rows(ws, ids)
    return [rows[i] for i in ids if i in rows]


def _resolve(session: Session, ref: str | int) -> Case:
    case = None
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        case = session.get(Case, int(ref))
    if case is None:
        matches = list(session.execute(select(Case).where(Case.external_id == str(ref))).scalars())
        if len(matches) > 1:
            raise NotFound(f"case id {ref} is used by several issuers; use the internal number", message_zh=f"案件编号 {ref} 对应多个签发单位，请使用内部编号")
        case = matches[0] if matches else None
    if case is None:
        raise NotFound(f"no case {ref}", message_zh=f"没有案件 {ref}")
    return case


def _check_visible(session: Session, ws: OpenWorkspace, case_id: int, action: str) -> None:
    visible = visible_case_ids(session, ws)
    if visible is not None and case_id not in visible:
        raise PermissionDenied(action, ws.actor.role.value)


def case_detail(ws: OpenWorkspace, ref: str | int) -> CaseDetail:
    with query(ws, "case.show", CASE_READERS) as session:
        case = _resolve(session, ref)
        _check_visible(session, ws, case.id, "case.show")
        unit = session.get(Unit, case.unit_code)
        assert unit is not None
        handlers = [
            {"name": h.name, "id_number": h.id_number, "unit_code": h.unit_code, "role": h.role}
            for h in session.execute(select(CaseHandler).where(CaseHandler.case_id == case.id).order_by(CaseHandler.id)).scalars()
        ]
        parties = []
        for p in session.execute(select(CaseParty).where(CaseParty.case_id == case.id).order_by(CaseParty.id)).scalars():
            counsel = [
                {"name": c.name, "firm": c.firm}
                for c in session.execute(select(PartyCounsel).where(PartyCounsel.party_id == p.id).order_by(PartyCounsel.id)).scalars()
            ]
            parties.append({"name": p.name, "kind": p.kind, "id_number": p.id_number, "role": p.role, "counsel": counsel})
        documents = [
            DocumentInfo(d.id, d.title, d.path, d.media_type, d.size, d.sha256, d.text_status, d.page_count, d.volume)
            for d in session.execute(select(Document).where(Document.case_id == case.id).order_by(Document.path)).scalars()
        ]
        return CaseDetail(
            _row(case, unit.name, unit.region_code), case.cause, case.stage, case.unit_code, case.accepted_on,
            case.closed_on, case.summary, case.petition_first_on, case.petition_last_on, case.issuer_key_id,
            handlers, parties, documents,
        )


def document_bytes(ws: OpenWorkspace, document_id: int) -> tuple[DocumentInfo, bytes]:
    """A document's content, in memory, for the viewer."""
    with query(ws, "document.view", CASE_READERS) as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFound(f"no document {document_id}", message_zh=f"没有文件 {document_id}")
        _check_visible(session, ws, doc.case_id, "document.view")
        info = DocumentInfo(doc.id, doc.title, doc.path, doc.media_type, doc.size, doc.sha256, doc.text_status,
                            doc.page_count, doc.volume)
        return info, read_document(session, doc.id)


MAX_VOLUME = 9999


def set_document_volume(ws: OpenWorkspace, document_id: int, volume: int | None) -> DocumentInfo:
    """The coordinator sets which volume (卷) of the case file a document belongs to (None: unset, counts as 1).
    Admin; audited."""
    with change(ws, "document.volume", ADMIN) as ch:
        if volume is not None and (isinstance(volume, bool) or not isinstance(volume, int)
                                   or not 1 <= volume <= MAX_VOLUME):
            raise ValidationError("volume", f"must be a whole number from 1 to {MAX_VOLUME}",
                                  message_zh=f"卷号须为 1 至 {MAX_VOLUME} 的整数")
        doc = ch.session.get(Document, document_id)
        if doc is None:
            raise NotFound(f"no document {document_id}", message_zh=f"没有文件 {document_id}")
        ch.audit(f"document:{doc.id}", case_id=doc.case_id, volume=volume, previous=doc.volume)
        doc.volume = volume
        return DocumentInfo(doc.id, doc.title, doc.path, doc.media_type, doc.size, doc.sha256, doc.text_status,
                            doc.page_count, doc.volume)


def export_document(ws: OpenWorkspace, document_id: int, out: Path) -> Path:
    """Write a document to a place the admin chose (the only way a document leaves the store). Audited."""
    out = Path(out)
    with change(ws, "document.export", ADMIN) as ch:
        doc = ch.session.get(Document, document_id)
        if doc is None:
            raise NotFound(f"no document {document_id}", message_zh=f"没有文件 {document_id}")
        ch.audit(f"document:{doc.id}", case_id=doc.case_id, sha256=doc.sha256, size=doc.size)
        tmp = out.with_name(f".{out.name}.partial")
        try:
            with open(tmp, "wb") as fh:
                for chunk in iter_document(ch.session, doc.id):
                    fh.write(chunk)
            tmp.replace(out)
        finally:
            tmp.unlink(missing_ok=True)
        fsync_dir(out.parent)
    return out


def search(ws: OpenWorkspace, text: str, *, limit: int = 50) -> list[fts.Hit]:
    with query(ws, "case.search", CASE_READERS) as session:
        return fts.search(session, text, case_ids=visible_case_ids(session, ws), limit=limit)
