"""Rubrics: the strict parser names the JSON path; shipped defaults parse; the store pins exact versions;
role checks; the CLI round trip."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from reviewdesk.cli.main import main
from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from reviewdesk.resources import resources_dir
from reviewdesk.scoring.rubric import canonical_json, parse_rubric, rubric_from_data, rubric_to_data
from reviewdesk.services import audit, rubrics
from reviewdesk.services.audit import AuditFilter
from reviewdesk.services.campaigns import create_campaign
from reviewdesk.store.models import CampaignRubric, Rubric, ScoreSheet, Unit
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli
from tests.test_assignment_service import World


def minimal() -> dict[str, Any]:
    return {
        "format": "reviewdesk-rubric", "schema": 1, "code": "office-x", "version": 1, "name": "某办评查表",
        "total": 10, "case_types": ["criminal"], "categories": ["实体", "程序"],
        "parts": [
            {"code": "P1", "name": "立案", "max": 4, "items": [
                {"code": "P1.1", "text": "未立案", "max": 3, "step": 0.5, "tag": "程序", "kind": "deduct", "veto": False},
                {"code": "P1.2", "text": "审批不全", "max": 1, "step": 1, "tag": "程序", "kind": "deduct"},
                {"code": "P1.3", "text": "有案不立", "max": 0, "step": 1, "tag": "实体", "kind": "record", "veto": True},
            ]},
            {"code": "P2", "name": "实体", "max": 6, "items": [
                {"code": "P2.1", "text": "事实不清", "max": 6, "step": 2, "tag": "实体", "kind": "deduct", "veto": False},
                {"code": "P2.2", "text": "效果突出", "max": 2, "step": 1, "tag": "实体", "kind": "bonus", "veto": False},
            ]},
        ],
    }


def _bad(path: str, value: Any) -> dict[str, Any]:
    """minimal() with one place changed; `path` like 'parts.0.items.1.step'; value None deletes nothing but
    a key named '+key' adds that key."""
    data = minimal()
    *head, last = path.split(".")
    node: Any = data
    for key in head:
        node = node[int(key)] if key.isdigit() else node[key]
    if last.startswith("+"):
        node[last[1:]] = value
    else:
        node[int(last) if last.isdigit() else last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("+colour", "red", "colour"),
        ("parts.0.+weight", 1, "parts[0].weight"),
        ("parts.1.items.0.+note", "x", "parts[1].items[0].note"),
        ("total", 11, "total"),
        ("parts.0.max", 5, "parts[0].max"),
        ("parts.1.items.0.code", "P1.1", "parts[1].items[0].code"),
        ("parts.1.code", "P1", "parts[1].code"),
        ("parts.0.items.0.step", 0.7, "parts[0].items[0].step"),
        ("parts.0.items.0.step", 0, "parts[0].items[0].step"),
        ("parts.0.items.0.tag", "实质", "parts[0].items[0].tag"),
        ("parts.0.items.1.kind", "penalty", "parts[0].items[1].kind"),
        ("parts.0.items.1.veto", "yes", "parts[0].items[1].veto"),
        ("parts.0.items.1.max", "1", "parts[0].items[1].max"),
        ("parts.0.items.1.max", 0, "parts[0].items[1].max"),
        ("format", "other", "format"),
        ("code", "../评查", "code"),
        ("schema", 2, "schema"),
        ("version", 0, "version"),
        ("case_types", ["traffic"], "case_types[0]"),
        ("categories", ["实体", "实体"], "categories[1]"),
        ("parts", [], "parts"),
        ("parts.0.items", [], "parts[0].items"),
        ("parts.0.name", "", "parts[0].name"),
    ],
)
def test_parser_refuses_bad_forms_naming_the_path(path: str, value: Any, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        rubric_from_data(_bad(path, value))
    assert info.value.field == field
    assert field in str(info.value) and field in info.value.message_zh


def test_missing_key_and_bad_json_are_named() -> None:
    data = minimal()
    del data["parts"][1]["items"][0]["text"]
    with pytest.raises(ValidationError) as info:
        rubric_from_data(data)
    assert info.value.field == "parts[1].items[0].text"
    with pytest.raises(ValidationError) as info:
        parse_rubric(b"{not json")
    assert info.value.field == "rubric"


def test_valid_rubric_parses_and_round_trips() -> None:
    rubric = parse_rubric(json.dumps(minimal()))
    assert list(rubric.items()) == ["P1.1", "P1.2", "P1.3", "P2.1", "P2.2"]
    assert rubric.items()["P1.3"].veto and rubric.items()["P1.3"].kind == "record"
    assert rubric.items()["P1.2"].veto is False  # veto defaults to false
    assert parse_rubric(canonical_json(rubric)) == rubric
    assert rubric_from_data(rubric_to_data(rubric)) == rubric


SHIPPED = sorted((resources_dir() / "rubrics").glob("*.json"))


@pytest.mark.parametrize("path", [p for p in SHIPPED if p.name != "rubric.schema.json"], ids=lambda p: p.name)
def test_every_shipped_rubric_parses(path: Path) -> None:
    rubric = parse_rubric(path.read_bytes())
    assert rubric.code == path.stem and rubric.total == 100
    assert sum(1 for it in rubric.items().values() if it.veto) >= 2
    assert all(4 <= len(part.items) <= 8 for part in rubric.parts)


def test_shipped_defaults_have_the_documented_parts() -> None:
    by_code = {r.code: r for r in rubrics.builtin_rubrics()}
    assert set(by_code) == {"cross-agency", "court", "procuratorate", "police"}
    court = by_code["court"]
    assert [(p.name, p.max) for p in court.parts] == [
        ("立案程序", 5), ("程序运行", 30), ("实体处理", 30), ("裁判文书", 15), ("文书制作", 15), ("卷宗", 5)]
    assert all(it.step == 3 for it in court.parts[3].items)
    assert [p.max for p in by_code["cross-agency"].parts] == [10, 20, 10, 25, 15, 10, 10]
    assert len(by_code["procuratorate"].categories) == 9


def test_schema_file_is_json_and_closed() -> None:
    schema = json.loads((resources_dir() / "rubrics" / "rubric.schema.json").read_text("utf-8"))
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(minimal())


# -- store and services -----------------------------------------------------------------------------------

def _data(version: int = 1, name: str = "某办评查表") -> bytes:
    data = minimal()
    data["version"] = version
    data["name"] = name
    return json.dumps(data, ensure_ascii=False).encode()


def test_list_shows_builtins_before_and_after_storing(admin_ws: OpenWorkspace) -> None:
    before = {(r.code, r.stored) for r in rubrics.list_rubrics(admin_ws)}
    assert ("court", False) in before
    rubrics.import_rubric(admin_ws, _data(), "office.json")
    after = {(r.code, r.version): r for r in rubrics.list_rubrics(admin_ws)}
    assert after[("court", 1)].stored and after[("court", 1)].source == "builtin"
    assert after[("office-x", 1)].source == "file:office.json"


def test_import_rules(admin_ws: OpenWorkspace) -> None:
    first = rubrics.import_rubric(admin_ws, _data(), "a.json")
    again = rubrics.import_rubric(admin_ws, _data(), "b.json")  # identical: no-op
    assert again == first
    with pytest.raises(Conflict):
        rubrics.import_rubric(admin_ws, _data(name="改过的"), "c.json")
    with pytest.raises(Conflict):  # the shipped court v1 is taken, even before it was stored
        court = json.loads((resources_dir() / "rubrics" / "court.json").read_bytes())
        court["name"] = "改过的法院表"
        rubrics.import_rubric(admin_ws, json.dumps(court).encode(), "court.json")
    rubrics.import_rubric(admin_ws, _data(3), "v3.json")
    with pytest.raises(Conflict):
        rubrics.import_rubric(admin_ws, _data(2), "v2.json")
    with pytest.raises(ValidationError):
        rubrics.import_rubric(admin_ws, b'{"format": "x"}', "bad.json")
    assert rubrics.rubric_detail(admin_ws, "office-x").info.version == 3
    logged = audit.show(admin_ws, AuditFilter(action="rubric.import"))
    assert sorted((e.target, e.details["version"], e.details["added"]) for e in logged) == [
        ("rubric:office-x", 1, False), ("rubric:office-x", 1, True), ("rubric:office-x", 3, True)]
    assert rubrics.rubric_detail(admin_ws, "office-x", 1).info.version == 1
    with pytest.raises(NotFound):
        rubrics.rubric_detail(admin_ws, "office-x", 2)


def _court_campaign(admin_ws: OpenWorkspace) -> World:
    world = World(admin_ws)
    world.campaign("C1")
    return world


def test_rubric_for_case_pins_and_keeps_the_version(admin_ws: OpenWorkspace) -> None:
    _court_campaign(admin_ws)
    with admin_ws.write_session() as s, s.begin():
        row, rubric = rubrics.rubric_for_case(s, "C1", "civil")
        assert (row.code, row.version, row.source) == ("court", 1, "builtin")
        assert rubric.items()["P4.1"].step == 3
    newer = json.loads((resources_dir() / "rubrics" / "court.json").read_bytes())
    newer["version"] = 2
    rubrics.import_rubric(admin_ws, json.dumps(newer).encode(), "court-v2.json")
    create_campaign(admin_ws, "C2", "第二批", 2026)
    with admin_ws.write_session() as s, s.begin():
        assert rubrics.rubric_for_case(s, "C1", "civil")[0].version == 1  # pinned
        assert rubrics.rubric_for_case(s, "C2", "civil")[0].version == 2  # new campaign takes the newest
        assert rubrics.rubric_for_case(s, "C1", "criminal")[0].code == "cross-agency"
        assert rubrics.rubric_for_case(s, "C1", "public_security")[0].code == "police"
        assert rubrics.rubric_for_case(s, "C1", "criminal", "procuratorate")[0].code == "procuratorate"
    pins = {(p.case_type, p.code, p.version) for p in rubrics.grading(admin_ws, "C1").rubrics}
    assert pins == {("civil", "court", 1), ("criminal", "cross-agency", 1), ("public_security", "police", 1),
                    ("procuratorate", "procuratorate", 1)}
    with admin_ws.write_session() as s, s.begin(), pytest.raises(ValidationError):
        rubrics.rubric_for_case(s, "C1", "traffic")


def test_set_campaign_rubric_and_refusal_once_sheets_exist(admin_ws: OpenWorkspace) -> None:
    world = _court_campaign(admin_ws)
    rubrics.import_rubric(admin_ws, _data(), "office.json")
    pin = rubrics.set_campaign_rubric(admin_ws, "C1", "criminal", "office-x")
    assert (pin.code, pin.version) == ("office-x", 1)
    with admin_ws.write_session() as s, s.begin():
        assert rubrics.rubric_for_case(s, "C1", "criminal")[0].code == "office-x"
    with pytest.raises(NotFound):
        rubrics.set_campaign_rubric(admin_ws, "C1", "criminal", "nope")
    with pytest.raises(ValidationError):
        rubrics.set_campaign_rubric(admin_ws, "C1", "traffic", "court")
    case_id = world.case("K1", "U1", "criminal")
    expert_id = world.expert("E1", "U2")
    with admin_ws.write_session() as s, s.begin():
        rid = s.get(CampaignRubric, ("C1", "criminal")).rubric_id
        s.add(ScoreSheet(campaign_id="C1", case_id=case_id, expert_id=expert_id, rubric_id=rid,
                         certification="无利害关系", certified_at=now(), updated_at=now()))
    with pytest.raises(Conflict):
        rubrics.set_campaign_rubric(admin_ws, "C1", "criminal", "cross-agency")
    rubrics.set_campaign_rubric(admin_ws, "C1", "civil", "court")  # other case types stay free
    with admin_ws.write_session() as s, s.begin():
        s.get(Unit, "U1").kind = "procuratorate"  # the sheet now counts under 'procuratorate'
    rubrics.set_campaign_rubric(admin_ws, "C1", "criminal", "cross-agency")
    with pytest.raises(Conflict):
        rubrics.set_campaign_rubric(admin_ws, "C1", "procuratorate", "procuratorate")


def test_set_grading(admin_ws: OpenWorkspace) -> None:
    _court_campaign(admin_ws)
    info = rubrics.grading(admin_ws, "C1")
    assert [b.grade for b in info.bands] == ["优秀", "合格", "瑕疵", "不合格"]
    assert (info.spread_threshold, info.consolidation) == (10.0, "mean")
    bands = [{"grade": "优质", "min": 90}, {"grade": "合格", "min": 75}, {"grade": "基本合格", "min": 60},
             {"grade": "不合格", "min": 0}]
    info = rubrics.set_grading(admin_ws, "C1", bands=bands, spread_threshold=8, consolidation="median")
    assert info.to_json()["bands"] == bands
    before = rubrics.grading(admin_ws, "C1")
    bad = copy.deepcopy(bands)
    bad[-1]["min"] = 5
    with pytest.raises(ValidationError) as err:
        rubrics.set_grading(admin_ws, "C1", bands=bad, spread_threshold=12)
    assert err.value.field == "bands[3].min"
    with pytest.raises(ValidationError):
        rubrics.set_grading(admin_ws, "C1", spread_threshold=0)
    with pytest.raises(ValidationError):
        rubrics.set_grading(admin_ws, "C1", consolidation="mode")
    with pytest.raises(NotFound):
        rubrics.set_grading(admin_ws, "NOPE", spread_threshold=5)
    assert rubrics.grading(admin_ws, "C1") == before  # nothing half-written


def test_roles(admin_ws: OpenWorkspace, login_as: Any) -> None:
    _court_campaign(admin_ws)
    expert = login_as("expert")
    assert any(r.code == "court" for r in rubrics.list_rubrics(expert))
    assert rubrics.rubric_detail(expert, "police").rubric.code == "police"
    assert rubrics.grading(expert, "C1").consolidation == "mean"
    with pytest.raises(PermissionDenied):
        rubrics.import_rubric(expert, _data(), "x.json")
    with pytest.raises(PermissionDenied):
        rubrics.set_campaign_rubric(expert, "C1", "civil", "court")
    with pytest.raises(PermissionDenied):
        rubrics.set_grading(login_as("observer"), "C1", spread_threshold=3)
    with admin_ws.read_session() as s:
        assert s.query(Rubric).filter(Rubric.code == "office-x").count() == 0


# -- CLI --------------------------------------------------------------------------------------------------

class Cli:
    """The CLI in-process (one subprocess call in the test proves the real entry point)."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder, self.capsys = folder, capsys
        monkeypatch.setenv("PW", ADMIN_PW)

    def __call__(self, *args: str) -> Any:
        self.capsys.readouterr()
        code = main(["--workspace", str(self.folder), *args, "--user", ADMIN, "--password-env", "PW"])
        out, err = self.capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)


