"""Importing case packages (and plain folders) into the store: all or nothing, in one transaction.

The whole import runs inside one BEGIN IMMEDIATE transaction that commits only after the package's last
byte was authenticated. Any failure — bad data, cancel, crash, power loss — leaves the store as it was; a
rejected attempt is then recorded in the audit log on its own, without case content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from reviewdesk.audit import chain
from reviewdesk.casefiles import search
from reviewdesk.casefiles.store import ChunkWriter
from reviewdesk.casefiles.text import MAX_TEXT_SOURCE, extract, has_text_layer
from reviewdesk.clock import now
from reviewdesk.errors import Conflict, ReviewDeskError
from reviewdesk.ocr import queue as ocr_queue
from reviewdesk.packages import age
from reviewdesk.packages.manifest import CaseRecord, FileRecord, Manifest, UnitRef
from reviewdesk.packages.parts import PartsError, PartsReader, part_paths
from reviewdesk.packages.prefetch import Prefetcher
from reviewdesk.packages.reader import PackageError, PackageReader
from reviewdesk.services.base import ADMIN, Change, change, query, require
from reviewdesk.services.keys import AGE, age_identity, trusted_keys
from reviewdesk.store.models import (
    Campaign,
    Case,
    CaseHandler,
    CaseParty,
    Document,
    ImportedPackage,
    PartyCounsel,
    Unit,
    WorkstationKey,
)
from reviewdesk.store.writeback import early_writeback
from reviewdesk.workspace import OpenWorkspace

REFUSAL_ZH = {
    "file": "找不到数据包文件或其分卷",
    "age": "无法解密，或数据已损坏、不完整（请确认数据包发给本机，并重新拷贝）",
    "unsigned": "数据包未签名",
    "untrusted": "签名单位不在本机的信任列表中",
    "signature": "签名无效，数据包可能被改动",
    "manifest": "清单（manifest.json）不符合规范",
    "order": "数据包成员顺序不符合规范",
    "limit": "超出大小限制",
    "tar": "归档结构不符合规范",
    "path": "文件路径不符合规范",
    "extra": "含有清单未列出的文件",
    "missing": "缺少清单列出的文件",
    "duplicate": "文件重复",
    "size": "文件大小与清单不符",
    "hash": "文件校验值（SHA-256）与清单不符，文件可能被改动",
    "kind": "此类数据包本版本暂不导入",
}


class PackageRejected(ReviewDeskError):
    code = "rejected"
    exit_code = 10

    def __init__(self, err: PackageError) -> None:
        what = REFUSAL_ZH.get(err.code, "不符合数据包规范")
        super().__init__(f"package rejected: {err}", message_zh=f"数据包被拒绝：{what}", detail=str(err))
        self.reason_code = err.code
        self.where = err.where
        self.reason = err.reason


class ImportCancelled(ReviewDeskError):
    code = "cancelled"
    exit_code = 130

    def __init__(self) -> None:
        super().__init__("import cancelled; nothing was stored", message_zh="导入已取消，未保存任何内容")


@dataclass(frozen=True)
class Progress:
    bytes_done: int
    bytes_total: int
    files_done: int
    files_total: int


@dataclass(frozen=True)
class ImportResult:
    status: str  # imported | already_imported
    package_id: str
    kind: str
    campaign_id: str | None
    cases: int
    updated_cases: int
    documents: int
    bytes: int
    signed_by: str | None
    unsigned_reason: str | None
    experts: dict[str, int] | None = None  # roster packages: the expert pool's counts (added, changed…)

    def to_json(self) -> dict[str, object]:
        return asdict(self)


# Cases stored per round of bulk statements (one ORM flush per case took 4 s for 5,000); progress and a
# cancel are seen between rounds.
CASE_BATCH = 500
ProgressFn = Callable[[Progress], None]
CancelFn = Callable[[], bool]


def import_package(
    ws: OpenWorkspace,
    path: Path,
    *,
    passphrase: str | None = None,
    allow_unsigned: bool = False,
    update_existing: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> ImportResult:
    require(ws, "package.import", ADMIN)
    path = Path(path)
    try:
        parts = part_paths(path)
    except PartsError as err:
        raise _rejected(ws, path, PackageError("file", str(err))) from None
    source = PartsReader(parts)
    try:
        with change(ws, "package.import", ADMIN) as ch:
            identity = age_identity(ch.session)
            reader = PackageReader(
                source, identities=[identity], passphrase=passphrase, trusted=trusted_keys(ch.session),
                allow_unsigned=allow_unsigned,
            )
            verified = reader.open()
            manifest = verified.manifest
            if ch.session.get(ImportedPackage, manifest.package_id) is not None:
                # Said only of an intact copy: a damaged one on the stick is refused like any damaged package.
                reader.authenticate(_Counter(source, manifest, progress, cancel).tick)
                ch.audit(f"package:{manifest.package_id}", status="already_imported")
                return ImportResult("already_imported", manifest.package_id, manifest.kind, manifest.campaign_id, 0, 0, 0, 0, verified.signed_by, None)
            if manifest.kind == "roster":
                return _store_roster(ch, reader, verified.manifest_bytes, verified.signed_by, verified.signature_problem)
            if manifest.kind != "cases":
                raise PackageError("kind", f"a {manifest.kind} package goes through `reviewdesk results import` "
                                           "(评查结果包请用“导入评查结果”)")
            _record_package(ch.session, manifest, verified.manifest_bytes, verified.signed_by, ws.actor.username)
            counter = _Counter(source, manifest, progress, cancel)
            prefetcher = Prefetcher(reader.files(), reader.finish)
            try:
                # Ends only after the reader thread has checked the end of the archive and of the age stream.
                stored = _store(ch, manifest, prefetcher.files(), counter, update_existing)
            finally:
                prefetcher.close()
            ch.audit(
                f"package:{manifest.package_id}", status="imported", kind=manifest.kind, campaign=manifest.campaign_id,
                cases=stored.cases, updated_cases=stored.updated, documents=stored.documents, bytes=manifest.total_size,
                signed_by=verified.signed_by, unsigned_reason=verified.signature_problem,
            )
            return ImportResult(
                "imported", manifest.package_id, manifest.kind, manifest.campaign_id, stored.cases, stored.updated,
                stored.documents, manifest.total_size, verified.signed_by, verified.signature_problem,
            )
    except PackageError as err:
        hint = source.missing_next_part()
        if hint and err.code in ("age", "tar"):
            err = PackageError(err.code, f"{err.reason} (is part {hint} missing?)", err.where)
        raise _rejected(ws, path, err) from None
    except ImportCancelled:
        _record_failure(ws, path, "cancelled", None)
        raise
    finally:
        source.close()


def import_prepared(
    ws: OpenWorkspace, manifest: Manifest, files: Iterable[tuple[FileRecord, Iterator[bytes]]], label: str,
    *, update_existing: bool = False, progress: ProgressFn | None = None, cancel: CancelFn | None = None,
) -> ImportResult:
    """Plain-folder import (offices without packages): the manifest came from cases.xlsx, recorded unsigned."""
    try:
        with change(ws, "package.import_folder", ADMIN) as ch:
            if ch.session.get(ImportedPackage, manifest.package_id) is not None:
                raise Conflict("this folder was already imported", message_zh="该文件夹已导入过")
            _record_package(ch.session, manifest, b"{}", None, ws.actor.username)
            counter = _Counter(None, manifest, progress, cancel)
            stored = _store(ch, manifest, files, counter, update_existing)
            ch.audit(
                f"package:{manifest.package_id}", status="imported", kind="folder", campaign=manifest.campaign_id,
                cases=stored.cases, updated_cases=stored.updated, documents=stored.documents,
                bytes=manifest.total_size, signed_by=None, unsigned_reason="plain folder",
            )
            return ImportResult(
                "imported", manifest.package_id, "cases", manifest.campaign_id, stored.cases, stored.updated,
                stored.documents, manifest.total_size, None, "plain folder",
            )
    except PackageError as err:
        raise _rejected(ws, Path(label), err) from None


# -- roster packages --------------------------------------------------------------------------------------
def _store_roster(ch: Change, reader: PackageReader, raw: bytes, signed_by: str | None, unsigned_reason: str | None) -> ImportResult:
    """Roster packages go through the expert pool's own upsert (the same as experts.xlsx), in this transaction."""
    from reviewdesk.experts.records import from_record
    from reviewdesk.experts.upsert import upsert

    manifest = reader.verified.manifest  # type: ignore[union-attr]
    _record_package(ch.session, manifest, raw, signed_by, ch.ws.actor.username)
    reader.authenticate()  # files a roster may carry are not kept, but every byte is authenticated before the commit
    report = upsert(ch.session, [from_record(e) for e in manifest.experts], f"package:{manifest.package_id}", write=True)
    ch.audit(
        f"package:{manifest.package_id}", status="imported", kind="roster", **report.counts(),
        added_ids=[c.external_id for c in report.added], changed_ids=[c.external_id for c in report.changed],
        signed_by=signed_by, unsigned_reason=unsigned_reason,
    )
    return ImportResult(
        "imported", manifest.package_id, "roster", manifest.campaign_id, 0, 0, 0, manifest.total_size, signed_by,
        unsigned_reason, experts=report.counts(),
    )


