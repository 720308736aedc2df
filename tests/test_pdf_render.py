"""The PDF renderer, its fonts and its charts: checked on the PDF itself with poppler's tools."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from reviewdesk.documents import fonts, pdf, style
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
    cn_date,
)
from reviewdesk.documents.charts import chart_drawing, chart_png
from reviewdesk.documents.pdf_parts import break_lines

FORBIDDEN_START = "。，、；：？！）》”"
LONG = (
    "经查，该案卷宗中的询问笔录、现场勘验笔录、鉴定意见等证据材料齐全，程序基本合法，但存在以下问题：一是立案审批表"
    "未载明承办人意见，二是延长办案期限未经负责人批准，三是送达回证缺少受送达人签名。上述问题，虽未影响案件的实体处理，"
    "但反映出办案单位在执法规范化方面仍有不足，应当引起重视。（详见附件1）2026年3月5日，评查组对承办人进行了谈话，"
    "承办人对上述问题无异议。"
)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"poppler's {name} is not installed")
    return path


def _run(*args: str) -> str:
    return subprocess.run([_tool(args[0]), *args[1:]], check=True, capture_output=True, text=True).stdout


def sample_document() -> Document:
    rows = tuple(
        (str(k), f"第{k}项：证据材料是否齐全、规范，是否符合法定程序", str(10 - k % 5), "无" if k % 3 else "送达回证缺少签名。")
        for k in range(1, 41)
    )
    doc = Document("opinion", "测试评查意见书", author="某市委政法委")
    doc.add(Letterhead("某某市委政法委员会"), DocNumber("某政法评〔2026〕3号"),
            Title("关于某某县公安局办理的张某某盗窃案的评查意见书"))
    doc.add(Para("某某县公安局：", indent=False, align="left"))
    doc.add(Heading(1, "一、案件来源及选案理由"), Para(LONG), Heading(2, "（一）评查组组成"), Para(LONG * 2))
    doc.add(Heading(3, "1. 证据问题"), Heading(4, "（1）笔录问题"), Para(LONG), Para("A&B <b>不是标记</b> C>D"))
    doc.add(Table(("序号", "评查项目", "得分", "扣分理由"), rows, (1, 5, 1.2, 4), caption="表1 评分明细"))
    doc.add(Chart("各单位评查等次分布", ("优秀", "合格", "基本合格", "不合格"), (12, 30, 5, 2)))
    doc.add(PageBreak(), Para("附件1", indent=False, align="left"), Para(LONG))
    doc.add(Signatures((("组长", "张某"), ("成员", "李某某")), "某某市委政法委员会案件评查组", cn_date(2026, 3, 5)))
    return doc


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    path.write_bytes(pdf.render(sample_document()))
    return path


def _pages_words(path: Path) -> list[tuple[float, float, list[tuple[float, float, float, str]]]]:
    """(width, height, [(xMin, yMin, xMax, text)]) per page, from pdftotext's bbox HTML."""
    html = _run("pdftotext", "-bbox", str(path), "-")
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [(float(a), float(b), float(c), t) for a, b, c, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', m.group(3))]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages


# ---------------------------------------------------------------------------------------------- the PDF
def test_every_font_is_embedded(sample_pdf: Path) -> None:
    rows = _run("pdffonts", str(sample_pdf)).splitlines()[2:]
    assert rows, "the PDF uses no fonts?"
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", row
        assert "STSong" not in name and "Helvetica" not in name, row


def test_page_is_a4_and_metadata(sample_pdf: Path) -> None:
    info = _run("pdfinfo", str(sample_pdf))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())  # type: ignore[union-attr]
    assert w == pytest.approx(595.28, abs=0.01) and h == pytest.approx(841.89, abs=0.01)
    assert "测试评查意见书" in info and "某市委政法委" in info


def test_text_is_extractable(sample_pdf: Path) -> None:
    text = _run("pdftotext", "-layout", str(sample_pdf), "-")
    flat = re.sub(r"\s+", "", text)
    for expected in ("某某市委政法委员会", "某政法评〔2026〕3号", "张某某盗窃案的评查意见书", "一、案件来源及选案理由",
                     "（一）评查组组成", "1.证据问题", "（1）笔录问题", "第17项：证据材料是否齐全", "表1评分明细",
                     "各单位评查等次分布", "30件", "组长（签名）：______________张某", "2026年3月5日", "—1—", "—2—",
                     "A&B<b>不是标记</b>C>D"):
        assert expected in flat, expected


