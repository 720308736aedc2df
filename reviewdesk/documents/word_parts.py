"""Low-level pieces of the Word renderer: run fonts, paragraph geometry and OOXML elements python-docx has no
API for (character-unit indents, borders, repeat-header rows, fields).

Everything here works on python-docx objects in memory; `word.py` decides which block gets which piece.
Custom elements are inserted in the order the WordprocessingML schema requires, because Word refuses
(“unreadable content”) files whose property elements are out of sequence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from copy import deepcopy

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reviewdesk.documents import style

TWIPS_PER_PT = 20
CHAR_TWIPS = round(style.BODY_PT * TWIPS_PER_PT)  # one 3号 character: the unit of indents and tab stops
LINE_PITCH_TWIPS = round(style.LINE_PITCH_PT * TWIPS_PER_PT)
TEXT_TWIPS = round((style.PAGE_WIDTH_MM - style.MARGIN_LEFT_MM - style.MARGIN_RIGHT_MM) / 25.4 * 1440)
# Character spacing of 3号 runs (twentieths of a point, w:spacing): 28 characters of 16 pt exceed the 156 mm
# line by 5.8 pt, so each is set 0.25 pt tighter (the PDF fits its lines with the same figure).
TRACKING = -round(style.BODY_TRACKING_PT * TWIPS_PER_PT)


def chars_per_line(size_pt: float = style.BODY_PT, tracking: int = TRACKING) -> int:
    """How many characters of `size_pt` with `tracking` fit the text block's width (Word's arithmetic)."""
    return math.floor(TEXT_TWIPS / (size_pt * TWIPS_PER_PT + tracking))

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}

# Schema order of the children of w:pPr, w:rPr, w:tblPr and w:trPr (ECMA-376 Part 1, section 17).
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription", "tblPrChange",
)
TRPR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
)


# ---------------------------------------------------------------------------------------------- XML helpers
def element(tag: str, **attrs: str) -> BaseOxmlElement:
    """A w: element with w: attributes: element("lang", val="zh-CN") → <w:lang w:val="zh-CN"/>."""
    el = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def put(parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]) -> BaseOxmlElement:
    """Insert `child` into `parent` at its schema position, replacing an existing element of the same tag."""
    local = child.tag.split("}")[1]
    for old in parent.findall(qn(f"w:{local}")):
        parent.remove(old)
    rank = order.index(local)
    later = {qn(f"w:{t}") for t in order[rank + 1:]}
    for i, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def set_rfonts(rpr: BaseOxmlElement, east_asian: str, latin: str) -> None:
    """Name all four font slots; the hint sends shared punctuation (“”—…) to the East Asian face, so
    Chinese quotes and dashes print full-width instead of in Times New Roman."""
    fonts = element("rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asian, cs=latin, hint="eastAsia")
    put(rpr, fonts, RPR_ORDER)


def set_lang(rpr: BaseOxmlElement) -> None:
    """zh-CN for East Asian text: Word picks fonts, line breaking and proofing by this, not by the text."""
    put(rpr, element("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"), RPR_ORDER)


# ---------------------------------------------------------------------------------------------- runs
# Run and paragraph properties are built once per distinct style through python-docx, then copied: an
# opinion has thousands of runs and table cells, and python-docx's per-property calls were most of its time.
_RUN_PROPS: dict[tuple[object, ...], BaseOxmlElement] = {}
_PARA_PROPS: dict[tuple[object, ...], BaseOxmlElement] = {}


def add_run(paragraph: Paragraph, text: str, font: str, size: float, latin: str,
            color: tuple[int, int, int] | None = None) -> Run:
    """A run with every font slot named, never bold (GB/T 9704 sets headings by typeface, not weight)."""
    key = (font, size, latin, color)
    props = _RUN_PROPS.get(key)
    if props is not None:
        return _fast_run(paragraph, text, props)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = False
    if color is not None:
        run.font.color.rgb = RGBColor(*color)
    set_rfonts(run._r.get_or_add_rPr(), font, latin)
    if abs(size - style.BODY_PT) < 0.01:
        put(run._r.get_or_add_rPr(), element("spacing", val=str(TRACKING)), RPR_ORDER)
    _RUN_PROPS[key] = deepcopy(run._r.rPr)
    return run


def _fast_run(paragraph: Paragraph, text: str, props: BaseOxmlElement) -> Run:
    """The run python-docx's add_run(text) makes, with a copy of `props` as its properties, built directly:
    one w:t (space preserved when the text starts or ends with white space). Text with tabs or line breaks,
    which python-docx turns into w:tab and w:br, still goes through it."""
    r = paragraph._p.add_r()
    r.insert(0, deepcopy(props))
    run = Run(r, paragraph)
    if any(ch in text for ch in "\t\n\r"):
        run.text = text
    elif text:
        t = OxmlElement("w:t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(qn("xml:space"), "preserve")
        r.append(t)
    return run


def add_field(paragraph: Paragraph, instruction: str, placeholder: str, font: str, size: float) -> None:
    """A complex field (begin / instrText / separate / result / end), each run in the same font, so Word
    and LibreOffice print the computed value ("PAGE" → the page number) in that font."""
    parts: list[BaseOxmlElement | None] = [
        element("fldChar", fldCharType="begin"),
        _instr(instruction),
        element("fldChar", fldCharType="separate"),
        None,  # the cached result, as ordinary text
        element("fldChar", fldCharType="end"),
    ]
    for part in parts:
        run = add_run(paragraph, placeholder if part is None else "", font, size, font)
        if part is not None:
            run._r.append(part)


def _instr(instruction: str) -> BaseOxmlElement:
    el = OxmlElement("w:instrText")
    el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    el.text = f" {instruction} "
    return el


# ---------------------------------------------------------------------------------------------- paragraphs
def set_geometry(paragraph: Paragraph, *, align: str = "justify", indent_chars: float = 0.0,
                 line_pt: float | None = style.LINE_PITCH_PT, before_pt: float = 0.0,
                 after_pt: float = 0.0, grid: bool = True) -> None:
    """Alignment, first-line indent in characters, line spacing and spacing around the paragraph.

    `line_pt` None means single spacing (tables, pictures): an exact pitch would clip a picture. Only lines
    of exactly the body pitch snap to the 22-line document grid; any other line (letterhead, cells, spacers,
    footers) opts out, or LibreOffice would round it up to whole grid lines; so does text of another size
    than 3号 (`grid` False), which the character grid would spread over whole grid cells."""
    key = (align, indent_chars, line_pt, before_pt, after_pt, grid)
    fresh = paragraph._p.pPr is None or len(paragraph._p.pPr) == 0
    if fresh and key in _PARA_PROPS:
        if paragraph._p.pPr is not None:
            paragraph._p.remove(paragraph._p.pPr)
        paragraph._p.insert(0, deepcopy(_PARA_PROPS[key]))
        return
    _apply_geometry(paragraph, align, indent_chars, line_pt, before_pt, after_pt, grid)
    if fresh:
        _PARA_PROPS[key] = deepcopy(paragraph._p.pPr)


def _apply_geometry(paragraph: Paragraph, align: str, indent_chars: float, line_pt: float | None,
                    before_pt: float, after_pt: float, grid: bool) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGN[align]
    fmt.space_before = Pt(before_pt)
    fmt.space_after = Pt(after_pt)
    if line_pt is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing = Pt(line_pt)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    if indent_chars:
        set_indent(paragraph, first_chars=indent_chars)
    if not grid or line_pt is None or abs(line_pt - style.LINE_PITCH_PT) > 0.01:
        put(paragraph._p.get_or_add_pPr(), element("snapToGrid", val="0"), PPR_ORDER)
    # No space between CJK and Latin or digits, on the paragraph itself: LibreOffice ignores the style's.
    for tag in ("autoSpaceDE", "autoSpaceDN"):
        put(paragraph._p.get_or_add_pPr(), element(tag, val="0"), PPR_ORDER)


def set_char_scale(run: Run, percent: int) -> None:
    """Horizontal character scaling (w:w): how offices fit a long office name on one letterhead line."""
    put(run._r.get_or_add_rPr(), element("w", val=str(percent)), RPR_ORDER)


def set_indent(paragraph: Paragraph, *, first_chars: float = 0.0, left_chars: float = 0.0,
               right_chars: float = 0.0) -> None:
    """Indents in characters. Word reads the *Chars attributes (hundredths of a character); LibreOffice and
    older readers use the twips beside them, which equal the same characters of 3号 type."""
    attrs: dict[str, str] = {}
    for side, chars in (("firstLine", first_chars), ("left", left_chars), ("right", right_chars)):
        if chars:
            attrs[side] = str(round(chars * CHAR_TWIPS))
            attrs[f"{side}Chars"] = str(round(chars * 100))
    put(paragraph._p.get_or_add_pPr(), element("ind", **attrs), PPR_ORDER)


def set_outline_level(paragraph: Paragraph, level: int) -> None:
    """Headings stay Normal-styled (no theme colours or bold to undo) but still show in the navigation pane."""
    put(paragraph._p.get_or_add_pPr(), element("outlineLvl", val=str(level - 1)), PPR_ORDER)


def set_bottom_rule(paragraph: Paragraph, color: tuple[int, int, int], eighths: int, space_pt: int) -> None:
    """A bottom border: the red rule under the letterhead. Width in eighths of a point, gap in points."""
    border = element("bottom", val="single", sz=str(eighths), space=str(space_pt),
                     color="{:02X}{:02X}{:02X}".format(*color))
    pbdr = element("pBdr")
    pbdr.append(border)
    put(paragraph._p.get_or_add_pPr(), pbdr, PPR_ORDER)


def set_frame(paragraph: Paragraph, width: int, height: int, top: int) -> None:
    """Put the paragraph in a frame `width` × `height` twips, centred in the text block, its top `top` twips
    below the top of the page; paragraphs with the same frame share it."""
    frame = element("framePr", w=str(width), h=str(height), hRule="exact", wrap="around", hAnchor="margin",
                    vAnchor="page", xAlign="center", y=str(top))
    put(paragraph._p.get_or_add_pPr(), frame, PPR_ORDER)


def set_rules(paragraph: Paragraph, rules: dict[str, int]) -> None:
    """Black rules above and/or below a paragraph ({"top": eighths of a point, "bottom": …}), on its edges."""
    pbdr = element("pBdr")
    for side in ("top", "bottom"):
        if side in rules:
            pbdr.append(element(side, val="single", sz=str(rules[side]), space="0", color="000000"))
    put(paragraph._p.get_or_add_pPr(), pbdr, PPR_ORDER)


def add_tab(paragraph: Paragraph, kind: str, position_twips: int) -> None:
    """A tab stop (left/right/center) at a position from the paragraph's left indent."""
    tabs = element("tabs")
    tabs.append(element("tab", val=kind, pos=str(position_twips)))
    put(paragraph._p.get_or_add_pPr(), tabs, PPR_ORDER)


