"""`--where` clauses: parsed and checked once, stored in a canonical text form, matched against PoolCase."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reviewdesk.errors import ValidationError
from reviewdesk.selection.draw import FLAG_ORDER, PoolCase

CASE_TYPES = ("criminal", "civil", "administrative", "enforcement", "public_security", "petition")
_CLAUSE = re.compile(r"^\s*(type|unit|region|flag|petition|closed)\s*(>=|<=|=)\s*(.*?)\s*$")
_OPERATORS = {"type": "=", "unit": "=", "region": "=", "flag": "=", "petition": ">=", "closed": ("<=", ">=")}
EXAMPLES = "type=civil,criminal · unit=CODE,CODE · region=6201 · flag=unenforced,repeated · petition>=N · closed<=YYYY-MM-DD · closed>=YYYY-MM-DD"


@dataclass(frozen=True)
class Clause:
    field: str
    op: str
    values: tuple[str, ...]  # sorted, deduplicated; one value for region, petition and closed

    @property
    def text(self) -> str:
        """Canonical form, as stored in the selection's params."""
        return f"{self.field}{self.op}{','.join(self.values)}"

    def holds(self, case: PoolCase) -> bool:
        if self.field == "type":
            return case.case_type in self.values
        if self.field == "unit":
            return case.unit_code in self.values
        if self.field == "region":
            return case.region.startswith(self.values[0])
        if self.field == "flag":
            return any(f in case.flags for f in self.values)
        if self.field == "petition":
            return case.petition_count >= int(self.values[0])
        # closed: cases without a closing date never match a date bound
        if case.closed_on is None:
            return False
        return case.closed_on <= self.values[0] if self.op == "<=" else case.closed_on >= self.values[0]


def _bad(clause: str, message: str, message_zh: str) -> ValidationError:
    return ValidationError(f"--where {clause!r}", message, message_zh=message_zh)


def parse_clause(expr: str) -> Clause:
    m = _CLAUSE.match(expr)
    if not m:
        raise _bad(expr, f"not a filter; use one of: {EXAMPLES}", f"不是有效的筛选条件，可用：{EXAMPLES}")
    field, op, raw = m.groups()
    allowed = _OPERATORS[field]
    if op not in (allowed if isinstance(allowed, tuple) else (allowed,)):
        want = " or ".join(allowed) if isinstance(allowed, tuple) else allowed
        raise _bad(expr, f"'{field}' takes '{want}', not '{op}'", f"“{field}”应使用“{want}”，不能用“{op}”")
    values = tuple(sorted({v.strip() for v in raw.split(",") if v.strip()}))
    if not values:
        raise _bad(expr, "no value given", "缺少取值")
    if field in ("region", "petition", "closed") and len(values) != 1:
        raise _bad(expr, f"'{field}' takes one value", f"“{field}”只能有一个取值")
    value = values[0]
    if field == "type":
        unknown = [v for v in values if v not in CASE_TYPES]
        if unknown:
            raise _bad(expr, f"unknown case type '{unknown[0]}' (known: {', '.join(CASE_TYPES)})", f"未知案件类型“{unknown[0]}”（可用：{'、'.join(CASE_TYPES)}）")
    elif field == "flag":
        unknown = [v for v in values if v not in FLAG_ORDER]
        if unknown:
            raise _bad(expr, f"unknown flag '{unknown[0]}' (known: {', '.join(FLAG_ORDER)})", f"未知标记“{unknown[0]}”（可用：{'、'.join(FLAG_ORDER)}）")
    elif field == "region":
        if not (value.isascii() and value.isdigit() and len(value) in (2, 4, 6)):
            raise _bad(expr, "region must be 2, 4 or 6 digits of a GB/T 2260 code", "地区须为行政区划代码的前 2、4 或 6 位数字")
    elif field == "petition":
        if not (value.isascii() and value.isdigit()) or len(value) > 6:
            raise _bad(expr, "petition count must be a whole number ≥ 0", "信访次数须为不小于 0 的整数")
        values = (str(int(value)),)
    elif field == "closed":
        try:
            ok = date.fromisoformat(value).isoformat() == value
        except ValueError:
            ok = False
        if not ok:
            raise _bad(expr, "date must be YYYY-MM-DD", "日期须为 YYYY-MM-DD 格式")
    return Clause(field, op, values)


def parse_where(exprs: Iterable[str]) -> list[Clause]:
    """Parse every clause; duplicates of the same canonical text collapse; order is canonical (sorted)."""
    clauses = {c.text: c for c in (parse_clause(e) for e in exprs)}
    return [clauses[t] for t in sorted(clauses)]


def apply(pool: Sequence[PoolCase], clauses: Sequence[Clause]) -> list[PoolCase]:
    return [c for c in pool if all(cl.holds(c) for cl in clauses)]
