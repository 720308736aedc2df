"""Rule 4 (earlier_role): counsel in the case, a lawyer of the same firm as a party's counsel, or declared
counsel for a party."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding
from reviewdesk.recusal.pool import CampaignRules, Pool
from reviewdesk.recusal.rules.match import relations_like

RULE_ID = "earlier_role"


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    for p, c in case.counsel():
        # Counsel carry no identity number: a name match is only a signal.
        for eid in pool.by_name.get(c.name, ()) if c.name else ():
            e = pool.experts[eid]
            yield eid, finding(
                RULE_ID, False, evidence_key(RULE_ID, "counsel-name", c.name),
                f"expert {e.name} has the same name as {c.name}, counsel of party {p.name}; not confirmed",
                f"专家{e.name}与当事人{p.name}的代理人{c.name}同名，待核实是否同一人",
            )
        for eid in pool.lawyers_by_unit_name.get(c.firm, ()) if c.firm else ():
            e = pool.experts[eid]
            yield eid, finding(
                RULE_ID, True, evidence_key(RULE_ID, "firm", c.firm),
                f"lawyer expert {e.name} works at {c.firm}, the firm of {c.name}, counsel of party {p.name}",
                f"律师专家{e.name}所在的{c.firm}与当事人{p.name}的代理人{c.name}同属一个律师事务所",
            )
    for p in case.parties:
        for eid, rel, _how in relations_like(pool, "counsel_for", p.name, p.id_number):
            e = pool.experts[eid]
            yield eid, finding(
                RULE_ID, True, evidence_key(RULE_ID, "counsel-for", rel.name, rel.id_number or ""),
                f"expert {e.name} declared having acted as counsel for {rel.name}, party ({p.role}) of the case",
                f"专家{e.name}申报曾担任本案当事人{p.name}（{p.role}）的辩护人或代理人",
            )
