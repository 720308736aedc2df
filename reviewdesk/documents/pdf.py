"""The PDF renderer: a `Document` to PDF bytes in GB/T 9704 layout, built in memory with reportlab platypus.

Never written to a temporary file (the content is confidential): the caller gets bytes. Fonts are
TrueType files embedded as subsets (`fonts.py`); text is set by `pdf_parts.TextBlock`, which keeps Chinese
line-breaking rules and justifies lines. Spacing follows GB/T 9704: the red rule under the document number,
the title two lines below it, one blank line under the title; the signature block one line below the text
with room for the seal, the date four characters in from the right margin and the office centred over it.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as RLTable
from reportlab.platypus.flowables import Flowable, Spacer

from reviewdesk.documents import style
from reviewdesk.documents.blocks import (
    AnnexHead,
    AnnexNote,
    Block,
    Chart,
    Colophon,
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
from reviewdesk.documents.charts import chart_drawing
from reviewdesk.documents.fonts import pdf_font
from reviewdesk.documents.pdf_parts import (
    ASCENT_EM,
    Padded,
    TabbedLine,
    TextBlock,
    TextStyle,
    break_lines,
    forget_breaks,
)
from reviewdesk.documents.style import Fonts

DEFLATE_LEVEL = 3  # page streams and font subsets: zlib's default 6 is ~4 % smaller and ~15 % slower


class _Deflate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's FlateDecode filter at DEFLATE_LEVEL: reportlab compresses at zlib's default and has no
    setting for it; its one filter object (pdfdoc.PDFZCompress, looked up when a stream is written) is
    replaced once, for every PDF this process makes."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, DEFLATE_LEVEL)


pdfdoc.PDFZCompress = _Deflate()

PAGE_W, PAGE_H = style.PAGE_WIDTH_MM * mm, style.PAGE_HEIGHT_MM * mm
LEFT, RIGHT = style.MARGIN_LEFT_MM * mm, style.MARGIN_RIGHT_MM * mm
TOP, BOTTOM = style.MARGIN_TOP_MM * mm, style.MARGIN_BOTTOM_MM * mm
TEXT_W, TEXT_H = PAGE_W - LEFT - RIGHT, PAGE_H - TOP - BOTTOM  # 156 × 225 mm
PITCH = style.LINE_PITCH_PT
CHAR = style.BODY_PT  # one 3号 character: the unit of indents
RED = Color(*(c / 255 for c in style.RED))
# These match word.py, so that the two files print alike.
LETTERHEAD_MAX_PT = 32.0  # large red office name; shrunk (not below 2号) so it stays on one line
LETTERHEAD_MIN_SCALE = 60.0  # narrowest horizontal scaling (%) before a very long name wraps instead
RULE_PT = 1.5  # the red rule under the document number
TABLE_RULE_PT = 0.5
CELL_PAD_V, CELL_PAD_H = 2.5, 5.0
CHART_W = 150 * mm
SIGNER_INDENT = 2.0  # characters, like a first-line indent


@dataclass(frozen=True)
class Faces:
    """The registered reportlab font names, one per role, resolved once per render."""

    title: str
    body: str
    heading1: str
    heading2: str
    page_number: str

    @classmethod
    def of(cls, fonts: Fonts) -> Faces:
        return cls(*(pdf_font(role, fonts) for role in ("title", "body", "heading1", "heading2", "page_number")))

    def heading(self, level: int) -> str:
        return {1: self.heading1, 2: self.heading2}.get(level, self.body)


def render(doc: Document, fonts: Fonts = Fonts()) -> bytes:  # noqa: B008 (Fonts is frozen)
    """The document as PDF bytes: A4, GB/T 9704 margins, every font embedded."""
    faces = Faces.of(fonts)
    out = io.BytesIO()
    template = BaseDocTemplate(
        out, pagesize=(PAGE_W, PAGE_H), leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
        bottomMargin=BOTTOM, title=doc.title, author=doc.author, creator="ReviewDesk", producer="ReviewDesk",
        lang="zh-CN", displayDocTitle=True,
        # invariant: identical input gives identical bytes (no timestamp or random file id in the output).
        invariant=True,
        # The canvas opens every page with a font; name an embedded one so no Helvetica is referenced.
        initialFontName=faces.body, initialFontSize=style.BODY_PT, initialLeading=PITCH,
    )
    frame = Frame(LEFT, BOTTOM, TEXT_W, TEXT_H, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id="text")
    painters = [_page_number_painter(faces.page_number)] if doc.page_numbers else []
    if doc.page_foot:
        painters.append(_page_foot_painter(doc.page_foot, faces.body))
    if doc.draft:
        painters.append(_draft_marker(faces.heading1))
    template.addPageTemplates([PageTemplate(id="body", frames=[frame], onPage=_painting(painters))])
    try:
        template.build(_signed_with_text(list(story(doc.blocks, faces))))
    finally:
        forget_breaks()
    return out.getvalue()


Painter = Callable[[Canvas, BaseDocTemplate], None]


def _painting(painters: list[Painter]) -> Painter:
    def paint(canvas: Canvas, doc: BaseDocTemplate) -> None:
        for painter in painters:
            painter(canvas, doc)

    return paint


def _page_foot_painter(text: str, font: str) -> Painter:
    """The per-page signature line (谈话笔录: "被谈话人签名：") below the page number, one character in from
    the left edge of the text block, with a blank line to sign on."""
    size = style.PAGE_FOOT_PT
    baseline = BOTTOM - style.PAGE_FOOT_GAP_MM * mm

    def paint(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(black)
        canvas.drawString(LEFT + style.BODY_PT, baseline, text + style.SIGNATURE_BLANK)
        canvas.restoreState()

    return paint


DRAFT_MARK = "草稿"


def _draft_marker(font: str) -> Painter:
    """A preview's mark: 草稿 in red at the top right of the header area and a pale diagonal watermark."""

    def paint(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColorRGB(0.8, 0, 0)
        canvas.setFont(font, style.BODY_PT)
        canvas.drawRightString(LEFT + TEXT_W, PAGE_H - TOP / 2, DRAFT_MARK)
        canvas.setFillColorRGB(0.9, 0.9, 0.9)
        canvas.setFont(font, 120)
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -40, DRAFT_MARK)
        canvas.restoreState()

    return paint


