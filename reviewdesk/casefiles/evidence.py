"""Evidence references (卷×第×页) found in text, and the document and page each one points at.

A case file is counted as offices count it: volume by volume (a document without a volume is in volume 1),
its documents in file order (their package path), their pages running on through the volume. So 卷2第56页 is
the 56th page of volume 2: the document whose run of pages holds it, at its own page. The pattern is the
score sheet's (reviewdesk/scoring/sheet.EVIDENCE_RE, docs/scoring.md), with its numbers read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100}
_NUM = r"(?:\d+|[一二三四五六七八九十百零〇两]+)"
_REF = re.compile(
    rf"(?:第\s*(?P<v1>{_NUM})\s*卷|卷\s*(?P<v2>{_NUM}))\s*第?\s*(?P<pages>{_NUM}(?:\s*[-–—~～至到、,，]\s*{_NUM})*)\s*页"
)
_PAGE_PART = re.compile(rf"({_NUM})|([-–—~～至到])|([、,，])")
MAX_RANGE = 2000  # a longer range is read as its two ends (a typo should not list 100,000 pages)


def chinese_number(text: str) -> int:
    """'23' → 23, '二十三' → 23, '一百零五' → 105, '十' → 10, '一二' → 12 (digit by digit)."""
    if text.isdigit():
        return int(text)
    if not any(ch in _UNITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (digit or 1) * _UNITS[ch]
            digit = 0
    return total + digit


@dataclass(frozen=True)
class Reference:
    text: str  # as written, e.g. 卷2第56页
    start: int  # offset in the (NFKC-normalised) text
    volume: int
    pages: tuple[int, ...]  # the volume's pages it names, in order


def find_references(text: str) -> list[Reference]:
    norm = unicodedata.normalize("NFKC", text or "")
    refs = []
    for m in _REF.finditer(norm):
        volume = chinese_number(m.group("v1") or m.group("v2"))
        refs.append(Reference(m.group(0), m.start(), volume, _pages(m.group("pages"))))
    return refs


def _pages(spec: str) -> tuple[int, ...]:
    out: list[int] = []
    pending_range = False
    for number, dash, _comma in _PAGE_PART.findall(spec):
        if dash:
            pending_range = True
        elif number:
            n = chinese_number(number)
            if pending_range and out and 0 < n - out[-1] <= MAX_RANGE:
                out.extend(range(out[-1] + 1, n + 1))
            elif n not in out:
                out.append(n)
            pending_range = False
    return tuple(out)


@dataclass(frozen=True)
class FilePage:
    """One document's place in its volume."""

    document_id: int
    title: str
    volume: int
    first: int  # the volume's page number of the document's first page
    pages: int | None  # None: unknown (not a PDF), so pages after it cannot be placed


@dataclass(frozen=True)
class Resolved:
    text: str
    volume: int
    volume_page: int
    document_id: int | None  # None: unresolvable
    page: int | None  # the document's own page
    title: str = ""
    problem: str = ""  # why it does not resolve (English), for the warning
    problem_zh: str = ""

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def known_pages(media_type: str, page_count: int | None, recognised_pages: int | None = None) -> int | None:
    """How many pages a document is known to have: its PDF page count from import, else the pages OCR went
    through (a finished job), else one for a picture (a scanned sheet); None for Word and text files."""
    if page_count:
        return page_count
    if recognised_pages:
        return recognised_pages
    return 1 if media_type.startswith("image/") else None


def layout(documents: Iterable[tuple[int, str, str, int | None, int | None]]) -> list[FilePage]:
    """(id, path, title, volume, page_count) of a case's documents → their page runs, volume by volume."""
    by_volume: dict[int, list[tuple[str, int, str, int | None]]] = {}
    for doc_id, path, title, volume, count in documents:
        by_volume.setdefault(volume or 1, []).append((path, doc_id, title, count))
    out = []
    for volume, docs in sorted(by_volume.items()):
        first: int | None = 1
        for _path, doc_id, title, count in sorted(docs):
            out.append(FilePage(doc_id, title, volume, first if first is not None else -1, count))
            first = first + count if first is not None and count else None
    return out


def resolve(refs: Iterable[Reference], files: list[FilePage]) -> list[Resolved]:
    """Each page each reference names, at its document (or with the reason it does not resolve)."""
    out = []
    for ref in refs:
        in_volume = [f for f in files if f.volume == ref.volume]
        for page in ref.pages:
            out.append(_one(ref, page, in_volume))
    return out


def _one(ref: Reference, page: int, in_volume: list[FilePage]) -> Resolved:
    if not in_volume:
        return _unresolved(
            ref, page, f"the case file has no volume {ref.volume}", f"案卷中没有第{ref.volume}卷"
        )
    for f in in_volume:
        if f.first < 0:
            break
        if f.pages is None:
            if page == f.first:
                return Resolved(ref.text, ref.volume, page, f.document_id, 1, f.title)
            break  # its page count is unknown: the pages after it cannot be placed
        if f.first <= page < f.first + f.pages:
            return Resolved(ref.text, ref.volume, page, f.document_id, page - f.first + 1, f.title)
    known = [f for f in in_volume if f.first > 0 and f.pages]
    last = max((f.first + f.pages - 1 for f in known), default=0)
    return _unresolved(
        ref,
        page,
        f"volume {ref.volume} has {last} known page(s); page {page} is not among them",
        f"第{ref.volume}卷已知共{last}页，没有第{page}页",
    )


def _unresolved(ref: Reference, page: int, problem: str, problem_zh: str) -> Resolved:
    return Resolved(ref.text, ref.volume, page, None, None, "", problem, problem_zh)


def reference_text(files: list[FilePage], document_id: int, page: int) -> str:
    """The 卷×第×页 that names a document's page ("" when its place in the volume is unknown)."""
    for f in files:
        if (
            f.document_id == document_id
            and f.first > 0
            and (f.pages is None and page == 1 or f.pages and page <= f.pages)
        ):
            return f"卷{f.volume}第{f.first + page - 1}页"
    return ""
