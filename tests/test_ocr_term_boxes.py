"""Where a search term is on a recognised line: the part of the line's box its characters cover."""

from __future__ import annotations

import pytest

from reviewdesk.ocr.engine import Line
from reviewdesk.ocr.term_boxes import Box, term_boxes


def _rounded(boxes: list[Box]) -> list[tuple[float, ...]]:
    return [tuple(round(v, 6) for v in box) for box in boxes]


def test_term_covers_its_share_of_the_line_by_character_offset() -> None:
    line = Line("本院依法查封其银行账户", 0.99, (0.1, 0.4, 0.65, 0.5))  # 11 characters, 0.05 each
    [box] = term_boxes([line], "银行账户")
    assert box == pytest.approx((0.1 + 7 * 0.05, 0.4, 0.65, 0.5))
    [first] = term_boxes([line], "本院")
    assert first == pytest.approx((0.1, 0.4, 0.2, 0.5))


def test_every_occurrence_on_every_line_spaces_and_case_ignored() -> None:
    lines = [
        Line("查封 PDF 查封", 0.9, (0.0, 0.1, 0.9, 0.2)),  # 9 characters with the spaces, 0.1 each
        Line("没有", 0.9, (0.0, 0.3, 0.2, 0.4)),
        Line("依法查 封", 0.9, (0.0, 0.5, 0.5, 0.6)),  # OCR put a space inside the term
    ]
    boxes = term_boxes(lines, "查封")
    assert _rounded(boxes) == [(0.0, 0.1, 0.2, 0.2), (0.7, 0.1, 0.9, 0.2), (0.2, 0.5, 0.5, 0.6)]
    assert _rounded(term_boxes(lines, "pdf")) == [(0.3, 0.1, 0.6, 0.2)]
    assert term_boxes(lines, "封没") == []  # across two lines: not found
    assert term_boxes(lines, "  ") == []