# -- storing ----------------------------------------------------------------------------------------------
@dataclass
class _Stored:
    cases: int = 0
    updated: int = 0
    documents: int = 0


class _Counter:
    def __init__(self, source: PartsReader | None, manifest: Manifest, progress: ProgressFn | None, cancel: CancelFn | None) -> None:
        self.source = source
        self.total = source.total_size if source else manifest.total_size
        self.files_total = len(manifest.files)
        self.files_done = 0
        self.plain_done = 0
        self.progress = progress
        self.cancel = cancel

    def tick(self, plain_bytes: int = 0) -> None:
        self.plain_done += plain_bytes
        if self.cancel is not None and self.cancel():
            raise ImportCancelled()
        if self.progress is not None:
            done = self.source.position if self.source else self.plain_done
            self.progress(Progress(done, self.total, self.files_done, self.files_total))


def _store(
    ch: Change, manifest: Manifest, files: Iterable[tuple[FileRecord, Iterator[bytes]]], counter: _Counter, update_existing: bool
) -> _Stored:
    with early_writeback(manifest.total_size):  # the commit then finds little of the files left to flush
        return _store_cases_and_files(ch, manifest, files, counter, update_existing)


def _store_cases_and_files(
    ch: Change, manifest: Manifest, files: Iterable[tuple[FileRecord, Iterator[bytes]]], counter: _Counter, update_existing: bool
) -> _Stored:
    session = ch.session
    stored = _Stored()
    existing = {
        c.external_id: c
        for c in session.execute(
            select(Case).where(Case.issuer_key_id == manifest.issuer_key_id, Case.external_id.in_([c.id for c in manifest.cases]))
        ).scalars()
    }
    if existing and not update_existing:
        ids = sorted(existing)
        raise Conflict(
            f"{len(ids)} case(s) from this issuer are already in the store ({', '.join(ids[:5])}{'…' if len(ids) > 5 else ''}); "
            "import again with --update to replace their data",
            message_zh=f"已有 {len(ids)} 件同一签发单位的案件（{'、'.join(ids[:5])}）；如需更新，请确认后重新导入",
        )
    # Each unit once, with the values of the last case that names it.
    for unit in {record.handling_unit.code: record.handling_unit for record in manifest.cases}.values():
        _ensure_unit(session, unit)
    case_ids: dict[str, int] = {}
    imported_at = now()
    for start in range(0, len(manifest.cases), CASE_BATCH):
        batch = manifest.cases[start : start + CASE_BATCH]
        new = [record for record in batch if record.id not in existing]
        for record in batch:
            case = existing.get(record.id)
            if case is not None:
                _clear_case(session, case.id)
                for column, value in _case_values(record, manifest).items():
                    setattr(case, column, value)
                case_ids[record.id] = case.id
        if new:
            rows = [_case_values(record, manifest) | {"issuer_key_id": manifest.issuer_key_id, "external_id": record.id,
                                                      "imported_at": imported_at} for record in new]
            ids = session.execute(insert(Case).returning(Case.id, sort_by_parameter_order=True), rows).scalars()
            case_ids.update(zip((record.id for record in new), ids, strict=True))
        session.flush()  # the updated cases' values
        stored.cases += len(new)
        stored.updated += len(batch) - len(new)
        _add_people(session, [(case_ids[record.id], record) for record in batch])
        search.index_many(session, [
            ("case", case_ids[record.id], case_ids[record.id], record.title, _case_text(record)) for record in batch
        ])
        for _record in batch:
            counter.tick()
    for record, chunks in files:
        assert record.case_id is not None
        _store_document(session, manifest, record, chunks, case_ids[record.case_id], counter)
        stored.documents += 1
        counter.files_done += 1
        counter.tick()
    return stored


