"""Grade bands: a campaign's grade names and the minimum total for each, highest first.

Stored as JSON text on Campaign.grade_bands; offices rename grades (procuratorates: 优质/合格/基本合格/不合格),
so the names are data and only the ordering rules are fixed here.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from reviewdesk import safe_json
from reviewdesk.errors import ValidationError

DEFAULT_BANDS_JSON = (
    '[{"grade": "优秀", "min": 90}, {"grade": "合格", "min": 70}, '
    '{"grade": "瑕疵", "min": 60}, {"grade": "不合格", "min": 0}]'
)


@dataclass(frozen=True)
class Band:
    grade: str
    min: float


def _fail(path: str, message: str, message_zh: str) -> ValidationError:
    return ValidationError(path, message, message_zh=message_zh)


def bands_from_data(data: object, field: str = "bands") -> list[Band]:
    """Validate already-decoded band data: a non-empty list of {grade, min}, mins strictly falling, last 0."""
    if not isinstance(data, list) or not data:
        raise _fail(field, "must be a non-empty list of {grade, min}", "必须是非空的 {grade, min} 列表")
    bands: list[Band] = []
    for i, entry in enumerate(data):
        path = f"{field}[{i}]"
        if not isinstance(entry, dict):
            raise _fail(path, "must be an object {grade, min}", "必须是 {grade, min} 对象")
        extra = sorted(set(entry) - {"grade", "min"})
        if extra:
            raise _fail(f"{path}.{extra[0]}", "unknown key", "未知字段")
        grade = entry.get("grade")
        if not isinstance(grade, str) or not grade.strip():
            raise _fail(f"{path}.grade", "grade name must be a non-empty text", "等次名称不能为空")
        low = entry.get("min")
        if isinstance(low, bool) or not isinstance(low, (int, float)) or not math.isfinite(low):
            raise _fail(f"{path}.min", "must be a number", "必须是数字")
        if low < 0:
            raise _fail(f"{path}.min", "must not be negative", "不能为负数")
        if any(b.grade == grade.strip() for b in bands):
            raise _fail(f"{path}.grade", f"grade name '{grade}' repeats", f"等次名称“{grade}”重复")
        if bands and low >= bands[-1].min:
            raise _fail(
                f"{path}.min",
                "minimums must fall strictly from the highest band to the lowest",
                "各等次的最低分必须从高到低严格递减",
            )
        bands.append(Band(grade.strip(), float(low)))
    if bands[-1].min != 0:
        raise _fail(f"{field}[{len(bands) - 1}].min", "the lowest band must start at 0", "最低等次的最低分必须为 0")
    return bands


def parse_bands(text: str) -> list[Band]:
    """Parse Campaign.grade_bands JSON text (highest band first) and validate it."""
    if not isinstance(text, str | bytes):
        raise _fail("bands", "not valid JSON (no text)", "不是有效的 JSON")
    return bands_from_data(safe_json.loads(text, what="bands", max_bytes=safe_json.MAX_OPTION_BYTES))


def bands_to_json(bands: list[Band]) -> str:
    """Canonical JSON text for Campaign.grade_bands (integers stay integers)."""
    return json.dumps(
        [{"grade": b.grade, "min": int(b.min) if float(b.min).is_integer() else b.min} for b in bands],
        ensure_ascii=False,
    )


def default_bands() -> list[Band]:
    return parse_bands(DEFAULT_BANDS_JSON)


def grade_for(total: float, veto: bool, bands: list[Band]) -> str:
    """The first band whose min ≤ total; a veto item found to apply gives the lowest band whatever the total."""
    if not bands:
        raise _fail("bands", "no grade bands", "未设置等次")
    if veto:
        return bands[-1].grade
    for band in bands:
        if band.min <= total:
            return band.grade
    return bands[-1].grade
