"""The GB/T 9704 frame read back from the files: 版头 35 mm below the text block (PDF by pdftotext -bbox,
Word by its spacing), 版记, 28 characters a line in Word by its settings, body text on the seal page, a
reprint byte for byte the same, and Word (through LibreOffice) breaking pages where the PDF does."""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from sqlalchemy import select

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.documents import frame, pdf, style, word
from reviewdesk.documents import word_parts as wp
from reviewdesk.documents.blocks import Document, Heading, Para, Signatures, Table, Title
from reviewdesk.documents.profile import load_profile
from reviewdesk.errors import ValidationError
from reviewdesk.services import documents
from reviewdesk.services.base import ADMIN, query
from reviewdesk.store.models import Case, Conclusion
from reviewdesk.workspace import OpenWorkspace
from tests import libreoffice

PT_PER_MM = 72 / 25.4
LONG = "经查，该案承办人在办理过程中未依法告知当事人陈述、申辩的权利，“证据一”与《询问笔录》第3页不一致。" * 4
ISSUED = datetime(2026, 3, 5, 10, 0)
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def outgoing(paragraphs: int = 6, referral: bool = True) -> Document:
    """An opinion-shaped document with the whole frame, from the shipped profile."""
    p = load_profile()
    doc = Document("opinion", "t", author=p.office_name, dated=ISSUED)
    doc.add(*frame.head(p, "×政法评〔2026〕3号"), Title("关于某案件的评查意见书"), Heading(1, "一、案件来源及选案理由"))
    doc.add(*(Para(LONG) for _ in range(paragraphs)))
    doc.add(frame.annex_note(["评分汇总表", "谈话笔录目录"]))
    doc.add(Signatures((("组长", "张某"), ("成员", "李某")), p.office_name, "2026年3月5日", note=p.contact))
    rows = tuple((str(i), "某项目" * (i % 3 + 1)) for i in range(12))
    doc.add(frame.annex_head(1, "评分汇总表", 2), Table(("编号", "评查项目"), rows, (1, 4)))
    doc.add(frame.annex_head(2, "谈话笔录目录", 2), Para("本案未进行谈话。"))
    doc.add(frame.colophon(p, ISSUED, frame.copy_to(p, "某区人民法院", "court", referral)))
    return doc


def _bbox_lines(data: bytes, tmp: Path) -> list[list[tuple[float, float, str]]]:
    """Per page, the text lines as (yMin, yMax, text) in points from the page top."""
    path = tmp / "doc.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        lines = []
        for m in re.finditer(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
                             page, re.S):
            text = "".join(re.findall(r">([^<]*)</word>", m.group(3)))
            lines.append((float(m.group(1)), float(m.group(2)), text))
        pages.append(lines)
    return pages


# ---------------------------------------------------------------------------------------------- 版头
@needs_poppler
def test_pdf_letterhead_35_mm_below_the_text_block_number_and_title_two_lines_down(tmp_path: Path) -> None:
    first = _bbox_lines(pdf.render(outgoing()), tmp_path)[0]
    head, number, title = (next(x for x in first if x[2] == t) for t in
                           ("××省委政法委员会", "×政法评〔2026〕3号", "关于某案件的评查意见书"))
    top = style.MARGIN_TOP_MM * PT_PER_MM
    assert (head[0] - top) / PT_PER_MM == pytest.approx(35.0, abs=1.0)
    # 发文字号 two blank lines below the letterhead (glyph to glyph: two lines plus the glyphs' own margins
    # in their line boxes); the title 4 mm to the rule and two blank lines more below the number.
    assert 2.0 <= (number[0] - head[1]) / style.LINE_PITCH_PT <= 2.5
    assert 2.0 <= (title[0] - number[1] - 4 * PT_PER_MM) / style.LINE_PITCH_PT <= 2.5


