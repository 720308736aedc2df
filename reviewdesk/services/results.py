"""Results packages: export on a review laptop, import and merge on the organising office's machine.

Export (admin): the campaign's panels, submitted sheets, conclusions, opinion files and the audit log with a
fresh signed checkpoint, signed with the workstation's minisign key and encrypted to the office's age
recipients. Import (admin): all or nothing in one transaction, like case packages; every received result is
kept with its source package and never overwritten, so a case two packages disagree on is a conflict to settle.
See docs/results-package.md.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.audit import chain
from reviewdesk.audit.checkpoint import make_checkpoint
from reviewdesk.clock import now
from reviewdesk.errors import AuditIntegrityError, NotFound, ValidationError
from reviewdesk.packages import age, builder
from reviewdesk.packages.manifest import Manifest, ManifestError
from reviewdesk.packages.parts import PartsError, PartsReader, part_paths
from reviewdesk.packages.reader import PackageError, PackageReader
from reviewdesk.packages.results_manifest import AUDIT_CHECKPOINT, AUDIT_LOG
from reviewdesk.results import audit_log, collect, compare, merge
from reviewdesk.results.merge import ReceivedCase, ResultConflict
from reviewdesk.results.package import assemble
from reviewdesk.services.base import ADMIN, change, query
from reviewdesk.services.imports import ImportCancelled, PackageRejected, Progress
from reviewdesk.services.keys import age_identity, minisign_key, trusted_keys
from reviewdesk.store.models import (
    AuditEntry,
    Campaign,
    ReceivedFile,
    ReceivedResult,
    ResultPackage,
    Role,
)
from reviewdesk.workspace import OpenWorkspace

EXPORT = "results.export"
IMPORT = "results.import"
READERS = frozenset({Role.ADMIN, Role.OBSERVER})
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # opinions and the audit log are read into memory before storing

ExportProgress = Callable[[int, int], None]  # (bytes done, bytes total) of the files being packed
ImportProgress = Callable[[Progress], None]
CancelFn = Callable[[], bool]


@dataclass(frozen=True)
class ExportResult:
    package_id: str
    campaign_id: str
    files: list[str]  # the package, or its parts
    key_id: str  # the signing key (issuer.key_id)
    cases: int
    sheets: int
    conclusions: int
    opinion_files: int
    audit_entries: int  # entries in audit.jsonl (= the checkpoint's size)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ResultsImport:
    status: str  # imported | already_imported
    package_id: str
    campaign_id: str
    issuer_key_id: str
    signed_by: str | None
    unsigned_reason: str | None
    cases: int
    files: int
    audit_entries: int
    audit_verified: bool  # the checkpoint's signature was checked with a trusted key
    identical: list[str]  # case ids whose result equals one already held from another package
    conflicts: list[str]  # case ids where workstations' current results now differ
    updated: list[str] = field(default_factory=list)  # case ids this workstation's earlier package had otherwise

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# -- export ------------------------------------------------------------------------------------------------
def _recipients(recipients: Sequence[str]) -> list[age.Recipient]:
    if not recipients:
        raise ValidationError("recipient", "give at least one age recipient (age1…) of the receiving office",
                              message_zh="请至少指定一个接收方的 age 公钥（age1…）")
    parsed = []
    for i, text in enumerate(recipients):
        try:
            parsed.append(age.Recipient.from_str(text.strip()))
        except ValueError as err:
            raise ValidationError(f"recipient[{i}]", str(err), message_zh="不是有效的 age 公钥（age1…）") from None
    return parsed


def _opinions(ws: OpenWorkspace, campaign_id: str) -> list[collect.OpinionFile]:
    """The campaign's opinion files, from the documents service. It issues document numbers in its own write,
    so it runs before the export's transaction, never inside it."""
    from reviewdesk.services.documents import opinion_files  # late: rendering pulls in docx/reportlab

    return list(opinion_files(ws, campaign_id))


def _out_path(out: Path) -> Path:
    out = Path(out)
    if not out.parent.is_dir():
        raise ValidationError("out", f"folder {out.parent} does not exist", message_zh=f"文件夹 {out.parent} 不存在")
    if out.exists():
        raise ValidationError("out", f"{out} already exists; choose a new file name", message_zh=f"{out} 已存在，请另选文件名")
    return out


