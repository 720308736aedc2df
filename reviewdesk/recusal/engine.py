"""Screening expert–case pairs: load facts and pool in bulk, run every rule through the indexes.

API for the panel assignment (keep these names): load_pool, case_facts, screen_case, screen, check_pair,
excludes; Screening.eligible / excluding / pending.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.clock import now
from reviewdesk.errors import NotFound
from reviewdesk.recusal import decisions
from reviewdesk.recusal.facts import CaseFacts, case_facts
from reviewdesk.recusal.findings import Finding
from reviewdesk.recusal.pool import CampaignRules, Pool, campaign_rules, load_pool
from reviewdesk.recusal.rules import RULES
from reviewdesk.store.models import RecusalDecision

__all__ = [
    "CampaignRules",
    "Screening",
    "case_facts",
    "check_pair",
    "excludes",
    "load_pool",
    "screen",
    "screen_case",
]


def screen_case(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> dict[int, list[Finding]]:
    """Findings per expert for one case (only experts with findings), each (rule, evidence key) once."""
    out: dict[int, list[Finding]] = {}
    for _rule_id, rule in RULES:
        for eid, f in rule(case, pool, campaign, today):
            have = out.get(eid)
            if have is None:
                out[eid] = [f]
            # An expert's list is short: a linear scan beats hashing a key for every one of ~10^5 findings.
            elif not any(g.evidence_key == f.evidence_key and g.rule_id == f.rule_id for g in have):
                have.append(f)
    return out


@dataclass
class Screening:
    campaign: CampaignRules
    pool: Pool
    cases: dict[int, CaseFacts]
    findings: dict[int, dict[int, list[Finding]]]  # case id → expert id → findings

    def _decision_of(self, case_id: int, expert_id: int) -> decisions.DecisionOf:
        return lambda f: self.pool.decision(case_id, expert_id, f.rule_id, f.evidence_key)

    def eligible(self, case_id: int, expert_id: int) -> bool:
        found = self.findings.get(case_id, {}).get(expert_id)
        return not found or decisions.is_eligible(found, self._decision_of(case_id, expert_id))

    def excluding(self, case_id: int) -> dict[int, list[Finding]]:
        out: dict[int, list[Finding]] = {}
        for eid, found in self.findings.get(case_id, {}).items():
            ex = decisions.excluding(found, self._decision_of(case_id, eid))
            if ex:
                out[eid] = ex
        return out

    def pending(self, case_id: int) -> dict[int, list[Finding]]:
        out: dict[int, list[Finding]] = {}
        for eid, found in self.findings.get(case_id, {}).items():
            waiting = decisions.pending(found, self._decision_of(case_id, eid))
            if waiting:
                out[eid] = waiting
        return out

    def status(self, case_id: int, expert_id: int, f: Finding) -> str:
        return decisions.status(f, self.pool.decision(case_id, expert_id, f.rule_id, f.evidence_key))


def screen(session: Session, campaign_id: str | None, case_ids: Sequence[int], today: date | None = None) -> Screening:
    """Screen every given case against the whole pool. Unknown case ids are left out of `cases`."""
    day = today or now().date()
    rules = campaign_rules(session, campaign_id)
    pool = load_pool(session, campaign_id)
    cases = case_facts(session, case_ids)
    findings = {cid: screen_case(case, pool, rules, day) for cid, case in cases.items()}
    return Screening(rules, pool, cases, findings)


def check_pair(
    session: Session, campaign_id: str | None, case_id: int, expert_id: int, today: date | None = None
) -> list[Finding]:
    """All findings for one pair, from fresh data (the re-check before a panel is saved). Decisions are not
    applied: pass the result to `excludes` for that."""
    cases = case_facts(session, [case_id])
    if case_id not in cases:
        raise NotFound(f"no case {case_id}", message_zh=f"没有案件 {case_id}")
    pool = load_pool(session, campaign_id, expert_ids=[expert_id])
    if expert_id not in pool.experts:
        raise NotFound(f"no expert {expert_id}", message_zh=f"没有专家 {expert_id}")
    found = screen_case(cases[case_id], pool, campaign_rules(session, campaign_id), today or now().date())
    return found.get(expert_id, [])


def excludes(session: Session, case_id: int, expert_id: int, findings: Sequence[Finding]) -> list[Finding]:
    """Of `findings` for the pair, those that exclude once the stored decisions are applied (empty = may sit)."""
    stored = {
        (rule_id, key): decision
        for rule_id, key, decision in session.execute(
            select(RecusalDecision.rule_id, RecusalDecision.evidence_key, RecusalDecision.decision).where(
                RecusalDecision.case_id == case_id, RecusalDecision.expert_id == expert_id
            )
        )
    }
    return decisions.excluding(findings, lambda f: stored.get((f.rule_id, f.evidence_key)))