def test_word_letterhead_35_mm_below_the_text_block_and_the_gaps() -> None:
    read = docx.Document(io.BytesIO(word.render(outgoing())))
    head = next(p for p in read.paragraphs if p.text == "××省委政法委员会")
    number = next(p for p in read.paragraphs if p.text == "×政法评〔2026〕3号")
    assert read.paragraphs[0] is not None and read.paragraphs[0].text == head.text  # nothing above it
    fmt, size = head.paragraph_format, head.runs[0].font.size.pt
    glyph_top = fmt.space_before.pt + (fmt.line_spacing.pt - size) / 2
    assert glyph_top / PT_PER_MM == pytest.approx(35.0, abs=1.0)
    assert fmt.space_after.pt / style.LINE_PITCH_PT == pytest.approx(2.0, abs=0.05)
    border = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    rule_gap = int(border.get(qn("w:space"))) + (number.paragraph_format.line_spacing.pt - 16) / 2
    assert rule_gap / PT_PER_MM == pytest.approx(4.0, abs=0.5)
    assert number.paragraph_format.space_after.pt / style.LINE_PITCH_PT == pytest.approx(2.0, abs=0.05)


def test_letterhead_is_the_signing_organ(tmp_path: Path) -> None:
    p = load_profile()
    assert p.letterhead in (p.office_name, f"{p.office_name}文件") and "评查" not in p.letterhead
    text = (Path(__file__).parent.parent / "resources/documents/office.json").read_text(encoding="utf-8")
    bad = tmp_path / "office.json"
    bad.write_text(text.replace('"letterhead": "××省委政法委员会"', '"letterhead": "××省委政法委执法监督案件评查"'),
                   encoding="utf-8")
    with pytest.raises(ValidationError, match="letterhead"):
        load_profile(bad)


# ---------------------------------------------------------------------------------------------- 版记
def test_copy_to_the_superior_and_the_discipline_body_on_referral() -> None:
    p = load_profile()
    assert frame.copy_to(p, "某区人民法院", "court", False) == ("××省高级人民法院",)
    with_referral = frame.copy_to(p, "某区人民法院", "court", True)
    assert with_referral[0] == "××省高级人民法院" and with_referral[1:] == p.copy_to.on_referral
    assert frame.copy_to(p, "某单位", "other", False) == ()


@needs_poppler
def test_pdf_colophon_closes_the_last_page(tmp_path: Path) -> None:
    pages = _bbox_lines(pdf.render(outgoing()), tmp_path)
    last = pages[-1]
    copy = next(x for x in last if x[2].startswith("抄送："))
    issued = next(x for x in last if x[2].endswith("2026年3月5日印发"))
    assert copy[2] == "抄送：××省高级人民法院，××省纪委监委驻省委政法委纪检监察组。"
    issuer = next(x for x in last if x[2].startswith("××省委政法委员会办公室"))
    assert issuer[0] == pytest.approx(issued[0], abs=1)  # one line: 印发机关 left, 印发日期 right
    bottom = (style.PAGE_HEIGHT_MM - style.MARGIN_BOTTOM_MM) * PT_PER_MM
    assert bottom - style.LINE_PITCH_PT < issued[1] <= bottom  # on the text block's last line
    assert not any("抄送" in t for page in pages[:-1] for _, _, t in page)


