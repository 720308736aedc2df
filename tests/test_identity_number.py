"""Resident identity numbers: shape, a real and possible birth date, the check digit."""

from __future__ import annotations

from datetime import date

import pytest

from reviewdesk.identity_number import check_digit, is_valid, problem

TODAY = date(2026, 6, 1)


def number(born: str, region: str = "110105", seq: str = "002") -> str:
    first17 = f"{region}{born}{seq}"
    return first17 + check_digit(first17)


def test_a_real_number_passes() -> None:
    assert problem(number("19491231"), today=TODAY) is None
    assert is_valid(number("19800101"))


@pytest.mark.parametrize("born", ["20260602", "20991231", "18791231", "10000101"])
def test_impossible_birth_date_is_refused(born: str) -> None:
    why = problem(number(born), today=TODAY)
    assert why is not None and "birth date" in why and "impossible" in why


def test_non_date_and_check_digit() -> None:
    assert "not a real date" in (problem(number("19990230")) or "")
    good = number("19700101")
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    assert problem(wrong) == "check digit is wrong"


def test_birth_today_is_possible() -> None:
    assert problem(number(f"{TODAY:%Y%m%d}"), today=TODAY) is None
