"""The Word renderer: GB/T 9704 page, fonts named in the East Asian slot, zh-CN not ja-JP, odd/even page
numbers, repeating table headers, blocks in order; read back with python-docx and as raw XML."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reviewdesk.documents import style, word
from reviewdesk.documents.blocks import (
    Chart,
    DocNumber,
    Document,
    Heading,
    Letterhead,
    PageBreak,
    Para,
    Signatures,
    Table,
    Title,
)
from reviewdesk.documents.style import Fonts

FONTS = Fonts()
LONG = "经查，该案承办人在办理过程中未依法告知当事人陈述、申辩的权利，“证据一”与《询问笔录》第3页不一致。" * 4
ROWS = tuple((str(i), f"（2025）某法行初{i}号", "行政处罚", str(60 + i), "合格") for i in range(1, 41))
TABLE = Table(header=("序号", "案号", "案由", "得分", "等次"), rows=ROWS, widths=(1, 4, 2, 1, 1), size=12,
              caption="表1 评查案件一览")
SIGNATURES = Signatures(signers=(("组长", "张某"), ("成员", "李某")), office="某市委政法委案件评查组",
                        date_text="2026年3月5日")


def sample() -> Document:
    return Document(kind="opinion", title="案件评查意见书", author="某市评查办", blocks=[
        Letterhead("某市委政法委员会"),
        DocNumber("某政法评〔2026〕3号"),
        Title("关于某案件的评查意见书"),
        Heading(1, "一、案件来源及选案理由"),
        Para(LONG),
        Heading(2, "（一）评查组组成"),
        Para("评查组由张某、李某组成。", indent=False, align="left"),
        Heading(3, "1.程序问题"),
        Heading(4, "（1）告知程序"),
        TABLE,
        Chart(title="评查等次分布", labels=("合格", "瑕疵"), values=(27, 3)),
        PageBreak(),
        Heading(1, "二、评查结论"),
        Para("综上，本案评定为瑕疵案件。"),
        SIGNATURES,
    ])


@pytest.fixture(scope="module")
def data() -> bytes:
    return word.render(sample())


@pytest.fixture(scope="module")
def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist() if name.endswith(".xml")}


def paragraph(read: docx.document.Document, text: str) -> docx.text.paragraph.Paragraph:
    return next(p for p in read.paragraphs if p.text == text)


def east_asian(run: docx.text.run.Run) -> str | None:
    return run._r.rPr.rFonts.get(qn("w:eastAsia"))


def close(a: int, b: int, tolerance: int = Mm(0.1)) -> bool:
    return abs(int(a) - int(b)) <= tolerance


# ---------------------------------------------------------------------------------------------- page
def test_a4_page_and_gb9704_margins(read):
    section = read.sections[0]
    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(37)) and close(section.bottom_margin, Mm(35))
    assert close(section.left_margin, Mm(28)) and close(section.right_margin, Mm(26))


def test_document_grid_has_22_line_pitch(parts):
    grid = re.search(r"<w:docGrid [^>]*/>", parts["word/document.xml"]).group(0)
    # No grid type: LibreOffice shifts a "lines" grid 4 mm down and doubles linesAndChars cells (word.py).
    assert "w:type" not in grid
    pitch = int(re.search(r'w:linePitch="(\d+)"', grid).group(1)) / 20
    assert pitch * style.LINES_PER_PAGE == pytest.approx(225 / 25.4 * 72, abs=1)


def test_core_properties_from_document(read):
    assert read.core_properties.title == "案件评查意见书"
    assert read.core_properties.author == "某市评查办"
    assert read.core_properties.last_modified_by == "某市评查办"


def test_template_leftovers_dropped(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n]


# ---------------------------------------------------------------------------------------------- language
def test_no_japanese_language_anywhere(parts):
    assert {"word/styles.xml", "word/document.xml", "word/settings.xml", "word/theme/theme1.xml"} <= set(parts)
    for name, xml in parts.items():
        assert "ja-JP" not in xml, name
    assert 'w:eastAsia="zh-CN"' in parts["word/settings.xml"]  # themeFontLang


def test_zh_cn_and_body_font_in_doc_defaults_and_normal(read):
    styles = read.styles.element
    default_rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    normal_rpr = read.styles["Normal"].element.rPr
    for rpr in (default_rpr, normal_rpr):
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == FONTS.body
        assert fonts.get(qn("w:ascii")) == FONTS.latin
        assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme attribute would override the name


# ---------------------------------------------------------------------------------------------- text blocks
def test_body_paragraph_font_indent_and_spacing(read):
    p = paragraph(read, LONG)
    for run in p.runs:
        assert east_asian(run) == FONTS.body
        assert run._r.rPr.rFonts.get(qn("w:ascii")) == FONTS.latin
        assert run.font.size == Pt(16)
    fmt = p.paragraph_format
    assert fmt.first_line_indent == Pt(32)
    assert p._p.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert fmt.line_spacing.pt == pytest.approx(style.LINE_PITCH_PT, abs=0.05)
    assert fmt.space_before == 0 and fmt.space_after == 0


def test_paragraph_without_indent_and_left_aligned(read):
    p = paragraph(read, "评查组由张某、李某组成。")
    assert p.paragraph_format.first_line_indent is None
    assert p.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_title_centred_22pt_not_bold_with_line_after(read):
    p = paragraph(read, "关于某案件的评查意见书")
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    (run,) = p.runs
    assert east_asian(run) == FONTS.title and run.font.size == Pt(22) and run.font.bold is False
    assert p.paragraph_format.space_after.pt == pytest.approx(style.LINE_PITCH_PT, abs=0.1)


@pytest.mark.parametrize(("text", "font"), [
    ("一、案件来源及选案理由", FONTS.heading1),
    ("（一）评查组组成", FONTS.heading2),
    ("1.程序问题", FONTS.body),
    ("（1）告知程序", FONTS.body),
])
def test_heading_fonts(read, text, font):
    p = paragraph(read, text)
    (run,) = p.runs
    assert east_asian(run) == font and run.font.size == Pt(16) and run.font.bold is False
    assert p.paragraph_format.first_line_indent == Pt(32)
    assert p.paragraph_format.keep_with_next is True


def test_letterhead_red_then_number_above_red_rule(read):
    head = paragraph(read, "某市委政法委员会")
    (run,) = head.runs
    assert east_asian(run) == FONTS.title and run.font.color.rgb == docx.shared.RGBColor(*style.RED)
    assert run.font.size.pt >= 26 and head.alignment == WD_ALIGN_PARAGRAPH.CENTER
    number = paragraph(read, "某政法评〔2026〕3号")
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER and number.runs[0].font.size == Pt(16)
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "{:02X}{:02X}{:02X}".format(*style.RED)
    assert int(bottom.get(qn("w:sz"))) >= 8  # ≥ 1 pt
    assert head._p.pPr.find(qn("w:pBdr")) is None


def test_long_letterhead_is_narrowed_onto_one_line():
    name = "某某省委政法委员会案件评查工作领导小组办公室"  # 21 characters: 22 pt would need 462 pt > 442
    read = docx.Document(io.BytesIO(word.render(Document(kind="x", title="t", blocks=[Letterhead(name)]))))
    (run,) = paragraph(read, name).runs
    assert run.font.size == Pt(style.TITLE_PT)
    scale = int(run._r.rPr.find(qn("w:w")).get(qn("w:val")))
    assert 21 * style.TITLE_PT * scale / 100 <= 156 / 25.4 * 72
    # The lone letterhead carries the red rule itself.
    assert paragraph(read, name)._p.pPr.find(qn("w:pBdr")) is not None


def test_only_body_pitch_lines_snap_to_the_grid(read):
    def snaps(p):
        return p._p.pPr.find(qn("w:snapToGrid")) is None

    assert snaps(paragraph(read, LONG)) and snaps(paragraph(read, "一、案件来源及选案理由"))
    assert not snaps(paragraph(read, "关于某案件的评查意见书"))  # 22 pt: off the grid
    assert not snaps(paragraph(read, "某市委政法委员会"))  # the large letterhead line
    assert not snaps(read.tables[0].rows[1].cells[0].paragraphs[0])
    assert not snaps(read.sections[0].footer.paragraphs[0])


def test_doc_number_without_letterhead_is_centred():
    doc = Document(kind="x", title="t", blocks=[DocNumber("某〔2026〕1号"), Para("正文")])
    read = docx.Document(io.BytesIO(word.render(doc)))
    p = paragraph(read, "某〔2026〕1号")
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER and p._p.pPr.find(qn("w:pBdr")) is None


def test_paragraph_order_follows_blocks(read):
    texts = [p.text for p in read.paragraphs if p.text.strip()]
    expected = ["某市委政法委员会", "某政法评〔2026〕3号", "关于某案件的评查意见书", "一、案件来源及选案理由", LONG,
                "（一）评查组组成", "评查组由张某、李某组成。", "1.程序问题", "（1）告知程序", "表1 评查案件一览",
                "二、评查结论", "综上，本案评定为瑕疵案件。"]
    assert texts[:len(expected)] == expected
    assert texts[-2:] == ["某市委政法委案件评查组", "2026年3月5日"]
    body = read.element.body
    assert [child.tag.split("}")[1] for child in body].count("tbl") == 1


def test_page_break_before_next_block(read):
    assert paragraph(read, "二、评查结论").paragraph_format.page_break_before is True


# ---------------------------------------------------------------------------------------------- table
def test_table_header_repeats_and_rows_do_not_split(read):
    (table,) = read.tables
    assert len(table.rows) == 41
    header_tr = table.rows[0]._tr
    assert header_tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])


def test_table_fonts_widths_and_borders(read):
    (table,) = read.tables
    header_run = table.rows[0].cells[0].paragraphs[0].runs[0]
    assert east_asian(header_run) == FONTS.heading1 and header_run.font.size == Pt(12)
    cell_p = table.rows[5].cells[1].paragraphs[0]
    assert east_asian(cell_p.runs[0]) == FONTS.body and cell_p.runs[0].font.size == Pt(12)
    assert cell_p.paragraph_format.first_line_indent is None
    # The PDF's cell leading, exactly (single spacing would follow each face's own line height).
    assert cell_p.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert cell_p.paragraph_format.line_spacing.pt == pytest.approx(12 * 1.35, abs=0.05)
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == pytest.approx(156 / 25.4 * 1440, abs=2)
    assert widths[1] == pytest.approx(4 * widths[0], abs=2)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}


def test_caption_centred_heiti(read):
    p = paragraph(read, "表1 评查案件一览")
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER and east_asian(p.runs[0]) == FONTS.heading1
    assert p.runs[0].font.size == Pt(16)


# ---------------------------------------------------------------------------------------------- chart
def test_chart_is_a_centred_picture_150mm_wide(read, data):
    (shape,) = read.inline_shapes
    assert close(shape.width, Mm(150), Mm(0.5))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(media) == 1 and z.read(media[0]).startswith(b"\x89PNG")
    holder = next(p for p in read.paragraphs if p._p.xpath(".//w:drawing"))
    assert holder.alignment == WD_ALIGN_PARAGRAPH.CENTER


# ---------------------------------------------------------------------------------------------- signatures
def test_signature_block(read):
    texts = [p.text for p in read.paragraphs]
    assert any(re.fullmatch(r"组长（签名）：_{10,}\s+张某", t) for t in texts)
    assert any(re.fullmatch(r"成员（签名）：_{10,}\s+李某", t) for t in texts)
    date = paragraph(read, "2026年3月5日")
    assert date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date.paragraph_format.right_indent == Pt(64)
    assert date._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) == "400"
    office = paragraph(read, "某市委政法委案件评查组")
    assert office.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # Seal room: two or three empty lines between the last signer and the office name.
    last_signer = max(i for i, t in enumerate(texts) if t.startswith("成员（签名）："))
    gap = texts[last_signer + 1:texts.index("某市委政法委案件评查组")]
    assert 2 <= len(gap) <= 3 and set(gap) == {""}


def test_no_seal_room_leaves_a_single_line():
    block = Signatures(signers=(("组长", "张某"),), office="", date_text="2026年3月5日", seal_room=False)
    read = docx.Document(io.BytesIO(word.render(Document(kind="x", title="t", blocks=[Para("正文"), block]))))
    texts = [p.text for p in read.paragraphs]
    assert texts[-3:] == [texts[-3], "", "2026年3月5日"] and texts[-3].startswith("组长（签名）：")


# ---------------------------------------------------------------------------------------------- page numbers
def test_even_and_odd_footers_with_page_field(read, parts):
    assert "<w:evenAndOddHeaders" in parts["word/settings.xml"]
    section = read.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and odd.paragraph_format.right_indent == Pt(16)
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT and even.paragraph_format.left_indent == Pt(16)
    for p in (odd, even):
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert "PAGE" in "".join(p._p.xpath(".//w:instrText/text()"))
        for run in p.runs:
            assert east_asian(run) == FONTS.page_number and run.font.size == Pt(14)
    # The number's line sits about 7 mm below the text block (35 mm bottom margin).
    centre = section.footer_distance + Pt(style.PAGE_NUMBER_PT * 1.2) / 2
    assert close(centre, Mm(28), Mm(1))


def test_no_page_numbers_when_off():
    doc = Document(kind="x", title="t", blocks=[Para("正文")], page_numbers=False)
    with zipfile.ZipFile(io.BytesIO(word.render(doc))) as z:
        assert "evenAndOddHeaders" not in z.read("word/settings.xml").decode()
        assert not [n for n in z.namelist() if n.startswith("word/footer")]


@pytest.mark.parametrize("blocks", [[], [PageBreak()], [Para("正文"), PageBreak()]])
def test_empty_and_trailing_break_still_make_a_body_paragraph(blocks):
    read = docx.Document(io.BytesIO(word.render(Document(kind="x", title="t", blocks=blocks))))
    assert read.paragraphs


def test_page_break_before_a_table_without_caption():
    table = Table(header=("甲",), rows=(("1",),), widths=(1,))
    read = docx.Document(io.BytesIO(word.render(Document(kind="x", title="t", blocks=[
        Para("正文"), PageBreak(), table]))))
    body = [child.tag.split("}")[1] for child in read.element.body]
    assert body[:3] == ["p", "p", "tbl"]
    assert read.paragraphs[1].paragraph_format.page_break_before is True and read.paragraphs[1].text == ""


def test_renders_in_memory_only(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the renderer must not create temporary files")

    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile"):
        monkeypatch.setattr(tempfile, name, refuse)
    assert word.render(sample()).startswith(b"PK")


# ---------------------------------------------------------------------------------------------- LibreOffice
def test_libreoffice_prints_a4(data, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office or not shutil.which("pdfinfo"):
        pytest.skip("LibreOffice or pdfinfo not installed")
    source = tmp_path / "sample.docx"  # a synthetic, non-confidential document
    source.write_bytes(data)
    profile = tmp_path / "lo-profile"
    subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", str(tmp_path / "sample.pdf")], check=True, capture_output=True,
                          text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert width == pytest.approx(595, abs=1) and height == pytest.approx(842, abs=1)
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 3  # the 40-row table spans pages
