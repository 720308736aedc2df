"""The 整改通知书 to a reviewed unit: Word fonts and frame, PDF text and embedded fonts, its number issued once."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.errors import NotFound, PermissionDenied
from reviewdesk.services import assignment, followup_papers, rectification
from reviewdesk.services import rectification_generate as generating
from reviewdesk.workspace import OpenWorkspace, Workspace

needs_poppler = pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")


@pytest.fixture
def world(plain_enriched_demo: Path, tmp_path: Path) -> Iterator[tuple[OpenWorkspace, str]]:
    shutil.copytree(plain_enriched_demo, tmp_path / "demo")
    with Workspace(tmp_path / "demo").open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        wrong = assignment.panels(ws, DEMO_CAMPAIGN)[4].case.id
        made = generating.generate(ws, str(wrong), DEMO_CAMPAIGN)
        yield ws, rectification.show_item(ws, made.items[0]["id"]).unit_code


def test_word_notice_names_its_fonts_and_carries_the_problems(world: tuple[OpenWorkspace, str]) -> None:
    ws, unit = world
    draft = followup_papers.rectification_notice_file(ws, DEMO_CAMPAIGN, unit, "docx", draft=True)
    assert draft.number is None and "草稿" in draft.filename
    done = followup_papers.rectification_notice_file(ws, DEMO_CAMPAIGN, unit, "docx")
    assert done.number == "×政法改〔" + done.number.split("〔")[1] and done.number.endswith("1号")  # type: ignore[union-attr]
    again = followup_papers.rectification_notice_file(ws, DEMO_CAMPAIGN, unit, "docx")
    assert again.number == done.number  # issued once
    word = docx.Document(io.BytesIO(done.data))
    texts = [p.text for p in word.paragraphs]
    assert "关于案件评查发现问题的整改通知书" in texts and done.number in texts

    def east_asian(text: str) -> str:
        para = next(p for p in word.paragraphs if p.text == text)
        return para.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asian("关于案件评查发现问题的整改通知书") == "方正小标宋简体"
    assert east_asian("一、案件及发现的问题") == "黑体"
    assert east_asian("二、整改要求") == "黑体"
    section = word.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    cells = [c.text for row in word.tables[0].rows for c in row.cells]
    assert "关键证据未予核实即作认定" in cells and "卷1第12页" in cells and "2027年1月15日" in cells


@needs_poppler
def test_pdf_notice_embeds_its_fonts(world: tuple[OpenWorkspace, str], tmp_path: Path) -> None:
    ws, unit = world
    done = followup_papers.rectification_notice_file(ws, DEMO_CAMPAIGN, unit, "pdf")
    path = tmp_path / "notice.pdf"
    path.write_bytes(done.data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    text = "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    for fact in (done.number, "整改通知书", "未告知当事人申请回避的权利", "卷1第5页", "佐证材料"):
        assert fact in text, fact


def test_a_unit_without_open_items_and_the_wrong_role_are_refused(world: tuple[OpenWorkspace, str]) -> None:
    ws, unit = world
    with pytest.raises(NotFound):
        followup_papers.rectification_notice_file(ws, DEMO_CAMPAIGN, "GS-JT-SFJ", "pdf")
    with ws.workspace.open("chenjing", DEMO_PASSWORD) as observer, pytest.raises(PermissionDenied):
        followup_papers.rectification_notice_file(observer, DEMO_CAMPAIGN, unit, "pdf")


@needs_poppler
def test_referral_letter_carries_the_persons_clue_evidence_and_its_number(world: tuple[OpenWorkspace, str],
                                                                          tmp_path: Path) -> None:
    from reviewdesk.errors import Conflict
    from reviewdesk.services import referrals

    ws, _unit = world
    rid = referrals.list_referrals(ws, DEMO_CAMPAIGN)[0].id
    with pytest.raises(Conflict):
        followup_papers.referral_letter_file(ws, rid, "pdf")  # no number before the letter is issued
    assert followup_papers.referral_letter_file(ws, rid, "docx", draft=True).number is None
    sent = referrals.issue_letter(ws, rid, "兰州市城关区纪委监委", sent_on="2026-09-25")
    done = followup_papers.referral_letter_file(ws, rid, "pdf")
    assert done.number == sent.letter_number
    path = tmp_path / "letter.pdf"
    path.write_bytes(done.data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    text = "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert sent.persons[0]["unit"].endswith(("法院", "检察院", "分局", "司法局"))  # the unit's name, not its code
    for fact in (sent.letter_number, "兰州市城关区纪委监委", sent.persons[0]["name"], sent.persons[0]["unit"],
                 "关键证据未予核实即作认定",
                 "卷1第12页", "2026年10月22日"):
        assert fact in text, fact
    word = docx.Document(io.BytesIO(followup_papers.referral_letter_file(ws, rid, "docx").data))
    assert sent.letter_number in [p.text for p in word.paragraphs]
    with ws.workspace.open("zhanghua", DEMO_PASSWORD) as expert, pytest.raises(PermissionDenied):
        followup_papers.referral_letter_file(expert, rid, "pdf", draft=True)
