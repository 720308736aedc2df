"""Where a search term is on a recognised page, from the OCR line boxes (for the viewer's highlight).

OCR keeps one box per line, not per character (reviewdesk/ocr/engine.py: fractions of the page, origin top
left), so the part of a line's box that a term covers is estimated from character offsets.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewdesk.ocr.engine import Line

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the page, origin top left


def _fold(char: str) -> str:
    """Lower case where that keeps one character (offsets must stay those of the line's text)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def term_boxes(lines: Iterable[Line], term: str) -> list[Box]:
    """Each occurrence of `term` in the lines, as the part of its line's box it covers.

    The characters of a printed line are taken as evenly spaced (Chinese characters are square and of one
    width; the line's box runs from its first character to its last), so an occurrence covers the fraction of
    the line's width from its first character's offset to the end of its last one. Case and whitespace are
    ignored: OCR puts spaces between characters unevenly. A term broken across two lines is not found."""
    needle = "".join(_fold(c) for c in term if not c.isspace())
    if not needle:
        return []
    boxes: list[Box] = []
    for line in lines:
        text = line.text
        kept = [i for i, c in enumerate(text) if not c.isspace()]  # offsets in `text` of the compact string
        compact = "".join(_fold(text[i]) for i in kept)
        x0, y0, x1, y1 = line.box
        step = (x1 - x0) / len(text) if text else 0.0
        start = compact.find(needle)
        while start >= 0:
            first, last = kept[start], kept[start + len(needle) - 1]
            boxes.append((x0 + first * step, y0, x0 + (last + 1) * step, y1))
            start = compact.find(needle, start + len(needle))
    return boxes
