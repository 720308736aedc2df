"""Word (.docx) renderer: a `Document` of blocks laid out as a GB/T 9704-2012 official document.

Built on python-docx's default template, patched in code rather than shipped as a file: the template is US
Letter with an East Asian theme language of ja-JP (Chinese text would fall back to a Japanese face), so the
page, margins, document grid, default fonts and languages are all rewritten here. Every run names its East
Asian font explicitly; fonts are not embedded in a .docx, so the names are those Windows offices have.

The file is assembled and saved in memory only: the content is confidential and never touches the disk.
"""

from __future__ import annotations

import io
import math
import threading
import zipfile
from copy import deepcopy
from datetime import UTC, datetime

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, Twips
from docx.table import _Row
from docx.text.paragraph import Paragraph

from reviewdesk import clock
from reviewdesk.documents import style
from reviewdesk.documents import word_parts as wp
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
from reviewdesk.documents.style import Fonts

DEFAULT_FONTS = Fonts()
SEAL_PAGE_LINES = 2  # lines of body text that stay with the signatures (as pdf.SEAL_PAGE_LINES)
TEXT_WIDTH_MM = style.PAGE_WIDTH_MM - style.MARGIN_LEFT_MM - style.MARGIN_RIGHT_MM  # 156 mm
TEXT_WIDTH_TWIPS = round(TEXT_WIDTH_MM / 25.4 * 1440)
CHART_WIDTH_MM = 150.0
LETTERHEAD_MAX_PT = 32.0  # large red office name (as the PDF); shrunk (not below 2号) to stay on one line
LETTERHEAD_MIN_SCALE = 60  # narrowest horizontal scaling (%) before a very long name wraps instead
RULE_EIGHTHS = 12  # the red rule: 1.5 pt
COLOPHON_THICK_EIGHTHS = round(style.COLOPHON_THICK_PT * 8)  # 0.35 mm
COLOPHON_THIN_EIGHTHS = round(style.COLOPHON_THIN_PT * 8)  # 0.25 mm
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>ReviewDesk</Application>"
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
TABLE_GRID_STYLE_ID = "TableGrid"  # the id of python-docx's template style "Table Grid"
CELL_MARGIN_TWIPS = 100  # ≈ 1.8 mm left/right inside table cells (half of that above and below)
PAGE_NUMBER_LINE_PT = style.PAGE_NUMBER_PT * 1.2
THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
STYLES_WITH_EFFECTS_REL = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def render(doc: Document, fonts: Fonts = DEFAULT_FONTS) -> bytes:
    """The .docx bytes for `doc`, built entirely in memory."""
    word = _base(fonts, doc.page_numbers, doc.page_foot, doc.draft)
    _core_properties(word, doc)
    _Writer(word, fonts).write(doc.blocks)
    return _saved(word, doc.dated or clock.now())


ZIP_LEVEL = 3  # deflate level of the package members: zipfile's default 6 is ~15 % smaller and ~25 % slower


class _DatedZip:
    """python-docx's physical package writer, with every member dated `stamp` (python-docx stamps them with
    the current time), so that the same document prints to the same bytes."""

    def __init__(self, out: io.BytesIO, stamp: tuple[int, int, int, int, int, int]) -> None:
        self._zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
        self._stamp = stamp

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        member = zipfile.ZipInfo(pack_uri.membername, date_time=self._stamp)
        member.compress_type = zipfile.ZIP_DEFLATED
        self._zip.writestr(member, blob, compresslevel=ZIP_LEVEL)

    def close(self) -> None:
        self._zip.close()


# The shared parts of the bases (styles, settings, theme, footers…: never changed once a base is made, and the
# bases live as long as the process, so their ids are never reused) serialized once: their XML is most of what
# each document writes. A part a document adds itself (a chart's picture) is not among them.
_SHARED_IDS: set[int] = set()
_SHARED_XML: dict[int, tuple[bytes, bytes | None]] = {}


