"""Where a search term is on a recognised page, from the OCR line boxes (for the viewer's highlight).

OCR keeps one box per line, not per character (reviewdesk/ocr/engine.py: fractions of the page, origin top
left), so the part of a line's box that a term covers is estimated from character offsets. The lines come in
reading order (top to bottom), and a term may run from the end of one line into the start of the next, as
printed text breaks wherever the line is full.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reviewdesk.ocr.engine import Line

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the page, origin top left


def _fold(char: str) -> str:
    """Lower case where that keeps one character (offsets must stay those of the line's text)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def _compact(term: str) -> str:
    return "".join(_fold(c) for c in term if not c.isspace())


def term_occurrences(lines: Sequence[Line], term: str) -> list[list[tuple[int, Box]]]:
    """Each occurrence of `term`, as the lines it is on (index in `lines`) and the part of each one's box it
    covers: one part within a line; the tail of one line and the head of the next when it runs on (more only
    if a line in between holds nothing but a middle piece of it).

    The characters of a printed line are taken as evenly spaced (Chinese characters are square and of one
    width; the line's box runs from its first character to its last), so a part covers the fraction of the
    line's width from its first character's offset to the end of its last one. Case and whitespace are
    ignored: OCR puts spaces between characters unevenly, and the break between lines is no character. The
    page's lines are searched as one string, so only lines next to each other in reading order join."""
    needle = _compact(term)
    if not needle:
        return []
    owner: list[int] = []  # per character of the joined string: its line, and its offset in that line's text
    offset: list[int] = []
    parts: list[str] = []
    for number, line in enumerate(lines):
        for i, c in enumerate(line.text):
            if not c.isspace():
                owner.append(number)
                offset.append(i)
                parts.append(_fold(c))
    joined = "".join(parts)
    found: list[list[tuple[int, Box]]] = []
    start = joined.find(needle)
    while start >= 0:
        end = start + len(needle)  # exclusive
        pieces: list[tuple[int, Box]] = []
        first = start
        while first < end:
            number = owner[first]
            last = first
            while last + 1 < end and owner[last + 1] == number:
                last += 1
            line = lines[number]
            x0, y0, x1, y1 = line.box
            step = (x1 - x0) / len(line.text)
            pieces.append((number, (x0 + offset[first] * step, y0, x0 + (offset[last] + 1) * step, y1)))
            first = last + 1
        found.append(pieces)
        start = joined.find(needle, end)
    return found


def term_boxes(lines: Iterable[Line], term: str) -> list[Box]:
    """The boxes of every occurrence of `term` (see term_occurrences), one after the other: one per
    occurrence within a line, two for one that runs from one line into the next."""
    return [box for pieces in term_occurrences(list(lines), term) for _number, box in pieces]


def lines_with_term(lines: Sequence[Line], term: str) -> list[int]:
    """The indexes of the lines that hold (a part of) an occurrence of `term`, in reading order."""
    return sorted({number for pieces in term_occurrences(lines, term) for number, _box in pieces})