def _store_document(
    session: Session, manifest: Manifest, record: FileRecord, chunks: Iterator[bytes], case_id: int, counter: _Counter
) -> None:
    doc = Document(
        case_id=case_id, package_id=manifest.package_id, path=record.path, title=record.title or Path(record.path).name,
        media_type=record.media_type, size=record.size, sha256=record.sha256, text_status="pending",
        volume=record.volume,
    )
    session.add(doc)
    session.flush()
    writer = ChunkWriter(session, doc.id)
    keep = record.size <= MAX_TEXT_SOURCE and has_text_layer(record.media_type)
    content = bytearray()
    for chunk in chunks:  # the iterator checks size and SHA-256 at its end
        writer.write(chunk)
        if keep:
            content += chunk
        counter.tick(len(chunk))
    writer.close()
    extracted = extract(record.media_type, bytes(content)) if keep else None
    if extracted is None:
        doc.text_status = "too_large" if has_text_layer(record.media_type) else "none"
    else:
        doc.text_status = extracted.status
    doc.page_count = extracted.pages if extracted else None
    search.index(session, "document", doc.id, case_id, doc.title, extracted.text if extracted else "")
    if record.size <= MAX_TEXT_SOURCE and ocr_queue.needs_ocr(doc.media_type, doc.text_status,
                                                              extracted.text if extracted else ""):
        ocr_queue.queue_document(session, doc)  # recognised later, by `ocr run` or the app's worker


