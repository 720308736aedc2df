"""Rule 2 (party_relative): the expert is a party, or a declared near relative of a party, handler or counsel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding, mask_id
from reviewdesk.recusal.pool import CampaignRules, Pool
from reviewdesk.recusal.rules.match import experts_like, people, relations_like

RULE_ID = "party_relative"


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    for p in case.parties:
        for eid, how in experts_like(pool, p.name, p.id_number):
            e = pool.experts[eid]
            key = evidence_key(RULE_ID, f"party-{how}", p.name, p.id_number or "")
            if how == "id":
                yield eid, finding(
                    RULE_ID, True, key,
                    f"expert {e.name} is party {p.name} ({p.role}): identity numbers equal ({mask_id(p.id_number)})",
                    f"专家{e.name}即本案当事人{p.name}（{p.role}），身份证号一致（{mask_id(p.id_number)}）",
                )
            else:
                yield eid, finding(
                    RULE_ID, False, key,
                    f"expert {e.name} has the same name as party {p.name} ({p.role}); no identity number to confirm",
                    f"专家{e.name}与当事人{p.name}（{p.role}）同名，缺少身份证号，无法确认是否同一人",
                )
    for who_en, who_zh, name, id_number in people(case):
        for eid, rel, how in relations_like(pool, "near_relative", name, id_number):
            e = pool.experts[eid]
            key = evidence_key(RULE_ID, f"relative-{how}", rel.name, rel.id_number or "", name, id_number or "")
            note = f"（{rel.note}）" if rel.note else ""
            if how == "id":
                yield eid, finding(
                    RULE_ID, True, key,
                    f"expert {e.name} declared near relative {rel.name}, who is {who_en} {name} "
                    f"(identity numbers equal, {mask_id(id_number)})",
                    f"专家{e.name}申报的近亲属{rel.name}{note}即{who_zh}{name}，身份证号一致（{mask_id(id_number)}）",
                )
            else:
                yield eid, finding(
                    RULE_ID, False, key,
                    f"expert {e.name} declared near relative {rel.name}, same name as {who_en} {name}; "
                    "no identity number to confirm",
                    f"专家{e.name}申报的近亲属{rel.name}{note}与{who_zh}{name}同名，缺少身份证号，无法确认是否同一人",
                )