def test_word_colophon_frames_end_on_the_text_block_last_line() -> None:
    read = docx.Document(io.BytesIO(word.render(outgoing())))
    framed = [p for p in read.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:framePr")) is not None]
    assert [p.text for p in framed][0] == "抄送：××省高级人民法院，××省纪委监委驻省委政法委纪检监察组。"
    assert framed[1].text == "××省委政法委员会办公室\t2026年3月5日印发"
    assert read.paragraphs[-1] not in framed  # the frames' anchor follows them
    boxes = []
    for p in framed:
        pr = p._p.pPr.find(qn("w:framePr"))
        assert pr.get(qn("w:vAnchor")) == "page" and int(pr.get(qn("w:w"))) == wp.TEXT_TWIPS
        boxes.append((int(pr.get(qn("w:y"))), int(pr.get(qn("w:h")))))
    assert boxes[0][0] + boxes[0][1] == boxes[1][0]  # 抄送 right above the 印发 line
    bottom_mm = (boxes[1][0] + boxes[1][1]) / 1440 * 25.4
    assert bottom_mm == pytest.approx(style.PAGE_HEIGHT_MM - style.MARGIN_BOTTOM_MM, abs=0.5)
    rules = [{b.tag.split("}")[1]: int(b.get(qn("w:sz"))) for b in p._p.pPr.find(qn("w:pBdr"))} for p in framed]
    assert rules[0]["top"] == rules[1]["bottom"] > rules[0]["bottom"]  # thick, thin, thick
    assert "top" not in rules[1]


def test_word_colophon_without_copies_is_one_ruled_frame() -> None:
    p = load_profile()
    doc = Document("opinion", "t", dated=ISSUED, blocks=[Para("正文。"), frame.colophon(p, ISSUED, ())])
    read = docx.Document(io.BytesIO(word.render(doc)))
    [framed] = [q for q in read.paragraphs if q._p.pPr.find(qn("w:framePr")) is not None]
    rules = {b.tag.split("}")[1] for b in framed._p.pPr.find(qn("w:pBdr"))}
    assert framed.text.endswith("印发") and rules == {"top", "bottom"}


def test_annex_names_and_heads() -> None:
    read = docx.Document(io.BytesIO(word.render(outgoing())))
    texts = [p.text for p in read.paragraphs]
    note = texts.index("附件：1. 评分汇总表")
    assert texts[note - 1] == "" and texts[note + 1].endswith("2. 谈话笔录目录")  # a blank line before it
    head = next(p for p in read.paragraphs if p.text == "附件1")
    assert head.paragraph_format.page_break_before and head.alignment == 0  # left
    assert head.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "黑体" and head.runs[0].font.size.pt == 16
    i = texts.index("附件1")
    assert texts[i + 1] == "评分汇总表"  # the title on the third line (附件1 carries a line after it)
    assert head.paragraph_format.space_after.pt == pytest.approx(style.LINE_PITCH_PT, abs=0.1)


# ---------------------------------------------------------------------------------------------- Word grid
def test_word_sets_28_characters_a_line_by_its_settings() -> None:
    data = word.render(outgoing())
    read = docx.Document(io.BytesIO(data))
    section = read.sections[0]
    text_twips = (section.page_width - section.left_margin - section.right_margin) / 635
    body = next(p for p in read.paragraphs if p.text == LONG)
    rpr = body.runs[0]._r.rPr
    size_twips = int(rpr.find(qn("w:sz")).get(qn("w:val"))) * 10
    spacing = int(rpr.find(qn("w:spacing")).get(qn("w:val")))
    assert math.floor(text_twips / (size_twips + spacing)) == 28
    assert math.floor(text_twips / size_twips) == 27  # without the spacing Word would set 27
    normal = read.styles["Normal"].element.pPr
    for tag in ("autoSpaceDE", "autoSpaceDN"):  # no extra space between CJK and Latin or digits
        assert normal.find(qn(f"w:{tag}")).get(qn("w:val")) == "0"
    line = body.paragraph_format.line_spacing.pt
    assert math.floor((225 * PT_PER_MM) / line) == 22


def test_app_properties_and_a_reprint_are_stable() -> None:
    first, again = word.render(outgoing()), word.render(outgoing())
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        app = z.read("docProps/app.xml").decode()
        assert "Macintosh" not in app and "<Application>ReviewDesk</Application>" in app
        assert {i.date_time[:3] for i in z.infolist()} == {(2026, 3, 5)}
    core = docx.Document(io.BytesIO(first)).core_properties
    assert core.created.date() == ISSUED.date() and core.modified == core.created


# ---------------------------------------------------------------------------------------------- seal page
@needs_poppler
@pytest.mark.parametrize("paragraphs", range(3, 9))
def test_pdf_seal_page_carries_body_text(paragraphs: int, tmp_path: Path) -> None:
    pages = _bbox_lines(pdf.render(outgoing(paragraphs)), tmp_path)
    seal = next(page for page in pages if any(t.startswith("组长（签名）") for _, _, t in page))
    signer = next(i for i, (_, _, t) in enumerate(seal) if t.startswith("组长（签名）"))
    body = [t for _, _, t in seal[:signer] if t and not t.startswith(("附件", "2.")) and "—" not in t]
    assert len(body) >= 2, seal


def test_word_keeps_body_text_with_the_annex_note_and_signatures() -> None:
    read = docx.Document(io.BytesIO(word.render(outgoing())))
    texts = [p.text for p in read.paragraphs]
    note = texts.index("附件：1. 评分汇总表")
    last_body = read.paragraphs[note - 2]
    assert last_body.text == LONG
    assert last_body.paragraph_format.keep_with_next and last_body.paragraph_format.keep_together
    date = texts.index("2026年3月5日")
    assert all(p.paragraph_format.keep_with_next for p in read.paragraphs[note - 1:date])


# ---------------------------------------------------------------------------------------------- LibreOffice
def _same_page_breaks(docs: dict[str, tuple[bytes, bytes]], tmp: Path) -> None:
    """Word (through LibreOffice) and PDF of each document: the same number of pages, each starting with the
    same line; and the 版记 on the text block's last line of the last page in both."""
    for name, (docx_data, _) in docs.items():
        (tmp / f"{name}.docx").write_bytes(docx_data)
    laid_out = libreoffice.word_to_pdf([tmp / f"{name}.docx" for name in docs], tmp)
    bottom = (style.PAGE_HEIGHT_MM - style.MARGIN_BOTTOM_MM) * PT_PER_MM
    for (name, (_, pdf_data)), word_pdf in zip(docs.items(), laid_out, strict=True):
        (tmp / f"{name}-ref.pdf").write_bytes(pdf_data)
        ours, theirs = libreoffice.page_starts(tmp / f"{name}-ref.pdf"), libreoffice.page_starts(word_pdf)
        assert len(ours) == len(theirs), (name, ours, theirs)
        assert ours == theirs, name
        for pages in (_bbox_lines(pdf_data, tmp), _bbox_lines(word_pdf.read_bytes(), tmp)):
            issued = [y for page in pages for _, y, t in page if t.endswith("印发")]
            assert len(issued) == 1 and any(t.endswith("印发") for _, _, t in pages[-1]), name
            assert bottom - style.LINE_PITCH_PT < issued[0] <= bottom + 1, name


@libreoffice.needs_libreoffice
def test_word_through_libreoffice_breaks_pages_where_the_pdf_does(tmp_path: Path) -> None:
    docs = {"a": outgoing(6), "b": outgoing(4, referral=False)}  # synthetic, non-confidential documents
    _same_page_breaks({n: (word.render(d), pdf.render(d)) for n, d in docs.items()}, tmp_path)


@libreoffice.needs_libreoffice
def test_every_demo_opinion_breaks_pages_alike_in_word_and_pdf(demo_ws: OpenWorkspace, tmp_path: Path) -> None:
    with query(demo_ws, "test", ADMIN) as s:
        cases = s.execute(select(Case.external_id).join(Conclusion, Conclusion.case_id == Case.id)
                          .where(Conclusion.campaign_id == DEMO_CAMPAIGN).order_by(Case.external_id)).scalars().all()
    assert len(cases) >= 4
    _same_page_breaks({c: (documents.render_opinion(demo_ws, c, "docx").data,
                           documents.render_opinion(demo_ws, c, "pdf").data) for c in cases}, tmp_path)


# ---------------------------------------------------------------------------------------------- tables
def test_table_headers_and_dates_are_not_broken() -> None:
    """The report's table 6: at its relative widths 评查结论 would break after 评查结, and the deadline
    "2027年1月5日" after 5."""
    header = ("序号", "案号", "承办单位", "评查结论", "整改期限", "移送线索")
    rows = (("1", "（2020）甘0103行初6143号", "兰州市七里河区人民法院", "瑕疵案", "2027年1月15日", "是"),)
    total, pad, size = 442.2, 5.0, 12.0
    proportional = [total * w / 18.5 for w in (1, 5, 5, 2, 3.5, 2)]
    assert proportional[3] - 2 * pad < style.text_em("评查结论") * size  # the bug, as it was
    widths = style.column_widths((1, 5, 5, 2, 3.5, 2), header, size, total, pad, rows)
    assert sum(widths) == pytest.approx(total)
    for c, w in enumerate(widths):
        assert w - 2 * pad >= style.text_em(header[c]) * size
    assert widths[4] - 2 * pad >= style.text_em("2027年1月15日") * size
    read = docx.Document(io.BytesIO(word.render(Document("x", "t", blocks=[Table(header, rows, (1, 5, 5, 2, 3.5, 2))]))))
    grid = [int(c.get(qn("w:w"))) / 20 for c in read.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[3] == pytest.approx(widths[3], abs=1)
