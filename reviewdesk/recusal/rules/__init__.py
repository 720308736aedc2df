"""One module per recusal ground; each exports `check(case, pool, campaign, today)` yielding (expert id, finding)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding
from reviewdesk.recusal.pool import CampaignRules, Pool
from reviewdesk.recusal.rules import (
    conduct,
    declared,
    earlier_role,
    handler,
    interest,
    party_relative,
    prior_review,
    same_region,
    same_unit,
)

Rule = Callable[[CaseFacts, Pool, CampaignRules, date], Iterator[tuple[int, Finding]]]

# In the order of domain.md; rule ids are the modules' RULE_ID.
RULES: tuple[tuple[str, Rule], ...] = tuple(
    (m.RULE_ID, m.check)
    for m in (handler, party_relative, interest, earlier_role, same_unit, same_region, conduct, declared, prior_review)
)