def test_table_header_repeats_on_every_page(sample_pdf: Path) -> None:
    pages = _pages_words(sample_pdf)
    with_rows = [words for _, _, words in pages if any(t.startswith("第") and "项" in t for *_, t in words)]
    assert len(with_rows) >= 2, "the 40-row table should span pages"
    for words in with_rows:
        assert any(t == "扣分理由" for *_, t in words)


def test_page_numbers_alternate_sides(sample_pdf: Path) -> None:
    pages = _pages_words(sample_pdf)
    assert len(pages) >= 3
    for n, (width, height, words) in enumerate(pages, 1):
        bottom = [(x0, x1) for x0, y0, x1, t in words if t == str(n) and y0 > height - style.MARGIN_BOTTOM_MM * 2.83]
        assert bottom, f"no page number on page {n}"
        x0, x1 = bottom[-1]
        if n % 2:
            assert x0 > width / 2, f"page {n}: odd page numbers go right"
        else:
            assert x1 < width / 2, f"page {n}: even page numbers go left"


def test_no_line_starts_with_closing_punctuation(sample_pdf: Path) -> None:
    for line in _run("pdftotext", "-layout", str(sample_pdf), "-").splitlines():
        stripped = line.strip()
        assert not stripped or stripped[0] not in FORBIDDEN_START, line


def test_twenty_two_body_lines_per_page() -> None:
    doc = Document("t", "t", page_numbers=False).add(Para(LONG * 12))
    with_words = _pages_words_from(pdf.render(doc))
    lines_page1 = {round(y0) for _, y0, _, _ in with_words[0][2]}
    assert len(lines_page1) == style.LINES_PER_PAGE


def _pages_words_from(data: bytes) -> list[tuple[float, float, list[tuple[float, float, float, str]]]]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:  # test data only: nothing confidential
        path = Path(tmp) / "t.pdf"
        path.write_bytes(data)
        return _pages_words(path)


def test_render_is_deterministic_and_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def no_temp(*args: object, **kwargs: object) -> None:
        raise AssertionError("render must not create temporary files")

    monkeypatch.setattr(tempfile, "mkstemp", no_temp)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_temp)
    first, second = pdf.render(sample_document()), pdf.render(sample_document())
    assert first.startswith(b"%PDF-") and first == second


def test_doc_number_without_letterhead_is_centred() -> None:
    doc = Document("t", "t").add(DocNumber("某政法评〔2026〕4号"), Title("标题"), Para("正文。"))
    words = _pages_words_from(pdf.render(doc))[0]
    width, _, items = words
    x0, _, x1, _ = next(w for w in items if "4号" in w[3])
    centre = (style.MARGIN_LEFT_MM + (style.PAGE_WIDTH_MM - style.MARGIN_LEFT_MM - style.MARGIN_RIGHT_MM) / 2) * 72 / 25.4
    assert (x0 + x1) / 2 == pytest.approx(centre, abs=2)


def test_date_ends_four_characters_from_the_right_margin() -> None:
    doc = Document("t", "t").add(Signatures((("组长", "张某"),), "某某评查组", "2026年3月5日"))
    width, _, items = _pages_words_from(pdf.render(doc))[0]
    x1 = next(w[2] for w in items if "2026年3月5日" in w[3])
    right_edge = width - style.MARGIN_RIGHT_MM * 72 / 25.4
    assert right_edge - x1 == pytest.approx(4 * style.BODY_PT, abs=1.5)


# ---------------------------------------------------------------------------------------------- line breaking
def _body_lines(text: str, width: float = 442.2) -> list[str]:
    font = fonts.pdf_font("body")
    return [line.text for line in break_lines(text, font, style.BODY_PT, width)]


def test_full_line_holds_twenty_eight_characters() -> None:
    lines = _body_lines("字" * 60)
    assert [len(t) for t in lines] == [28, 28, 4]


def test_full_stop_is_pulled_onto_the_line_instead_of_starting_the_next() -> None:
    lines = _body_lines("字" * 28 + "。" + "字" * 10)
    assert lines[0].endswith("。") and not lines[1].startswith("。")


def test_two_closing_marks_push_a_character_down() -> None:
    lines = _body_lines("字" * 28 + "。”" + "字" * 10)
    assert lines[1][0] not in style.NO_LINE_START
    assert "".join(lines) == "字" * 28 + "。”" + "字" * 10


@pytest.mark.parametrize("mark", list("，、；：？！）》…—"))
def test_no_closing_mark_starts_a_line(mark: str) -> None:
    for n in range(24, 31):  # around the break, whichever way the greedy fill falls
        lines = _body_lines("字" * n + mark * (2 if mark in "…—" else 1) + "字" * 30)
        assert all(line[0] not in style.NO_LINE_START for line in lines[1:]), (n, lines)


