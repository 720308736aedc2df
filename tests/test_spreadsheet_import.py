"""cases.xlsx: the template round-trips into a valid manifest; mistakes are named by sheet, row and column;
a plain folder imports (recorded as unsigned) and the same folder twice is noticed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewdesk.packages import spreadsheet
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli
from tests.packaging import fill_template


@pytest.fixture
def office(tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    folder.mkdir()
    spreadsheet.write_template(folder / "cases.xlsx")
    fill_template(folder / "cases.xlsx", folder)
    return folder


def test_template_reads_back_into_a_manifest(office: Path) -> None:
    manifest, files = spreadsheet.read_folder(office)
    case = manifest["cases"][0]
    assert case["petition"] == {"count": 4, "first_on": "2022-10-01", "last_on": "2026-03-01", "flags": ["unenforced", "repeated"]}
    assert case["parties"][0]["counsel"] == [{"name": "王某", "firm": "某律师事务所"}]
    assert files[0][1]["media_type"] == "text/plain" and files[0][1]["size"] > 0


def test_the_volume_column_is_optional_and_carried_into_the_manifest(office: Path) -> None:
    from reviewdesk.packages.manifest import _file

    _, files = spreadsheet.read_folder(office)
    assert "volume" not in files[0][1]  # left empty: the reader counts it in volume 1
    _edit(office, "files", "E2", 3.0)  # Excel hands whole numbers over as floats
    _, files = spreadsheet.read_folder(office)
    assert files[0][1]["volume"] == 3
    assert _file(files[0][1], "files[0]").volume == 3


def _edit(office: Path, sheet_key: str, cell: str, value: object) -> None:
    wb = load_workbook(office / "cases.xlsx")
    wb[spreadsheet.SHEETS[sheet_key][0]][cell] = value
    wb.save(office / "cases.xlsx")


@pytest.mark.parametrize(
    ("sheet_key", "cell", "value", "words"),
    [
        ("cases", "K2", "2022-02-30", ["案件 row 2", "受理日期", "not a date"]),
        ("parties", "D2", 620102197001011234, ["当事人 row 2", "身份证号", "as text"]),
        ("files", "B2", "files/missing.txt", ["文件 row 2", "文件路径", "not found"]),
        ("files", "B2", "../escape.txt", ["文件 row 2", "'..' segment"]),
        ("handlers", "A2", "NOPE", ["承办人 row 2", "案件编号", "not on the 案件 sheet"]),
        ("files", "E2", "第二卷", ["文件 row 2", "卷号", "not a volume number"]),
        ("files", "E2", 0, ["文件 row 2", "卷号"]),
        ("cases", "M2", 1, ["案件 row 2", "信访标记", "repeated", "XF-001", "at least 2"]),
    ],
)
def test_mistakes_name_sheet_row_and_column(office: Path, sheet_key: str, cell: str, value: object, words: list[str]) -> None:
    _edit(office, sheet_key, cell, value)
    with pytest.raises(spreadsheet.SpreadsheetError) as err:
        spreadsheet.read_folder(office)
    for word in words:
        assert word in str(err.value)


def test_import_folder_cli(admin_ws, office: Path) -> None:
    folder = str(admin_ws.workspace.folder)
    admin_ws.close()
    auth = ["--user", ADMIN, "--password-env", "PW"]
    env = {"PW": ADMIN_PW}
    first = run_cli("--workspace", folder, "import-folder", str(office), "--json", *auth, env=env)
    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    assert (result["cases"], result["documents"], result["signed_by"], result["unsigned_reason"]) == (1, 1, None, "plain folder")
    again = run_cli("--workspace", folder, "import-folder", str(office), *auth, env=env)
    assert again.returncode == 8 and "already imported" in again.stderr
    _edit(office, "cases", "D2", "maritime")
    bad = run_cli("--workspace", folder, "import-folder", str(office), *auth, env=env)
    assert bad.returncode == 6 and "cases[0].case_type" in bad.stderr