def _ensure_campaign(session: Session, manifest: Manifest) -> None:
    if manifest.campaign_id and session.get(Campaign, manifest.campaign_id) is None:
        session.add(
            Campaign(
                id=manifest.campaign_id, name=manifest.campaign_name or manifest.campaign_id,
                year=manifest.created_at.year, cross_region_level="none", panel_size=3, status="planning",
                created_at=now(),
            )
        )
        session.flush()


def _ensure_unit(session: Session, u: UnitRef) -> None:
    unit = session.get(Unit, u.code)
    if unit is None:
        session.add(Unit(code=u.code, name=u.name, kind=u.kind, region_code=u.region_code))
    else:
        unit.name, unit.kind, unit.region_code = u.name, u.kind, u.region_code
    session.flush()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _case_values(r: CaseRecord, manifest: Manifest) -> dict[str, object]:
    """The columns of a case that its package describes (a new case's row, or an updated case's new values)."""
    p = r.petition
    flags = set(p.flags) if p else set()
    return {
        "campaign_id": manifest.campaign_id, "package_id": manifest.package_id, "case_number": r.case_number,
        "title": r.title, "case_type": r.case_type, "cause": r.cause, "stage": r.stage, "unit_code": r.handling_unit.code,
        "accepted_on": _iso(r.accepted_on), "closed_on": _iso(r.closed_on), "summary": r.summary,
        "petition_count": p.count if p else 0, "petition_first_on": _iso(p.first_on) if p else None,
        "petition_last_on": _iso(p.last_on) if p else None, "flag_unenforced": "unenforced" in flags,
        "flag_unresolved": "unresolved" in flags, "flag_repeated": "repeated" in flags,
    }


def _clear_case(session: Session, case_id: int) -> None:
    """An update replaces what the package describes: people, documents and their index entries."""
    party_ids = select(CaseParty.id).where(CaseParty.case_id == case_id)
    session.execute(delete(PartyCounsel).where(PartyCounsel.party_id.in_(party_ids)))
    session.execute(delete(CaseParty).where(CaseParty.case_id == case_id))
    session.execute(delete(CaseHandler).where(CaseHandler.case_id == case_id))
    session.execute(delete(Document).where(Document.case_id == case_id))
    search.unindex_case(session, case_id)


