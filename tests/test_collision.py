"""Data collision screening against the real store: identity-number hits, name leads through the
normalisations, each rule and exemption, decisions surviving a re-import, bad files named by sheet/row/column
with nothing stored, masking, role refusals."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewdesk.collision import rules
from reviewdesk.collision.names import name_key
from reviewdesk.errors import PermissionDenied, ValidationError
from reviewdesk.experts.sheet import SheetErrors
from reviewdesk.services import audit, campaigns, collision
from reviewdesk.services.imports import ImportCancelled
from reviewdesk.workspace import OpenWorkspace
from tests.collision_files import credit, officers_xlsx, registry_csv, registry_xlsx
from tests.helpers import run_cli
from tests.packaging import valid_id

C = "C-1"
ZHAO = valid_id("320505", "19800101", "111")  # Suzhou (3205)
QIAN = valid_id("320506", "19850505", "222")
SUN = valid_id("110101", "19900909", "333")  # Beijing-born, serving in Suzhou
LI = valid_id("320507", "19751212", "444")
SUZHOU = credit("320505")
SUZHOU_2 = credit("320506", "MA1X2Y3W5")
SUZHOU_3 = credit("320507", "MA1X2Y3W6")
SHENZHEN = credit("440300")


@pytest.fixture
def world(admin_ws: OpenWorkspace) -> OpenWorkspace:
    campaigns.add_unit(admin_ws, "U-1", "某区人民法院", "court", "320505")
    campaigns.add_unit(admin_ws, "U-2", "某区公安分局", "police", "320506")
    campaigns.create_campaign(admin_ws, C, "2026年案件评查", 2026)
    return admin_ws


OFFICERS = officers_xlsx([
    ["赵某某", ZHAO, "U-1", "审判员", date(2010, 7, 1), None, "是", "是"],
    ["錢 某", QIAN, "U-1", "书记员", "2012-03-01", None, "否", "否"],
    ["孙某", SUN, "U-2", "民警", "2015-01-01", None, None, None],
    ["阿依古丽·买买提", LI, "U-2", "民警", "2020-06-01", None, None, None],
])


def extract(extra_persons: list[list[object]] | None = None) -> bytes:
    return registry_xlsx(
        [["甲科技有限公司", SUZHOU, "有限责任公司", "存续", date(2015, 1, 1), None, "否"],
         ["乙贸易有限公司", SUZHOU_2, "有限责任公司", "注销", "2011-01-01", "2019-05-01", "否"],
         ["丙股份有限公司", SHENZHEN, "股份有限公司（上市）", "在业", "2000-01-01", None, "是"],
         ["丁商店", SUZHOU_3, "个体工商户", "存续", "2018-01-01", None, None]],
        [["甲科技有限公司", None, "赵某某", ZHAO, None, "法定代表人", None, None, None],   # hit by ID
         ["甲科技有限公司", None, "钱某", None, None, "股东", "12.5%", "10万元", "2016-01-01"],  # lead: 錢 某 (Suzhou)
         [None, SUZHOU_2, "孙某", SUN, None, "监事", None, None, None],  # deregistered 2019 after 2015 start: counts
         ["丙股份有限公司", None, "赵某某", ZHAO, None, "股东", 0.001, None, None],  # listed shares: exempt
         ["丁商店", None, "阿依古丽•买买提", None, None, "经营者", None, None, None],  # lead: middle-dot variant
         ["甲科技有限公司", None, "孙某", None, None, "董事", None, None, None],  # name only, Beijing id, Suzhou company
         ["丙股份有限公司", None, "钱某", None, "1999-01-01", "高管", None, None, None],  # other prefecture, other birth
         *(extra_persons or [])],
    )


def test_name_key_normalises_width_traditional_spaces_and_dots() -> None:
    assert name_key("陳　阿依古麗·買買提") == name_key("陈阿依古丽•买买提") == name_key("陈 阿依古丽‧买买提")
    assert name_key("ＬＩ　Ｍｉｎｇ") == name_key("li ming")
    assert name_key("钱某") != name_key("钱谋")


def test_hits_leads_rules_and_exemptions(world: OpenWorkspace) -> None:
    imported = collision.import_officers(world, C, OFFICERS, "officers.xlsx")
    assert imported.officers == 4
    reg = collision.import_registry(world, C, extract(), "registry.xlsx")
    assert (reg.companies, reg.persons) == (4, 7)
    summary = collision.run(world, C)
    rows = collision.matches(world, C)
    by = {(r.officer_name, r.company, r.role): r for r in rows}
    assert len(rows) == 6 and summary.hits == 3 and summary.leads == 3
    rep = by[("赵某某", "甲科技有限公司", "legal_representative")]
    assert (rep.kind, rep.basis, rep.state, rep.rule_id) == ("hit", "id_number", "confirmed", "legal_representative")
    assert rep.evidence == "股东及高管 row 2" and "公务员法" in rep.rule_basis
    assert rep.officer_id_masked == ZHAO[:6] + "********" + ZHAO[-4:]
    listed = by[("赵某某", "丙股份有限公司", "shareholder")]
    assert (listed.state, listed.exemption, listed.stake) == ("exempt", "listed_market_shares", 0.1)
    lead = by[("錢 某", "甲科技有限公司", "shareholder")]
    assert (lead.kind, lead.basis, lead.state) == ("lead", "name_region", "pending")
    assert "12.5%" in lead.wording
    sup = by[("孙某", "乙贸易有限公司", "supervisor")]
    assert (sup.state, sup.exemption) == ("confirmed", None)  # deregistered 2019, officer serving since 2015
    assert by[("阿依古丽·买买提", "丁商店", "proprietor")].kind == "lead"
    # 孙某's identity number is Beijing's, but his unit is in Suzhou: the Suzhou company's 孙某 is a lead
    assert by[("孙某", "甲科技有限公司", "executive")].basis == "name_region"
    assert ("錢 某", "丙股份有限公司", "executive") not in by  # another prefecture, another birth date
    counts = {c.unit_code: c for c in collision.counts(world, C)}
    assert (counts["U-1"].officers, counts["U-1"].confirmed, counts["U-1"].pending, counts["U-1"].exempt) == (2, 1, 1, 1)
    assert (counts["U-2"].confirmed, counts["U-2"].pending) == (1, 2)


def test_deregistered_before_service_is_exempt(world: OpenWorkspace) -> None:
    collision.import_officers(world, C, officers_xlsx([["孙某", SUN, "U-2", "民警", "2020-01-01", None, None, None]]), "o.xlsx")
    collision.import_registry(world, C, extract(), "r.xlsx")
    collision.run(world, C)
    sup = next(r for r in collision.matches(world, C) if r.role == "supervisor")
    assert (sup.state, sup.exemption) == ("exempt", "deregistered_before_service")
    assert "2019-05-01" in sup.wording and "2020-01-01" in sup.wording


def test_birth_date_makes_a_lead_outside_the_prefecture(world: OpenWorkspace) -> None:
    collision.import_officers(world, C, OFFICERS, "o.xlsx")
    collision.import_registry(world, C, extract([["丙股份有限公司", None, "孙某", None, "1990-09-09", "董事", None, None, None]]), "r.xlsx")
    collision.run(world, C)
    found = [r for r in collision.matches(world, C) if r.company == "丙股份有限公司" and r.officer_name == "孙某"]
    assert [r.basis for r in found] == ["name_birth"]


def test_a_rule_set_with_a_share_threshold(world: OpenWorkspace) -> None:
    body = json.loads((rules.resources_dir() / "collision" / "default.json").read_text("utf-8"))
    body["name"] = "suzhou"
    body["rules"] = [r for r in body["rules"] if r["id"] != "shareholder"] + [{
        "id": "big_stake", "roles": ["shareholder"], "min_stake": 20, "wording": "持有“{company}”{stake}股份",
        "basis": "本地规定"}]
    collision.import_rule_set(world, json.dumps(body, ensure_ascii=False).encode(), "suzhou.json")
    collision.set_rule_set(world, C, "suzhou")
    collision.import_officers(world, C, OFFICERS, "o.xlsx")
    collision.import_registry(world, C, extract([["乙贸易有限公司", None, "钱某", None, None, "股东", "25%", None, None]]), "r.xlsx")
    summary = collision.run(world, C)
    assert summary.rule_set == "suzhou"
    shares = [(r.company, r.rule_id) for r in collision.matches(world, C) if r.role == "shareholder"]
    assert shares == [("乙贸易有限公司", "big_stake")]  # 12.5% no longer counts; 25% does
    assert collision.status(world, C)["rule_set"] == "suzhou"


def test_a_bad_rule_set_lists_every_fault(world: OpenWorkspace) -> None:
    bad = {"format": rules.FORMAT, "name": "x y", "title": "", "counted_statuses": ["存续", "活着"],
           "rules": [{"id": "a", "roles": ["boss"], "wording": "{nobody}", "basis": "b"}]}
    with pytest.raises(rules.RuleSetInvalid) as err:
        collision.import_rule_set(world, json.dumps(bad).encode(), "mine.json")
    text = str(err.value)
    for fragment in ("name:", "title:", "'活着'", "rules[0].roles: 'boss'", "rules[0].wording: unknown placeholder"):
        assert fragment in text
    assert [r.name for r in collision.rule_sets(world)] == ["default"]
    with pytest.raises(ValidationError):
        collision.import_rule_set(world, (rules.resources_dir() / "collision" / "default.json").read_bytes(), "d.json")


def test_decisions_survive_a_reimport_of_the_extract(world: OpenWorkspace) -> None:
    collision.import_officers(world, C, OFFICERS, "o.xlsx")
    collision.import_registry(world, C, extract(), "r.xlsx")
    collision.run(world, C)
    rows = {(r.officer_name, r.role): r for r in collision.matches(world, C)}
    confirmed = collision.decide(world, C, rows[("錢 某", "shareholder")].id, "confirm", "经核实系本人")
    cleared = collision.decide(world, C, rows[("孙某", "executive")].id, "clear", "同名不同人（出生日期不符）")
    assert (confirmed.state, cleared.state) == ("confirmed", "cleared")
    # the same extract again, its rows in another order and one more company first: new row ids, same content
    collision.import_registry(world, C, registry_xlsx(
        [["戊公司", credit("320505", "MA1X2Y3W9"), None, "存续", None, None, None],
         ["丁商店", SUZHOU_3, "个体工商户", "存续", "2018-01-01", None, None],
         ["甲科技有限公司", SUZHOU, "有限责任公司", "存续", date(2015, 1, 1), None, "否"]],
        [["甲科技有限公司", None, "孙某", None, None, "董事", None, None, None],
         ["甲科技有限公司", None, "钱某", None, None, "股东", "12.5%", "10万元", "2016-01-01"]]), "r2.xlsx")
    assert collision.matches(world, C) == []  # an import clears the last run
    collision.run(world, C)
    again = {(r.officer_name, r.role): r for r in collision.matches(world, C)}
    assert again[("錢 某", "shareholder")].id != confirmed.id
    assert (again[("錢 某", "shareholder")].state, again[("錢 某", "shareholder")].reason) == ("confirmed", "经核实系本人")
    assert again[("孙某", "executive")].state == "cleared"
    hits = collision.confirmed_hits_for_unit(world, C, "U-1")
    assert [(h.officer_name, h.company, h.role) for h in hits] == [("錢 某", "甲科技有限公司", "股东")]
    assert "*" in hits[0].officer_id_masked and QIAN not in json.dumps([h.to_json() for h in hits], ensure_ascii=False)
    entries = json.dumps([e.to_json() for e in audit.show(world, limit=1000)], ensure_ascii=False)
    assert "collision.decide" in entries and "经核实" not in entries and "钱某" not in entries and QIAN not in entries


def test_bad_files_are_named_by_sheet_row_and_column_and_nothing_is_stored(world: OpenWorkspace) -> None:
    collision.import_officers(world, C, OFFICERS, "o.xlsx")
    bad = officers_xlsx([["甲", "123", "U-1"], ["乙", ZHAO, "U-9"], ["丙", ZHAO, "U-1", None, "去年"],
                         ["丁", ZHAO, "U-1"]])
    with pytest.raises(SheetErrors) as err:
        collision.import_officers(world, C, bad, "bad.xlsx")
    where = {(p.sheet, p.row, p.column) for p in err.value.problems}
    assert {("干警名单", 2, "身份证号"), ("干警名单", 3, "单位代码"), ("干警名单", 4, "入职日期"),
            ("干警名单", 5, "身份证号")} <= where
    assert collision.counts(world, C)[0].officers == 2  # the earlier roster is still there
    bad_registry = registry_xlsx(
        [["甲公司", "91440300192203821X", None, "存续"], ["乙公司", None, None, "倒闭"]],
        [["丙公司", None, "某", None, None, "股东"], ["乙公司", None, "某", None, None, "老板", "两成"]])
    with pytest.raises(SheetErrors) as err:
        collision.import_registry(world, C, bad_registry, "bad.xlsx")
    where = {(p.sheet, p.row, p.column) for p in err.value.problems}
    assert {("企业", 2, "统一社会信用代码"), ("企业", 3, "登记状态"), ("股东及高管", 2, "企业名称"),
            ("股东及高管", 3, "身份"), ("股东及高管", 3, "持股比例")} <= where
    assert collision.status(world, C)["registry_import"] is None
    with pytest.raises(SheetErrors) as err:
        collision.import_registry(world, C, b"not a workbook", "x.xlsx")
    assert err.value.problems[0].sheet == "x.xlsx"


def test_csv_in_gb18030_and_cancel(world: OpenWorkspace) -> None:
    collision.import_officers(world, C, OFFICERS, "o.xlsx")
    rows = [["甲科技有限公司", SUZHOU, "有限责任公司", "存续", "2015/1/1", None, "否", "赵某某", ZHAO, None, "执行董事", None, None, None],
            ["甲科技有限公司", SUZHOU, "有限责任公司", "存续", "2015/1/1", None, "否", "钱某", "3205**********1234", None, "股东", "5%", None, None]]
    seen: list[tuple[str, int]] = []
    result = collision.import_registry(world, C, registry_csv(rows, "gb18030"), "extract.csv",
                                       progress=lambda stage, n: seen.append((stage, n)))
    assert (result.companies, result.persons) == (1, 2) and seen[-1] == ("registry", 2)
    collision.run(world, C)
    found = {(r.officer_name, r.post, r.basis) for r in collision.matches(world, C)}
    assert found == {("赵某某", "执行董事", "id_number"), ("錢 某", "股东", "name_region")}
    with pytest.raises(ImportCancelled):
        collision.import_registry(world, C, registry_csv(rows[:1]), "again.csv", cancel=lambda: True)
    assert collision.status(world, C)["registry_import"]["persons"] == 2  # the cancelled import changed nothing
    bad = registry_csv([[*rows[0][:3], "存续", "2015-13-01", *rows[0][5:]]])
    with pytest.raises(SheetErrors) as err:
        collision.import_registry(world, C, bad, "bad.csv")
    assert (err.value.problems[0].sheet, err.value.problems[0].row, err.value.problems[0].column) == ("登记人员", 2, "成立日期")


def test_ledger_sheet(world: OpenWorkspace) -> None:
    collision.import_officers(world, C, OFFICERS, "o.xlsx")
    collision.import_registry(world, C, extract(), "r.xlsx")
    collision.run(world, C)
    wb = load_workbook(io.BytesIO(collision.ledger(world, C)))
    ws = wb["数据碰撞排查"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.page_setup.orientation == "landscape"
    header = [c.value for c in ws[1]]
    body = [dict(zip(header, [c.value for c in row], strict=True)) for row in ws.iter_rows(min_row=2)]
    assert [(r["姓名"], r["企业名称"]) for r in body] == [("赵某某", "甲科技有限公司"), ("孙某", "乙贸易有限公司")]
    assert isinstance(body[0]["成立日期"], datetime) and body[0]["身份证号"].count("*") == 8
    assert ZHAO not in [v for r in body for v in r.values()]


def test_roles(world: OpenWorkspace, login_as: Callable[[str], OpenWorkspace], tmp_path: Path) -> None:
    collision.import_officers(world, C, OFFICERS, "o.xlsx")
    observer = login_as("observer")
    assert collision.counts(observer, C)[0].officers == 2
    for call in (lambda: collision.matches(observer, C), lambda: collision.run(observer, C),
                 lambda: collision.import_officers(observer, C, OFFICERS, "o.xlsx"),
                 lambda: collision.confirmed_hits_for_unit(observer, C, "U-1"), lambda: collision.ledger(observer, C)):
        with pytest.raises(PermissionDenied):
            call()
    with pytest.raises(PermissionDenied):
        collision.counts(login_as("expert"), C)


def test_cli(world: OpenWorkspace, ws_folder: Path, tmp_path: Path) -> None:
    world.close()
    env = {"REVIEWDESK_WORKSPACE": str(ws_folder), "REVIEWDESK_USER": "admin", "PW": "admin-pass-2026"}

    def cli(*args: str) -> tuple[int, object, str]:
        done = run_cli("collision", *args, "--password-env", "PW", "--json", env=env)
        return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None, done.stderr

    assert run_cli("collision", "template", "officers", str(tmp_path / "t.xlsx")).returncode == 0
    assert "干警名单" in load_workbook(tmp_path / "t.xlsx").sheetnames
    (tmp_path / "o.xlsx").write_bytes(OFFICERS)
    (tmp_path / "r.xlsx").write_bytes(extract())
    (tmp_path / "bad.xlsx").write_bytes(officers_xlsx([["甲", "123", "U-1"]]))
    code, out, _ = cli("import-officers", "--campaign", C, str(tmp_path / "bad.xlsx"))
    assert code == 6 and out == {"ok": False, "errors": [
        {"sheet": "干警名单", "row": 2, "column": "身份证号", "reason": out["errors"][0]["reason"]}], "more_errors": 0}  # type: ignore[index]
    code, out, _ = cli("import-officers", "--campaign", C, str(tmp_path / "o.xlsx"))
    assert code == 0 and out["officers"] == 4  # type: ignore[index]
    code, out, _ = cli("import-registry", "--campaign", C, str(tmp_path / "r.xlsx"))
    assert code == 0 and (out["companies"], out["persons"]) == (4, 7)  # type: ignore[index]
    code, out, _ = cli("run", "--campaign", C)
    assert code == 0 and (out["hits"], out["leads"]) == (3, 3)  # type: ignore[index]
    code, rows, _ = cli("list", "--campaign", C, "--state", "pending")
    assert code == 0 and len(rows) == 3 and ZHAO not in json.dumps(rows)  # type: ignore[arg-type]
    code, row, _ = cli("decide", "--campaign", C, str(rows[0]["id"]), "confirm", "--reason", "本人")  # type: ignore[index]
    assert code == 0 and row["state"] == "confirmed"  # type: ignore[index]
    code, _o, err = cli("decide", "--campaign", C, "9999", "clear", "--reason", "x")
    assert code == 7
    code, out, _ = cli("export", "--campaign", C, str(tmp_path / "ledger.xlsx"))
    assert code == 0 and load_workbook(tmp_path / "ledger.xlsx").sheetnames == ["数据碰撞排查"]
    code, counts, _ = cli("counts", "--campaign", C)
    assert code == 0 and sum(c["confirmed"] for c in counts) == 3  # type: ignore[union-attr]


def test_another_birth_date_is_another_person(world: OpenWorkspace) -> None:
    collision.import_officers(world, C, OFFICERS, "o.xlsx")
    collision.import_registry(world, C, extract([["甲科技有限公司", None, "孙某", None, "1991-01-01", "监事", None, None, None]]), "r.xlsx")
    collision.run(world, C)
    found = {(r.company, r.role) for r in collision.matches(world, C) if r.officer_name == "孙某"}
    assert ("甲科技有限公司", "supervisor") not in found and ("甲科技有限公司", "executive") in found