def test_opening_bracket_does_not_end_a_line() -> None:
    lines = _body_lines("字" * 27 + "（注）" + "字" * 30)
    assert all(line[-1] not in style.NO_LINE_END for line in lines), lines


def test_numbers_are_not_split() -> None:
    lines = _body_lines("字" * 27 + "20260305" + "字" * 30)
    assert any(line.startswith("20260305") or "20260305" in line for line in lines), lines


def test_crafted_paragraph_in_pdf_has_no_bad_line_starts() -> None:
    # Each paragraph puts punctuation exactly where a naive 28-character wrap would start a line with it.
    paras = [Para("字" * (28 - 2) + mark + "字" * 40) for mark in "。，、；："]
    paras += [Para("字" * 28 + "。" + "字" * 40, indent=False), Para("字" * 27 + "，”" + "字" * 40, indent=False)]
    doc = Document("t", "t", page_numbers=False).add(*paras)
    words = _pages_words_from(pdf.render(doc))
    starts = [t[0] for _, _, items in words for _, _, _, t in items]
    assert starts and not set(starts) & set(FORBIDDEN_START)


# ---------------------------------------------------------------------------------------------- fonts
def test_fallback_font_is_shipped_and_registers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.FONT_DIR_ENV, raising=False)
    fonts.reset_cache()
    assert fonts.fallback_file().is_file()
    assert (fonts.fallback_file().parent / "wqy-microhei.COPYRIGHT").is_file()
    shipped = {role: fonts.shipped_file(role) for role in fonts.ROLES}
    assert all(path.is_file() for path in shipped.values())
    # Song for title, body and page numbers, Kai and Hei for the headings: never one face for all.
    assert len(set(shipped.values())) == 3 and shipped["heading1"] == fonts.fallback_file()
    for name in ("arphic-uming-gb.ttf", "arphic-ukai-gb.ttf"):
        assert (fonts.fallback_file().parent / name).stat().st_size < 6_000_000
    assert (fonts.fallback_file().parent / "ARPHICPL.TXT").is_file()
    if not any(fonts._find_family(getattr(fonts.Fonts(), r), fonts.font_dirs()) for r in fonts.ROLES):
        for role in fonts.ROLES:  # no office fonts on this machine: the shipped faces
            assert fonts.font_file(role) == shipped[role]
    name = fonts.pdf_font("body")
    assert pdfmetrics.getFont(name).stringWidth("2026年ABC", 16) > 0
    assert fonts.pdf_font("body") == name  # registered once, same name


def test_font_folder_is_searched_with_fallbacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    (folder / "SimHei.TTF").symlink_to(fonts.fallback_file())  # names compare case-insensitively
    (folder / "simkai.ttf").write_bytes(b"not a font")  # unusable: skipped, not fatal
    monkeypatch.setenv(fonts.FONT_DIR_ENV, str(folder))
    fonts.reset_cache()
    try:
        assert fonts.font_file("heading1") == folder / "SimHei.TTF"
        assert fonts.font_file("title") == folder / "SimHei.TTF"  # no 小标宋: 黑体 stands in
        assert fonts.font_file("heading2") == fonts.shipped_file("heading2")
        assert fonts.font_file("body") == fonts.shipped_file("body")
        assert fonts.pdf_font("heading1") != fonts.pdf_font("body")
    finally:
        monkeypatch.delenv(fonts.FONT_DIR_ENV)
        fonts.reset_cache()


def test_unknown_role_is_refused() -> None:
    with pytest.raises(ValueError):
        fonts.pdf_font("footnote")


# ---------------------------------------------------------------------------------------------- charts
def test_chart_png_has_the_requested_size() -> None:
    chart = Chart("各单位评查等次分布", ("市公安局", "区法院", "检察院"), (12, 7.5, 0))
    data = chart_png(chart, width_mm=150, dpi=200)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    assert image.width == round(150 / 25.4 * 200)
    assert image.height == round(chart_drawing(chart, 150 * 72 / 25.4).height * 200 / 72)
    grey = sum(image.convert("L").histogram()[:200])
    assert grey > 1000, "bars and text should be drawn"


def test_chart_grows_with_labels() -> None:
    few = chart_drawing(Chart("t", ("甲", "乙"), (1, 2)), 400)
    many = chart_drawing(Chart("t", tuple("甲乙丙丁戊己"), (1, 2, 3, 4, 5, 6)), 400)
    assert many.height > few.height and few.width == many.width == 400


def test_empty_chart_still_draws() -> None:
    assert chart_drawing(Chart("无数据", (), ()), 300).height > 0
