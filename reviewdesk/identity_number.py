"""Resident identity numbers (GB 11643-1999): 18 characters, the last a check digit (0–9 or X)."""

from __future__ import annotations

import re
from datetime import date

from reviewdesk import clock

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"[1-9][0-9]{16}[0-9X]")  # fullmatch: no trailing newline, ASCII digits only
# The 18-digit number was introduced in 1999; nobody it was issued to was born before 1880.
EARLIEST_BIRTH = date(1880, 1, 1)


def check_digit(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def problem(number: str, *, today: date | None = None) -> str | None:
    """None when valid, else why not (in English; callers add the field)."""
    if not _SHAPE.fullmatch(number):
        return "must be 18 characters: 17 digits and a check digit (0-9 or upper-case X)"
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "birth date (digits 7-14) is not a real date"
    if born < EARLIEST_BIRTH or born > (today or clock.now().date()):
        return "birth date (digits 7-14) is impossible (in the future or before 1880)"
    if number[17] != check_digit(number[:17]):
        return "check digit is wrong"
    return None


def is_valid(number: str) -> bool:
    return problem(number) is None
