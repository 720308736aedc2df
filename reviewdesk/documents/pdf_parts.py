"""Chinese text for the PDF: line breaking with 避头尾 rules, and a flowable that draws the lines justified.

reportlab's own CJK wrap (`wordWrap="CJK"`, paragraph.cjkFragSplit) only hangs characters from its
Japanese-oriented ALL_CANNOT_START list, which misses the full-width ，；：？！》”… of Chinese text, ignores
characters that must not end a line (（《“), and cannot justify CJK lines (its justification stretches
spaces, and Chinese has none). So body text is set here, one font per block as the document model has
it: characters are packed greedily, a 3号 line may be squeezed by a quarter point per character (so that
28 characters fill the 156 mm line, as GB/T 9704's grid wants, like the Word file's character spacing), and a
break is moved so that no NO_LINE_START character opens a line and no NO_LINE_END character closes one.
Lines are justified by character spacing (PDF Tc), which also keeps the text extractable.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, black
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus.flowables import Flowable

from reviewdesk.documents.blocks import Align
from reviewdesk.documents.style import BODY_PT, BODY_TRACKING_PT, NO_LINE_END, NO_LINE_START

ASCENT_EM = 0.88  # CJK glyphs sit in an em box about 0.88 above and 0.12 below the baseline


@dataclass(frozen=True)
class TextStyle:
    """How one block's text is set: a single font and size, a fixed line pitch."""

    font: str
    size: float
    leading: float
    align: Align = "justify"
    first_indent: float = 0.0  # points, first line only
    right_indent: float = 0.0  # points kept free at the right (the date four characters in)
    color: Color = black
    space_before: float = 0.0
    space_after: float = 0.0
    hscale: float = 100.0  # horizontal scaling in % (a long letterhead is narrowed, as in the Word file)


@dataclass(frozen=True)
class Line:
    text: str
    width: float  # natural width at the style's size, no character spacing
    indent: float  # left offset of this line (the first-line indent)
    justify: bool  # stretch or squeeze to the full measure (every line but a paragraph's last)


# ---------------------------------------------------------------------------------------------- measuring
_width_cache: dict[str, tuple[dict[int, float], float]] = {}


def char_widths(text: str, font: str, size: float) -> list[float]:
    """Per-character advance widths; read from the font's width table directly because calling
    stringWidth once per character is slow on long documents."""
    if font not in _width_cache:
        face = getattr(pdfmetrics.getFont(font), "face", None)
        if face is None:  # a standard Type 1 font (tests): measure through reportlab
            return [pdfmetrics.stringWidth(ch, font, size) for ch in text]
        _width_cache[font] = (face.charWidths, face.defaultWidth)
    table, default = _width_cache[font]
    return [table.get(ord(ch), default) * size / 1000.0 for ch in text]


def _latin(ch: str) -> bool:
    """Part of a Latin word or number ("2026", "A-12"), which must not be split across lines."""
    return ch.isascii() and not ch.isspace()


def _bad_break(text: str, k: int) -> bool:
    """Breaking before index k would start a line with a 避头 character, end one with a 避尾 character,
    or split a Latin word or number."""
    before, after = text[k - 1], text[k]
    return after in NO_LINE_START or before in NO_LINE_END or (_latin(before) and _latin(after))


# ---------------------------------------------------------------------------------------------- breaking
def break_lines(text: str, font: str, size: float, width: float, first_indent: float = 0.0) -> list[Line]:
    """Break `text` into lines no wider than `width` (after squeezing); "\\n" forces a break."""
    return list(_broken(text, font, size, width, first_indent))


@functools.lru_cache(maxsize=4096)
def _broken(text: str, font: str, size: float, width: float, first_indent: float) -> tuple[Line, ...]:
    """break_lines, remembered while one document is laid out (a heading's keep-with-next room, the
    signatures' keep and the page layout break the same paragraphs again); `forget_breaks` empties it after
    each document, so that no text stays in memory and one document never speeds up another."""
    lines: list[Line] = []
    for n_seg, segment in enumerate(text.split("\n")):
        seg_lines = _break_segment(segment, char_widths(segment, font, size), size, width,
                                   first_indent if n_seg == 0 else 0.0)
        lines.extend(seg_lines)
    return tuple(lines)


def forget_breaks() -> None:
    _broken.cache_clear()


def _break_segment(text: str, widths: list[float], size: float, width: float, first_indent: float) -> list[Line]:
    if not text:
        return [Line("", 0.0, first_indent, False)]
    out: list[Line] = []
    pos, n = 0, len(text)
    while pos < n:
        indent = first_indent if not out else 0.0
        measure = width - indent
        end = _greedy_end(widths, pos, measure, size)
        if end < n:
            end = _adjust_break(text, widths, pos, end, measure, size)
        line = text[pos:end].rstrip(" ")
        out.append(Line(line, sum(widths[pos:pos + len(line)]), indent, end < n))
        pos = end
        while pos < n and text[pos] == " ":  # a space at a break is swallowed, as in Latin typesetting
            pos += 1
    return out


