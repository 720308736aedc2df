"""Rule 7 (conduct): a recorded gift, meal, loan or private meeting with a party or handler of the case."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding
from reviewdesk.recusal.pool import CampaignRules, DeclarationFact, Pool
from reviewdesk.recusal.rules.match import same_person

RULE_ID = "conduct"


def _people(case: CaseFacts) -> Iterator[tuple[str, str, str, str | None]]:
    for p in case.parties:
        yield f"party ({p.role})", f"当事人（{p.role}）", p.name, p.id_number
    for h in case.handlers:
        yield f"handler ({h.role})", h.role, h.name, h.id_number


def _finding(pool: Pool, d: DeclarationFact, en: str, zh: str) -> tuple[int, Finding]:
    e = pool.experts[d.expert_id]
    note = f"：{d.note}" if d.note else ""
    return d.expert_id, finding(
        RULE_ID, True, evidence_key(RULE_ID, "declaration", d.id),
        f"recorded conduct of expert {e.name} {en} (declaration {d.id})",
        f"登记在案：专家{e.name}{zh}（登记第{d.id}号{note}）",
    )


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    for d in pool.conduct_by_case.get(case.id, ()):
        yield _finding(pool, d, "concerning this case", "与本案有关的不当接触")
    for who_en, who_zh, name, id_number in _people(case):
        candidates = list(pool.conduct_by_name.get(name, ())) if name else []
        if id_number:
            candidates += pool.conduct_by_id_number.get(id_number, ())
        for d in candidates:
            if same_person(d.counterpart_name, d.counterpart_id_number, name, id_number) is not None:
                yield _finding(pool, d, f"with {who_en} {name}", f"与{who_zh}{name}存在不当接触")
