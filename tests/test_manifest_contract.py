"""The package contract to the letter (docs/package-format.md): exact types, which fields may be absent or null,
text and path characters, the optional file `volume`, pax records, one-line errors, and a damaged copy of an
already imported package."""

from __future__ import annotations

import copy
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from reviewdesk.packages import age, minisign
from reviewdesk.packages.manifest import ManifestError, parse
from reviewdesk.packages.paths import path_problem
from reviewdesk.services import audit, imports
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import raw_connect, run_cli
from tests.packaging import assemble, member, sample_contents, valid_id

Path_ = tuple[str | int, ...]

EXPERT: dict[str, Any] = {
    "id": "EXP-0001", "name": "赵某", "id_number": valid_id(), "gender": "女", "profession": "judge",
    "unit": {"code": "GS-TS-ZY", "name": "天水市中级人民法院", "kind": "court", "region_code": "620500"},
    "specialties": ["civil", "enforcement"], "phone": "0938-0000000",
    "relations": [{"kind": "near_relative", "name": "李某", "id_number": valid_id(seq="777"), "unit_code": "GS-X", "note": "配偶"}],
    "former_units": [{"code": "GS-CGQ-FY", "until": "2019-06-30"}],
}


def cases_manifest() -> dict[str, Any]:
    m = sample_contents(1).manifest
    m["issuer"]["key_id"] = "E2A1C2B3D4F50617"
    m["files"][0]["volume"] = 2
    return m


def roster_manifest() -> dict[str, Any]:
    return {
        "format": "reviewdesk-package", "version": 1, "kind": "roster", "package_id": "3f0c6a52-6a7e-4d5e-9d0e-2f5b1c9a7e11",
        "created_at": "2026-11-20T10:00:00+08:00", "issuer": {"name": "某省委政法委", "key_id": "E2A1C2B3D4F50617"},
        "campaign": {"id": "2026-XF-01", "name": "2026年评查"}, "cases": [], "experts": [copy.deepcopy(EXPERT)], "files": [],
    }