# ---------------------------------------------------------------------------------------------- page numbers
def _page_number_painter(font: str) -> Painter:
    """GB/T 9704: "— N —" in 4号, its dash line 7 mm below the text block; odd pages right, even pages
    left, one character in from the edge of the text block."""
    size = style.PAGE_NUMBER_PT
    baseline = BOTTOM - style.PAGE_NUMBER_GAP_MM * mm - 0.35 * size  # the dash sits ~0.35 em up

    def paint(canvas: Canvas, doc: BaseDocTemplate) -> None:
        n = canvas.getPageNumber()
        text = style.page_number_text(n)
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(black)
        if n % 2:
            canvas.drawRightString(LEFT + TEXT_W - size, baseline, text)
        else:
            canvas.drawString(LEFT + size, baseline, text)
        canvas.restoreState()

    return paint


# ---------------------------------------------------------------------------------------------- blocks
def story(blocks: list[Block], faces: Faces) -> Iterator[Flowable]:
    """Flowables for the blocks, in order."""
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        match block:
            case Letterhead(text=text):
                yield from _letterhead(text, faces, numbered=isinstance(following, DocNumber))
            case DocNumber(text=text):
                yield _text(text, faces.body, align="center")
                if i and isinstance(blocks[i - 1], Letterhead) and blocks[i - 1].text:
                    yield _red_rule()
            case Title(text=text):
                yield _text(text, faces.title, size=style.TITLE_PT, align="center", after=PITCH)
            case AnnexNote():
                yield from _annex_note(block, faces)
            case AnnexHead(label=label, title=title):
                # 附件 另面编排: "附件N" on the first line, the title on the third.
                yield RLPageBreak()
                yield _text(label, faces.heading1, align="left", after=PITCH)
                yield _text(title, faces.title, size=style.TITLE_PT, align="center", after=PITCH)
            case Colophon():
                yield ColophonBlock(block, faces.body)
            case Heading(level=level, text=text):
                head = _text(text, faces.heading(level), indent=2 * CHAR)
                yield CondPageBreak(_keep_height(head, following, faces))
                yield HeadingLine(head.text, head.style)
            case Para(text=text, indent=indent, align=align):
                yield _text(text, faces.body, align=align, indent=2 * CHAR if indent else 0.0)
            case Table():
                yield from _table(block, faces, split_tail=isinstance(following, Signatures))
            case Chart():
                drawing = chart_drawing(block, CHART_W)
                drawing.hAlign = "CENTER"
                yield Padded(drawing, PITCH / 2, PITCH / 2)
            case Signatures():
                yield _signatures(block, faces)
            case PageBreak():
                yield RLPageBreak()


