"""The PDF renderer: a `Document` to PDF bytes in GB/T 9704 layout, built in memory with reportlab platypus.

Never written to a temporary file (the content is confidential): the caller gets bytes. Fonts are
TrueType files embedded as subsets (`fonts.py`); text is set by `pdf_parts.TextBlock`, which keeps Chinese
line-breaking rules and justifies lines. Spacing follows GB/T 9704: the red rule under the document number,
the title two lines below it, one blank line under the title; the signature block one line below the text
with room for the seal, the date four characters in from the right margin and the office centred over it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
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
    Block,
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
from reviewdesk.documents.charts import chart_drawing
from reviewdesk.documents.fonts import pdf_font
from reviewdesk.documents.pdf_parts import Padded, TabbedLine, TextBlock, TextStyle
from reviewdesk.documents.style import Fonts

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
RULE_GAP = 4 * mm  # GB/T 9704: the rule 4 mm under the document number
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
    on_page = _page_number_painter(faces.page_number) if doc.page_numbers else _no_op
    if doc.draft:
        on_page = _draft_marker(on_page, faces.heading1)
    template.addPageTemplates([PageTemplate(id="body", frames=[frame], onPage=on_page)])
    template.build(_signed_with_text(list(story(doc.blocks, faces))))
    return out.getvalue()


def _no_op(canvas: Canvas, doc: BaseDocTemplate) -> None:
    pass


DRAFT_MARK = "草稿"


def _draft_marker(then: Callable[[Canvas, BaseDocTemplate], None], font: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    """A preview's mark: 草稿 in red at the top right of the header area and a pale diagonal watermark."""

    def paint(canvas: Canvas, doc: BaseDocTemplate) -> None:
        then(canvas, doc)
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
def _page_number_painter(font: str) -> Callable[[Canvas, BaseDocTemplate], None]:
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
                if i and isinstance(blocks[i - 1], Letterhead):
                    yield _red_rule()
            case Title(text=text):
                before = PITCH if _rule_ends_at(blocks, i - 1) else 0.0  # 红色分隔线下空二行
                yield _text(text, faces.title, size=style.TITLE_PT, align="center", before=before, after=PITCH)
            case Heading(level=level, text=text):
                head = _text(text, faces.heading(level), indent=2 * CHAR)
                yield CondPageBreak(_keep_height(head, following, faces))
                yield head
            case Para(text=text, indent=indent, align=align):
                yield _text(text, faces.body, align=align, indent=2 * CHAR if indent else 0.0)
            case Table():
                yield from _table(block, faces)
            case Chart():
                drawing = chart_drawing(block, CHART_W)
                drawing.hAlign = "CENTER"
                yield Padded(drawing, PITCH / 2, PITCH / 2)
            case Signatures():
                yield _signatures(block, faces)
            case PageBreak():
                yield RLPageBreak()


def _rule_ends_at(blocks: list[Block], i: int) -> bool:
    """Whether the red rule is drawn right after block i (after the number, or the letterhead alone)."""
    if i < 0:
        return False
    if isinstance(blocks[i], DocNumber):
        return i > 0 and isinstance(blocks[i - 1], Letterhead)
    return isinstance(blocks[i], Letterhead)


def _text(text: str, font: str, *, size: float = style.BODY_PT, align: str = "justify", indent: float = 0.0,
          before: float = 0.0, after: float = 0.0, color: Color = black, leading: float = PITCH,
          right_indent: float = 0.0) -> TextBlock:
    return TextBlock(text, TextStyle(font=font, size=size, leading=leading, align=align,  # type: ignore[arg-type]
                                     first_indent=indent, right_indent=right_indent, color=color,
                                     space_before=before, space_after=after))


def _keep_height(head: TextBlock, following: Block | None, faces: Faces) -> float:
    """Room a heading needs at the bottom of a page: itself plus two lines of what follows (Word's
    keep-with-next with widow control). reportlab's keepWithNext would move a heading and its whole
    next paragraph to a new page, leaving half-empty pages."""
    head.wrap(TEXT_W, TEXT_H)
    need = head.height + 2 * PITCH
    if isinstance(following, Table):
        need = head.height + _table_head_height(following, faces)
    elif isinstance(following, Chart):
        need = head.height + chart_drawing(following, CHART_W).height + PITCH
    return min(need, TEXT_H - 1)


