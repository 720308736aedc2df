"""Deliberation (合议) arithmetic: the members' totals compared, disagreements found, flags raised. No store.

Only submitted sheets count; a member who has not submitted is a flag, never a zero.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CONSOLIDATION_RULES = ("mean", "median")

# Totals are sums of 0.5/0.1 steps held as floats: compare at this precision so 85.3 − 75.3 is 10, not 9.99…
_EPS_DIGITS = 6


@dataclass(frozen=True)
class ItemMark:
    """One member's entry for one item of their submitted sheet."""

    points: float
    veto: bool = False
    reason: str = ""
    evidence_ref: str = ""


@dataclass(frozen=True)
class Stats:
    mean: float | None
    median: float | None
    spread: float | None  # max − min of the submitted totals


@dataclass(frozen=True)
class Flags:
    spread_exceeded: bool  # spread > the campaign's threshold (strictly)
    grades_differ: bool
    veto: bool  # some member marked a veto item as applying
    not_submitted: tuple[str, ...]  # members (external ids) whose sheet is not submitted

    @property
    def any(self) -> bool:
        return self.spread_exceeded or self.grades_differ or self.veto or bool(self.not_submitted)


def round1(value: float) -> float:
    """One decimal, halves rounded up (80.25 → 80.3), as offices round by hand (not banker's rounding)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def stats(totals: Sequence[float]) -> Stats:
    if not totals:
        return Stats(None, None, None)
    return Stats(
        round(statistics.fmean(totals), _EPS_DIGITS),
        round(statistics.median(totals), _EPS_DIGITS),
        round(max(totals) - min(totals), _EPS_DIGITS),
    )


def consolidate(totals: Sequence[float], rule: str) -> float:
    """The panel's score by the campaign rule (mean or median of the submitted totals), to one decimal."""
    if not totals:
        raise ValueError("no submitted totals")
    if rule not in CONSOLIDATION_RULES:
        raise ValueError(f"unknown consolidation rule {rule!r}")
    value = statistics.fmean(totals) if rule == "mean" else statistics.median(totals)
    return round1(round(value, _EPS_DIGITS))


def flags(
    totals: Sequence[float],
    grades: Sequence[str],
    vetoes: Sequence[bool],
    not_submitted: Sequence[str],
    threshold: float,
) -> Flags:
    """Flags over the submitted sheets only (totals, grades and vetoes of submitted sheets)."""
    spread = stats(totals).spread
    return Flags(
        spread_exceeded=spread is not None and spread > round(threshold, _EPS_DIGITS),
        grades_differ=len(set(grades)) > 1,
        veto=any(vetoes),
        not_submitted=tuple(not_submitted),
    )


def disagreements(marks: Mapping[str, Mapping[str, ItemMark]]) -> list[str]:
    """Item codes where the members differ: different points, or a veto marked by some but not all.

    `marks` maps member → item code → mark; an item a member left out counts as 0 points, no veto.
    """
    members = list(marks)
    codes = sorted({code for per in marks.values() for code in per})
    out = []
    for code in codes:
        entries = [marks[m].get(code, ItemMark(0.0)) for m in members]
        points = {round(e.points, _EPS_DIGITS) for e in entries}
        vetoes = {e.veto for e in entries}
        if len(points) > 1 or len(vetoes) > 1:
            out.append(code)
    return out
