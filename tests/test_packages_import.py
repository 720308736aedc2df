"""Importing case packages: a good one is stored whole; everything the contract forbids is refused with
nothing stored, and the refusal is audited without case content."""

from __future__ import annotations

import json
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewdesk.errors import Conflict
from reviewdesk.packages import age, minisign
from reviewdesk.services import audit, cases, imports
from reviewdesk.workspace import OpenWorkspace
from tests.helpers import raw_connect
from tests.packaging import Contents, assemble, member, new_office_key, sample_case, sample_contents, valid_id


def _counts(ws: OpenWorkspace) -> dict[str, int]:
    conn = raw_connect(ws.workspace.db_path, ws.data_key)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("cases", "documents", "document_chunks", "packages", "case_parties", "case_handlers", "search_index", "search_index_cases", "campaigns", "units")
        }
    finally:
        conn.close()


def test_good_package_is_stored_whole(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    contents = sample_contents(2)
    path = assemble(contents, tmp_path / "p.rdpkg", signer=office, recipients=[recipient])
    seen: list[imports.Progress] = []
    result = imports.import_package(desk, path, progress=seen.append)
    assert (result.status, result.cases, result.documents) == ("imported", 2, 6)
    assert result.signed_by == office.key_id_hex()
    assert seen and seen[-1].files_done == 6 and seen[-1].bytes_done == seen[-1].bytes_total
    rows = cases.list_cases(desk)
    assert [r.external_id for r in rows] == ["GS-2026-0001", "GS-2026-0002"]
    detail = cases.case_detail(desk, "GS-2026-0001")
    assert detail.parties[0]["counsel"] == [{"name": "王某", "firm": "某律师事务所"}]
    assert {d.text_status for d in detail.documents} == {"text"}
    info, data = cases.document_bytes(desk, detail.documents[0].id)
    assert data == contents.files[info.path]
    # Chinese substring search over document text (trigram index), and a two-character name (LIKE path).
    assert any(h.kind == "document" for h in cases.search(desk, "拖欠货款"))
    assert any(h.kind == "case" for h in cases.search(desk, "张某"))
    # The same package again changes nothing.
    before = _counts(desk)
    again = imports.import_package(desk, path)
    assert again.status == "already_imported" and _counts(desk) == before
    assert audit.verify(desk).ok


def test_passphrase_package(desk: OpenWorkspace, office: minisign.SigningKey, tmp_path: Path) -> None:
    path = assemble(sample_contents(1), tmp_path / "p.rdpkg", signer=office, passphrase="口令-correct horse")
    with pytest.raises(imports.PackageRejected, match="decrypt"):
        imports.import_package(desk, path, passphrase="wrong")
    assert imports.import_package(desk, path, passphrase="口令-correct horse").cases == 1


def test_existing_case_is_updated_only_when_confirmed(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    imports.import_package(desk, assemble(sample_contents(1), tmp_path / "a.rdpkg", signer=office, recipients=[recipient]))
    second = sample_contents(1)
    second.manifest["cases"][0]["title"] = "张某诉某公司买卖合同纠纷（更正）"
    path = assemble(second, tmp_path / "b.rdpkg", signer=office, recipients=[recipient])
    before = _counts(desk)
    with pytest.raises(Conflict, match="GS-2026-0001"):
        imports.import_package(desk, path)
    assert _counts(desk) == before
    result = imports.import_package(desk, path, update_existing=True)
    assert (result.cases, result.updated_cases) == (0, 1)
    assert cases.case_detail(desk, "GS-2026-0001").row.title.endswith("（更正）")
    assert _counts(desk)["documents"] == 3


def test_unsigned_package_needs_explicit_permission(desk: OpenWorkspace, recipient: age.Recipient, tmp_path: Path) -> None:
    path = assemble(sample_contents(1), tmp_path / "u.rdpkg", signer=None, recipients=[recipient])
    with pytest.raises(imports.PackageRejected, match="not signed"):
        imports.import_package(desk, path)
    result = imports.import_package(desk, path, allow_unsigned=True)
    assert result.signed_by is None and result.unsigned_reason == "not signed"
    entries = audit.show(desk, audit.AuditFilter(action="package."))
    assert [e.details.get("reason") or e.details.get("status") for e in entries] == ["unsigned", "imported"]
    assert entries[-1].details["unsigned_reason"] == "not signed"


# -- every refusal ------------------------------------------------------------------------------------------
Case = Callable[[Contents, minisign.SigningKey, age.Recipient, Path], Path]


def _mutated(edit: Callable[[dict], None]) -> Case:
    def build(c: Contents, office: minisign.SigningKey, r: age.Recipient, out: Path) -> Path:
        edit(c.manifest)
        return assemble(c, out, signer=office, recipients=[r])

    return build


def _set_file_path(path: str) -> Callable[[dict], None]:
    def edit(m: dict) -> None:
        m["files"][0]["path"] = path

    return edit


def _members(fn: Callable[[Contents], list]) -> Case:
    def build(c: Contents, office: minisign.SigningKey, r: age.Recipient, out: Path) -> Path:
        return assemble(c, out, signer=office, recipients=[r], members=fn(c))

    return build


def _files(c: Contents) -> list:
    return [member(p, d) for p, d in c.files.items()]


def _bytes_edit(fn: Callable[[bytes], bytes]) -> Case:
    def build(c: Contents, office: minisign.SigningKey, r: age.Recipient, out: Path) -> Path:
        path = assemble(c, out, signer=office, recipients=[r])
        path.write_bytes(fn(path.read_bytes()))
        return path

    return build


def _flip(offset_from_end: int) -> Callable[[bytes], bytes]:
    def fn(data: bytes) -> bytes:
        b = bytearray(data)
        b[len(b) - offset_from_end] ^= 0x01
        return bytes(b)

    return fn


def _edit_case(**over: object) -> Callable[[dict], None]:
    def edit(m: dict) -> None:
        m["cases"][0] = sample_case("GS-2026-0001", **over)

    return edit


def _signature_third(c: Contents, office: minisign.SigningKey, r: age.Recipient, out: Path) -> Path:
    c.manifest["issuer"]["key_id"] = office.key_id_hex()
    sig = office.sign(c.manifest_bytes(), trusted_comment="t", untrusted_comment="t").encode()
    members = [*_files(c)[:1], member("manifest.json.minisig", sig), *_files(c)[1:]]
    return assemble(c, out, signer=None, recipients=[r], members=members)


def _manifest_twice(c: Contents, office: minisign.SigningKey, r: age.Recipient, out: Path) -> Path:
    c.manifest["issuer"]["key_id"] = office.key_id_hex()
    sig = office.sign(c.manifest_bytes(), trusted_comment="t", untrusted_comment="t").encode()
    members = [member("manifest.json", c.manifest_bytes()), member("manifest.json.minisig", sig), *_files(c)]
    return assemble(c, out, signer=None, recipients=[r], members=members)


def _many_files(m: dict, n: int, size: int | None = None) -> None:
    template = m["files"][0]
    m["files"] = [{**template, "path": f"x/{i}.pdf", "size": size or template["size"]} for i in range(n)]


def _first_chunk_end(data: bytes) -> int:
    """Offset just after the first full 64 KiB payload chunk: a cut there ends on a chunk boundary."""
    header_end = data.index(b"\n", data.index(b"\n---") + 1) + 1
    end = header_end + 16 + 65536 + 16
    assert len(data) > end, "package too small for this case"
    return end


REFUSALS: dict[str, tuple[Case, str]] = {
    "bad signature": (lambda c, o, r, out: assemble(c, out, signer=o, recipients=[r], sign_bytes=b"something else"), "signature"),
    "untrusted signer": (lambda c, o, r, out: assemble(c, out, signer=new_office_key(), recipients=[r]), "untrusted"),
    "edited manifest": (lambda c, o, r, out: assemble(c, out, signer=o, recipients=[r], manifest_override=c.manifest_bytes().replace("张某".encode(), "王某".encode())), "signature"),
    "issuer key id differs from signer": (lambda c, o, r, out: (c.manifest["issuer"].update(key_id="ABCDEF0123456789"), assemble(c, out, signer=o, recipients=[r], set_key_id=False))[1], "signature"),
    "hash mismatch": (_mutated(lambda m: m["files"][0].update(sha256="0" * 64)), "hash"),
    "size mismatch": (_mutated(lambda m: m["files"][0].update(size=m["files"][0]["size"] + 1)), "size"),
    "missing member": (_members(lambda c: _files(c)[1:]), "missing"),
    "extra member": (_members(lambda c: [*_files(c), member("cases/GS-2026-0001/99-extra.pdf", b"x")]), "extra"),
    "duplicate member": (_members(lambda c: [*_files(c), _files(c)[0]]), "duplicate"),
    "manifest repeated before the signature": (_manifest_twice, "duplicate"),
    "case-differing member": (_members(lambda c: [member(_files(c)[0][0].name.upper(), _files(c)[0][1]), *_files(c)[1:]]), "duplicate"),
    "symlink member": (_members(lambda c: [*_files(c), member("cases/link", kind=tarfile.SYMTYPE, linkname="/etc/passwd")]), "tar"),
    "hard link member": (_members(lambda c: [*_files(c)[1:], member(_files(c)[0][0].name, kind=tarfile.LNKTYPE, linkname="manifest.json")]), "tar"),
    "device member": (_members(lambda c: [*_files(c), member("dev", kind=tarfile.CHRTYPE)]), "tar"),
    "fifo member": (_members(lambda c: [*_files(c), member("fifo", kind=tarfile.FIFOTYPE)]), "tar"),
    "directory outside listed": (_members(lambda c: [*_files(c), member("elsewhere", kind=tarfile.DIRTYPE)]), "extra"),
    "traversal member": (_members(lambda c: [*_files(c), member("../../evil.txt", b"x")]), "path"),
    "manifest not first": (lambda c, o, r, out: assemble(c, out, signer=o, recipients=[r], manifest_last=True), "order"),
    "signature not second": (_signature_third, "unsigned"),
    "GNU tar format": (lambda c, o, r, out: assemble(c, out, signer=o, recipients=[r], tar_format=tarfile.GNU_FORMAT), "tar"),
    "path ..": (_mutated(_set_file_path("cases/../x.pdf")), "manifest"),
    "path .": (_mutated(_set_file_path("./x.pdf")), "manifest"),
    "absolute path": (_mutated(_set_file_path("/etc/x.pdf")), "manifest"),
    "empty segment": (_mutated(_set_file_path("cases//x.pdf")), "manifest"),
    "drive letter": (_mutated(_set_file_path("C:/x.pdf")), "manifest"),
    "colon": (_mutated(_set_file_path("cases/a:b.pdf")), "manifest"),
    "backslash": (_mutated(_set_file_path("cases\\x.pdf")), "manifest"),
    "control character": (_mutated(_set_file_path("cases/x\x07.pdf")), "manifest"),
    "reserved name": (_mutated(_set_file_path("cases/CON.pdf")), "manifest"),
    "reserved name lpt": (_mutated(_set_file_path("lpt9")), "manifest"),
    "trailing dot": (_mutated(_set_file_path("cases/x.")), "manifest"),
    "trailing space": (_mutated(_set_file_path("cases/x ")), "manifest"),
    "not NFC": (_mutated(_set_file_path("cases/Cafe\u0301.pdf")), "manifest"),
    "path too long": (_mutated(_set_file_path("a/" * 60 + "x" * 130)), "manifest"),
    "segment too long": (_mutated(_set_file_path("cases/" + "长" * 41)), "manifest"),
    "case-insensitive duplicate path": (_mutated(lambda m: m["files"].append({**m["files"][0], "path": m["files"][0]["path"].upper()})), "manifest"),
    "file over 8 GiB": (_mutated(lambda m: m["files"][0].update(size=8 * 1024**3 + 1)), "manifest"),
    "over 64 GiB in all": (_mutated(lambda m: _many_files(m, 9, size=8 * 1024**3)), "manifest"),
    "over 20000 files": (_mutated(lambda m: _many_files(m, 20001)), "manifest"),
    "unknown top-level key": (_mutated(lambda m: m.update(extra=1)), "manifest"),
    "unknown nested key": (_mutated(lambda m: m["cases"][0]["handling_unit"].update(phone="1")), "manifest"),
    "newer version": (_mutated(lambda m: m.update(version=2)), "manifest"),
    "wrong format": (_mutated(lambda m: m.update(format="other")), "manifest"),
    "invalid identity number": (_mutated(_edit_case(handlers=[{"name": "李某", "id_number": valid_id()[:-1] + ("0" if valid_id()[-1] != "0" else "1"), "unit_code": "GS-CGQ-FY", "role": "承办法官"}])), "manifest"),
    "invalid case type": (_mutated(_edit_case(case_type="maritime")), "manifest"),
    "invalid unit kind": (_mutated(lambda m: m["cases"][0]["handling_unit"].update(kind="army")), "manifest"),
    "invalid petition flag": (_mutated(lambda m: m["cases"][0]["petition"].update(flags=["angry"])), "manifest"),
    "repeated with one petition": (_mutated(lambda m: m["cases"][0]["petition"].update(count=1)), "manifest"),
    "invalid region code": (_mutated(lambda m: m["cases"][0]["handling_unit"].update(region_code="62010")), "manifest"),
    "invalid date": (_mutated(_edit_case(accepted_on="2021-02-30")), "manifest"),
    "file names unknown case": (_mutated(lambda m: m["files"][0].update(case_id="GS-NOPE")), "manifest"),
    "truncated age data": (_bytes_edit(lambda d: d[: len(d) - 100]), "age"),
    "truncated at a chunk boundary": (_bytes_edit(lambda d: d[: _first_chunk_end(d)]), "age"),
    "bit flip in payload": (_bytes_edit(_flip(50)), "age"),
    "bit flip in header": (_bytes_edit(lambda d: d.replace(b"X25519 ", b"X25519 A", 1)), "age"),
    "garbage appended": (_bytes_edit(lambda d: d + b"\0" * 20), "age"),
    "wrong recipient": (lambda c, o, r, out: assemble(c, out, signer=o, recipients=[age.Identity.generate().recipient()]), "age"),
    "empty file": (_bytes_edit(lambda d: b""), "age"),
    "not an age file": (_bytes_edit(lambda d: b"PK\x03\x04" + d[:100]), "age"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_refused_with_nothing_stored(name: str, desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    build, code = REFUSALS[name]
    contents = sample_contents(2)
    path = build(contents, office, recipient, tmp_path / "bad.rdpkg")
    before = _counts(desk)
    with pytest.raises(imports.PackageRejected) as err:
        imports.import_package(desk, path)
    assert err.value.reason_code == code, str(err.value)
    assert err.value.message_zh.startswith("数据包被拒绝：" + imports.REFUSAL_ZH[code])
    assert _counts(desk) == before
    rejected = audit.show(desk, audit.AuditFilter(action="package.rejected"))
    assert len(rejected) == 1 and rejected[0].details["reason"] == code
    # No case content in the audit log: the manifest's titles and names never appear in it.
    dumped = json.dumps([e.to_json() for e in audit.show(desk, limit=1000)], ensure_ascii=False)
    assert "张某" not in dumped and "起诉书" not in dumped
    assert audit.verify(desk).ok


def test_missing_part_is_named(desk: OpenWorkspace, tmp_path: Path) -> None:
    (tmp_path / "big.rdpkg.001").write_bytes(b"x")
    (tmp_path / "big.rdpkg.003").write_bytes(b"x")
    with pytest.raises(imports.PackageRejected, match=r"big\.rdpkg\.002 is missing"):
        imports.import_package(desk, tmp_path / "big.rdpkg.003")


def test_roster_package_is_validated_then_imported(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    contents = Contents(
        {
            "format": "reviewdesk-package", "version": 1, "kind": "roster", "package_id": "3f0c6a52-6a7e-4d5e-9d0e-2f5b1c9a7e11",
            "created_at": "2026-11-20T10:00:00+08:00", "issuer": {"name": "某省委政法委", "key_id": "0000000000000000"},
            "cases": [], "files": [],
            "experts": [{"id": "EXP-0001", "name": "赵某", "id_number": None, "gender": "女", "profession": "judge",
                         "unit": {"code": "GS-TS-ZY", "name": "天水市中级人民法院", "kind": "court", "region_code": "620500"},
                         "specialties": ["civil", "enforcement"], "phone": "…",
                         "relations": [{"kind": "near_relative", "name": "李某", "id_number": None, "note": "配偶"}],
                         "former_units": [{"code": "GS-CGQ-FY", "until": "2019-06-30"}]}],
        }
    )
    path = assemble(contents, tmp_path / "roster.rdpkg", signer=office, recipients=[recipient])
    result = imports.import_package(desk, path)  # roster packages fill the expert pool (tests/test_roster_package.py)
    assert (result.status, result.kind, result.experts and result.experts["added"]) == ("imported", "roster", 1)
    contents.manifest["experts"][0]["profession"] = "astronaut"
    bad = assemble(contents, tmp_path / "roster2.rdpkg", signer=office, recipients=[recipient])
    with pytest.raises(imports.PackageRejected, match=r"experts\[0\]\.profession"):
        imports.import_package(desk, bad)


def test_cancel_leaves_nothing(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    path = assemble(sample_contents(3), tmp_path / "p.rdpkg", signer=office, recipients=[recipient])
    before = _counts(desk)
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 4

    with pytest.raises(imports.ImportCancelled):
        imports.import_package(desk, path, cancel=cancel)
    assert _counts(desk) == before
    assert imports.import_package(desk, path).cases == 3


def test_backup_of_imported_cases_restores_with_search(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    from reviewdesk.services import maintenance
    from reviewdesk.workspace import Workspace
    from tests.conftest import ADMIN, ADMIN_PW

    imports.import_package(desk, assemble(sample_contents(2), tmp_path / "p.rdpkg", signer=office, recipients=[recipient]))
    backup = maintenance.backup(desk, tmp_path / "b.rdbak")
    restored = Workspace(tmp_path / "elsewhere").restore(backup, ADMIN, ADMIN_PW)
    try:
        assert _counts(restored) == _counts(desk)
        assert any(h.kind == "document" for h in cases.search(restored, "拖欠货款"))
        with restored.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert audit.verify(restored).ok
    finally:
        restored.close()