def _part_xml(part: object) -> tuple[bytes, bytes | None]:
    """A part's blob and its relationships' XML (None without relationships)."""
    rels = part.rels  # type: ignore[attr-defined]
    return part.blob, (rels.xml if len(rels) else None)  # type: ignore[attr-defined]


def _saved(word: WordDocument, when: datetime) -> bytes:
    """The package's bytes, written once (as python-docx's `save`, but dated)."""
    package = word.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _DatedZip(out, (max(when.year, 1980), when.month, when.day, 0, 0, 0))
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    for part in package.parts:  # as PackageWriter._write_parts, with the shared parts' XML made once
        if id(part) not in _SHARED_IDS:
            blob, rels = _part_xml(part)
        else:
            cached = _SHARED_XML.get(id(part))
            if cached is None:
                cached = _SHARED_XML[id(part)] = _part_xml(part)
            blob, rels = cached
        writer.write(part.partname, blob)
        if rels is not None:
            writer.write(part.partname.rels_uri, rels)
    writer.close()
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- package
OWN_PARTS = ("/word/document.xml", "/docProps/core.xml")  # the parts each document writes
# Each base with its shared parts by id (everything but OWN_PARTS): deepcopy's memo, so they are not copied.
_BASES: dict[tuple[Fonts, bool, str, bool], tuple[WordDocument, dict[int, object]]] = {}
_BASES_LOCK = threading.Lock()


def _base(fonts: Fonts, page_numbers: bool, page_foot: str, draft: bool) -> WordDocument:
    """A fresh copy of the patched template with its footers and header: parsing python-docx's template and
    rewriting its page, styles, settings, footers and header is done once per process and kind of page (a
    copy of the parsed package is cheaper than either)."""
    key = (fonts, page_numbers, page_foot, draft)
    with _BASES_LOCK:
        made = _BASES.get(key)
        if made is None:
            base = docx.Document()
            _setup_package(base, fonts)
            if page_numbers or page_foot:
                _footers(base, fonts, page_numbers, page_foot)
            if draft:
                _draft_mark(base, fonts)
            # Only the body and the core properties differ between documents; the other parts (styles,
            # settings, theme, footers…) are never changed after this and are shared, not copied.
            shared = {id(p): p for p in base.part.package.iter_parts() if str(p.partname) not in OWN_PARTS}
            made = _BASES[key] = (base, shared)
            _SHARED_IDS.update(shared)
        base, shared = made
        return deepcopy(base, dict(shared))  # a copy: deepcopy adds to its memo


def _setup_package(word: WordDocument, fonts: Fonts) -> None:
    _page_setup(word)
    _default_styles(word, fonts)
    # Word chooses the theme's East Asian script (and CJK line breaking) by this language.
    lang = word.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    _drop_template_leftovers(word)
    _app_properties(word)


def _app_properties(word: WordDocument) -> None:
    """docProps/app.xml names this application, not the template's "Microsoft Macintosh Word"."""
    for part in word.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML


