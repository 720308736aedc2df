"""Where a search term is on a recognised line: the part of the line's box its characters cover."""

from __future__ import annotations

import pytest

from reviewdesk.ocr.engine import Line
from reviewdesk.ocr.term_boxes import Box, lines_with_term, term_boxes, term_occurrences


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
    assert term_boxes(lines, "  ") == []


def test_term_split_over_two_lines_is_the_tail_of_one_and_the_head_of_the_next() -> None:
    lines = [
        Line("被申请人未履行还款义", 0.9, (0.1, 0.1, 0.6, 0.2)),  # 10 characters, 0.05 each
        Line("务 本院依法查封", 0.9, (0.1, 0.3, 0.5, 0.4)),  # 8 with the space, 0.05 each
    ]
    [[tail, head]] = term_occurrences(lines, "还款义务本院")
    assert tail[0] == 0 and tail[1] == pytest.approx((0.1 + 7 * 0.05, 0.1, 0.6, 0.2))
    assert head[0] == 1 and head[1] == pytest.approx((0.1, 0.3, 0.1 + 4 * 0.05, 0.4))  # 务 本院
    assert _rounded(term_boxes(lines, "义 务")) == [(0.55, 0.1, 0.6, 0.2), (0.1, 0.3, 0.15, 0.4)]
    assert lines_with_term(lines, "义务") == [0, 1] and lines_with_term(lines, "查封") == [1]


def test_term_within_a_line_stays_one_box_beside_one_that_runs_on() -> None:
    lines = [
        Line("查封查", 0.9, (0.0, 0.1, 0.3, 0.2)),
        Line("封", 0.9, (0.0, 0.3, 0.1, 0.4)),
    ]
    occurrences = term_occurrences(lines, "查封")
    assert [[n for n, _box in pieces] for pieces in occurrences] == [[0], [0, 1]]
    assert _rounded(term_boxes(lines, "查封")) == [(0.0, 0.1, 0.2, 0.2), (0.2, 0.1, 0.3, 0.2), (0.0, 0.3, 0.1, 0.4)]


def test_needle_longer_than_a_line_covers_it_whole() -> None:
    lines = [
        Line("申请人", 0.9, (0.0, 0.1, 0.3, 0.2)),
        Line("银行", 0.9, (0.0, 0.3, 0.2, 0.4)),  # a short line: the needle holds all of it and more
        Line("账户冻结", 0.9, (0.0, 0.5, 0.4, 0.6)),
    ]
    assert _rounded(term_boxes(lines, "银行账户")) == [(0.0, 0.3, 0.2, 0.4), (0.0, 0.5, 0.2, 0.6)]
    # Longer than the middle line: it is covered whole between the tail and the head.
    assert _rounded(term_boxes(lines, "人银行账")) == [(0.2, 0.1, 0.3, 0.2), (0.0, 0.3, 0.2, 0.4), (0.0, 0.5, 0.1, 0.6)]
    assert term_boxes(lines, "申请人银行账户冻结了") == []  # longer than the page's text


def test_no_join_across_lines_that_are_not_next_to_each_other() -> None:
    lines = [
        Line("依法查", 0.9, (0.0, 0.1, 0.3, 0.2)),
        Line("没有", 0.9, (0.0, 0.3, 0.2, 0.4)),
        Line("封存", 0.9, (0.0, 0.5, 0.2, 0.6)),
    ]
    assert term_boxes(lines, "查封") == []  # line 1 ends with 查, line 3 starts with 封, line 2 between
    assert term_boxes(lines, "存没") == []  # the order given is the reading order: no join backwards
    assert len(term_boxes(list(reversed(lines)), "存没")) == 2  # ... in that order, they are next
    assert _rounded(term_boxes(lines, "查没")) == [(0.2, 0.1, 0.3, 0.2), (0.0, 0.3, 0.1, 0.4)]