def export_results(
    ws: OpenWorkspace, campaign_id: str, recipients: list[str], out: Path, progress: ExportProgress | None = None,
    *, issuer_name: str | None = None,
) -> ExportResult:
    """Write the campaign's results package to `out` (split into parts above 4 GB). Admin; audited."""
    with query(ws, EXPORT, ADMIN) as session:  # refuse (audited) before anything else happens
        if session.get(Campaign, campaign_id) is None:
            raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
    parsed = _recipients(recipients)
    out = _out_path(out)
    opinions = _opinions(ws, campaign_id)
    written: list[Path] = []
    try:
        with change(ws, EXPORT, ADMIN) as ch:
            s = ch.session
            campaign = s.get(Campaign, campaign_id)
            assert campaign is not None
            count, head, problem = chain.verify_chain(s)
            if problem is not None:
                raise AuditIntegrityError(
                    f"audit log is broken at {problem.describe()}; no results package made",
                    message_zh=f"审计日志在第 {problem.seq} 条处已被破坏，未生成成果数据包",
                )
            checkpoint = make_checkpoint(s, ws.slots.workspace_id, count, head)
            log = audit_log.dump_entries(
                s.execute(select(AuditEntry).where(AuditEntry.seq <= count).order_by(AuditEntry.seq)).scalars()
            )
            results = collect.collect(s, campaign, opinions)
            signer = minisign_key(s)
            name = issuer_name or f"ReviewDesk 评查工作站 {socket.gethostname()}"[:200]
            manifest, files = assemble(
                campaign_id=campaign.id, campaign_name=campaign.name, issuer_name=name, key_id=signer.key_id_hex(),
                results=results, audit_log=log, audit_checkpoint=audit_log.dump_checkpoint(checkpoint),
            )
            try:
                written = builder.build(manifest, list(files), out, signer=signer, recipients=parsed, progress=progress)
            except ManifestError as err:  # our own data breaks the contract: say where, write nothing
                raise ValidationError(f"results {err.where}", err.reason) from None
            sheets = sum(len(r.body["sheets"]) for r in results)
            conclusions = sum(r.body["conclusion"] is not None for r in results)
            opinion_count = sum(len(r.files) for r in results)
            ch.audit(
                f"campaign:{campaign.id}", package_id=manifest["package_id"], cases=[r.case_external_id for r in results],
                sheets=sheets, conclusions=conclusions, opinion_files=opinion_count, audit_entries=count,
                recipients=len(parsed),
            )
    except BaseException:
        for path in written:  # the commit failed after the file was written: no unaudited package is left
            path.unlink(missing_ok=True)
        raise
    return ExportResult(
        manifest["package_id"], campaign_id, [str(p) for p in written], signer.key_id_hex(), len(results), sheets,
        conclusions, opinion_count, count,
    )


# -- import ------------------------------------------------------------------------------------------------
def _record_failure(ws: OpenWorkspace, path: Path, err: PackageError) -> PackageRejected:
    """Own transaction after the import's rolled back: only the category and field path, no content."""
    field = err.where if err.where and err.where.startswith("manifest.json") else ("member" if err.where else None)
    with ws.write_session() as session, session.begin():
        chain.append(session, ws.actor.username, "results.rejected", f"file:{path.name}", {"reason": err.code, "field": field})
    return PackageRejected(err)


def _check_members(manifest: Manifest) -> None:
    paths = {f.path for f in manifest.files}
    for required in (AUDIT_LOG, AUDIT_CHECKPOINT):
        if required not in paths:
            raise PackageError("manifest", f"a results package must carry {required}", "manifest.json: files")
    for i, f in enumerate(manifest.files):
        if f.size > MAX_MEMBER_BYTES:
            raise PackageError("limit", f"larger than {MAX_MEMBER_BYTES // 2**20} MiB, the limit for results package files",
                               f"manifest.json: files[{i}].size")


def _read_members(reader: PackageReader, source: PartsReader, manifest: Manifest, progress: ImportProgress | None,
                  cancel: CancelFn | None) -> dict[str, bytes]:
    members: dict[str, bytes] = {}
    for record, chunks in reader.files():
        members[record.path] = b"".join(chunks)  # the chunk iterator checks size and SHA-256 at its end
        if cancel is not None and cancel():
            raise ImportCancelled()
        if progress is not None:
            progress(Progress(source.position, source.total_size, len(members), len(manifest.files)))
    reader.finish()  # the age stream is authentic and complete only now
    return members


