"""The 评查情况反馈意见's section 五、数据碰撞排查情况 against the real store, read back from real Word and PDF files:
confirmed hits listed with masked identity numbers (the full number nowhere in the files), cleared hits and
leads absent, undecided leads counted, the one sentence for a screened unit without hits, no section without a
screening (or after a re-import that cleared its results: refused), and only for roles that may see hits."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.errors import Conflict, PermissionDenied
from reviewdesk.roles import Role
from reviewdesk.services import collision, followup_papers
from reviewdesk.store.models import CampaignCase, Case, Conclusion
from reviewdesk.workspace import OpenWorkspace
from tests.collision_files import credit, officers_xlsx, registry_xlsx
from tests.packaging import valid_id

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")

HEADING = "五、数据碰撞排查情况"
ZHAO = valid_id("320505", "19800101", "111")  # hit by identity number: legal representative, listed
QIAN = valid_id("320505", "19850505", "222")  # name lead confirmed: shareholder with 12.5 %, listed
SUN = valid_id("320506", "19900909", "333")  # identity-number hit the office cleared: absent
LI = valid_id("320507", "19751212", "444")  # name lead cleared: absent
ZHOU = valid_id("320508", "19820303", "555")  # name lead left undecided: counted, not named
WU = valid_id("320509", "19880808", "666")  # the other unit's officer: no match
JIA, YI, BING = credit("320505"), credit("320506", "MA1X2Y3W5"), credit("320505", "MA1X2Y3W6")


def _units_with_conclusions(ws: OpenWorkspace) -> list[str]:
    with ws.read_session() as s:
        return list(dict.fromkeys(s.execute(
            select(Case.unit_code)
            .join(CampaignCase, (CampaignCase.case_id == Case.id) & (CampaignCase.campaign_id == DEMO_CAMPAIGN))
            .join(Conclusion, (Conclusion.case_id == Case.id) & (Conclusion.campaign_id == DEMO_CAMPAIGN))
            .order_by(Case.unit_code)).scalars()))


@pytest.fixture
def units(world: OpenWorkspace) -> tuple[str, str, str]:
    """Three units with concluded cases: one with hits, one screened without, one not on the roster."""
    found = _units_with_conclusions(world)
    assert len(found) >= 3, found
    return found[0], found[1], found[2]


def _screen(ws: OpenWorkspace, hit_unit: str, clean_unit: str) -> None:
    collision.import_officers(ws, DEMO_CAMPAIGN, officers_xlsx([
        ["赵立新", ZHAO, hit_unit, "审判员", date(2010, 7, 1), None, "是", "是"],
        ["钱文斌", QIAN, hit_unit, "书记员", "2012-03-01", None, "否", "否"],
        ["孙浩然", SUN, hit_unit, "法官助理", "2015-01-01", None, None, None],
        ["李静怡", LI, hit_unit, "执行员", "2016-01-01", None, None, None],
        ["周志远", ZHOU, hit_unit, "庭长", "2011-01-01", None, None, None],
        ["吴晓燕", WU, clean_unit, "民警", "2014-01-01", None, None, None],
    ]), "officers.xlsx")
    collision.import_registry(ws, DEMO_CAMPAIGN, registry_xlsx(
        [["苏州甲科技有限公司", JIA, "有限责任公司", "存续", date(2015, 1, 1), None, "否"],
         ["苏州乙贸易有限公司", YI, "有限责任公司", "吊销", "2011-01-01", "2020-05-01", "否"],
         ["苏州丙餐饮店", BING, "个体工商户", "存续", "2018-01-01", None, None]],
        [["苏州甲科技有限公司", None, "赵立新", ZHAO, None, "法定代表人", None, None, None],
         ["苏州甲科技有限公司", None, "钱文斌", None, None, "股东", "12.5%", "10万元", "2016-01-01"],
         ["苏州乙贸易有限公司", None, "孙浩然", SUN, None, "监事", None, None, None],
         ["苏州丙餐饮店", None, "李静怡", None, None, "经营者", None, None, None],
         ["苏州乙贸易有限公司", None, "周志远", None, None, "执行董事", None, None, None]]), "registry.xlsx")
    collision.run(ws, DEMO_CAMPAIGN)
    rows = {r.officer_name: r for r in collision.matches(ws, DEMO_CAMPAIGN)}
    assert set(rows) == {"赵立新", "钱文斌", "孙浩然", "李静怡", "周志远"}
    collision.decide(ws, DEMO_CAMPAIGN, rows["钱文斌"].id, "confirm", "经核实系本人")
    collision.decide(ws, DEMO_CAMPAIGN, rows["孙浩然"].id, "clear", "经核实已于入职前退出")
    collision.decide(ws, DEMO_CAMPAIGN, rows["李静怡"].id, "clear", "同名不同人")


def _docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels")))


def _pdf_text(data: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())


def _collision_table(word: docx.document.Document) -> list[list[str]]:
    table = next(t for t in word.tables if [c.text for c in t.rows[0].cells][:4] == ["序号", "姓名", "职务", "身份证号"])
    return [[c.text for c in row.cells] for row in table.rows]


@needs_poppler
def test_the_section_lists_confirmed_hits_masked_and_leaves_out_cleared_ones(
        world: OpenWorkspace, units: tuple[str, str, str], tmp_path: Path) -> None:
    hit_unit, clean_unit, unscreened = units
    _screen(world, hit_unit, clean_unit)
    word_file = followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, hit_unit, "docx")
    word = docx.Document(io.BytesIO(word_file.data))
    body = [p.text for p in word.paragraphs]
    assert HEADING in body and body.index(HEADING) > body.index("四、问题线索移送情况")
    rows = _collision_table(word)
    assert rows[0] == ["序号", "姓名", "职务", "身份证号", "企业名称", "身份", "情形"]
    assert rows[1:] == [
        ["1", "赵立新", "审判员", ZHAO[:6] + "********" + ZHAO[-4:], "苏州甲科技有限公司（存续）", "法定代表人",
         "担任“苏州甲科技有限公司”法定代表人"],
        ["2", "钱文斌", "书记员", QIAN[:6] + "********" + QIAN[-4:], "苏州甲科技有限公司（存续）",
         "股东（12.5%）", "持有“苏州甲科技有限公司”股份（认缴12.5%）"],
    ]
    said = "".join(body)
    assert "发现你单位2名干警在企业任职、持有企业股份或者经营个体工商户的情形共2条" in said and "另有1条姓名相同的线索尚待核实" in said
    xml = _docx_xml(word_file.data)
    for absent in (ZHAO, QIAN, SUN, LI, ZHOU, "孙浩然", "李静怡", "周志远", "苏州乙贸易有限公司", "苏州丙餐饮店"):
        assert absent not in xml, absent  # full numbers, cleared and undecided ones: nowhere in the file

    pdf = _pdf_text(followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, hit_unit, "pdf").data, tmp_path, "fb")
    for present in (HEADING, "身份证号", "企业名称", "情形", "赵立新", "钱文斌", ZHAO[:6] + "********" + ZHAO[-4:],
                    QIAN[:6] + "********" + QIAN[-4:], "苏州甲科技有限公司（存续）", "股东（12.5%）",
                    "担任“苏州甲科技有限公司”法定代表人", "另有1条姓名相同的线索尚待核实"):
        assert present in pdf, present
    for absent in (ZHAO, QIAN, SUN, LI, ZHOU, "孙浩然", "李静怡", "周志远"):
        assert absent not in pdf, absent

    clean = docx.Document(io.BytesIO(followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, clean_unit, "docx",
                                                                         draft=True).data))
    text = [p.text for p in clean.paragraphs]
    after = text[text.index(HEADING) + 1]
    assert after.endswith("未发现你单位干警存在违规经商办企业、违规参股的情形。") and "暂未发现" not in after
    assert not any(t.rows[0].cells[0].text == "序号" and t.rows[0].cells[1].text == "姓名" for t in clean.tables)
    assert "吴晓燕" not in _docx_xml(followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, clean_unit, "docx",
                                                                      draft=True).data)
    # a unit whose officers were not on the screened roster: nothing to report, no section
    other = followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, unscreened, "docx", draft=True)
    assert HEADING not in [p.text for p in docx.Document(io.BytesIO(other.data)).paragraphs]


def test_no_screening_no_section_and_a_reimport_must_be_run_again(
        world: OpenWorkspace, units: tuple[str, str, str]) -> None:
    hit_unit, clean_unit, _ = units

    def headings(unit: str) -> list[str]:
        data = followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, unit, "docx", draft=True).data
        return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]

    assert HEADING not in headings(hit_unit)
    collision.import_officers(world, DEMO_CAMPAIGN, officers_xlsx([["吴晓燕", WU, clean_unit]]), "o.xlsx")
    assert HEADING not in headings(clean_unit)  # a roster imported but never run: no screening yet
    _screen(world, hit_unit, clean_unit)
    assert HEADING in headings(hit_unit)
    collision.import_officers(world, DEMO_CAMPAIGN, officers_xlsx([["吴晓燕", WU, clean_unit]]), "o2.xlsx")
    with pytest.raises(Conflict) as err:
        followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, clean_unit, "docx", draft=True)
    assert "重新开始碰撞" in err.value.message_zh
    collision.run(world, DEMO_CAMPAIGN)
    assert HEADING in headings(clean_unit)
    # a lead on the screened unit's officer, not yet decided: "not yet found", and the lead counted, not named
    collision.import_registry(world, DEMO_CAMPAIGN, registry_xlsx(
        [["苏州丁商店", credit("320509", "MA1X2Y3W7"), "个体工商户", "存续", "2019-01-01", None, None]],
        [["苏州丁商店", None, "吴晓燕", None, None, "经营者", None, None, None]]), "r2.xlsx")
    collision.run(world, DEMO_CAMPAIGN)
    text = headings(clean_unit)
    assert text[text.index(HEADING) + 1].endswith(
        "暂未发现你单位干警存在违规经商办企业、违规参股的情形。另有1条姓名相同的线索尚待核实，核实后另行反馈。")
    assert "吴晓燕" not in "".join(text)


def test_only_roles_that_may_see_hits_get_the_section(world: OpenWorkspace, units: tuple[str, str, str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    hit_unit, clean_unit, _ = units
    _screen(world, hit_unit, clean_unit)
    assert followup_papers.HIT_READERS == frozenset({Role.ADMIN})  # as services/collision.py lists hits
    with world.workspace.open("chenjing", DEMO_PASSWORD) as observer:
        with pytest.raises(PermissionDenied):
            followup_papers.unit_feedback_file(observer, DEMO_CAMPAIGN, hit_unit, "docx", draft=True)
        with pytest.raises(PermissionDenied):
            collision.confirmed_hits_for_unit(observer, DEMO_CAMPAIGN, hit_unit)
        # Were observers ever allowed to make the paper, it would come without the hits.
        monkeypatch.setattr(followup_papers, "KEEPERS", frozenset({Role.ADMIN, Role.OBSERVER}))
        data = followup_papers.unit_feedback_file(observer, DEMO_CAMPAIGN, hit_unit, "docx", draft=True).data
    xml = _docx_xml(data)
    assert "评查情况反馈意见" in xml and "数据碰撞" not in xml and "赵立新" not in xml
    with world.workspace.open("zhanghua", DEMO_PASSWORD) as expert, pytest.raises(PermissionDenied):
        followup_papers.unit_feedback_file(expert, DEMO_CAMPAIGN, hit_unit, "docx", draft=True)
