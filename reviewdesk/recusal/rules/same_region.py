"""Rule 6 (same_region): in cross-region review, the expert's unit lies in the handling unit's county or prefecture."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding
from reviewdesk.recusal.pool import CampaignRules, Pool

RULE_ID = "same_region"


def _for_region(level: str, region: str, pool: Pool) -> list[tuple[int, Finding]]:
    if level == "county":
        prefix, index, en, zh = region, pool.by_region6, "county", "县（区）"
    else:
        prefix, index, en, zh = region[:4], pool.by_region4, "prefecture", "市（州）"
    out = []
    for eid in index.get(prefix, ()):
        e = pool.experts[eid]
        out.append((eid, finding(
            RULE_ID, True, evidence_key(RULE_ID, level, prefix),
            f"cross-region review: expert {e.name}'s unit {e.unit_name} ({e.region_code}) is in the same {en} as "
            f"the handling unit ({region})",
            f"异地交叉评查：专家{e.name}所在单位{e.unit_name}（{e.region_code}）与办案单位（{region}）同属一个{zh}",
        )))
    return out


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    level = campaign.cross_region_level
    if level not in ("county", "prefecture"):
        return
    # The findings depend only on the region: computed once per region code and screening.
    memo_key = (RULE_ID, level, case.region_code)
    if memo_key not in pool.memo:
        pool.memo[memo_key] = _for_region(level, case.region_code, pool)
    yield from pool.memo[memo_key]