def _text(text: str, font: str, *, size: float = style.BODY_PT, align: str = "justify", indent: float = 0.0,
          before: float = 0.0, after: float = 0.0, color: Color = black, leading: float = PITCH,
          right_indent: float = 0.0) -> TextBlock:
    return TextBlock(text, TextStyle(font=font, size=size, leading=leading, align=align,  # type: ignore[arg-type]
                                     first_indent=indent, right_indent=right_indent, color=color,
                                     space_before=before, space_after=after))


def _keep_height(head: TextBlock, following: Block | None, faces: Faces) -> float:
    """Room a heading needs at the bottom of a page: itself plus what of the next paragraph may stay
    there — two lines of it, or all of a paragraph of three lines or fewer, which widow and orphan control
    never splits (Word's keep-with-next does the same). reportlab's keepWithNext would move a heading and its
    whole next paragraph to a new page, leaving half-empty pages."""
    head.wrap(TEXT_W, TEXT_H)
    need = head.height + 2 * PITCH
    if isinstance(following, Para):
        indent = 2 * CHAR if following.indent else 0.0
        lines = len(break_lines(following.text, faces.body, style.BODY_PT, TEXT_W, indent))
        need = head.height + (lines if lines <= 3 else 2) * PITCH
    elif isinstance(following, Table):
        need = head.height + _table_head_height(following, faces)
    elif isinstance(following, Chart):
        need = head.height + chart_drawing(following, CHART_W).height + PITCH
    return min(need, TEXT_H - 1)


def _letterhead(text: str, faces: Faces, numbered: bool) -> Iterator[Flowable]:
    """The organ's name in red on one line, its top 35 mm below the text block's top; the document number
    two lines below it, then the rule (under the name when there is no number)."""
    if not text:
        return
    size, scale = letterhead_size(text, faces.title)
    yield Spacer(TEXT_W, style.letterhead_offset_pt(size))  # a Spacer, unlike spaceBefore, counts at a page top
    head = _text(text, faces.title, size=size, align="center", color=RED, leading=size * style.LETTERHEAD_LEADING,
                 after=2 * PITCH if numbered else 0.0)
    yield TextBlock(text, replace(head.style, hscale=scale))
    if not numbered:
        yield _red_rule()


def letterhead_size(text: str, font: str) -> tuple[float, float]:
    """Point size and horizontal scale (%): as large as LETTERHEAD_MAX_PT while the name fits on one line;
    below 2号 the characters are narrowed instead (not under LETTERHEAD_MIN_SCALE), as word.py does."""
    fit = TEXT_W / max(stringWidth(text, font, 1.0), 0.5) * 0.97
    if fit >= style.TITLE_PT:
        return min(LETTERHEAD_MAX_PT, fit), 100.0
    return style.TITLE_PT, max(fit / style.TITLE_PT * 100, LETTERHEAD_MIN_SCALE)


def _red_rule() -> Flowable:
    """GB/T 9704: a red rule the width of the text block 4 mm under the document number's glyphs; the
    title is set two lines below it."""
    return HRFlowable(width="100%", thickness=RULE_PT, color=RED, lineCap="butt",
                      spaceBefore=style.number_rule_gap_pt(), spaceAfter=2 * PITCH, hAlign="CENTER",
                      vAlign="BOTTOM")


def _annex_note(note: AnnexNote, faces: Faces) -> Iterator[Flowable]:
    """附件说明: a blank line above, two characters in, later names aligned under the first."""
    for n, line in enumerate(note.lines()):
        yield AnnexLine(line, _text(line, faces.body, align="left", indent=2 * CHAR,
                                    before=PITCH if n == 0 else 0.0).style)