def _authenticate(reader: PackageReader, source: PartsReader, manifest: Manifest, progress: ImportProgress | None,
                  cancel: CancelFn | None) -> None:
    def tick(_n: int) -> None:
        if cancel is not None and cancel():
            raise ImportCancelled()
        if progress is not None:
            progress(Progress(source.position, source.total_size, 0, len(manifest.files)))

    reader.authenticate(tick)


def _store(s: Session, manifest: Manifest, raw: bytes, members: dict[str, bytes], check: audit_log.AuditCheck,
           signed_by: str | None, unsigned_reason: str | None, actor: str) -> tuple[list[str], list[str], list[str]]:
    """Insert the package, its results and files; return the case ids (identical, conflicting, updated)."""
    assert manifest.campaign_id is not None
    s.add(ResultPackage(
        package_id=manifest.package_id, campaign_id=manifest.campaign_id,
        campaign_name=manifest.campaign_name or manifest.campaign_id, issuer_name=manifest.issuer_name,
        issuer_key_id=manifest.issuer_key_id, signed=signed_by is not None, unsigned_reason=unsigned_reason,
        created_at=manifest.created_at.isoformat(), imported_at=now(), imported_by=actor, manifest=raw,
        audit_log=members[AUDIT_LOG], audit_checkpoint=members[AUDIT_CHECKPOINT].decode("utf-8"),
        audit_entries=check.entries, audit_head_hash=check.head_hash, audit_verified=check.checkpoint_signed,
    ))
    s.flush()
    before = {c.case_id: c for c in merge.group(_rows(s, manifest.campaign_id))}
    for record in manifest.results:
        s.add(ReceivedResult(
            package_id=manifest.package_id, campaign_id=record.campaign, case_external_id=record.id,
            case_number=record.case_number, source_key_id=manifest.issuer_key_id, body=compare.canonical(record.body),
            digest=compare.digest(record.body),
        ))
    s.flush()
    after = {c.case_id: c for c in merge.group(_rows(s, manifest.campaign_id))}
    identical: list[str] = []
    conflicting: list[str] = []
    updated: list[str] = []
    for record in manifest.results:
        was, now_ = before.get(record.id), after[record.id]
        if now_.status == "conflict":
            conflicting.append(record.id)
        elif was is not None and any(e.package_id == manifest.package_id for e in now_.sources):
            # This package is its workstation's current one: an update of its own earlier result, or the same
            # result another workstation sent.
            mine = {src.digest for src in was.sources if src.key_id == manifest.issuer_key_id}
            (updated if mine and compare.digest(record.body) not in mine else identical).append(record.id)
    by_path = {f.path: f for f in manifest.files}
    for record in manifest.results:
        for path in record.opinion_paths:
            f = by_path[path]
            s.add(ReceivedFile(package_id=manifest.package_id, case_external_id=record.id, path=path,
                               media_type=f.media_type, size=f.size, sha256=f.sha256, data=members[path]))
    s.flush()
    return identical, conflicting, updated


def import_results(
    ws: OpenWorkspace, path: Path, passphrase: str | None = None, allow_unsigned: bool = False,
    progress: ImportProgress | None = None, cancel: CancelFn | None = None,
) -> ResultsImport:
    """Import a results package (or any of its parts). All or nothing; the same package again changes nothing."""
    path = Path(path)
    source: PartsReader | None = None
    try:
        with change(ws, IMPORT, ADMIN) as ch:
            s = ch.session
            try:
                source = PartsReader(part_paths(path))
            except PartsError as err:
                raise PackageError("file", str(err)) from None
            trusted = trusted_keys(s)
            reader = PackageReader(source, identities=[age_identity(s)], passphrase=passphrase, trusted=trusted,
                                   allow_unsigned=allow_unsigned)
            verified = reader.open()
            m = verified.manifest
            if m.kind != "results":
                raise PackageError("kind", f"this is a {m.kind} package; import it with `reviewdesk import`",
                                   "manifest.json: kind")
            if s.get(ResultPackage, m.package_id) is not None:
                _authenticate(reader, source, m, progress, cancel)  # a damaged copy is refused, not "already imported"
                ch.audit(f"package:{m.package_id}", status="already_imported")
                return ResultsImport("already_imported", m.package_id, m.campaign_id or "", m.issuer_key_id,
                                     verified.signed_by, verified.signature_problem, 0, 0, 0, False, [], [])
            _check_members(m)
            members = _read_members(reader, source, m, progress, cancel)
            public = trusted[verified.signed_by].raw if verified.signed_by else None
            try:
                check = audit_log.verify(members[AUDIT_LOG], members[AUDIT_CHECKPOINT], m.issuer_key_id, public)
            except audit_log.AuditLogError as err:
                raise PackageError("audit", f"audit log does not verify: {err.reason}", err.where) from None
            identical, conflicting, updated = _store(s, m, verified.manifest_bytes, members, check, verified.signed_by,
                                            verified.signature_problem, ws.actor.username)
            files = sum(len(r.opinion_paths) for r in m.results)
            ch.audit(
                f"package:{m.package_id}", status="imported", kind="results", campaign=m.campaign_id,
                cases=[r.id for r in m.results], files=files, audit_entries=check.entries,
                audit_verified=check.checkpoint_signed, identical=identical, conflicts=conflicting, updated=updated,
                signed_by=verified.signed_by, unsigned_reason=verified.signature_problem,
            )
            return ResultsImport(
                "imported", m.package_id, m.campaign_id or "", m.issuer_key_id, verified.signed_by,
                verified.signature_problem, len(m.results), files, check.entries, check.checkpoint_signed,
                identical, conflicting, updated,
            )
    except PackageError as err:
        hint = source.missing_next_part() if source is not None else None
        if hint and err.code in ("age", "tar"):
            err = PackageError(err.code, f"{err.reason} (is part {hint} missing?)", err.where)
        raise _record_failure(ws, path, err) from None
    except ImportCancelled:
        _record_failure(ws, path, PackageError("cancelled", "cancelled"))
        raise
    finally:
        if source is not None:
            source.close()