def _letterhead(text: str, faces: Faces, numbered: bool) -> Iterator[Flowable]:
    """The office name in red on one line; the document number follows, then the rule."""
    size, scale = letterhead_size(text, faces.title)
    head = _text(text, faces.title, size=size, align="center", color=RED, leading=max(PITCH, size * 1.25),
                 after=PITCH if numbered else 0.0)
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
    """GB/T 9704: a red rule the width of the text block 4 mm under the document number; the title is set
    two lines below it."""
    return HRFlowable(width="100%", thickness=RULE_PT, color=RED, lineCap="butt", spaceBefore=RULE_GAP,
                      spaceAfter=PITCH - RULE_GAP, hAlign="CENTER", vAlign="BOTTOM")


# ---------------------------------------------------------------------------------------------- tables
def _table(table: Table, faces: Faces) -> Iterator[Flowable]:
    rl = _rl_table(table, faces)
    if table.caption:
        caption = _text(table.caption, faces.heading1, align="center")
        caption.wrap(TEXT_W, TEXT_H)
        # The caption stays with the header and the first rows.
        yield CondPageBreak(min(caption.height + _table_head_height(table, faces), TEXT_H - 1))
        yield caption
    yield rl


def _cell(text: str, font: str, size: float, align: str) -> TextBlock:
    return _text(text, font, size=size, align=align, leading=round(size * 1.35, 2))


def _rl_table(table: Table, faces: Faces) -> RLTable:
    total = sum(table.widths) or 1.0
    widths = [TEXT_W * w / total for w in table.widths]
    header = [_cell(t, faces.heading1, table.size, "center") for t in table.header]
    aligns = ["center" if _fits_one_line(table, c, widths[c], faces.body) else "justify" for c in range(len(widths))]
    rows = [[_cell(t, faces.body, table.size, aligns[c]) for c, t in enumerate(row)] for row in table.rows]
    rl = RLTable([header, *rows], colWidths=widths, repeatRows=1, hAlign="CENTER", spaceAfter=PITCH / 2)
    rl.setStyle(TableStyle([
        # Cells are flowables, but reportlab still sets each cell's font (Helvetica unless told), which
        # would put an un-embedded Helvetica into the PDF.
        ("FONT", (0, 0), (-1, -1), faces.body, table.size),
        ("GRID", (0, 0), (-1, -1), TABLE_RULE_PT, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_V),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_V),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_H),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_H),
    ]))
    return rl


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
    characters from the right margin. Kept on one page."""
    parts: list[Flowable] = [Spacer(TEXT_W, PITCH)]
    role_x = SIGNER_INDENT * CHAR
    for role, name in sig.signers:
        pieces = [(role_x, style.signer_line(role, name))]
        parts.append(TabbedLine(pieces, faces.body, style.BODY_PT, PITCH * 1.5))
    parts.append(Spacer(TEXT_W, PITCH * (3 if sig.seal_room else 1)))
    date_w = stringWidth(sig.date_text, faces.body, style.BODY_PT)
    office_w = stringWidth(sig.office, faces.body, style.BODY_PT)
    # Centre the office over the date (GB/T 9704 7.3.5.1); a longer name may extend towards, but not past,
    # the margin.
    office_right = max(4 * CHAR + (date_w - office_w) / 2, 0.0)
    if sig.office:
        parts.append(_text(sig.office, faces.body, align="right", right_indent=office_right))
    parts.append(_text(sig.date_text, faces.body, align="right", right_indent=4 * CHAR))
    return SignatureBlock(parts)


class SignatureBlock(KeepTogether):
    """The signature block; `_signed_with_text` keeps it with the text before it."""


def _signed_with_text(flowables: list[Flowable], lead_in: int = 2) -> list[Flowable]:
    """GB/T 9704 never lets the signatures and date stand alone on a page: they move together with up to
    `lead_in` paragraphs of text right before them."""
    out: list[Flowable] = []
    for f in flowables:
        if isinstance(f, SignatureBlock):
            keep: list[Flowable] = []
            while out and len(keep) < lead_in and isinstance(out[-1], TextBlock):  # text only, never a table
                keep.insert(0, out.pop())
            f = SignatureBlock([*keep, *f._content])
        out.append(f)
    return out
