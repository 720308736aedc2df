"""The one place that decides whether findings exclude: hard findings always do; soft findings do until the
coordinator clears them (pending and confirmed both exclude)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reviewdesk.recusal.findings import CLEARED, PENDING, Finding

HARD = "hard"
DecisionOf = Callable[[Finding], str | None]  # the stored decision (confirmed | cleared) of a soft finding


def status(f: Finding, decision: str | None) -> str:
    """hard | pending | confirmed | cleared."""
    if f.hard:
        return HARD
    return decision or PENDING


def excluding(findings: Iterable[Finding], decision_of: DecisionOf) -> list[Finding]:
    """The findings that keep the expert off the case."""
    return [f for f in findings if status(f, decision_of(f)) != CLEARED]


def pending(findings: Iterable[Finding], decision_of: DecisionOf) -> list[Finding]:
    """Soft findings still waiting for the coordinator."""
    return [f for f in findings if status(f, decision_of(f)) == PENDING]


def is_eligible(findings: Iterable[Finding], decision_of: DecisionOf) -> bool:
    """Eligible iff no hard finding and every soft finding is cleared."""
    return not excluding(findings, decision_of)
