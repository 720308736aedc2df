"""The 复核决定书, the re-issued opinion, the 专项整治通知, the 回头看情况报告 and the 评查情况反馈意见 read back:
Word fonts and page, PDF text and embedded fonts, one page of each as PNG; numbers issued once, drafts none."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from sqlalchemy import select

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.documents.profile import load_profile
from reviewdesk.errors import Conflict, PermissionDenied
from reviewdesk.services import (
    assignment,
    deliberation,
    documents,
    followup_papers,
    objections,
    rectification,
    referrals,
    special,
)
from reviewdesk.services import rectification_generate as generating
from reviewdesk.store.models import Expert, PanelMember, User
from reviewdesk.workspace import OpenWorkspace

needs_poppler = pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
PNG_DIR = os.environ.get("REVIEWDESK_PAPER_PNG")  # set to keep one page of each paper as PNG to look at


def _wrong_case(ws: OpenWorkspace) -> int:
    return assignment.panels(ws, DEMO_CAMPAIGN)[4].case.id


def _leader(ws: OpenWorkspace, case_id: int) -> str:
    with ws.read_session() as s:
        return s.execute(select(User.username).join(Expert, Expert.user_id == User.id)
                         .join(PanelMember, PanelMember.expert_id == Expert.id)
                         .where(PanelMember.campaign_id == DEMO_CAMPAIGN, PanelMember.case_id == case_id,
                                PanelMember.role == "leader")).scalar_one()


def _changed_objection(ws: OpenWorkspace) -> objections.ObjectionView:
    case = _wrong_case(ws)
    documents.render_opinion(ws, str(case), "pdf", DEMO_CAMPAIGN)  # the original opinion's number
    before = deliberation.deliberation(ws, str(case), DEMO_CAMPAIGN).conclusion
    assert before is not None
    o = objections.add_objection(ws, str(case), "兰州市城关区人民法院", "处理结果并无错误", received_on="2026-10-09",
                                 delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    new = deliberation.ConclusionInput(
        outcome="flawed", grade="瑕疵", grade_reason="复核认为处理结果正确",
        findings=[deliberation.FindingInput(before.findings[2].category, "未告知当事人申请回避的权利", "卷1第5页",
                                            basis_reason="复核时查阅卷宗发现")],
        majority_view="经复核，评查组认为本案为瑕疵案。", minority_view="无",
        correction_required=True, correction_deadline="2027-02-15")
    with ws.workspace.open(_leader(ws, case), DEMO_PASSWORD) as leader:
        return objections.decide(leader, o.id, "changed", "处理结果正确，改评瑕疵。", checked="复查卷宗第12页至第30页",
                                 conclusion=new)


def _pdf_text(data: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # every font embedded
    if PNG_DIR:
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), f"{PNG_DIR}/{name}"],
                       check=True)
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())


def _word(data: bytes) -> docx.document.Document:
    word = docx.Document(io.BytesIO(data))
    section = word.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.top_margin.mm) == 37
    return word


def _east_asian(word: docx.document.Document, text: str) -> str:
    para = next(p for p in word.paragraphs if p.text == text)
    return para.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


@needs_poppler
def test_recheck_decision_and_the_reissued_opinion(world: OpenWorkspace, tmp_path: Path) -> None:
    o = _changed_objection(world)
    assert followup_papers.recheck_decision_file(world, o.id, "pdf", draft=True).number is None
    done = followup_papers.recheck_decision_file(world, o.id, "pdf")
    assert done.number and done.number.startswith("×政法改〔")
    assert followup_papers.recheck_decision_file(world, o.id, "docx").number == done.number  # issued once
    text = _pdf_text(done.data, tmp_path, "recheck")
    for fact in (done.number, "复核决定书", "处理结果并无错误", "复查卷宗第12页至第30页", "变更原评查结论", "不合格",
                 "瑕疵案", o.replaces, o.reissued_number):
        assert fact and fact in text, fact
    word = _word(followup_papers.recheck_decision_file(world, o.id, "docx").data)
    assert _east_asian(word, "案件评查复核决定书") == "方正小标宋简体"
    assert _east_asian(word, "三、复核决定") == "黑体"
    # The opinion printed now is the re-issued one: new number, says what it replaces and that it was re-checked.
    opinion = documents.render_opinion(world, str(_wrong_case(world)), "pdf", DEMO_CAMPAIGN)
    assert opinion.number == o.reissued_number
    text = _pdf_text(opinion.data, tmp_path, "reissued-opinion")
    assert o.reissued_number in text and f"代替原评查意见书（{o.replaces}）" in text and "复核" in text


def test_a_pending_objection_has_no_decision_paper(world: OpenWorkspace) -> None:
    o = objections.add_objection(world, str(_wrong_case(world)), "兰州市城关区人民法院", "理由", received_on="2026-10-09",
                                 delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    with pytest.raises(Conflict):
        followup_papers.recheck_decision_file(world, o.id, "pdf")


def _all_items(ws: OpenWorkspace) -> None:
    generating.generate_campaign(ws, DEMO_CAMPAIGN)


@needs_poppler
def test_special_notice_lists_its_cases_and_units(world: OpenWorkspace, tmp_path: Path) -> None:
    _all_items(world)
    top = special.ranking(world, DEMO_CAMPAIGN)[0]
    made = special.create_special(world, DEMO_CAMPAIGN, top.category, "全面排查同类问题并建章立制", "2027-03-31")
    done = followup_papers.special_notice_file(world, made.id, "pdf")
    assert done.number and followup_papers.special_notice_file(world, made.id, "pdf").number == done.number
    text = _pdf_text(done.data, tmp_path, "special")
    for fact in (done.number, "专项整治", top.category, "全面排查同类问题并建章立制", "2027年3月31日"):
        assert fact in text, fact
    word = _word(followup_papers.special_notice_file(world, made.id, "docx").data)
    cells = [c.text for row in word.tables[0].rows[1:] for c in row.cells]
    assert len(word.tables[0].rows) == len(top.case_ids) + 1 and any("法院" in c or "检察院" in c for c in cells)


@needs_poppler
def test_followup_report_counts_checked_fixed_partly_closed_sent_back(world: OpenWorkspace, tmp_path: Path) -> None:
    _all_items(world)
    items = rectification.list_items(world, DEMO_CAMPAIGN)
    assert len(items) >= 4
    a, b, c = items[0].id, items[1].id, items[2].id
    for i in (a, b, c):
        rectification.report(world, i, "已纠正法律文书")
    rectification.verify(world, a, "核实已整改")
    rectification.close(world, a)
    rectification.send_back(world, b, "整改不彻底，文书仍未更正", "2027-03-01", finding="partly")
    done = followup_papers.followup_report_file(world, DEMO_CAMPAIGN, "pdf")
    text = _pdf_text(done.data, tmp_path, "followup-report")
    total = len(items)
    for fact in (done.number, "回头看", f"中发现问题{total}项", "核查整改事项2项", "已整改1项", "部分整改1项",
                 "已销号1项", "退回重改1项", "整改不彻底，文书仍未更正"):
        assert fact in text, fact
    word = _word(followup_papers.followup_report_file(world, DEMO_CAMPAIGN, "docx").data)
    last = [cell.text for cell in word.tables[0].rows[-1].cells]
    assert last[0] == "合计" and last[1:] == [str(total), "2", "1", "1", "0", "1", "1"]


@needs_poppler
def test_unit_feedback_lists_the_units_cases_and_counts_clues_without_names(world: OpenWorkspace,
                                                                            tmp_path: Path) -> None:
    made = generating.generate(world, str(_wrong_case(world)), DEMO_CAMPAIGN)
    unit = rectification.show_item(world, made.items[0]["id"]).unit_code
    referral = referrals.issue_letter(world, made.referral["id"], "兰州市城关区纪委监委", sent_on="2026-09-25")  # type: ignore[index]
    draft = followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, unit, "pdf", draft=True)
    assert draft.number is None
    done = followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, unit, "pdf")
    text = _pdf_text(done.data, tmp_path, "unit-feedback")
    for fact in (done.number, "评查情况反馈意见", "不合格", "错案", "问题线索1条"):
        assert fact in text, fact
    for person in referral.persons:
        assert person["name"] not in text  # the feedback names nobody
    word = _word(followup_papers.unit_feedback_file(world, DEMO_CAMPAIGN, unit, "docx").data)
    assert _east_asian(word, "一、评查的案件及结论") == "黑体"
    listed = [row.cells[1].text for row in word.tables[0].rows[1:]]
    opinions = [r for r in documents.opinion_list(world, DEMO_CAMPAIGN) if r.concluded]
    profile = load_profile()
    assert profile.office_name
    assert set(listed) <= {r.case_number for r in opinions} and listed


def test_papers_refuse_observers_and_experts(world: OpenWorkspace) -> None:
    with world.workspace.open("chenjing", DEMO_PASSWORD) as observer, pytest.raises(PermissionDenied):
        followup_papers.followup_report_file(observer, DEMO_CAMPAIGN, "pdf", draft=True)
    with world.workspace.open("zhanghua", DEMO_PASSWORD) as expert, pytest.raises(PermissionDenied):
        followup_papers.unit_feedback_file(expert, DEMO_CAMPAIGN, "GS-JT-SFJ", "pdf")