def test_cli_round_trip(
    admin_ws: OpenWorkspace, ws_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _court_campaign(admin_ws)
    cli = Cli(ws_folder, capsys, monkeypatch)
    src = tmp_path / "office.json"
    src.write_bytes(_data())
    res = run_cli("--workspace", str(ws_folder), "rubric", "import", str(src), "--json", "--user", ADMIN,
                  "--password-env", "PW", env={"PW": ADMIN_PW})
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["code"] == "office-x"
    listed = json.loads(cli("rubric", "list", "--json").stdout)["rubrics"]
    assert {"court", "office-x"} <= {r["code"] for r in listed}
    shown = json.loads(cli("rubric", "show", "office-x", "--json").stdout)
    assert shown["rubric"]["parts"][0]["items"][0]["code"] == "P1.1"
    out = tmp_path / "out.json"
    res = cli("rubric", "export", "office-x", "--version", "1", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert parse_rubric(out.read_bytes()) == parse_rubric(_data())
    res = cli("campaign-rubric", "set", "--campaign", "C1", "--case-type", "criminal",
              "--rubric", "office-x", "--json")
    assert json.loads(res.stdout) == {"campaign": "C1", "case_type": "criminal", "code": "office-x", "version": 1}
    res = cli("grading", "set", "--campaign", "C1", "--spread", "7.5", "--consolidation", "median",
              "--bands", '[{"grade": "优质", "min": 85}, {"grade": "不合格", "min": 0}]')
    assert res.returncode == 0, res.stderr
    shown = json.loads(cli("grading", "show", "--campaign", "C1", "--json").stdout)
    assert shown == {"campaign": "C1", "bands": [{"grade": "优质", "min": 85}, {"grade": "不合格", "min": 0}],
                     "spread_threshold": 7.5, "consolidation": "median",
                     "rubrics": [{"case_type": "criminal", "code": "office-x", "version": 1}]}
    bad = cli("grading", "set", "--campaign", "C1", "--bands", '[{"grade": "A", "min": 5}]')
    assert bad.returncode == 6 and "bands[0].min" in bad.stderr
    clash = tmp_path / "clash.json"
    clash.write_bytes(_data(name="另一个"))
    assert cli("rubric", "import", str(clash)).returncode == 8