def where(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def edited(m: dict[str, Any], path: Path_, value: Any = None, *, delete: bool = False) -> bytes:
    m = copy.deepcopy(m)
    target = m
    for part in path[:-1]:
        target = target[part]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(m, ensure_ascii=False).encode("utf-8")


def refused(data: bytes) -> ManifestError:
    with pytest.raises(ManifestError) as err:
        parse(data)
    return err.value


def test_the_examples_parse() -> None:
    assert parse(edited(cases_manifest(), ("version",), 1)).files[0].volume == 2
    assert parse(edited(roster_manifest(), ("version",), 1)).experts[0].relations[0].unit_code == "GS-X"


# -- exact types ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [True, 1.0, "1", None, [1], 0, -1])
def test_version_is_the_json_integer_1(value: Any) -> None:
    assert refused(edited(cases_manifest(), ("version",), value)).where == "version"


def test_version_1_point_0_written_as_text_is_refused() -> None:
    data = json.dumps(cases_manifest(), ensure_ascii=False).replace('"version": 1,', '"version": 1.0,').encode()
    assert refused(data).where == "version"


@pytest.mark.parametrize(("path", "value"), [
    (("files", 0, "size"), True), (("files", 0, "size"), 12.0), (("files", 0, "size"), "12"), (("files", 0, "size"), -1),
    (("files", 0, "size"), 10**30), (("cases", 0, "petition", "count"), False), (("cases", 0, "petition", "count"), -2),
    (("cases", 0, "petition", "count"), 6.5),
])
def test_counts_are_non_negative_integers_never_bool(path: Path_, value: Any) -> None:
    assert refused(edited(cases_manifest(), path, value)).where == where(path)


# -- required and optional --------------------------------------------------------------------------------
CASES_REQUIRED: list[Path_] = [
    ("kind",), ("package_id",), ("created_at",), ("issuer",), ("issuer", "name"), ("issuer", "key_id"), ("campaign",),
    ("cases",), ("experts",), ("files",),
    ("cases", 0, "id"), ("cases", 0, "case_number"), ("cases", 0, "title"), ("cases", 0, "case_type"),
    ("cases", 0, "handling_unit"), ("cases", 0, "handling_unit", "code"), ("cases", 0, "handling_unit", "name"),
    ("cases", 0, "handling_unit", "kind"), ("cases", 0, "handling_unit", "region_code"),
    ("cases", 0, "handlers"), ("cases", 0, "handlers", 0, "name"), ("cases", 0, "handlers", 0, "role"),
    ("cases", 0, "parties"), ("cases", 0, "parties", 0, "name"), ("cases", 0, "parties", 0, "kind"),
    ("cases", 0, "parties", 0, "role"), ("cases", 0, "parties", 0, "counsel"),
    ("cases", 0, "parties", 0, "counsel", 0, "name"), ("cases", 0, "parties", 0, "counsel", 0, "firm"),
    ("cases", 0, "petition", "count"), ("cases", 0, "petition", "flags"),
    ("files", 0, "path"), ("files", 0, "size"), ("files", 0, "sha256"), ("files", 0, "media_type"),
    ("files", 0, "case_id"), ("files", 0, "title"),
]
ROSTER_REQUIRED: list[Path_] = [
    ("experts", 0, "id"), ("experts", 0, "name"), ("experts", 0, "profession"), ("experts", 0, "unit"),
    ("experts", 0, "unit", "region_code"), ("experts", 0, "specialties"), ("experts", 0, "relations"),
    ("experts", 0, "former_units"), ("experts", 0, "relations", 0, "kind"), ("experts", 0, "relations", 0, "name"),
    ("experts", 0, "relations", 0, "note"), ("experts", 0, "former_units", 0, "code"),
    ("experts", 0, "former_units", 0, "until"),
]
REQUIRED = [("cases", p) for p in CASES_REQUIRED] + [("roster", p) for p in ROSTER_REQUIRED]
OPTIONAL: list[tuple[str, Path_]] = [
    ("cases", ("cases", 0, f)) for f in ("cause", "stage", "accepted_on", "closed_on", "petition", "summary")
] + [
    ("cases", ("cases", 0, "handlers", 0, "id_number")), ("cases", ("cases", 0, "handlers", 0, "unit_code")),
    ("cases", ("cases", 0, "parties", 0, "id_number")), ("cases", ("cases", 0, "petition", "first_on")),
    ("cases", ("cases", 0, "petition", "last_on")), ("cases", ("files", 0, "volume")),
    ("roster", ("experts", 0, "id_number")), ("roster", ("experts", 0, "gender")), ("roster", ("experts", 0, "phone")),
    ("roster", ("campaign",)), ("roster", ("experts", 0, "relations", 0, "id_number")),
    ("roster", ("experts", 0, "relations", 0, "unit_code")),
]


def _manifest(kind: str) -> dict[str, Any]:
    return cases_manifest() if kind == "cases" else roster_manifest()


@pytest.mark.parametrize(("kind", "path"), REQUIRED, ids=[f"{k}:{where(p)}" for k, p in REQUIRED])
def test_a_required_field_is_neither_null_nor_absent(kind: str, path: Path_) -> None:
    assert refused(edited(_manifest(kind), path, None)).where == where(path)
    assert refused(edited(_manifest(kind), path, delete=True)).where == where(path)


@pytest.mark.parametrize(("kind", "path"), OPTIONAL, ids=[f"{k}:{where(p)}" for k, p in OPTIONAL])
def test_an_optional_field_may_be_null_or_absent(kind: str, path: Path_) -> None:
    for data in (edited(_manifest(kind), path, None), edited(_manifest(kind), path, delete=True)):
        parsed = parse(data)
        if path[-1] == "volume":
            assert parsed.files[0].volume is None


def test_an_empty_list_is_fine_where_null_is_not() -> None:
    m = cases_manifest()
    m["cases"][0].update(handlers=[], parties=[])
    m["cases"][0]["petition"]["flags"] = []
    assert parse(json.dumps(m).encode()).cases[0].handlers == ()
    assert parse(edited(roster_manifest(), ("experts", 0, "former_units"), [])).experts[0].former_units == ()


# -- volume -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [1, 7, 100_000])
def test_volume_is_accepted_and_exposed(value: int) -> None:
    assert parse(edited(cases_manifest(), ("files", 0, "volume"), value)).files[0].volume == value


@pytest.mark.parametrize("value", [0, -1, True, 1.0, 1.5, "2", [2], 100_001])
def test_volume_is_a_positive_integer(value: Any) -> None:
    assert refused(edited(cases_manifest(), ("files", 0, "volume"), value)).where == "files[0].volume"


# -- characters ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("ch", ["\x85", "\x9b", "\x80", "\x9f", "\x7f", "\x00"])
def test_paths_with_c1_and_other_controls_are_refused(ch: str) -> None:
    assert path_problem(f"cases/x{ch}y.pdf") == "control character in path"
    err = refused(edited(cases_manifest(), ("files", 0, "path"), f"cases/x{ch}y.pdf"))
    assert err.where == "files[0].path" and ch not in str(err)


@pytest.mark.parametrize(("path", "value"), [
    (("cases", 0, "title"), "张某\n诉某公司"), (("cases", 0, "title"), "张某\t诉"), (("cases", 0, "title"), "张某\x85诉"),
    (("cases", 0, "title"), "张某\x9b31m"), (("cases", 0, "summary"), "一\r二"), (("cases", 0, "summary"), "一\x85二"),
    (("cases", 0, "handlers", 0, "name"), "李\u0000某"), (("issuer", "name"), "某\x1b[31m处"),
])
def test_text_has_no_controls_except_lf_and_tab_in_long_texts(path: Path_, value: str) -> None:
    assert refused(edited(cases_manifest(), path, value)).where == where(path)


def test_long_texts_may_hold_line_feeds_and_tabs() -> None:
    assert parse(edited(cases_manifest(), ("cases", 0, "summary"), "第一段。\n\t第二段。")).cases[0].summary == "第一段。\n\t第二段。"


@pytest.mark.parametrize(("path", "value"), [
    (("cases", 0, "id"), "GS-1\n"), (("cases", 0, "accepted_on"), "２０２１-03-02"), (("cases", 0, "accepted_on"), "2021-03-02\n"),
    (("created_at",), "2026-11-20T10:00:00+08:00\n"), (("cases", 0, "handling_unit", "region_code"), "６２０１０２"),
    (("cases", 0, "handlers", 0, "id_number"), valid_id() + "\n"),
    (("cases", 0, "handlers", 0, "id_number"), valid_id().replace("6", "６")),
    (("files", 0, "sha256"), "0" * 64 + "\n"), (("files", 0, "media_type"), "application/pdf\n"),
])
def test_patterns_match_the_whole_value_in_ascii(path: Path_, value: str) -> None:
    assert refused(edited(cases_manifest(), path, value)).where == where(path)


LONE = "\ud800"


@pytest.mark.parametrize(("path", "value"), [
    (("cases", 0, "title"), f"张某{LONE}"), (("cases", 0, "summary"), LONE), (("cases", 0, "case_type"), LONE),
    (("cases", 0, "parties", 0, "id_number"), LONE), (("files", 0, "path"), f"cases/{LONE}.pdf"),
])
def test_a_lone_surrogate_is_refused_and_the_message_is_valid_unicode(path: Path_, value: str) -> None:
    data = edited(cases_manifest(), path, "@@").replace(b"@@", b"\\ud800" if value == LONE else value.replace(LONE, "\\ud800").encode())
    err = refused(data)
    assert err.where == where(path)
    str(err).encode("utf-8")  # a lone surrogate in the message could not be written to stderr


def test_a_lone_surrogate_in_a_key_is_refused_with_a_valid_message() -> None:
    data = json.dumps(cases_manifest()).replace('"summary"', '"s\\ud800"', 1).encode()
    err = refused(data)
    str(err).encode("utf-8")
    assert "\\ud800" in err.where


@pytest.mark.parametrize("data", [
    json.dumps({**cases_manifest(), "bad\nkey": 1}).encode(),
    edited(cases_manifest(), ("cases", 0, "accepted_on"), "2021-02-30\n"),
    edited(cases_manifest(), ("cases", 0, "case_type"), "civil\nrm -rf"),
    edited(cases_manifest(), ("files", 0, "path"), "cases/a\nb.pdf"),
    edited(cases_manifest(), ("cases", 0, "handling_unit", "kind"), "court\u2028x\u202e"),
])
def test_manifest_errors_are_one_printable_line(data: bytes) -> None:
    message = str(refused(data))
    assert message.isprintable(), message


# -- tar members whose pax records change what they are -----------------------------------------------------
def _pax_member(path: str, data: bytes, records: dict[str, str]) -> tarfile.TarInfo:
    info, _ = member(path, data)
    info.pax_headers = records
    return info


PAX_REFUSALS = {
    "GNU.sparse": {"GNU.sparse.major": "1", "GNU.sparse.minor": "0", "GNU.sparse.name": "x", "GNU.sparse.realsize": "9"},
    "GNU.sparse.size": {"GNU.sparse.size": "100"},
    "linkpath": {"linkpath": "/etc/passwd"},
    "SCHILY.filetype": {"SCHILY.filetype": "symlink"},
    "SCHILY.devmajor": {"SCHILY.devmajor": "1"},
    "unknown": {"REVIEWDESK.whatever": "1"},
    "hdrcharset BINARY": {"hdrcharset": "BINARY"},
}


@pytest.mark.parametrize("name", list(PAX_REFUSALS))
def test_pax_records_that_change_a_member_are_refused(
    name: str, desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path
) -> None:
    contents = sample_contents(1)
    first, data = next(iter(contents.files.items()))
    members = [(_pax_member(first, data, PAX_REFUSALS[name]), data)] + [member(p, d) for p, d in list(contents.files.items())[1:]]
    path = assemble(contents, tmp_path / "p.rdpkg", signer=office, recipients=[recipient], members=members)
    with pytest.raises(imports.PackageRejected) as err:
        imports.import_package(desk, path)
    assert err.value.reason_code == "tar", str(err.value)
    assert _counts(desk)["packages"] == 0


def test_describing_pax_records_are_fine(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    contents = sample_contents(1)
    records = {"mtime": "1700000000.5", "atime": "1700000000", "uname": "张三", "SCHILY.xattr.user.note": "x", "comment": "ok"}
    members = [(_pax_member(p, d, records), d) for p, d in contents.files.items()]
    path = assemble(contents, tmp_path / "p.rdpkg", signer=office, recipients=[recipient], members=members)
    assert imports.import_package(desk, path).documents == 3


# -- an already imported package is still read to the end -------------------------------------------------
def _counts(ws: OpenWorkspace) -> dict[str, int]:
    conn = raw_connect(ws.workspace.db_path, ws.data_key)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("cases", "documents", "document_chunks", "packages")}
    finally:
        conn.close()


def test_a_damaged_copy_of_an_imported_package_is_reported_damaged(
    desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path
) -> None:
    contents = sample_contents(1)
    good = assemble(contents, tmp_path / "good.rdpkg", signer=office, recipients=[recipient])
    assert imports.import_package(desk, good).status == "imported"
    before = _counts(desk)

    damaged = contents.copy()  # same signed manifest (same package id), one file's bytes changed
    name = next(iter(damaged.files))
    damaged.files[name] = bytes(b ^ 0xFF if i == 10 else b for i, b in enumerate(damaged.files[name]))
    bad = assemble(damaged, tmp_path / "bad.rdpkg", signer=office, recipients=[recipient])
    with pytest.raises(imports.PackageRejected) as err:
        imports.import_package(desk, bad)
    assert (err.value.reason_code, err.value.exit_code) == ("hash", 10)

    truncated = tmp_path / "cut.rdpkg"
    truncated.write_bytes(good.read_bytes()[:-300])
    with pytest.raises(imports.PackageRejected) as err:
        imports.import_package(desk, truncated)
    assert err.value.reason_code in ("age", "tar") and err.value.exit_code == 10

    assert imports.import_package(desk, good).status == "already_imported"
    assert _counts(desk) == before
    reasons = [e.details.get("reason") or e.details.get("status") for e in audit.show(desk, audit.AuditFilter(action="package."))]
    assert reasons[:2] == ["imported", "hash"] and reasons[-1] == "already_imported" and len(reasons) == 4


def test_cli_damaged_copy_exits_10_and_errors_are_one_escaped_line(
    desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path
) -> None:
    contents = sample_contents(1)
    good = assemble(contents, tmp_path / "good.rdpkg", signer=office, recipients=[recipient])
    imports.import_package(desk, good)
    newline = sample_contents(1)
    newline.manifest["cases"][0]["bad\nkey"] = 1
    odd = assemble(newline, tmp_path / "nl.rdpkg", signer=office, recipients=[recipient])
    damaged = tmp_path / "cut.rdpkg"
    damaged.write_bytes(good.read_bytes()[:-300])
    folder = str(desk.workspace.folder)
    desk.close()

    def cli(package: Path) -> Any:
        return run_cli("--workspace", folder, "import", str(package), "--user", ADMIN, "--password-env", "PW", env={"PW": ADMIN_PW})

    for package, code in ((damaged, 10), (odd, 10), (good, 0)):
        r = cli(package)
        assert r.returncode == code, r.stderr
        assert len(r.stderr.strip().splitlines()) <= 1, r.stderr
    assert "cases[0].bad\\nkey" in cli(odd).stderr


@pytest.mark.parametrize("count", [0, 1])
def test_repeated_petitions_need_at_least_two(count: int) -> None:
    """反复信访 beside a single petition is refused, naming the case and the flag."""
    err = refused(edited(cases_manifest(), ["cases", 0, "petition", "count"], count))
    assert err.where == "cases[0].petition.flags[1]"
    assert "GS-2026-0001" in err.reason and "repeated" in err.reason and f"count is {count}" in err.reason
    parse(edited(cases_manifest(), ["cases", 0, "petition", "count"], 2))
