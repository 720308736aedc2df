"""Working days (工作日) on mainland China's statutory calendar, and what is due.

`chinese-calendar` knows the holidays and the adjusted weekend working days (调休) of the years it was released
for. For a year it does not know we count Monday to Friday and name that year in `assumed_years`, so the
caller can say the deadline is an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar

DUE_SOON = "due_soon"
OVERDUE = "overdue"


@lru_cache(maxsize=4096)
def _workday(day: date) -> tuple[bool, bool]:
    """(is a working day, the calendar knows the year)."""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:  # the package raises for years it has no data for
        return day.weekday() < 5, False


def known_year(year: int) -> bool:
    return _workday(date(year, 6, 1))[1]


@dataclass
class Count:
    """The day reached, and the years counted as plain Monday–Friday because the calendar lacks them."""

    day: date
    assumed_years: list[int] = field(default_factory=list)

    @property
    def note(self) -> str:
        if not self.assumed_years:
            return ""
        years = "、".join(str(y) for y in self.assumed_years)
        return f"{years}年的法定节假日安排尚未收录，按周一至周五计算工作日，请核对"


def calendar_note(start: date, end: date) -> str:
    """What a count of working days from `start` to `end` must say: the years in between the calendar does not
    know (counted Monday to Friday), or "" — for the UI, which shows the deadline a service counted."""
    return Count(end, [y for y in range(start.year, end.year + 1) if not known_year(y)] if end > start else []).note


def is_workday(day: date) -> bool:
    return _workday(day)[0]


def add_workdays(start: date, n: int) -> Count:
    """The n-th working day after `start` (start itself does not count; n = 0 gives start)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    day, left, assumed = start, n, set()
    while left:
        day += timedelta(days=1)
        works, known = _workday(day)
        if not known:
            assumed.add(day.year)
        if works:
            left -= 1
    return Count(day, sorted(assumed))


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end]; 0 when end <= start."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_workday(day)
    return count


def due_state(deadline: date, today: date, soon_days: int) -> str | None:
    """overdue (the deadline has passed), due_soon (at most `soon_days` working days left, today included),
    or None. Only open items ask: the caller leaves out what is done."""
    if deadline < today:
        return OVERDUE
    if deadline <= add_workdays(today, soon_days).day:
        return DUE_SOON
    return None


def soon_limit(today: date, soon_days: int) -> date:
    """The last deadline that is still "due soon" today (for SQL filters on ISO date text)."""
    return add_workdays(today, soon_days).day