class HeadingLine(TextBlock):
    """A heading: goes with the paragraphs that the signatures take along (`_signed_with_text`), never
    left alone at the foot of a page."""


class AnnexLine(TextBlock):
    """A line of the 附件说明: stays on the seal page with the signatures (`_signed_with_text`)."""


class ColophonBlock(Flowable):
    """版记 at the foot of the page it lands on: it takes the rest of the frame and draws itself at the
    bottom, its last rule on the text block's last line; on a page without room it moves to the next."""

    def __init__(self, colophon: Colophon, font: str) -> None:
        super().__init__()
        self.colophon, self.font = colophon, font
        inset = style.BODY_PT  # one 3号 character in from each side
        copy = colophon.copy_line()
        # Continuation lines of a long 抄送 align with the first name (after "抄送：").
        first = break_lines(copy, font, style.COLOPHON_PT, TEXT_W - 2 * inset) if copy else []
        self.copy_lines = [line.text for line in first]
        self.own = PITCH * (len(self.copy_lines) + 1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, max(self.own, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        c, size, inset = self.canv, style.COLOPHON_PT, style.BODY_PT
        c.saveState()
        c.setStrokeColor(black)
        c.setFillColor(black)
        c.setFont(self.font, size)

        def rule(at: float, width: float) -> None:
            c.setLineWidth(width)
            c.line(0, at, self.width, at)

        def baseline(top: float) -> float:
            return top - (PITCH - size) / 2 - ASCENT_EM * size

        y = self.own
        rule(y, style.COLOPHON_THICK_PT)
        for line in self.copy_lines:
            c.drawString(inset, baseline(y), line)
            y -= PITCH
        if self.copy_lines:
            rule(y, style.COLOPHON_THIN_PT)
        c.drawString(inset, baseline(y), self.colophon.issuer)
        c.drawRightString(self.width - inset, baseline(y), self.colophon.issued_line())
        rule(0, style.COLOPHON_THICK_PT)
        c.restoreState()


# ---------------------------------------------------------------------------------------------- tables
def _table(table: Table, faces: Faces, split_tail: bool = False) -> Iterator[Flowable]:
    header, rows = _cells(table, faces)
    keep = 2 if split_tail and len(rows) > 3 else 0  # the last rows go with the signatures that follow
    rl = RLTable([header, *rows[:len(rows) - keep]], colWidths=_col_widths(table), repeatRows=1, hAlign="CENTER",
                 spaceAfter=0.0 if keep else PITCH / 2)
    rl.setStyle(_table_style(faces, table.size))
    if table.caption:
        caption = _text(table.caption, faces.heading1, align="center")
        caption.wrap(TEXT_W, TEXT_H)
        # The caption stays with the header and the first rows.
        yield CondPageBreak(min(caption.height + _table_head_height(table, faces), TEXT_H - 1))
        yield caption
    yield rl
    if keep:
        tail = TableTail(rows[-keep:], colWidths=_col_widths(table), hAlign="CENTER", spaceAfter=PITCH / 2)
        tail.setStyle(_table_style(faces, table.size))
        yield tail


def _cell(text: str, font: str, size: float, align: str) -> TextBlock:
    return _text(text, font, size=size, align=align, leading=round(size * 1.35, 2))


def _col_widths(table: Table) -> list[float]:
    return style.column_widths(table.widths, table.header, table.size, TEXT_W, CELL_PAD_H, table.rows)


def _cells(table: Table, faces: Faces) -> tuple[list[TextBlock], list[list[TextBlock]]]:
    widths = _col_widths(table)
    header = [_cell(t, faces.heading1, table.size, "center") for t in table.header]
    aligns = ["center" if _fits_one_line(table, c, widths[c], faces.body) else "justify" for c in range(len(widths))]
    return header, [[_cell(t, faces.body, table.size, aligns[c]) for c, t in enumerate(row)] for row in table.rows]


def _rl_table(table: Table, faces: Faces) -> RLTable:
    header, rows = _cells(table, faces)
    rl = RLTable([header, *rows], colWidths=_col_widths(table), repeatRows=1, hAlign="CENTER",
                 spaceAfter=PITCH / 2)
    rl.setStyle(_table_style(faces, table.size))
    return rl


def _table_style(faces: Faces, size: float) -> TableStyle:
    return TableStyle([
        # Cells are flowables, but reportlab still sets each cell's font (Helvetica unless told), which
        # would put an un-embedded Helvetica into the PDF.
        ("FONT", (0, 0), (-1, -1), faces.body, size),
        ("GRID", (0, 0), (-1, -1), TABLE_RULE_PT, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_V),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_V),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_H),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_H),
    ])


