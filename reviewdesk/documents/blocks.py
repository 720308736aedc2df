"""The document model both renderers read: a flat list of blocks in GB/T 9704 terms.

Composers (opinion, score sheet, recusal form, interview record, campaign report) build a `Document`;
`word.render` and `pdf.render` turn the same `Document` into a .docx and a PDF, so the two print alike.
Text is plain Unicode; numbering ("一、", "（一）", "1.") is part of a heading's text, never added by a
renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Align = Literal["justify", "left", "center", "right"]


@dataclass(frozen=True)
class Letterhead:
    """发文机关标志: the issuing organ's name (or name + 文件) in red 小标宋, its top 35 mm below the top of
    the text block (GB/T 9704 7.2.1); the 发文字号 follows two lines below it, then the red rule 4 mm under
    the number and the title two lines under the rule. Omitted when empty."""

    text: str


@dataclass(frozen=True)
class Title:
    """公文标题: 2号 (22 pt) 小标宋, centred; may wrap onto several lines."""

    text: str


@dataclass(frozen=True)
class DocNumber:
    """发文字号 such as ×政法评〔2026〕3号: centred 3号 仿宋 under the letterhead, above the red rule."""

    text: str


@dataclass(frozen=True)
class Heading:
    """Level 1 "一、" 黑体; level 2 "（一）" 楷体; levels 3 "1." and 4 "（1）" 仿宋. All 16 pt, not bold;
    the text carries its own number."""

    level: Literal[1, 2, 3, 4]
    text: str


@dataclass(frozen=True)
class Para:
    """Body text, 3号 仿宋. `indent`: first line indented two characters."""

    text: str
    indent: bool = True
    align: Align = "justify"


@dataclass(frozen=True)
class Table:
    """A ruled table. `widths` are relative column widths (any unit; renderers scale them to the text
    block); `header_rows` rows repeat on every page and are set in 黑体. `size` is the font size in points
    (tables use 4号/小4 so that a score sheet fits)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    size: float = 12.0
    caption: str = ""  # printed above the table, centred 黑体 (e.g. "表1 评查等次分布")

    def __post_init__(self) -> None:
        n = len(self.widths)
        if len(self.header) != n or any(len(r) != n for r in self.rows):
            raise ValueError("every table row must have one cell per column width")


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart of counts (campaign report): one bar per label, largest first as given."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str = "件"


@dataclass(frozen=True)
class Signatures:
    """Signature block: one line per signer ("组长：" + blank for the hand signature), then the office name
    and the date placed four characters from the right margin, with room above for the seal."""

    signers: tuple[tuple[str, str], ...]  # (role label, printed name): ("组长", "张某"), ("成员", "李某")
    office: str
    date_text: str  # "2026年3月5日" (no zero padding)
    seal_room: bool = True
    note: str = ""  # 附注 (e.g. the contact line): in parentheses, two characters in, the line under the date


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class AnnexNote:
    """附件说明 (GB/T 9704 7.3.4): one blank line below the body, "附件：1. 名称", further names aligned under
    the first. The names are the annexes' own titles. Kept on the seal page with the signatures."""

    names: tuple[str, ...]

    def lines(self) -> list[str]:
        if len(self.names) == 1:
            return [f"附件：{self.names[0]}"]
        return [("附件：" if n == 1 else "\u3000" * 3) + f"{n}. {name}" for n, name in enumerate(self.names, 1)]


@dataclass(frozen=True)
class AnnexHead:
    """The top of an annex (GB/T 9704 8): a new page, "附件N" in 3号黑体 at the top left (just "附件" for a
    lone annex, number 0), the annex title centred on the third line."""

    number: int
    title: str

    @property
    def label(self) -> str:
        return f"附件{self.number}" if self.number else "附件"


@dataclass(frozen=True)
class Colophon:
    """版记 (GB/T 9704 9): closes the last page, its last rule on the text block's last line. 抄送 (names
    joined by "，", ending "。"; none: no line), then 印发机关 left and "…印发" right, between a thick rule
    above, a thin rule between the two and a thick rule below; 4号 仿宋, one character in from each side."""

    copy_to: tuple[str, ...]
    issuer: str
    issued_on: str  # "2026年3月5日"

    def copy_line(self) -> str:
        return f"抄送：{'，'.join(self.copy_to)}。" if self.copy_to else ""

    def issued_line(self) -> str:
        return f"{self.issued_on}印发"


Block = (Letterhead | Title | DocNumber | Heading | Para | Table | Chart | Signatures | PageBreak | AnnexNote
         | AnnexHead | Colophon)


@dataclass
class Document:
    """What a renderer receives. `kind` names the document for file names and audit (opinion, score_sheet,
    recusal, interview, report); `page_numbers`: "— N —" outside the text block, right on odd pages and left
    on even pages."""

    kind: str
    title: str  # document property (Word core properties / PDF info title)
    blocks: list[Block] = field(default_factory=list)
    author: str = ""
    page_numbers: bool = True
    # The document's own date (its issue date): Word's docProps and the package's time stamps, so that a
    # reprint is byte for byte the same. None: the time of rendering.
    dated: datetime | None = None
    # A line repeated at the foot of every page inside the text block (the interview record's
    # "被谈话人签名：" for the interviewee to sign each page); empty: none.
    page_foot: str = ""
    draft: bool = False  # a preview: every page marked 草稿 in the header area (nothing was issued)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self


def cn_date(year: int, month: int, day: int) -> str:
    """GB/T 9704 dates: Arabic numerals without zero padding (2026年3月5日)."""
    return f"{year}年{month}月{day}日"


CN_NUMERALS = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (headings go up to a few dozen)."""
    if n <= 0 or n >= 100:
        raise ValueError(f"cn_number supports 1–99, got {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUMERALS[tens] + "十")
    return head + (CN_NUMERALS[ones] if ones else "")