# -- reading -----------------------------------------------------------------------------------------------
def _rows(s: Session, campaign_id: str, case_external_id: str | None = None) -> list[merge.Row]:
    stmt = (select(ReceivedResult, ResultPackage)
            .join(ResultPackage, ResultPackage.package_id == ReceivedResult.package_id)
            .where(ReceivedResult.campaign_id == campaign_id))
    if case_external_id is not None:
        stmt = stmt.where(ReceivedResult.case_external_id == case_external_id)
    rows = s.execute(stmt).all()
    return [
        merge.Row(r.campaign_id, r.case_external_id, r.case_number, r.body, merge.Source(
            p.package_id, p.issuer_key_id, p.issuer_name, p.created_at, p.imported_at.isoformat(timespec="seconds"),
            p.signed, p.audit_verified, r.digest,
        ))
        for r, p in rows
    ]


def received_cases(s: Session, campaign_id: str) -> list[ReceivedCase]:
    """Every received case of the campaign (inside the caller's session; the caller checked the role)."""
    return merge.group(_rows(s, campaign_id))


def received_case(s: Session, campaign_id: str, case_external_id: str) -> ReceivedCase | None:
    """One case's received results (inside the caller's session; the caller checked the role)."""
    found = merge.group(_rows(s, campaign_id, case_external_id))
    return found[0] if found else None


def received_campaigns(ws: OpenWorkspace) -> dict[str, str]:
    """Campaign id → name of every campaign results were received for (it need not exist on this machine)."""
    with query(ws, "results.list", READERS) as s:
        rows = s.execute(select(ResultPackage.campaign_id, ResultPackage.campaign_name)
                         .order_by(ResultPackage.imported_at)).all()
    return {campaign_id: name for campaign_id, name in rows}


def received(ws: OpenWorkspace, campaign_id: str) -> list[ReceivedCase]:
    """Every case of the campaign that results were received for, with its sources and status."""
    with query(ws, "results.list", READERS) as s:
        return merge.group(_rows(s, campaign_id))


def conflicts(ws: OpenWorkspace, campaign_id: str) -> list[ResultConflict]:
    """The cases whose received results differ, with each differing field and every source's value."""
    with query(ws, "results.conflicts", READERS) as s:
        return [merge.conflict_of(c) for c in merge.group(_rows(s, campaign_id)) if c.status == "conflict"]


def received_file(ws: OpenWorkspace, package_id: str, path: str) -> bytes:
    """An opinion file as a package carried it (path as in the result's opinion.files)."""
    with query(ws, "results.file", READERS) as s:
        data = s.execute(
            select(ReceivedFile.data).where(ReceivedFile.package_id == package_id, ReceivedFile.path == path)
        ).scalar_one_or_none()
    if data is None:
        raise NotFound(f"no file {path!r} in results package {package_id}",
                       message_zh=f"成果数据包 {package_id} 中没有文件“{path}”")
    return data
