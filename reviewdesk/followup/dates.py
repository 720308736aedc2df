"""Dates as the registers take them: YYYY-MM-DD, or "N workdays" (N 个工作日) from a given day."""

from __future__ import annotations

import re
from datetime import date

from reviewdesk.errors import ValidationError
from reviewdesk.followup.workdays import Count, add_workdays

_WORKDAYS = re.compile(r"^\s*(\d{1,3})\s*(?:workdays?|wd|个?工作日)\s*$", re.IGNORECASE)


def parse_date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(field, f"give a date as YYYY-MM-DD, not {value!r}",
                              message_zh=f"日期请写成 YYYY-MM-DD 格式，而不是“{value}”") from None


def counts_workdays(value: str | None) -> bool:
    """Whether a deadline is given as N working days, so the calendar counts it (not a date taken as given)."""
    return bool(_WORKDAYS.match(str(value or "")))


def parse_deadline(value: str, field: str, start: date) -> Count:
    """A date, or N working days counted from `start` ("15 workdays", "15工作日")."""
    m = _WORKDAYS.match(str(value))
    if m:
        return add_workdays(start, int(m.group(1)))
    return Count(parse_date(value, field))
