"""异议 and 复核: the objection period and the re-check's decisions."""

from __future__ import annotations

from datetime import date

from reviewdesk.followup.workdays import Count, add_workdays

PENDING, UPHELD, CHANGED = "pending", "upheld", "changed"
STATUS_ZH = {PENDING: "待复核", UPHELD: "维持", CHANGED: "变更"}
DECISIONS = (UPHELD, CHANGED)


def objection_deadline(delivered: date, days: int) -> Count:
    """The last day to object: `days` working days after the unit received the opinion."""
    return add_workdays(delivered, days)


def is_late(received: date, deadline: date) -> bool:
    return received > deadline
