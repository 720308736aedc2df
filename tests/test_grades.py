"""Grade bands: edges, veto, custom (procuratorate) names, and validation naming the band."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewdesk.errors import ValidationError
from reviewdesk.scoring.grades import (
    DEFAULT_BANDS_JSON,
    Band,
    bands_to_json,
    default_bands,
    grade_for,
    parse_bands,
)
from reviewdesk.store.models import DEFAULT_GRADE_BANDS

PROCURATORATE = '[{"grade":"优质","min":90},{"grade":"合格","min":75},{"grade":"基本合格","min":60},{"grade":"不合格","min":0}]'


@pytest.mark.parametrize(
    ("total", "grade"),
    [(100, "优秀"), (90, "优秀"), (89.5, "合格"), (89.99, "合格"), (70, "合格"), (69.99, "瑕疵"), (60, "瑕疵"),
     (59.99, "不合格"), (0, "不合格")],
)
def test_default_band_edges(total: float, grade: str) -> None:
    assert grade_for(total, False, default_bands()) == grade


@pytest.mark.parametrize("total", [100, 90, 75, 0])
def test_veto_forces_lowest_band(total: float) -> None:
    assert grade_for(total, True, default_bands()) == "不合格"
    assert grade_for(total, True, parse_bands(PROCURATORATE)) == "不合格"


def test_default_matches_store_default() -> None:
    assert parse_bands(DEFAULT_GRADE_BANDS) == parse_bands(DEFAULT_BANDS_JSON)


def test_custom_procuratorate_bands() -> None:
    bands = parse_bands(PROCURATORATE)
    assert [b.grade for b in bands] == ["优质", "合格", "基本合格", "不合格"]
    assert grade_for(74.99, False, bands) == "基本合格"
    assert grade_for(75, False, bands) == "合格"
    assert grade_for(95, False, bands) == "优质"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[]", "bands"),
        ("not json", "bands"),
        ('[{"grade": "A", "min": 50}, {"grade": "B", "min": 60}, {"grade": "C", "min": 0}]', "bands[1].min"),
        ('[{"grade": "A", "min": 50}, {"grade": "B", "min": 50}, {"grade": "C", "min": 0}]', "bands[1].min"),
        ('[{"grade": "A", "min": 50}, {"grade": "B", "min": 10}]', "bands[1].min"),
        ('[{"grade": "A", "min": 50}, {"grade": "A", "min": 0}]', "bands[1].grade"),
        ('[{"grade": " ", "min": 50}, {"grade": "B", "min": 0}]', "bands[0].grade"),
        ('[{"grade": "A", "min": "50"}, {"grade": "B", "min": 0}]', "bands[0].min"),
        ('[{"grade": "A", "min": 50, "colour": "red"}, {"grade": "B", "min": 0}]', "bands[0].colour"),
        ('[{"grade": "A", "min": 50}, {"grade": "B", "min": -1}]', "bands[1].min"),
    ],
)
def test_bad_bands_name_the_band(text: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_bands(text)
    assert info.value.field == field


def test_bands_round_trip_json() -> None:
    bands = [Band("甲", 85.5), Band("乙", 60), Band("丙", 0)]
    assert parse_bands(bands_to_json(bands)) == bands
    assert json.loads(bands_to_json(default_bands())) == json.loads(DEFAULT_BANDS_JSON)


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_grade_is_the_first_band_reached(total: float) -> None:
    bands = default_bands()
    grade = grade_for(total, False, bands)
    band = next(b for b in bands if b.grade == grade)
    assert band.min <= total
    higher = bands[: bands.index(band)]
    assert all(b.min > total for b in higher)