def text_width_chars(text: str) -> float:
    """Printed width in 3号 characters: CJK and full-width forms take one, ASCII (digits) half of one."""
    return sum(0.5 if ord(ch) < 0x2E80 and not 0xFF00 <= ord(ch) <= 0xFFEF else 1.0 for ch in text)


# ---------------------------------------------------------------------------------------------- tables
def set_row_flags(tr: BaseOxmlElement, header: bool, exact_twips: int = 0) -> None:
    """cantSplit keeps each row on one page; tblHeader repeats header rows on every page; `exact_twips`
    fixes the row's height."""
    trpr = tr.get_or_add_trPr()
    put(trpr, element("cantSplit"), TRPR_ORDER)
    if exact_twips:
        put(trpr, element("trHeight", val=str(exact_twips), hRule="exact"), TRPR_ORDER)
    if header:
        put(trpr, element("tblHeader"), TRPR_ORDER)


def table_properties(tbl: BaseOxmlElement, widths_twips: Sequence[int], margin_twips: int) -> None:
    """Fixed layout, total width, centred, single 0.5 pt borders and roomy cell margins, written explicitly
    so the table looks the same whether or not the reader applies the "Table Grid" style."""
    tblpr = tbl.tblPr
    put(tblpr, element("tblW", w=str(sum(widths_twips)), type="dxa"), TBLPR_ORDER)
    put(tblpr, element("jc", val="center"), TBLPR_ORDER)
    borders = element("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(side, val="single", sz="4", space="0", color="000000"))
    put(tblpr, borders, TBLPR_ORDER)
    put(tblpr, element("tblLayout", type="fixed"), TBLPR_ORDER)
    margins = element("tblCellMar")
    for side, value in (("top", margin_twips // 2), ("left", margin_twips), ("bottom", margin_twips // 2),
                        ("right", margin_twips)):
        margins.append(element(side, w=str(value), type="dxa"))
    put(tblpr, margins, TBLPR_ORDER)
    for col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_twips, strict=True):
        col.set(qn("w:w"), str(w))
