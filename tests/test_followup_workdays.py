"""Working-day deadlines on the statutory calendar (chinese-calendar), the fallback for unknown years, and the
due-soon / overdue edges."""

from __future__ import annotations

from datetime import date

import pytest

from reviewdesk.errors import ValidationError
from reviewdesk.followup.dates import parse_deadline
from reviewdesk.followup.workdays import add_workdays, due_state, is_workday, known_year, workdays_between


def test_spring_festival_2026_skips_the_holiday_and_counts_the_adjusted_saturdays() -> None:
    # 2026: 2月15日–23日 off; Saturday 2月14日 and Saturday 2月28日 are working days (调休).
    assert is_workday(date(2026, 2, 14)) and is_workday(date(2026, 2, 28))
    assert not is_workday(date(2026, 2, 16)) and not is_workday(date(2026, 2, 23))
    # From Friday 2月13日: Sat 14 is the 1st working day, then Tue 24 the 2nd.
    assert add_workdays(date(2026, 2, 13), 1).day == date(2026, 2, 14)
    assert add_workdays(date(2026, 2, 13), 2).day == date(2026, 2, 24)
    # 5 working days from 2月24日: 25 26 27 28(Sat, worked) 3月2日.
    assert add_workdays(date(2026, 2, 24), 5).day == date(2026, 3, 2)
    assert add_workdays(date(2026, 2, 13), 2).assumed_years == []


def test_national_day_2026_and_its_adjusted_days() -> None:
    # 10月1日–7日 off; Sunday 9月20日 and Saturday 10月10日 worked.
    assert is_workday(date(2026, 9, 20)) and is_workday(date(2026, 10, 10))
    assert not any(is_workday(date(2026, 10, d)) for d in range(1, 8))
    assert add_workdays(date(2026, 9, 19), 1).day == date(2026, 9, 20)  # Saturday → the worked Sunday
    assert add_workdays(date(2026, 9, 30), 1).day == date(2026, 10, 8)
    assert add_workdays(date(2026, 9, 30), 3).day == date(2026, 10, 10)  # 8, 9, then worked Saturday 10
    assert add_workdays(date(2026, 9, 30), 4).day == date(2026, 10, 12)
    # 15 working days (a common feedback period) from 9月25日 across the holiday.
    assert add_workdays(date(2026, 9, 25), 15).day == date(2026, 10, 22)
    assert workdays_between(date(2026, 9, 30), date(2026, 10, 12)) == 4


def test_a_year_the_calendar_does_not_know_counts_monday_to_friday_and_says_so() -> None:
    year = next(y for y in range(2027, 2100) if not known_year(y))
    start = date(year, 1, 1)
    counted = add_workdays(start, 10)
    expected, n, day = None, 0, start
    while n < 10:
        day = date.fromordinal(day.toordinal() + 1)
        n += day.weekday() < 5
    expected = day
    assert counted.day == expected
    assert counted.assumed_years == [year]
    assert f"{year}年" in counted.note and "周一至周五" in counted.note
    # A count that starts in a known year and ends in an unknown one names only the unknown year.
    last_known = year - 1
    across = add_workdays(date(last_known, 12, 20), 15)
    assert across.assumed_years == [year]


def test_due_soon_and_overdue_edges() -> None:
    today = date(2026, 9, 28)  # Monday; next working days: 29, 30, 10月8日, 9, 10(Sat, worked)
    assert due_state(date(2026, 9, 27), today, 5) == "overdue"  # yesterday
    assert due_state(today, today, 5) == "due_soon"  # the deadline is today: not yet overdue
    assert due_state(date(2026, 10, 10), today, 5) == "due_soon"  # the 5th working day
    assert due_state(date(2026, 10, 11), today, 5) is None  # a Sunday after the 5th working day
    assert due_state(date(2026, 10, 12), today, 5) is None  # the 6th working day
    assert due_state(date(2026, 10, 5), today, 0) is None  # 0 days of warning: only today is due soon
    assert due_state(today, today, 0) == "due_soon"


def test_deadlines_as_a_date_or_as_working_days() -> None:
    start = date(2026, 9, 30)
    assert parse_deadline("2026-12-31", "deadline", start).day == date(2026, 12, 31)
    assert parse_deadline("3 workdays", "deadline", start).day == date(2026, 10, 10)
    assert parse_deadline("3个工作日", "deadline", start).day == date(2026, 10, 10)
    with pytest.raises(ValidationError) as err:
        parse_deadline("next week", "deadline", start)
    assert err.value.field == "deadline"
