"""Audit of issue 16, the papers read back, every one in both formats, from the demo's registers (every state):
整改通知书, 线索移送函, 复核决定书, the re-issued opinion, 专项整治通知, 回头看情况报告, 评查情况反馈意见.

Word: A4 with the GB/T 9704 margins (37/35/28/26 mm), the letterhead and title in 方正小标宋简体, every
"一、" heading in 黑体 三号, the body in 仿宋_GB2312 三号, the number printed. PDF: A4 pages, every font embedded
(pdffonts), the number, title and the paper's facts in its text (pdftotext), and no full identity number.
With REVIEWDESK_PAPER_PNG=<folder> the first page of each is kept as PNG to look at."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.documents.profile import load_profile
from reviewdesk.services import documents, followup_papers, objections, rectification, referrals, special
from reviewdesk.services.documents import Rendered
from reviewdesk.workspace import OpenWorkspace

pytestmark = pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
PNG_DIR = os.environ.get("REVIEWDESK_PAPER_PNG")
HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")
ID_NUMBER = re.compile(r"\d{17}[\dXx]")


@dataclass
class Paper:
    name: str
    make: Callable[[str], Rendered]
    title: str
    facts: tuple[str, ...]


def _papers(ws: OpenWorkspace) -> list[Paper]:
    items = rectification.list_items(ws, DEMO_CAMPAIGN)
    owed = next(i for i in items if i.status in ("open", "sent_back"))
    sent = next(r for r in referrals.list_referrals(ws, DEMO_CAMPAIGN) if r.status == "sent")
    [objection] = objections.list_objections(ws, DEMO_CAMPAIGN)
    [sp] = special.list_specials(ws, DEMO_CAMPAIGN)
    back = next(i for i in items if i.status == "sent_back")
    person = sent.persons[0]
    unit_names = {i.unit_code: i.responsible_unit for i in items}
    return [
        Paper("notice", lambda f: followup_papers.rectification_notice_file(ws, DEMO_CAMPAIGN, owed.unit_code, f),
              "关于案件评查发现问题的整改通知书", (owed.description, owed.evidence_ref, "佐证材料")),
        Paper("letter", lambda f: followup_papers.referral_letter_file(ws, sent.id, f),
              "关于移送案件评查中发现的问题线索的函", (person["name"], person["unit"], sent.receiving_body,
                                                         sent.evidence[0]["ref"] if sent.evidence else "")),
        Paper("recheck", lambda f: followup_papers.recheck_decision_file(ws, objection.id, f),
              "案件评查复核决定书", (objection.grounds, "变更原评查结论", objection.reissued_number or "")),
        Paper("opinion", lambda f: documents.render_opinion(ws, str(objection.case_id), f, DEMO_CAMPAIGN),
              "案件评查意见书", ("异议复核后重新出具", "代替原评查意见书")),
        Paper("special", lambda f: followup_papers.special_notice_file(ws, sp.id, f),
              f"关于开展{sp.category}问题专项整治的通知", (sp.requirement, *(unit_names[u] for u in sp.units))),
        Paper("report", lambda f: followup_papers.followup_report_file(ws, DEMO_CAMPAIGN, f),
              "回头看的报告", ("各单位整改情况", "退回重改的事项", back.sent_back_reason)),
        Paper("feedback", lambda f: followup_papers.unit_feedback_file(ws, DEMO_CAMPAIGN, owed.unit_code, f),
              "案件评查情况反馈意见", ("评查的案件及结论", "问题线索移送情况")),
    ]


def _fonts(paragraph: docx.text.paragraph.Paragraph) -> set[tuple[str | None, float | None]]:
    out = set()
    for run in paragraph.runs:
        if not run.text.strip():
            continue
        fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
        out.add((fonts.get(qn("w:eastAsia")) if fonts is not None else None,
                 run.font.size.pt if run.font.size else None))
    return out


def _check_word(paper: Paper, data: bytes, number: str) -> None:
    word = docx.Document(io.BytesIO(data))
    for section in word.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297), paper.name
        assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                      section.right_margin)] == [37, 35, 28, 26], paper.name
    paragraphs = [p for p in word.paragraphs if p.text.strip()]
    texts = [p.text for p in paragraphs]
    office = load_profile().office_name
    head = next(p for p in paragraphs if p.text.startswith(office))
    assert {f for f, _size in _fonts(head)} == {"方正小标宋简体"}, paper.name  # the letterhead
    title = next(p for p in paragraphs if paper.title in p.text)
    assert _fonts(title) == {("方正小标宋简体", 22.0)}, (paper.name, _fonts(title))  # 二号
    assert number in texts, paper.name
    headings = [p for p in paragraphs if HEADING.match(p.text) and len(p.text) < 30]
    assert len(headings) >= 2, paper.name
    for h in headings:
        assert _fonts(h) == {("黑体", 16.0)}, (paper.name, h.text, _fonts(h))
    for sub in (p for p in paragraphs if SUBHEADING.match(p.text)):  # the second level: 楷体
        assert _fonts(sub) == {("楷体_GB2312", 16.0)}, (paper.name, sub.text, _fonts(sub))
    after_title = paragraphs[texts.index(title.text) + 1:]
    body = [p for p in after_title if p not in headings and not SUBHEADING.match(p.text) and len(p.text) > 30]
    assert body, paper.name
    for p in body[:3]:
        assert ("仿宋_GB2312", 16.0) in _fonts(p), (paper.name, p.text[:20], _fonts(p))
    everything = "\n".join(texts + [c.text for t in word.tables for row in t.rows for c in row.cells])
    for fact in paper.facts:
        assert fact in everything.replace("\n", ""), (paper.name, fact)
    assert not ID_NUMBER.search(everything), paper.name


def _check_pdf(paper: Paper, data: bytes, number: str, folder: Path) -> None:
    path = folder / f"{paper.name}.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = fonts[2:]
    assert rows and all(line.split()[-5] == "yes" for line in rows), (paper.name, fonts)  # emb = yes
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info), (paper.name, info)
    if PNG_DIR:
        Path(PNG_DIR).mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path),
                        f"{PNG_DIR}/audit-{paper.name}"], check=True)
    text = "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    for fact in (number, paper.title, *paper.facts):
        fact = fact.replace(" ", "")
        # A table cell wraps its text, and pdftotext reads the row's cells line by line: its first line will do.
        assert fact in text or fact[:10] in text, (paper.name, fact)
    assert "草稿" not in text, paper.name  # an issued paper is not marked as a draft
    assert not ID_NUMBER.search(text), paper.name


def test_every_paper_reads_back_in_word_and_pdf(demo_ws: OpenWorkspace, tmp_path: Path) -> None:
    papers = _papers(demo_ws)
    assert len(papers) == 7
    for paper in papers:
        pdf = paper.make("pdf")
        assert pdf.number, paper.name
        word = paper.make("docx")
        assert word.number == pdf.number, paper.name  # the same number in both, issued once
        assert pdf.data.startswith(b"%PDF") and word.data[:2] == b"PK", paper.name
        _check_pdf(paper, pdf.data, pdf.number, tmp_path)
        _check_word(paper, word.data, word.number)


def test_drafts_carry_no_number_and_say_so(demo_ws: OpenWorkspace, tmp_path: Path) -> None:
    """A draft issues nothing and is marked 草稿 on its pages: exporting after it still gets the first number."""
    items = rectification.list_items(demo_ws, DEMO_CAMPAIGN)
    owed = next(i for i in items if i.status in ("open", "sent_back"))
    drafts = {
        "notice": followup_papers.rectification_notice_file(demo_ws, DEMO_CAMPAIGN, owed.unit_code, "pdf", draft=True),
        "report": followup_papers.followup_report_file(demo_ws, DEMO_CAMPAIGN, "pdf", draft=True),
        "feedback": followup_papers.unit_feedback_file(demo_ws, DEMO_CAMPAIGN, owed.unit_code, "pdf", draft=True),
    }
    for name, draft in drafts.items():
        assert draft.number is None and "草稿" in draft.filename, name
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(draft.data)
        text = "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                      check=True).stdout.split())
        assert text.startswith("草稿") and "×政法改〔" not in text, name  # marked, and no number
    done = followup_papers.rectification_notice_file(demo_ws, DEMO_CAMPAIGN, owed.unit_code, "pdf")
    assert done.number and done.number.endswith("〔2026〕1号")


def test_the_reissued_opinion_names_the_numbered_opinion_it_replaces_in_word(plain_enriched_demo: Path,
                                                                              tmp_path: Path) -> None:
    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD
    from reviewdesk.workspace import Workspace
    from tests.test_followup_more_papers import _changed_objection, _wrong_case

    shutil.copytree(plain_enriched_demo, tmp_path / "demo")
    with Workspace(tmp_path / "demo").open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        o = _changed_objection(ws)
        assert o.replaces and o.reissued_number and o.replaces != o.reissued_number
        word = documents.render_opinion(ws, str(_wrong_case(ws)), "docx", DEMO_CAMPAIGN)
        assert word.number == o.reissued_number
        paper = Paper("opinion-numbered", lambda f: word, "案件评查意见书",
                      (f"代替原评查意见书（{o.replaces}），原评查意见书同时作废",))
        _check_word(paper, word.data, o.reissued_number)
        # The earlier version stays readable beside the new one.
        kept = objections.conclusion_versions(ws, str(_wrong_case(ws)), DEMO_CAMPAIGN)
        assert [k["version"] for k in kept] == [1] and kept[0]["grade"] == "不合格"
