"""Rule 5 (same_unit): the expert works at the handling unit, or did within the past five years."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding
from reviewdesk.recusal.pool import CampaignRules, Pool

RULE_ID = "same_unit"
YEARS = 5


def cutoff(today: date) -> date:
    """The day five years before today (29 February → 28 February)."""
    try:
        return today.replace(year=today.year - YEARS)
    except ValueError:
        return today.replace(year=today.year - YEARS, day=28)


def _for_unit(unit: str, pool: Pool, today: date) -> list[tuple[int, Finding]]:
    out = []
    for eid in pool.by_unit.get(unit, ()):
        e = pool.experts[eid]
        out.append((eid, finding(
            RULE_ID, True, evidence_key(RULE_ID, "current", unit),
            f"expert {e.name} works at the handling unit {e.unit_name} ({unit})",
            f"专家{e.name}现任职于办案单位{e.unit_name}（{unit}）",
        )))
    since = cutoff(today)
    for eid, former in pool.by_former_unit.get(unit, ()):
        if former.until is not None and former.until < since:
            continue  # left more than five years ago
        e = pool.experts[eid]
        when_en = f"until {former.until.isoformat()}" if former.until else "date of leaving unknown"
        when_zh = f"至{former.until.year}年{former.until.month}月{former.until.day}日" if former.until else "离任时间不详"
        out.append((eid, finding(
            RULE_ID, True, evidence_key(RULE_ID, "former", unit, former.until.isoformat() if former.until else ""),
            f"expert {e.name} worked at the handling unit ({unit}) {when_en}, within five years",
            f"专家{e.name}曾任职于办案单位（{unit}），{when_zh}，在五年以内",
        )))
    return out


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    # The findings depend only on the unit: computed once per unit and screening.
    memo_key = (RULE_ID, case.unit_code, today)
    if memo_key not in pool.memo:
        pool.memo[memo_key] = _for_unit(case.unit_code, pool, today)
    yield from pool.memo[memo_key]