def _page_setup(word: WordDocument) -> None:
    """A4 with the GB/T 9704 margins and a 22-line document grid."""
    section = word.sections[0]
    section.page_width, section.page_height = Mm(style.PAGE_WIDTH_MM), Mm(style.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(style.MARGIN_TOP_MM), Mm(style.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(style.MARGIN_LEFT_MM), Mm(style.MARGIN_RIGHT_MM)
    section.header_distance = Mm(15)
    # The footer's line box is centred on the page number's line, 7 mm below the text block.
    centre_mm = style.MARGIN_BOTTOM_MM - style.PAGE_NUMBER_GAP_MM
    section.footer_distance = Mm(centre_mm - PAGE_NUMBER_LINE_PT / 2 * 25.4 / 72)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = wp.element("docGrid")
        section._sectPr.append(grid)
    # 22 lines come from the exact 28.95 pt line spacing of every body line, 28 characters a line from the
    # body runs' character spacing (word_parts.TRACKING). No grid type: a linesAndChars grid with a
    # negative charSpace compresses characters in Word, but LibreOffice gives every 16 pt character two
    # 15.8 pt cells (14 a line); and a "lines" grid makes LibreOffice set every line 4 mm lower.
    grid.attrib.pop(qn("w:type"), None)
    grid.set(qn("w:linePitch"), str(wp.LINE_PITCH_TWIPS))


def _default_styles(word: WordDocument, fonts: Fonts) -> None:
    """docDefaults and Normal: 3号 仿宋 / Times New Roman, zh-CN, no spacing after paragraphs.

    The template's docDefaults point at theme fonts (w:eastAsiaTheme), which override explicit names, so the
    whole w:rFonts is replaced rather than amended."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _body_rpr(rpr, fonts)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    wp.put(ppr, wp.element("spacing", after="0", line="240", lineRule="auto"), wp.PPR_ORDER)
    # No extra space between CJK and Latin letters or digits: the PDF sets "第3页" solid, and Word's
    # autospacing would push lines past 28 characters.
    normal = word.styles["Normal"]
    for p in (ppr, normal.element.get_or_add_pPr()):  # LibreOffice reads them from the style only
        wp.put(p, wp.element("autoSpaceDE", val="0"), wp.PPR_ORDER)
        wp.put(p, wp.element("autoSpaceDN", val="0"), wp.PPR_ORDER)
    _body_rpr(normal.element.get_or_add_rPr(), fonts)
    normal.paragraph_format.widow_control = True


def _body_rpr(rpr: wp.BaseOxmlElement, fonts: Fonts) -> None:
    wp.set_rfonts(rpr, fonts.body, fonts.latin)
    size = str(round(style.BODY_PT * 2))  # half-points
    wp.put(rpr, wp.element("sz", val=size), wp.RPR_ORDER)
    wp.put(rpr, wp.element("szCs", val=size), wp.RPR_ORDER)
    wp.set_lang(rpr)


def _core_properties(word: WordDocument, doc: Document) -> None:
    """Title and author from the Document (replacing the template's "python-docx")."""
    core = word.core_properties
    core.title = doc.title
    core.author = doc.author
    core.last_modified_by = doc.author
    core.comments = ""
    core.revision = 1
    # The document's own date, not the time of printing: a reprint is identical. python-docx writes the
    # time with a "Z" whatever its offset, so hand it UTC.
    when = doc.dated or clock.now()
    core.created = core.modified = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)


def _drop_template_leftovers(word: WordDocument) -> None:
    """The template's thumbnail (a picture of some other page) and its stylesWithEffects copy of the styles,
    which still names the template's theme fonts and language."""
    for rels, reltype in ((word.part.package.rels, THUMBNAIL_REL), (word.part.rels, STYLES_WITH_EFFECTS_REL)):
        for rid in [rid for rid, rel in rels.items() if rel.reltype == reltype]:
            rels.pop(rid)


# ---------------------------------------------------------------------------------------------- footers
def _footers(word: WordDocument, fonts: Fonts, page_numbers: bool, page_foot: str) -> None:
    """"— N —" in 4号 宋体: right on odd pages, left on even pages, each one character in from the edge;
    under it the per-page signature line when the document has one."""
    section = word.sections[0]
    footers = [section.footer]
    if page_numbers:
        word.settings.odd_and_even_pages_header_footer = True
        footers.append(section.even_page_footer)
        _page_number_footer(section.footer.paragraphs[0], fonts, align="right")
        _page_number_footer(section.even_page_footer.paragraphs[0], fonts, align="left")
    if page_foot:
        for footer in footers:
            p = footer.paragraphs[0] if not page_numbers else footer.add_paragraph()
            # Its baseline PAGE_FOOT_GAP_MM below the text block, like the PDF's.
            line = style.PAGE_FOOT_PT * 1.2
            wp.set_geometry(p, align="left", line_pt=line)
            wp.set_indent(p, left_chars=1)
            wp.add_run(p, page_foot + style.SIGNATURE_BLANK, fonts.body, style.PAGE_FOOT_PT, fonts.latin)
        # The footer grows upwards from its distance: the signature line's baseline lands about
        # PAGE_FOOT_GAP_MM below the text block, the page number stays above it.
        section.footer_distance = Mm(style.MARGIN_BOTTOM_MM - style.PAGE_FOOT_GAP_MM - 2.0)


def _draft_mark(word: WordDocument, fonts: Fonts) -> None:
    """A preview's mark: 草稿 at the right of every page's header (odd and even pages alike)."""
    section = word.sections[0]
    headers = [section.header]
    if word.settings.odd_and_even_pages_header_footer:
        headers.append(section.even_page_header)
    for header in headers:
        paragraph = header.paragraphs[0]
        wp.set_geometry(paragraph, align="right", line_pt=PAGE_NUMBER_LINE_PT)
        wp.add_run(paragraph, "草稿", fonts.heading1, style.BODY_PT, fonts.heading1, color=(0xC0, 0, 0))


def _page_number_footer(paragraph: Paragraph, fonts: Fonts, align: str) -> None:
    wp.set_geometry(paragraph, align=align, line_pt=PAGE_NUMBER_LINE_PT)
    if align == "right":
        wp.set_indent(paragraph, right_chars=1)
    else:
        wp.set_indent(paragraph, left_chars=1)
    font, size = fonts.page_number, style.PAGE_NUMBER_PT
    # GB/T 9704 asks for 宋体 digits too (半角宋体阿拉伯数字), so every slot is the page-number face.
    wp.add_run(paragraph, "— ", font, size, font)
    wp.add_field(paragraph, "PAGE", "1", font, size)
    wp.add_run(paragraph, " —", font, size, font)


# ---------------------------------------------------------------------------------------------- blocks
class _Writer:
    """Appends blocks to the body in order; remembers a pending page break and the last paragraph."""

    def __init__(self, word: WordDocument, fonts: Fonts) -> None:
        self.word = word
        self.fonts = fonts
        self.break_pending = False
        self.last: Paragraph | None = None
        self.last_table: BaseOxmlElement | None = None  # the w:tbl just written, until the next paragraph
        self.body: list[tuple[Paragraph, float]] = []  # body paragraphs since the last other block, and widths

    def write(self, blocks: list[Block]) -> None:
        i = 0
        while i < len(blocks):
            block = blocks[i]
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, Letterhead) and isinstance(following, DocNumber):
                self.letterhead(block, following)  # the number belongs above the letterhead's red rule
                i += 2
                continue
            self.block(block)
            i += 1
        if self.last is None:  # Word wants at least one paragraph in the body
            self.blank()

    def block(self, block: Block) -> None:
        if isinstance(block, AnnexNote | Signatures):
            self.keep_body_with_next()
        elif not isinstance(block, Para):
            self.body.clear()  # only paragraphs right before the signatures go with them
        match block:
            case Letterhead():
                self.letterhead(block, None)
            case Title():
                self.title(block)
            case DocNumber():
                self.centred(block.text, self.fonts.body, style.BODY_PT)
            case Heading():
                self.heading(block)
            case Para():
                self.para(block)
            case Table():
                self.table(block)
            case Chart():
                self.chart(block)
            case Signatures():
                self.signatures(block)
            case AnnexNote():
                self.annex_note(block)
            case AnnexHead():
                self.annex_head(block)
            case Colophon():
                self.colophon(block)
            case PageBreak():
                # Carried as "page break before" on the next paragraph: a paragraph holding only a break
                # would leave an empty line at the top of the new page.
                self.break_pending = True

    # -- paragraphs
    def paragraph(self) -> Paragraph:
        self.last_table = None
        p = self.word.add_paragraph()
        if self.break_pending:
            p.paragraph_format.page_break_before = True
            self.break_pending = False
        self.last = p
        return p

    def text(self, text: str, font: str, size: float, color: tuple[int, int, int] | None = None, *,
             align: str = "justify", indent_chars: float = 0.0, line_pt: float | None = style.LINE_PITCH_PT,
             after_pt: float = 0.0, grid: bool = True) -> Paragraph:
        """A new body paragraph with one run of `text` (none when empty) and the given geometry. `grid`
        False: off the document grid (text of another size than 3号 would take whole grid cells)."""
        p = self.paragraph()
        wp.set_geometry(p, align=align, indent_chars=indent_chars, line_pt=line_pt, after_pt=after_pt,
                        grid=grid and abs(size - style.BODY_PT) < 0.01)
        if text:
            wp.add_run(p, text, font, size, self.fonts.latin, color)
        return p

    def blank(self, lines: float = 1.0) -> Paragraph:
        return self.text("", self.fonts.body, style.BODY_PT, line_pt=style.LINE_PITCH_PT * lines)

    def centred(self, text: str, font: str, size: float) -> Paragraph:
        return self.text(text, font, size, align="center")

    def letterhead(self, block: Letterhead, number: DocNumber | None) -> None:
        """Red organ name, its top 35 mm below the text block's top; the document number two lines under
        it; the red rule 4 mm under the number (under the name when there is none); the title two lines
        under the rule."""
        if not block.text:  # an empty letterhead is omitted; its number still prints
            if number is not None:
                self.centred(number.text, self.fonts.body, style.BODY_PT)
            return
        size, scale = _letterhead_size(block.text)
        head = self.text(block.text, self.fonts.title, size, style.RED, align="center",
                         line_pt=size * style.LETTERHEAD_LEADING,
                         after_pt=2 * style.LINE_PITCH_PT if number is not None else 0.0)
        head.paragraph_format.space_before = Pt(style.letterhead_offset_pt(size))
        if scale < 100:
            wp.set_char_scale(head.runs[0], scale)
        ruled = head if number is None else self.centred(number.text, self.fonts.body, style.BODY_PT)
        gap = style.number_rule_gap_pt() if number is not None else 0.0
        wp.set_bottom_rule(ruled, style.RED, RULE_EIGHTHS, round(gap))
        # GB/T 9704 sets the title two lines below the red rule.
        ruled.paragraph_format.space_after = Pt(2 * style.LINE_PITCH_PT)

    def title(self, block: Title) -> None:
        self.text(block.text, self.fonts.title, style.TITLE_PT, align="center", after_pt=style.LINE_PITCH_PT,
                  grid=False)

    def heading(self, block: Heading) -> None:
        font = {1: self.fonts.heading1, 2: self.fonts.heading2}.get(block.level, self.fonts.body)
        p = self.text(block.text, font, style.BODY_PT, indent_chars=2)
        p.paragraph_format.keep_with_next = True
        wp.set_outline_level(p, block.level)

    def para(self, block: Para) -> None:
        p = self.text(block.text, self.fonts.body, style.BODY_PT, align=block.align,
                      indent_chars=2 if block.indent else 0)
        self.body.append((p, wp.text_width_chars(block.text) + (2 if block.indent else 0)))

    def keep_body_with_next(self) -> None:
        """The seal page carries body text (GB/T 9704 7.3.5): the body paragraphs right before, at least
        two lines of them, move whole with what follows (keep lines together, keep with next), as the PDF
        moves them (pdf._signed_with_text)."""
        lines = 0
        while self.body and lines < SEAL_PAGE_LINES:
            p, width = self.body.pop()
            p.paragraph_format.keep_together = True
            p.paragraph_format.keep_with_next = True
            lines += max(1, math.ceil(width / style.CHARS_PER_LINE))
        self.body.clear()

    # -- tables and charts
    def table(self, block: Table) -> None:
        if block.caption:
            cap = self.centred(block.caption, self.fonts.heading1, style.BODY_PT)
            cap.paragraph_format.space_before = Pt(style.LINE_PITCH_PT / 2)
            cap.paragraph_format.keep_with_next = True
        elif self.break_pending:
            # A table cannot carry "page break before": a hairline paragraph does instead.
            self.text("", self.fonts.body, 1.0, line_pt=1.0)
        table = _TableWriter(self.word, self.fonts, block).write()
        # Always end a table with a paragraph: adjacent tables would merge into one, and a body must not
        # end with a table. Half a line also keeps the next text off the bottom rule.
        self.blank(0.5)
        self.last_table = table

    def chart(self, block: Chart) -> None:
        from reviewdesk.documents.charts import chart_png  # reportlab is imported only when a chart prints

        png = chart_png(block, CHART_WIDTH_MM)
        p = self.text("", self.fonts.body, style.BODY_PT, align="center", line_pt=None)
        # Half a line above and below, as the PDF pads its chart.
        p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(style.LINE_PITCH_PT / 2)
        p.add_run().add_picture(io.BytesIO(png), width=Mm(CHART_WIDTH_MM))

    # -- annexes and 版记
    def annex_note(self, block: AnnexNote) -> None:
        """附件说明 one blank line under the body, two characters in; it stays with the body text before it
        and the signatures after it."""
        self.keep_last()
        self.blank().paragraph_format.keep_with_next = True
        for line in block.lines():
            self.text(line, self.fonts.body, style.BODY_PT, align="left", indent_chars=2)
            self.keep_last()

    def annex_head(self, block: AnnexHead) -> None:
        """"附件N" 3号黑体 at the top left of a new page, the annex title on the third line."""
        self.break_pending = True
        label = self.text(block.label, self.fonts.heading1, style.BODY_PT, align="left",
                          after_pt=style.LINE_PITCH_PT)
        label.paragraph_format.keep_with_next = True
        self.title(Title(block.title))
        self.keep_last()

    def colophon(self, block: Colophon) -> None:
        """版记 at the foot of the last page, its last rule on the text block's last line: a thick rule, 抄送, a
        thin rule, 印发机关 and "…印发", a thick rule; 4号, one character in from each side.

        Two paragraph frames (w:framePr) placed by their distance from the page top, the 抄送 above the
        印发 line, each ruled above and below by its paragraph border. Word and LibreOffice both place such
        frames; LibreOffice sets a floating table inline, and drops the frame of paragraphs whose borders
        differ or carry a rule between them, hence one frame per rule pattern."""
        copy = block.copy_line()
        bottom = round((style.PAGE_HEIGHT_MM - style.MARGIN_BOTTOM_MM) / 25.4 * 1440)
        pitch = wp.LINE_PITCH_TWIPS
        copy_rows = colophon_lines(copy)
        if copy:
            self._colophon_line(copy, "", bottom - (copy_rows + 1) * pitch, copy_rows,
                                    {"top": COLOPHON_THICK_EIGHTHS, "bottom": COLOPHON_THIN_EIGHTHS})
        rules = {"bottom": COLOPHON_THICK_EIGHTHS} if copy else {"top": COLOPHON_THICK_EIGHTHS,
                                                                  "bottom": COLOPHON_THICK_EIGHTHS}
        self._colophon_line(block.issuer, block.issued_line(), bottom - pitch, 1, rules)
        self.text("", self.fonts.body, 1.0, line_pt=1.0)  # the frames' anchor, outside them

    def _colophon_line(self, text: str, right: str, top: int, rows: int, rules: dict[str, int]) -> Paragraph:
        p = self.paragraph()
        wp.set_geometry(p, align="left", line_pt=style.LINE_PITCH_PT, grid=False)
        wp.set_indent(p, left_chars=1, right_chars=1)
        wp.set_frame(p, wp.TEXT_TWIPS, rows * wp.LINE_PITCH_TWIPS, top)
        wp.set_rules(p, rules)
        wp.add_run(p, text, self.fonts.body, style.COLOPHON_PT, self.fonts.latin)
        if right:
            wp.add_tab(p, "right", wp.TEXT_TWIPS - 2 * wp.CHAR_TWIPS)
            wp.add_run(p, "\t" + right, self.fonts.body, style.COLOPHON_PT, self.fonts.latin)
        return p

    # -- signatures
    def keep_last(self) -> None:
        if self.last is not None:
            self.last.paragraph_format.keep_with_next = True

    def signatures(self, block: Signatures) -> None:
        """Signer lines, room for the seal, then the office centred over the date, the date four characters
        from the right margin, the 附注 below. Kept together and with the text above (keep-with-next and
        widow control move at least two lines of it), or with a table's last two rows: a seal must not
        stand alone on a page."""
        self.keep_last()
        if self.last_table is not None:
            rows = self.last_table.findall(qn("w:tr"))
            for tr in rows[-3:] if len(rows) > 4 else ():  # the last two rows, as the PDF splits them off
                for ppr in tr.iter(qn("w:pPr")):
                    wp.put(ppr, wp.element("keepNext"), wp.PPR_ORDER)
        lines: list[Paragraph] = [self.blank()]
        for role, name in block.signers:
            lines.append(self.signer(role, name))
        # Room for the seal: three lines (as the PDF), or one line when nobody seals.
        lines.extend([self.blank(), self.blank(), self.blank()] if block.seal_room else [self.blank()])
        date_chars = wp.text_width_chars(block.date_text)
        if block.office:
            # 发文机关署名 is centred on the date (GB/T 9704 7.3.5.1), never past the right margin.
            shift = 4 + (date_chars - wp.text_width_chars(block.office)) / 2
            office = self.text(block.office, self.fonts.body, style.BODY_PT, align="right")
            wp.set_indent(office, right_chars=max(shift, 0.0))
            lines.append(office)
        date = self.text(block.date_text, self.fonts.body, style.BODY_PT, align="right")
        wp.set_indent(date, right_chars=4)
        lines.append(date)
        if block.note:
            lines.append(self.text(f"（{block.note}）", self.fonts.body, style.BODY_PT, align="left",
                                   indent_chars=2))
        for p in lines[:-1]:
            p.paragraph_format.keep_with_next = True

    def signer(self, role: str, name: str) -> Paragraph:
        """"组长（签名）：______________  张某": the hand signature goes on the line, the printed name after
        it, in the same words as the PDF."""
        return self.text(style.signer_line(role, name), self.fonts.body, style.BODY_PT,
                         align="left", indent_chars=2)


class _TableWriter:
    """One ruled table: widths scaled to the text block, 黑体 header rows repeated on every page."""

    def __init__(self, word: WordDocument, fonts: Fonts, block: Table) -> None:
        self.word = word
        self.fonts = fonts
        self.block = block
        self.widths = _scaled_widths(block, TEXT_WIDTH_TWIPS)
        self.centred_cols = [self._fits_one_line(c) for c in range(len(self.widths))]
        self.cell_props: dict[int, BaseOxmlElement] = {}

    def write(self) -> BaseOxmlElement:
        """The header row and the first body row are built through python-docx; every further body row is a
        copy of the first one before its text went in (rows differ only in their text), which is much
        cheaper for the long score tables."""
        block = self.block
        table = self.word.add_table(rows=1 + min(len(block.rows), 1), cols=len(self.widths))
        # The template's "Table Grid" style, by its id (looking it up by name searches every style each time).
        wp.put(table._tbl.tblPr, wp.element("tblStyle", val=TABLE_GRID_STYLE_ID), wp.TBLPR_ORDER)
        wp.table_properties(table._tbl, self.widths, CELL_MARGIN_TWIPS)
        rows = table.rows
        self.fill(self.empty_row(rows[0], header=True), block.header, header=True)
        if block.rows:
            first = self.empty_row(rows[1], header=False)
            blank = deepcopy(first)
            trs = [first]
            for _ in block.rows[1:]:
                trs.append(deepcopy(blank))
                trs[-2].addnext(trs[-1])
            for tr, values in zip(trs, block.rows, strict=True):
                self.fill(tr, values, header=False)
        return table._tbl

    def empty_row(self, row: _Row, header: bool) -> BaseOxmlElement:
        """The row's flags, each cell's properties and its paragraph's geometry; no text yet."""
        wp.set_row_flags(row._tr, header=header)
        for col, cell in enumerate(row.cells):
            props = self.cell_props.get(col)
            if props is None:  # built once per column through python-docx, then copied (see word_parts)
                cell.width = Twips(self.widths[col])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                self.cell_props[col] = deepcopy(cell._tc.tcPr)
            else:
                if cell._tc.tcPr is not None:
                    cell._tc.remove(cell._tc.tcPr)
                cell._tc.insert(0, deepcopy(props))
            align = "center" if header or self.centred_cols[col] else "justify"
            # The PDF's cell leading (1.35 × the size), exactly: single spacing follows each face's own line
            # height, and the rows (so the page breaks) would differ from the PDF's.
            wp.set_geometry(cell.paragraphs[0], align=align, line_pt=round(self.block.size * 1.35, 2))
        return row._tr

    def fill(self, tr: BaseOxmlElement, values: tuple[str, ...], header: bool) -> None:
        font = self.fonts.heading1 if header else self.fonts.body
        for tc, value in zip(tr.tc_lst, values, strict=True):
            if value:
                wp.add_run(Paragraph(tc.p_lst[0], None), value, font, self.block.size, self.fonts.latin)

    def _fits_one_line(self, col: int) -> bool:
        """Short columns (numbers, grades, names) are centred; a column with any wrapping text is justified,
        so one column never mixes the two."""
        room = (self.widths[col] - 2 * CELL_MARGIN_TWIPS) / (self.block.size * wp.TWIPS_PER_PT)
        cells = [row[col] for row in self.block.rows]
        return all("\n" not in v and wp.text_width_chars(v) <= room for v in cells)


def _scaled_widths(block: Table, total: int) -> list[int]:
    """Relative widths → twips summing exactly to `total` (the rounding remainder goes to the last column),
    headers kept whole as in the PDF (style.column_widths)."""
    widths = [round(w * wp.TWIPS_PER_PT) for w in style.column_widths(
        block.widths, block.header, block.size, total / wp.TWIPS_PER_PT, CELL_MARGIN_TWIPS / wp.TWIPS_PER_PT,
        block.rows)]
    widths[-1] += total - sum(widths)
    return widths


def colophon_lines(copy_line: str) -> int:
    """Lines the 抄送 takes in 4号 between the 版记's insets (none when nobody is copied); its closing 。
    hangs at the end of the line, as in the PDF."""
    if not copy_line:
        return 0
    room = math.floor((wp.TEXT_TWIPS - 2 * wp.CHAR_TWIPS) / (style.COLOPHON_PT * wp.TWIPS_PER_PT))
    width = wp.text_width_chars(copy_line) - (1 if copy_line[-1] in style.NO_LINE_START else 0)
    return max(1, math.ceil(width / room))


def _letterhead_size(text: str) -> tuple[float, int]:
    """Point size and horizontal scale (%) of the office name: as large as LETTERHEAD_MAX_PT allows while it
    fits on one line; below 2号 the characters are narrowed instead (not under LETTERHEAD_MIN_SCALE)."""
    # Every character counted full width: CJK faces set × and digits wide, and a wrapped name looks broken.
    fit = TEXT_WIDTH_MM / 25.4 * 72 / max(len(text), 1) * 0.97
    if fit >= style.TITLE_PT:
        return min(LETTERHEAD_MAX_PT, fit), 100
    return style.TITLE_PT, max(int(fit / style.TITLE_PT * 100), LETTERHEAD_MIN_SCALE)
