"""Every xlsx reader reads every row a sheet holds, whatever its `<dimension ref>` says (stale, missing), also
as LibreOffice/WPS-style writers save files (inline strings, rows and cells without `r`); content the reader
does not use (unknown columns, values under no header, extra sheets) is reported as a warning."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewdesk.packages import spreadsheet
from reviewdesk.packages.reader import PackageReader
from reviewdesk.services import experts, registry
from reviewdesk.workspace import OpenWorkspace
from tests import xlsx_shapes
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli
from tests.packaging import fill_template
from tests.test_experts_import import EXPERT_A, EXPERT_B
from tests.test_experts_import import workbook as experts_workbook
from tests.test_packages_tools import _run
from tests.test_registry_import import GOOD as REGISTRY

EXPERT_C = ["EXP-0003", "孙某", None, "男", "学者", "GS-LZU", "兰州大学", "其他", "620102", "行政", None, None, "是", None]
EXPERTS = experts_workbook([EXPERT_A, EXPERT_B, EXPERT_C])

SHAPES = {
    "stale": lambda d: xlsx_shapes.set_dimension(d, "A1:N2"),  # says one data row; the file holds three
    "tiny": lambda d: xlsx_shapes.set_dimension(d, "A1:A1"),
    "missing": lambda d: xlsx_shapes.set_dimension(d, None),
    "libreoffice": lambda d: xlsx_shapes.libreoffice_style(d, drop_refs=False),
    "wps_no_refs": xlsx_shapes.libreoffice_style,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_experts_every_row(admin_ws: OpenWorkspace, shape: str) -> None:
    report = experts.import_experts(admin_ws, SHAPES[shape](EXPERTS), "experts.xlsx", dry_run=True)
    assert [c.external_id for c in report.added] == ["EXP-0001", "EXP-0002", "EXP-0003"]
    assert report.warnings == []


@pytest.mark.parametrize("shape", ["stale", "missing", "wps_no_refs"])
def test_registry_every_row(admin_ws: OpenWorkspace, shape: str) -> None:
    result = registry.import_registry(admin_ws, SHAPES[shape](REGISTRY), "registry.xlsx")
    assert (result.companies, result.holders) == (3, 3) and result.warnings == ()


def _extra(data: bytes) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb["专家"]
    ws["O1"] = "籍贯"  # a column the reader does not know
    ws["O2"] = "甘肃"
    ws["Q3"] = "备忘"  # a value under no header
    wb.create_sheet("草稿")["B7"] = "旧名单"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_unused_content_is_a_warning(admin_ws: OpenWorkspace) -> None:
    report = experts.import_experts(admin_ws, xlsx_shapes.set_dimension(_extra(EXPERTS), "A1:B2"), "x.xlsx", dry_run=True)
    assert len(report.added) == 3
    text = "\n".join(report.warnings)
    assert "专家 column O: header '籍贯' is not a column of this sheet" in text
    assert "专家 column O: 1 value(s) under the header '籍贯' were not read" in text
    assert "专家 column Q: 1 value(s) under no header were not read" in text
    assert "草稿: sheet is not read" in text


def test_cli_experts_import_sees_all_and_warns(admin_ws: OpenWorkspace, ws_folder: Path, tmp_path: Path) -> None:
    admin_ws.close()
    env = {"REVIEWDESK_WORKSPACE": str(ws_folder), "REVIEWDESK_USER": ADMIN, "PW": ADMIN_PW}
    (tmp_path / "e.xlsx").write_bytes(xlsx_shapes.set_dimension(_extra(EXPERTS), "A1:N2"))
    r = run_cli("experts", "import", str(tmp_path / "e.xlsx"), "--json", "--password-env", "PW", env=env)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["counts"]["added"] == 3 and out["not_in_file"] == [] and len(out["warnings"]) == 4
    r = run_cli("experts", "import", str(tmp_path / "e.xlsx"), "--password-env", "PW", env=env)
    assert "3 unchanged" in r.stdout and "warning: 草稿: sheet is not read" in r.stdout


def _three_case_office(tmp_path: Path, shape: str) -> Path:
    office = tmp_path / "office"
    office.mkdir()
    spreadsheet.write_template(office / "cases.xlsx")
    fill_template(office / "cases.xlsx", office)
    wb = load_workbook(office / "cases.xlsx")
    cases, parties, files = (wb[spreadsheet.SHEETS[k][0]] for k in ("cases", "parties", "files"))
    first = [c.value for c in cases[2]]
    for n in (2, 3):
        cases.append([f"XF-00{n}", f"（2022）甘0102民初8{n}号", *first[2:]])
        parties.append([f"XF-00{n}", "某公司", "organization", None, "原告", None])
        (office / "files" / f"f{n}.txt").write_text(f"第{n}号案件材料", encoding="utf-8")
        files.append([f"XF-00{n}", f"files/f{n}.txt", f"材料{n}", None])
    wb.save(office / "cases.xlsx")
    data = (office / "cases.xlsx").read_bytes()
    (office / "cases.xlsx").write_bytes(SHAPES[shape](data))
    return office


@pytest.mark.parametrize("shape", ["stale", "missing", "wps_no_refs"])
def test_cases_xlsx_every_row(tmp_path: Path, shape: str) -> None:
    notices: list = []
    manifest, files = spreadsheet.read_folder(_three_case_office(tmp_path, shape), notices=notices)
    assert [c["id"] for c in manifest["cases"]] == ["XF-001", "XF-002", "XF-003"]
    assert [f["path"] for f in manifest["files"]] == ["files/说明.txt", "files/f2.txt", "files/f3.txt"] and len(files) == 3
    assert notices == []


def test_cli_import_folder_and_package_build_see_all(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    folder = str(admin_ws.workspace.folder)
    admin_ws.close()
    office = _three_case_office(tmp_path, "stale")
    wb = load_workbook(office / "cases.xlsx")
    wb[spreadsheet.SHEETS["files"][0]]["F4"] = "多余"
    wb.save(office / "cases.xlsx")
    (office / "cases.xlsx").write_bytes(xlsx_shapes.set_dimension((office / "cases.xlsx").read_bytes(), "A1:D2"))
    r = run_cli("--workspace", folder, "import-folder", str(office), "--json", "--user", ADMIN, "--password-env", "PW",
                env={"PW": ADMIN_PW})
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["cases"], out["documents"]) == (3, 3)
    assert out["warnings"] == ["文件 column F: 1 value(s) under no header were not read (not a column of this sheet)"]
    sec = tmp_path / "office.key"
    _run("minisign", "-G", "-W", "-p", str(tmp_path / "office.pub"), "-s", str(sec))
    built = run_cli("package", "build", "--kind", "cases", "--from", str(office), "--sign-key", str(sec),
                    "--passphrase-env", "PP", "--out", str(tmp_path / "p.rdpkg"), "--json", env={"PP": "pass phrase 2026"})
    assert built.returncode == 0, built.stderr
    assert json.loads(built.stdout)["warnings"] == out["warnings"]
    with open(tmp_path / "p.rdpkg", "rb") as fh:
        verified = PackageReader(fh, identities=[], passphrase="pass phrase 2026", trusted={}, allow_unsigned=True).open()
    assert len(verified.manifest.files) == 3  # the signed manifest lists every file
