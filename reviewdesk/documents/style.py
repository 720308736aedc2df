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
# Line pitch that gives 22 lines in the 225 mm text block: 225 mm / 22 ≈ 29.0 pt.
LINE_PITCH_PT = 225.0 / LINES_PER_PAGE / 25.4 * 72.0

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