def _fits_one_line(table: Table, col: int, width: float, font: str) -> bool:
    """Short columns (numbers, grades, names) are centred; a column with any wrapping text is justified, so
    one column never mixes the two (the rule word.py follows)."""
    room = width - 2 * CELL_PAD_H
    return all("\n" not in row[col] and stringWidth(row[col], font, table.size) <= room for row in table.rows)


def _table_head_height(table: Table, faces: Faces) -> float:
    """Header row plus the first two body rows: what must fit before a caption or heading is worth
    starting at the bottom of a page."""
    head = Table(table.header, table.rows[:2], table.widths, table.size)
    _, height = _rl_table(head, faces).wrap(TEXT_W, TEXT_H)
    return height


# ---------------------------------------------------------------------------------------------- signatures
def _signatures(sig: Signatures, faces: Faces) -> Flowable:
    """Signer lines, room for the seal, then the office centred over the date, the date ending four
    characters from the right margin; the 附注 in parentheses on the line below. Kept on one page, on the
    grid of body lines (as the Word file)."""
    parts: list[Flowable] = [Spacer(TEXT_W, PITCH)]
    role_x = SIGNER_INDENT * CHAR
    for role, name in sig.signers:
        pieces = [(role_x, style.signer_line(role, name))]
        parts.append(TabbedLine(pieces, faces.body, style.BODY_PT, PITCH))
    parts.append(Spacer(TEXT_W, PITCH * (3 if sig.seal_room else 1)))
    date_w = stringWidth(sig.date_text, faces.body, style.BODY_PT)
    office_w = stringWidth(sig.office, faces.body, style.BODY_PT)
    # Centre the office over the date (GB/T 9704 7.3.5.1); a longer name may extend towards, but not past,
    # the margin.
    office_right = max(4 * CHAR + (date_w - office_w) / 2, 0.0)
    if sig.office:
        parts.append(_text(sig.office, faces.body, align="right", right_indent=office_right))
    parts.append(_text(sig.date_text, faces.body, align="right", right_indent=4 * CHAR))
    if sig.note:
        parts.append(_text(f"（{sig.note}）", faces.body, align="left", indent=2 * CHAR))
    return SignatureBlock(parts)


class SignatureBlock(KeepTogether):
    """The signature block; `_signed_with_text` keeps it with the text before it."""


class TableTail(RLTable):
    """The last rows of a table that the signatures follow, split off so that they go with them."""


SEAL_PAGE_LINES = 2  # GB/T 9704 7.3.5: the seal page carries body text; at least two lines of it


def _signed_with_text(flowables: list[Flowable]) -> list[Flowable]:
    """GB/T 9704 never lets the signatures and date stand alone on a page: they move together with the
    附件说明 and the body paragraphs before them, whole, until at least two lines (the Word file keeps
    the same paragraphs together and with the next: LibreOffice moves a kept paragraph whole), or the last
    rows of a table."""
    out: list[Flowable] = []
    for f in flowables:
        if isinstance(f, SignatureBlock):
            keep: list[Flowable] = []
            while out and isinstance(out[-1], AnnexLine):
                keep.insert(0, out.pop())
            lines = 0
            while out and lines < SEAL_PAGE_LINES and type(out[-1]) is TextBlock:
                para = out.pop()
                para.wrap(TEXT_W, TEXT_H)
                keep.insert(0, para)
                lines += len(para.lines)
            while lines and out and isinstance(out[-1], HeadingLine):  # Word: the heading keeps with next
                keep.insert(0, out.pop())
            if not lines and out and isinstance(out[-1], TableTail):
                keep.insert(0, out.pop())
            f = SignatureBlock([*keep, *f._content])
        out.append(f)
    return out
