"""Rule 3 (interest): the expert or a near relative holds shares or an office in a company that is a party,
or declared a business interest in a party. Also screens the case's own handlers (data collision)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date

from reviewdesk.recusal.facts import CaseFacts, PartyFact
from reviewdesk.recusal.findings import Finding, evidence_key, finding, mask_id
from reviewdesk.recusal.pool import CampaignRules, CompanyFact, Pool
from reviewdesk.recusal.rules.match import relations_like

RULE_ID = "interest"

HOLDER_ROLES_ZH = {"shareholder": "股东", "officer": "高级管理人员", "legal_representative": "法定代表人"}


def party_companies(case: CaseFacts, pool: Pool) -> Iterator[tuple[PartyFact, CompanyFact]]:
    """Registry companies that are parties: same name, or the party's id number is the credit code."""
    for p in case.parties:
        seen: set[int] = set()
        candidates = list(pool.companies_by_name.get(p.name, ()))
        if p.id_number:
            candidates += pool.companies_by_credit_code.get(p.id_number, ())
        for company in candidates:
            if company.id not in seen:
                seen.add(company.id)
                yield p, company


def _holding(role: str, share: str | None) -> tuple[str, str]:
    zh = HOLDER_ROLES_ZH.get(role, role)
    return (f"{role} {share}" if share else role), (f"{zh}（{share}）" if share else zh)


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    for p, company in party_companies(case, pool):
        for h in company.holders:
            how_en, how_zh = _holding(h.role, h.share)
            if h.id_number:
                for eid in pool.by_id_number.get(h.id_number, ()):
                    e = pool.experts[eid]
                    yield eid, finding(
                        RULE_ID, True, evidence_key(RULE_ID, "holder-id", company.id, h.id_number),
                        f"expert {e.name} is {how_en} of {company.name}, party ({p.role}) of the case "
                        f"(registry, identity number {mask_id(h.id_number)})",
                        f"专家{e.name}系本案当事人{company.name}（{p.role}）的{how_zh}（企业登记信息，身份证号{mask_id(h.id_number)}）",
                    )
                for eid, rel, _how in relations_like(pool, "near_relative", h.name, h.id_number):
                    if _how != "id":
                        continue  # relatives count only when their declared identity number matches
                    e = pool.experts[eid]
                    yield eid, finding(
                        RULE_ID, True, evidence_key(RULE_ID, "relative-id", company.id, h.id_number),
                        f"expert {e.name}'s near relative {rel.name} is {how_en} of {company.name}, party ({p.role}) "
                        f"of the case (identity number {mask_id(h.id_number)})",
                        f"专家{e.name}的近亲属{rel.name}系本案当事人{company.name}（{p.role}）的{how_zh}"
                        f"（身份证号{mask_id(h.id_number)}）",
                    )
            for eid in pool.by_name.get(h.name, ()) if h.name else ():
                e = pool.experts[eid]
                if h.id_number and e.id_number:
                    continue  # both known: the id branch above decided
                yield eid, finding(
                    RULE_ID, False, evidence_key(RULE_ID, "holder-name", company.id, h.name),
                    f"expert {e.name} has the same name as {h.name}, {how_en} of {company.name}, party ({p.role}); "
                    "no identity number to confirm",
                    f"专家{e.name}与本案当事人{company.name}（{p.role}）的{how_zh}{h.name}同名，缺少身份证号，无法确认是否同一人",
                )
    for p in case.parties:
        for eid, rel, _how in relations_like(pool, "business_interest", p.name, p.id_number):
            e = pool.experts[eid]
            note = f"（{rel.note}）" if rel.note else ""
            yield eid, finding(
                RULE_ID, True, evidence_key(RULE_ID, "declared", rel.name, rel.id_number or ""),
                f"expert {e.name} declared a business interest in {rel.name}, party ({p.role}) of the case",
                f"专家{e.name}申报与本案当事人{p.name}（{p.role}）存在利益关系{note}",
            )


@dataclass(frozen=True)
class HandlerFlag:
    """A handler of the case who holds an interest in a party (for the office to look into, not an exclusion)."""

    handler_name: str
    handler_role: str
    company_name: str
    holder_role: str
    share: str | None
    certain: bool  # True: identity number matched; False: same name only
    evidence: str
    evidence_zh: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def handler_interest_collisions(case: CaseFacts, pool: Pool) -> list[HandlerFlag]:
    """Handlers of the case who hold shares or office in a company that is a party of the same case."""
    companies = {company.id: (p, company) for p, company in party_companies(case, pool)}
    flags: list[HandlerFlag] = []
    seen: set[tuple[str, int, str]] = set()
    for handler in case.handlers:
        holdings = [(c, h, True) for c, h in pool.holdings_by_id_number.get(handler.id_number, ())] if handler.id_number else []
        holdings += [
            (c, h, False) for c, h in pool.holdings_by_name.get(handler.name, ())
            if not (h.id_number and handler.id_number)
        ]
        for company, holder, certain in holdings:
            if company.id not in companies or (handler.name, company.id, holder.role) in seen:
                continue
            seen.add((handler.name, company.id, holder.role))
            party, _ = companies[company.id]
            how_en, how_zh = _holding(holder.role, holder.share)
            sure_en = "identity number matched" if certain else "same name, not confirmed"
            sure_zh = "身份证号一致" if certain else "仅姓名相同，待核实"
            flags.append(HandlerFlag(
                handler.name, handler.role, company.name, holder.role, holder.share, certain,
                f"handler {handler.name} ({handler.role}) is {how_en} of {company.name}, party ({party.role}); {sure_en}",
                f"{handler.role}{handler.name}系本案当事人{company.name}（{party.role}）的{how_zh}（{sure_zh}）",
            ))
    return flags