def _add_people(session: Session, cases: list[tuple[int, CaseRecord]]) -> None:
    """Handlers, parties and counsel of these cases, a few statements for all of them."""
    handlers = [{"case_id": case_id, "name": h.name, "id_number": h.id_number, "unit_code": h.unit_code, "role": h.role}
                for case_id, r in cases for h in r.handlers]
    if handlers:
        session.execute(insert(CaseHandler), handlers)
    parties = [(case_id, p) for case_id, r in cases for p in r.parties]
    if not parties:
        return
    party_ids = session.execute(
        insert(CaseParty).returning(CaseParty.id, sort_by_parameter_order=True),
        [{"case_id": case_id, "name": p.name, "kind": p.kind, "id_number": p.id_number, "role": p.role} for case_id, p in parties],
    ).scalars()
    counsel = [{"party_id": party_id, "name": c.name, "firm": c.firm}
               for party_id, (_case_id, p) in zip(party_ids, parties, strict=True) for c in p.counsel]
    if counsel:
        session.execute(insert(PartyCounsel), counsel)


def _case_text(r: CaseRecord) -> str:
    people = [p.name for p in r.parties] + [c.name for p in r.parties for c in p.counsel] + [h.name for h in r.handlers]
    return "\n".join([r.case_number, r.cause, r.handling_unit.name, " ".join(people), r.summary])


def _record_package(session: Session, manifest: Manifest, raw: bytes, signed_by: str | None, actor: str) -> None:
    """The package row comes first in the transaction: cases and documents point at it."""
    _ensure_campaign(session, manifest)
    session.add(
        ImportedPackage(
            package_id=manifest.package_id, kind=manifest.kind, issuer_name=manifest.issuer_name,
            issuer_key_id=manifest.issuer_key_id, signed=signed_by is not None, campaign_id=manifest.campaign_id,
            created_at=manifest.created_at.isoformat(), imported_at=now(), imported_by=actor,
            file_count=len(manifest.files), total_size=manifest.total_size, manifest=raw,
        )
    )
    session.flush()


# -- refusals ---------------------------------------------------------------------------------------------
def _record_failure(ws: OpenWorkspace, path: Path, code: str, where: str | None) -> None:
    """Own transaction, after the import's was rolled back. Only the category and manifest field path, no content."""
    field = where if where and where.startswith("manifest.json") else ("member" if where else None)
    with ws.write_session() as session, session.begin():
        chain.append(session, ws.actor.username, "package.rejected", f"file:{path.name}", {"reason": code, "field": field})


def _rejected(ws: OpenWorkspace, path: Path, err: PackageError) -> PackageRejected:
    _record_failure(ws, path, err.code, err.where)
    return PackageRejected(err)


def package_kind(ws: OpenWorkspace, path: Path) -> str | None:
    """What a package file is ("cases", "roster" or "results"), read from its manifest, so a file handed to
    the app (the .rdpkg association) goes to the import that takes it. None when this workstation cannot tell:
    not a package, a passphrase package, one addressed to another workstation, a part missing — the case import
    then asks for what it needs or says what is wrong. Only routes: the import itself checks the signature and
    everything else again, so nothing here trusts the manifest."""
    with query(ws, "package.inspect", ADMIN) as session:
        row = session.execute(select(WorkstationKey).where(WorkstationKey.purpose == AGE)).scalar_one_or_none()
        identity = age.Identity.from_bytes(row.private_key) if row is not None else None
    if identity is None:  # a workspace that never had a package key: nothing can be addressed to it
        return None
    try:
        source = PartsReader(part_paths(Path(path)))
    except (PartsError, OSError):
        return None
    try:
        reader = PackageReader(source, identities=[identity], passphrase=None, trusted={}, allow_unsigned=True)
        return reader.open().manifest.kind
    except (PackageError, OSError):
        return None
    finally:
        source.close()
