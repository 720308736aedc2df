"""Rule 1 (handler): an original handler of the case, at any stage, approvers included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding, mask_id
from reviewdesk.recusal.pool import CampaignRules, Pool
from reviewdesk.recusal.rules.match import experts_like

RULE_ID = "handler"


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    for h in case.handlers:
        for eid, how in experts_like(pool, h.name, h.id_number):
            e = pool.experts[eid]
            key = evidence_key(RULE_ID, how, h.name, h.id_number or "")
            if how == "id":
                yield eid, finding(
                    RULE_ID, True, key,
                    f"expert {e.name}'s identity number equals that of handler {h.name} ({h.role}, {mask_id(h.id_number)})",
                    f"专家{e.name}的身份证号与{h.role}{h.name}一致（{mask_id(h.id_number)}）",
                )
            else:
                yield eid, finding(
                    RULE_ID, False, key,
                    f"expert {e.name} has the same name as handler {h.name} ({h.role}); no identity number to confirm",
                    f"专家{e.name}与{h.role}{h.name}同名，缺少身份证号，无法确认是否同一人",
                )
