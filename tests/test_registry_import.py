"""registry.xlsx: an import replaces the whole registry in one transaction; every problem is named by
sheet, row and column, and then nothing changes; audited with counts only."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewdesk.errors import PermissionDenied
from reviewdesk.experts import credit_code
from reviewdesk.experts.sheet import SheetErrors
from reviewdesk.services import audit, registry
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli
from tests.packaging import valid_id

CODE_A = "914403001922038216"
CODE_B = "91110000802100433B"


def workbook(companies: list[list[object]], holders: list[list[object]]) -> bytes:
    wb = load_workbook(io.BytesIO(registry.template()))
    for row in companies:
        wb["企业"].append(row)
    for row in holders:
        wb["股东及高管"].append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


GOOD = workbook(
    [["某科技有限公司", CODE_A], ["某贸易有限公司", CODE_B], ["某个体商店", None]],
    [["某科技有限公司", None, "赵某", valid_id(), "股东", "12.5%"], [None, CODE_B, "钱某", None, "法定代表人", None],
     ["某贸易有限公司", None, "孙某", None, "officer", None]],
)


def test_import_replaces_the_registry(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> None:
    first = registry.import_registry(admin_ws, GOOD, "registry.xlsx")
    assert (first.companies, first.holders, first.replaced_companies) == (3, 3, 0)
    summary = registry.registry_summary(admin_ws)
    assert summary.by_role == {"shareholder": 1, "legal_representative": 1, "officer": 1}
    assert {c.name: c.holders for c in summary.rows} == {"某科技有限公司": 1, "某贸易有限公司": 2, "某个体商店": 0}
    assert summary.source == "xlsx:registry.xlsx"
    second = registry.import_registry(admin_ws, workbook([["某新公司", None]], []), "r2.xlsx")
    assert (second.companies, second.replaced_companies, second.replaced_holders) == (1, 3, 3)
    assert [c.name for c in registry.registry_summary(admin_ws).rows] == ["某新公司"]
    assert registry.registry_summary(login_as("observer")).companies == 1
    with pytest.raises(PermissionDenied):
        registry.import_registry(login_as("observer"), GOOD, "registry.xlsx")
    dumped = json.dumps([e.to_json() for e in audit.show(admin_ws, limit=1000)], ensure_ascii=False)
    assert "某科技" not in dumped and "赵某" not in dumped and '"companies": 3' in dumped


def test_problems_are_named_and_nothing_changes(admin_ws: OpenWorkspace) -> None:
    registry.import_registry(admin_ws, GOOD, "registry.xlsx")
    wrong = CODE_A[:17] + ("0" if CODE_A[17] != "0" else "1")
    data = workbook(
        [["某科技有限公司", wrong], ["某科技有限公司", None], ["某公司", "91O"]],
        [["不存在公司", None, "赵某", None, "股东", None], [None, None, "钱某", None, "董事长", None]],
    )
    with pytest.raises(SheetErrors) as err:
        registry.import_registry(admin_ws, data, "bad.xlsx")
    found = {(p.sheet, p.row, p.column) for p in err.value.problems}
    assert {("企业", 2, "统一社会信用代码"), ("企业", 3, "企业名称"), ("企业", 4, "统一社会信用代码"),
            ("股东及高管", 2, "企业名称"), ("股东及高管", 3, "企业名称"), ("股东及高管", 3, "身份")} <= found
    assert "check character is wrong" in str(err.value)
    assert registry.registry_summary(admin_ws).companies == 3  # the old registry is intact


def test_credit_code_known_values() -> None:
    assert credit_code.problem(CODE_A) is None and credit_code.problem(CODE_B) is None
    assert credit_code.problem("91440300192203821") == "must be 18 characters"
    assert "not allowed" in (credit_code.problem("9144030019220382IO") or "")


def test_cli(admin_ws: OpenWorkspace, ws_folder: Path, tmp_path: Path) -> None:
    admin_ws.close()
    env = {"REVIEWDESK_WORKSPACE": str(ws_folder), "REVIEWDESK_USER": ADMIN, "PW": ADMIN_PW}
    assert run_cli("registry", "template", str(tmp_path / "t.xlsx")).returncode == 0
    (tmp_path / "r.xlsx").write_bytes(GOOD)
    r = run_cli("registry", "import", str(tmp_path / "r.xlsx"), "--json", "--password-env", "PW", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"ok": True, "companies": 3, "holders": 3, "replaced_companies": 0, "replaced_holders": 0,
                                  "warnings": []}
    r = run_cli("registry", "list", "--json", "--password-env", "PW", env=env)
    assert json.loads(r.stdout)["holders"] == 3
