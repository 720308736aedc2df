"""experts.xlsx: template round-trip, upsert report (added/changed/unchanged/not in file), dry run writes
nothing, every problem named by sheet/row/column with nothing written, roles, audit without personal data."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import func, select

from reviewdesk import identity_number
from reviewdesk.errors import PermissionDenied, ValidationError
from reviewdesk.experts import credit_code
from reviewdesk.experts.sheet import MAX_ERRORS, SheetErrors
from reviewdesk.services import audit, experts
from reviewdesk.services.experts import RelationInput
from reviewdesk.store.models import Expert, ExpertRelation, Unit
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli

ID_1 = "11010519491231002" + identity_number.check_digit("11010519491231002")
ID_2 = "62010219800101123" + identity_number.check_digit("62010219800101123")

EXPERT_A = ["EXP-0001", "赵某", ID_1, "女", "法官", "GS-TS-ZY", "天水市中级人民法院", "法院", "620500", "民事、执行", "…", "人大代表", "是", ""]
EXPERT_B = ["EXP-0002", "钱某", None, "男", "lawyer", "GS-LS-01", "某律师事务所", "other", "620102", "criminal", None, None, "否", "出差"]


def workbook(experts_rows: list[list[object]], relations: list[list[object]] = (), former: list[list[object]] = ()) -> bytes:  # type: ignore[assignment]
    wb = load_workbook(io.BytesIO(experts.template()))
    for title, rows in (("专家", experts_rows), ("关系", relations), ("曾任职单位", former)):
        for row in rows:
            wb[title].append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


GOOD = workbook(
    [EXPERT_A, EXPERT_B],
    [["EXP-0001", "近亲属", "李某", None, None, "配偶"], ["EXP-0002", "代理关系", "某公司", None, None, ""]],
    [["EXP-0001", "GS-CGQ-FY", "2019-06-30"]],
)


def _count(ws: OpenWorkspace, model: type) -> int:
    with ws.read_session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_template_has_instruction_and_validation_lists() -> None:
    wb = load_workbook(io.BytesIO(experts.template()))
    assert wb.sheetnames[0] == "说明" and {"专家", "关系", "曾任职单位"} <= set(wb.sheetnames)
    lists = [dv.formula1 for dv in wb["专家"].data_validations.dataValidation]
    assert len(lists) >= 4  # 性别, 职业, 单位类型, 可用


def test_import_adds_then_reports_changes(admin_ws: OpenWorkspace) -> None:
    report = experts.import_experts(admin_ws, GOOD, "experts.xlsx")
    assert [c.external_id for c in report.added] == ["EXP-0001", "EXP-0002"]
    assert {u.code for u in report.units if u.added} == {"GS-TS-ZY", "GS-LS-01"}
    rows = {r.external_id: r for r in experts.list_experts(admin_ws)}
    assert rows["EXP-0001"].specialties == ("civil", "enforcement") and rows["EXP-0001"].tags == ("人大代表",)
    assert rows["EXP-0002"].available is False and rows["EXP-0002"].availability_note == "出差"
    detail = experts.expert_detail(admin_ws, "EXP-0001")
    assert detail.id_number == ID_1 and detail.relations[0].kind == "near_relative"
    assert detail.former_units[0].until == "2019-06-30"

    # Same file again: nothing changes.
    again = experts.import_experts(admin_ws, GOOD, "experts.xlsx")
    assert again.unchanged == ["EXP-0001", "EXP-0002"] and not again.added and not again.changed and not again.units

    # Only A, renamed unit and one relation more: changed fields listed, B kept and listed as not in file.
    a2 = list(EXPERT_A)
    a2[6], a2[1] = "天水市中院", "赵某某"
    report = experts.import_experts(
        admin_ws, workbook([a2], [["EXP-0001", "近亲属", "李某", None, None, "配偶"], ["EXP-0001", "原同事", "孙某", None, "GS-X", ""]]),
        "experts2.xlsx",
    )
    changes = {f.field: (f.old, f.new) for f in report.changed[0].changes}
    assert changes["name"] == ("赵某", "赵某某")
    assert "relations" in changes and "former_units" in changes  # the 曾任职单位 sheet was empty this time
    assert report.not_in_file == ["EXP-0002"]
    assert report.units[0].changes[0].field == "name"
    with admin_ws.read_session() as s:
        assert s.get(Unit, "GS-TS-ZY").name == "天水市中院"  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(ExpertRelation)) == 3  # A: 2, B: 1 kept
    assert _count(admin_ws, Expert) == 2


def test_dry_run_writes_nothing(admin_ws: OpenWorkspace) -> None:
    report = experts.import_experts(admin_ws, GOOD, "experts.xlsx", dry_run=True)
    assert report.dry_run and len(report.added) == 2
    assert _count(admin_ws, Expert) == 0 and _count(admin_ws, Unit) == 0


def test_every_problem_is_named_and_nothing_written(admin_ws: OpenWorkspace) -> None:
    bad_id = ID_1[:17] + ("0" if ID_1[17] != "0" else "1")
    rows = [
        EXPERT_A,
        ["EXP-0002", "钱某", bad_id, "男", "宇航员", "GS-LS-01", "某所", "其他", "62010", "刑事、天文", None, None, "也许", None],
        ["EXP-0001", "孙某", None, None, "学者", "GS-U", "某大学", "其他", "620102", None, None, None, None, None],
    ]
    data = workbook(rows, [["EXP-0009", "近亲属", "李某", None, None, ""]], [["EXP-0001", "GS-X", "2019-13-01"]])
    with pytest.raises(SheetErrors) as err:
        experts.import_experts(admin_ws, data, "bad.xlsx")
    found = {(p.sheet, p.row, p.column) for p in err.value.problems}
    assert {
        ("专家", 3, "身份证号"), ("专家", 3, "职业"), ("专家", 3, "区划代码"), ("专家", 3, "专长"), ("专家", 3, "可用"),
        ("专家", 4, "专家编号"), ("关系", 2, "专家编号"), ("曾任职单位", 2, "离任日期"),
    } <= found
    assert "check digit" in str(err.value) and "第 3 行" in err.value.message_zh
    assert _count(admin_ws, Expert) == 0 and _count(admin_ws, Unit) == 0


def test_not_a_workbook_and_missing_column(admin_ws: OpenWorkspace) -> None:
    with pytest.raises(SheetErrors, match="cannot be read as an Excel workbook"):
        experts.import_experts(admin_ws, b"PK\x03\x04 not really", "x.xlsx")
    wb = load_workbook(io.BytesIO(GOOD))
    wb["专家"].delete_cols(5)  # 职业
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(SheetErrors) as err:
        experts.import_experts(admin_ws, out.getvalue(), "x.xlsx")
    assert err.value.problems[0].column == "职业" and err.value.problems[0].row == 1


def test_error_list_is_capped(admin_ws: OpenWorkspace) -> None:
    rows = [[f"E{i}", "某", None, None, "宇航员", "U", "某", "其他", "620102"] for i in range(MAX_ERRORS + 20)]
    with pytest.raises(SheetErrors) as err:
        experts.import_experts(admin_ws, workbook(rows), "many.xlsx")
    assert len(err.value.problems) == MAX_ERRORS and err.value.more == 20


def test_numeric_identity_number_is_refused(admin_ws: OpenWorkspace) -> None:
    a = list(EXPERT_A)
    a[2] = 110105194912310021
    with pytest.raises(SheetErrors, match="as text"):
        experts.import_experts(admin_ws, workbook([a]), "x.xlsx")


def test_edits_roles_and_audit(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> None:
    experts.import_experts(admin_ws, GOOD, "experts.xlsx")
    row = experts.set_availability(admin_ws, "EXP-0001", False, "病假", max_load=4)
    assert (row.available, row.availability_note, row.max_load) == (False, "病假", 4)
    assert experts.set_tags(admin_ws, "EXP-0001", ["政协委员", " ", "政协委员"]).tags == ("政协委员",)
    detail = experts.set_relations(admin_ws, "EXP-0001", [RelationInput("business_interest", "某公司", unit_code="C-1")])
    assert [r.name for r in detail.relations] == ["某公司"]
    with pytest.raises(ValidationError, match=r"relations\[1\]\.id_number") as err:
        experts.set_relations(admin_ws, "EXP-0001", [RelationInput("near_relative", "李某", id_number="123")])
    assert "第 1 行" in err.value.message_zh
    assert len(experts.expert_detail(admin_ws, "EXP-0001").relations) == 1  # refused edit left it alone

    expert_user = login_as("expert")
    observer = login_as("observer")
    assert experts.link_account(admin_ws, "EXP-0001", "expert1").external_id == "EXP-0001"
    assert experts.expert_detail(admin_ws, "EXP-0001").account == "expert1"
    with pytest.raises(ValidationError):
        experts.link_account(admin_ws, "EXP-0002", "observer1")
    # Observers read, with identity numbers masked; they change nothing; experts do not read the pool.
    seen = experts.expert_detail(observer, "EXP-0001")
    assert seen.id_number == ID_1[:6] + "********" + ID_1[-4:]
    with pytest.raises(PermissionDenied):
        experts.set_tags(observer, "EXP-0001", ["x"])
    with pytest.raises(PermissionDenied):
        experts.list_experts(expert_user)
    with pytest.raises(PermissionDenied):
        experts.import_experts(observer, GOOD, "experts.xlsx")

    dumped = json.dumps([e.to_json() for e in audit.show(admin_ws, limit=1000)], ensure_ascii=False)
    assert "EXP-0001" in dumped
    for secret in ("赵某", ID_1, "李某", "病假", "政协委员", "某公司"):
        assert secret not in dumped
    assert audit.verify(admin_ws).ok


def test_cli_template_import_list_show_set(admin_ws: OpenWorkspace, ws_folder: Path, tmp_path: Path) -> None:
    admin_ws.close()
    env = {"REVIEWDESK_WORKSPACE": str(ws_folder), "REVIEWDESK_USER": ADMIN, "PW": ADMIN_PW}
    assert run_cli("experts", "template", str(tmp_path / "t.xlsx")).returncode == 0
    assert load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "说明"
    (tmp_path / "good.xlsx").write_bytes(GOOD)
    r = run_cli("experts", "import", str(tmp_path / "good.xlsx"), "--dry-run", "--json", "--password-env", "PW", env=env)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["ok"] and out["dry_run"] and out["counts"]["added"] == 2
    r = run_cli("experts", "import", str(tmp_path / "good.xlsx"), "--password-env", "PW", env=env)
    assert r.returncode == 0 and "2 added" in r.stdout
    r = run_cli("experts", "set", "EXP-0002", "--available", "yes", "--tags", "人大代表,政协委员", "--max-load", "3", "--json", "--password-env", "PW", env=env)
    assert r.returncode == 0, r.stderr
    shown = json.loads(r.stdout)
    assert shown["row"]["available"] and shown["row"]["tags"] == ["人大代表", "政协委员"] and shown["row"]["max_load"] == 3
    r = run_cli("experts", "list", "--json", "--password-env", "PW", env=env)
    assert [x["external_id"] for x in json.loads(r.stdout)] == ["EXP-0001", "EXP-0002"]
    r = run_cli("experts", "show", "EXP-9", "--password-env", "PW", env=env)
    assert r.returncode == 7
    (tmp_path / "bad.xlsx").write_bytes(workbook([["EXP-1", "某", None, None, "宇航员", "U", "某", "其他", "620102"]]))
    r = run_cli("experts", "import", str(tmp_path / "bad.xlsx"), "--json", "--password-env", "PW", env=env)
    first = json.loads(r.stdout)["errors"][0]
    assert r.returncode == 6 and (first["sheet"], first["row"], first["column"]) == ("专家", 2, "职业")
    assert "专家 row 2 column 职业" in r.stderr


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
def test_credit_code_check_character(first17: str) -> None:
    code = first17 + credit_code.check_character(first17)
    assert credit_code.problem(code) is None
    wrong = next(c for c in "0123456789ABCDEFGHJKLMNPQRTUWXY" if c != code[17])
    assert credit_code.problem(code[:17] + wrong) == "check character is wrong"


CELL = st.one_of(st.none(), st.text(max_size=20), st.integers(-10**20, 10**20), st.floats(allow_nan=False), st.booleans())


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(CELL, min_size=14, max_size=14), min_size=1, max_size=3))
def test_parser_never_crashes_on_arbitrary_cells(rows: list[list[object]]) -> None:
    """Whatever the cells hold, the reader returns experts or SheetErrors naming a sheet, never anything else."""
    from reviewdesk.experts import roster_sheet

    rows = [["" if isinstance(v, str) and any(ord(c) < 32 for c in v) else v for v in row] for row in rows]
    try:
        result = roster_sheet.read(workbook(rows), "fuzz.xlsx")
    except SheetErrors as err:
        assert err.problems and all(p.sheet in ("专家", "关系", "曾任职单位") for p in err.problems)
    else:
        assert len(result) <= len(rows)
