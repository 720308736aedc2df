"""GB/T 9704-2012 layout facts shared by the Word and PDF renderers (one place, so the two agree)."""

from __future__ import annotations

from dataclasses import dataclass

# A4 and the standard margins (mm): text block 156 × 225 mm, 22 lines × 28 characters of 3号 type.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 37.0
MARGIN_BOTTOM_MM = 35.0
MARGIN_LEFT_MM = 28.0
MARGIN_RIGHT_MM = 26.0
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
PAGE_NUMBER_GAP_MM = 7.0  # page number baseline area: 7 mm below the text block

# Sizes in points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 小4 = 12 pt.
TITLE_PT = 22.0
BODY_PT = 16.0
PAGE_NUMBER_PT = 14.0
# Line pitch that gives 22 lines in the 225 mm text block: 225 mm / 22 ≈ 28.98 pt, rounded down to whole
# twips (579, 28.95 pt) because Word stores line spacing in twips: rounded to the nearest (580) the 22 lines
# need 638 pt of the 637.8 and Word and LibreOffice set 21 a page.
LINE_PITCH_PT = (225.0 / 25.4 * 1440 / LINES_PER_PAGE) // 1 / 20

# 版头 (GB/T 9704 7.2): the 发文机关标志's top 35 mm below the text block's top, the 发文字号 two lines below
# it, the red rule 4 mm below the number, the title two lines below the rule.
LETTERHEAD_TOP_MM = 35.0
LETTERHEAD_LEADING = 1.25  # the letterhead's line box, in units of its size (the glyphs centred in it)
RULE_GAP_MM = 4.0
COLOPHON_PT = 14.0  # 版记 in 4号 仿宋
COLOPHON_THICK_PT = 0.35 / 25.4 * 72  # first and last rules of the 版记: 0.35 mm
COLOPHON_THIN_PT = 0.25 / 25.4 * 72  # the rules between its items: 0.25 mm
PAGE_FOOT_PT = 14.0  # the per-page signature line (谈话笔录) under the page number
PAGE_FOOT_GAP_MM = 16.0  # its baseline this far below the text block

# 3号 characters are set this much tighter (points) so that 28 fill the 156 mm line: Word's character spacing
# on body runs (−5 twentieths) and the PDF's line fitting use the same figure, so both break lines alike.
BODY_TRACKING_PT = 0.25

RED = (0xD0, 0x00, 0x00)  # letterhead and the red rule under it (RGB)

# Characters that must not open a line (避头) and that must not end one (避尾), per common Chinese typesetting
# practice; both renderers honour them (Word by its own East Asian line breaking, PDF by ours).
NO_LINE_START = "。，、；：？！）》」』】〕〉”’…—·%.,;:?!)]}"
NO_LINE_END = "（《「『【〔〈“‘([{"


@dataclass(frozen=True)
class Fonts:
    """Font families by role, as Windows offices name them. Word files name these in the East Asian slot;
    the PDF maps each role to a TrueType file (Windows system fonts when present, else the shipped
    fallback). The office profile may override them."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    page_number: str = "宋体"
    latin: str = "Times New Roman"


def page_number_text(n: int) -> str:
    """GB/T 9704 page number: an em dash, a space, the number, a space, an em dash."""
    return f"— {n} —"


SIGNATURE_BLANK = "_" * 14  # the line the hand signature goes on


def signer_line(role: str, name: str) -> str:
    """A signature line as both renderers print it: "组长（签名）：______________  张某"."""
    return f"{role}（签名）：{SIGNATURE_BLANK}  {name}"


def letterhead_offset_pt(size: float) -> float:
    """Space above the letterhead's line box so that its glyphs (centred in a box LETTERHEAD_LEADING × size
    high) start LETTERHEAD_TOP_MM below the top of the text block."""
    return LETTERHEAD_TOP_MM / 25.4 * 72 - (LETTERHEAD_LEADING - 1) * size / 2


def number_rule_gap_pt() -> float:
    """Space between the document number's line box and the red rule, so that the rule lies RULE_GAP_MM
    below the number's glyphs (3号, centred in a LINE_PITCH_PT line)."""
    return RULE_GAP_MM / 25.4 * 72 - (LINE_PITCH_PT - BODY_PT) / 2


def text_em(text: str) -> float:
    """Printed width in ems: CJK and full-width forms take one, ASCII (digits) half of one; the longest of
    several lines."""
    return max((sum(0.5 if ord(ch) < 0x2E80 and not 0xFF00 <= ord(ch) <= 0xFFEF else 1.0 for ch in line)
                for line in text.split("\n")), default=0.0)


SHORT_CELL_EM = 8.0  # cells up to this wide (dates, grades, counts) are kept on one line when there is room


def column_widths(relative: tuple[float, ...], header: tuple[str, ...], size: float, total: float,
                  padding: float, rows: tuple[tuple[str, ...], ...] = ()) -> list[float]:
    """Column widths summing to `total` in the proportions of `relative`, except that a column too narrow
    for its header's words on one line ("评查结/论"), or for short values such as "2027年1月5日", is
    widened to fit them, the others giving up the room in proportion. When they cannot all fit, the
    headers alone are fitted; when even those cannot, the proportions stand."""
    weights = list(relative) if sum(relative) > 0 else [1.0] * len(relative)
    heads = [text_em(h) for h in header]
    cells = [max((text_em(r[c]) for r in rows), default=0.0) for c in range(len(header))]
    wide = [max(h, c) if c <= SHORT_CELL_EM else h for h, c in zip(heads, cells, strict=True)]
    need = [w * size + 2 * padding + 1.0 for w in wide]
    if sum(need) > total:
        need = [h * size + 2 * padding + 1.0 for h in heads]
    if sum(need) > total:
        return [total * w / sum(weights) for w in weights]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        room = total - sum(fixed.values())
        share = sum(weights[i] for i in free) or 1.0
        widths = {i: room * weights[i] / share for i in free}
        short = {i: need[i] for i in free if widths[i] < need[i]}
        if not short:
            return [fixed.get(i, widths.get(i, 0.0)) for i in range(len(weights))]
        fixed.update(short)