def tracking(size: float) -> float:
    """Points each character of `size` may give up to fit a line: 3号 body text is set 0.25 pt tight, as the
    Word file's character spacing; other sizes (tables) are set solid, as Word sets them."""
    return BODY_TRACKING_PT if abs(size - BODY_PT) < 0.01 else 0.0


def _fits(total: float, count: int, measure: float, size: float) -> bool:
    return total <= measure + count * tracking(size) + 1e-6


def _greedy_end(widths: list[float], pos: int, measure: float, size: float) -> int:
    """The first index past the longest run from `pos` that fits (at least one character, for progress).
    `_fits` inlined: this loop runs once per character of every document."""
    track, n = tracking(size), len(widths)
    total, end = 0.0, pos
    while end < n:
        grown = total + widths[end]
        if not grown <= measure + (end + 1 - pos) * track + 1e-6:
            break
        total = grown
        end += 1
    return max(end, pos + 1)


def _adjust_break(text: str, widths: list[float], pos: int, end: int, measure: float, size: float) -> int:
    """Move a break that would violate 避头尾: a single closing mark stays on this line, hanging (Word's and
    LibreOffice's hanging punctuation; the PDF squeezes the line to hold it); else push characters to the
    next line until the break is allowed; a line with no allowed break at all keeps the greedy break."""
    if text[end] in NO_LINE_START and (end + 1 == len(text) or not _bad_break(text, end + 1)):
        return end + 1
    k = end
    while k > pos + 1 and _bad_break(text, k):
        k -= 1
    return k if not _bad_break(text, k) else end


# ---------------------------------------------------------------------------------------------- flowable
class TextBlock(Flowable):
    """One block of plain text in one font, broken by `break_lines`, split across pages between lines
    (keeping at least two lines on each side, like Word's widow/orphan control)."""

    def __init__(self, text: str, style: TextStyle, lines: list[Line] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self._lines = lines
        self._fixed = lines is not None  # a split half keeps its lines (and its first-line indent)
        self._wrapped_for: float | None = None

    def _measure(self, avail_width: float) -> float:
        return avail_width - self.style.right_indent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._fixed and self._wrapped_for != availWidth:
            s = self.style
            # Break at the unscaled size in a proportionally wider measure: the same as narrowing the glyphs.
            widen = 100.0 / s.hscale
            self._lines = break_lines(self.text, s.font, s.size, self._measure(availWidth) * widen,
                                      s.first_indent * widen)
            self._wrapped_for = availWidth
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    @property
    def lines(self) -> list[Line]:
        return self._lines or []

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        n, fit = len(self.lines), int((availHeight + 1e-6) // self.style.leading)
        keep = min(fit, n - 2)
        if keep < 2:
            return []
        first = TextBlock(self.text, replace(self.style, space_after=0.0), self.lines[:keep])
        rest = TextBlock(self.text, replace(self.style, space_before=0.0), self.lines[keep:])
        return [first, rest]

    def draw(self) -> None:
        s, canv = self.style, self.canv
        canv.setFillColor(s.color)
        measure = self._measure(self.width)
        baseline = self.height - (s.leading - s.size) / 2 - ASCENT_EM * s.size
        for line in self.lines:
            if line.text:
                self._draw_line(line, measure, baseline)
            baseline -= s.leading

    def _draw_line(self, line: Line, measure: float, y: float) -> None:
        s = self.style
        h = s.hscale / 100.0
        indent, width = line.indent * h, line.width * h  # lines were broken at the unscaled size
        room = measure - indent
        gaps = max(len(line.text) - 1, 1)
        if (line.justify and s.align == "justify") or width > room + 1e-6:
            spacing = (room - width) / gaps  # negative when the line was squeezed to fit
        else:
            spacing = 0.0
        drawn = width + spacing * (len(line.text) - 1)
        x = indent + {"right": room - drawn, "center": (room - drawn) / 2}.get(s.align, 0.0)
        text = self.canv.beginText(x, y)
        text.setFont(s.font, s.size)
        text.setHorizScale(s.hscale)
        text.setCharSpace(spacing / h)  # PDF scales character spacing by the horizontal scale too
        text.textOut(line.text)
        self.canv.drawText(text)


class Padded(Flowable):
    """Another flowable with space above and below (a chart Drawing refuses attributes it does not know,
    spaceBefore among them); the space is dropped at the top of a page like a paragraph's."""

    def __init__(self, inner: Flowable, before: float, after: float) -> None:
        super().__init__()
        self.inner = inner
        self.spaceBefore = before
        self.spaceAfter = after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


class TabbedLine(Flowable):
    """One line of text pieces starting at fixed x positions (points from the left margin), like Word's
    left tab stops: the signer lines "组长：  张某  签名：____"."""

    def __init__(self, pieces: list[tuple[float, str]], font: str, size: float, leading: float) -> None:
        super().__init__()
        self.pieces = pieces
        self.font, self.size, self.leading = font, size, leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.leading
        return self.width, self.height

    def draw(self) -> None:
        baseline = self.height - (self.leading - self.size) / 2 - ASCENT_EM * self.size
        self.canv.setFont(self.font, self.size)
        for x, text in self.pieces:
            self.canv.drawString(x, baseline, text)
