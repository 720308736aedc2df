"""The expert pool with the indexes the rules look up, plus declarations, decisions and prior panels.

Loaded once per screening with a handful of SELECTs; every rule then works by dictionary lookups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.errors import NotFound
from reviewdesk.recusal.facts import (
    ExpertFacts,
    FormerUnitFact,
    RelationFact,
    norm,
    norm_id,
    parse_day,
)
from reviewdesk.recusal.findings import Finding
from reviewdesk.store.models import (
    Campaign,
    Case,
    Expert,
    ExpertFormerUnit,
    ExpertRelation,
    PanelMember,
    RecusalDecision,
    RecusalDeclaration,
    RegistryCompany,
    RegistryHolder,
    Unit,
)


@dataclass(frozen=True, slots=True)
class CampaignRules:
    """What of the campaign the rules need. `id=None`: no campaign, so no region and no prior-review rule."""

    id: str | None
    kind: str = "regular"  # regular | recheck
    cross_region_level: str = "none"  # none | county | prefecture


NO_CAMPAIGN = CampaignRules(None)


@dataclass(frozen=True, slots=True)
class HolderFact:
    name: str
    id_number: str | None
    role: str  # shareholder | officer | legal_representative
    share: str | None


@dataclass(frozen=True, slots=True)
class CompanyFact:
    id: int
    name: str
    credit_code: str | None
    holders: tuple[HolderFact, ...]


@dataclass(frozen=True, slots=True)
class DeclarationFact:
    id: int
    expert_id: int
    case_id: int | None  # None: applies to any case
    kind: str  # conduct | self_declared | request_granted
    counterpart_name: str
    counterpart_id_number: str | None
    note: str


@dataclass(frozen=True, slots=True)
class PriorPanel:
    campaign_id: str
    case_id: int
    expert_id: int


DecisionKey = tuple[int, int, str, str]  # case id, expert id, rule id, evidence key


@dataclass
class Pool:
    experts: dict[int, ExpertFacts]
    by_id_number: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_unit: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_former_unit: dict[str, list[tuple[int, FormerUnitFact]]] = field(default_factory=lambda: defaultdict(list))
    by_region4: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_region6: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    lawyers_by_unit_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    # declared relations, by the target's identity number and by its name: (expert id, relation)
    relations_by_id_number: dict[str, list[tuple[int, RelationFact]]] = field(default_factory=lambda: defaultdict(list))
    relations_by_name: dict[str, list[tuple[int, RelationFact]]] = field(default_factory=lambda: defaultdict(list))
    # interest registry: companies by name / credit code, and holdings by the holder's id number / name
    companies_by_name: dict[str, list[CompanyFact]] = field(default_factory=lambda: defaultdict(list))
    companies_by_credit_code: dict[str, list[CompanyFact]] = field(default_factory=lambda: defaultdict(list))
    holdings_by_id_number: dict[str, list[tuple[CompanyFact, HolderFact]]] = field(default_factory=lambda: defaultdict(list))
    holdings_by_name: dict[str, list[tuple[CompanyFact, HolderFact]]] = field(default_factory=lambda: defaultdict(list))
    declarations: list[DeclarationFact] = field(default_factory=list)
    conduct_by_case: dict[int, list[DeclarationFact]] = field(default_factory=lambda: defaultdict(list))
    conduct_by_id_number: dict[str, list[DeclarationFact]] = field(default_factory=lambda: defaultdict(list))
    conduct_by_name: dict[str, list[DeclarationFact]] = field(default_factory=lambda: defaultdict(list))
    declared_by_case: dict[int | None, list[DeclarationFact]] = field(default_factory=lambda: defaultdict(list))
    decisions: dict[DecisionKey, str] = field(default_factory=dict)
    panels_by_case_id: dict[int, list[PriorPanel]] = field(default_factory=lambda: defaultdict(list))
    panels_by_case_number: dict[str, list[PriorPanel]] = field(default_factory=lambda: defaultdict(list))
    # Per-pool cache for rules whose findings depend only on a unit or region (shared by thousands of cases).
    memo: dict[tuple[object, ...], list[tuple[int, Finding]]] = field(default_factory=dict)

    def decision(self, case_id: int, expert_id: int, rule_id: str, evidence_key: str) -> str | None:
        return self.decisions.get((case_id, expert_id, rule_id, evidence_key))


def campaign_rules(session: Session, campaign_id: str | None) -> CampaignRules:
    if campaign_id is None:
        return NO_CAMPAIGN
    row = session.get(Campaign, campaign_id)
    if row is None:
        raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
    return CampaignRules(row.id, row.kind or "regular", row.cross_region_level or "none")


def load_pool(session: Session, campaign_id: str | None, *, expert_ids: Collection[int] | None = None) -> Pool:
    """All experts (or only `expert_ids`) with their indexes. `campaign_id` is accepted so callers can say
    which campaign they screen for; the pool itself is the same for every campaign."""
    del campaign_id  # the expert pool is workspace-wide; campaign rules come from campaign_rules()
    wanted = None if expert_ids is None else set(expert_ids)

    def keep(expert_id: int) -> bool:
        return wanted is None or expert_id in wanted

    former: dict[int, list[FormerUnitFact]] = defaultdict(list)
    for eid, code, until in session.execute(
        select(ExpertFormerUnit.expert_id, ExpertFormerUnit.unit_code, ExpertFormerUnit.until).order_by(ExpertFormerUnit.id)
    ):
        if keep(eid):
            former[eid].append(FormerUnitFact(code, parse_day(until)))
    relations: dict[int, list[RelationFact]] = defaultdict(list)
    for eid, kind, name, idn, unit, note in session.execute(
        select(
            ExpertRelation.expert_id, ExpertRelation.kind, ExpertRelation.name, ExpertRelation.id_number,
            ExpertRelation.unit_code, ExpertRelation.note,
        ).order_by(ExpertRelation.id)
    ):
        if keep(eid):
            relations[eid].append(RelationFact(kind, norm(name), norm_id(idn), unit, note or ""))

    experts: dict[int, ExpertFacts] = {}
    for e, unit_name, region in session.execute(
        select(Expert, Unit.name, Unit.region_code).join(Unit, Unit.code == Expert.unit_code).order_by(Expert.id)
    ):
        if keep(e.id):
            experts[e.id] = ExpertFacts(
                e.id, e.external_id, norm(e.name), norm_id(e.id_number), e.profession, e.unit_code, norm(unit_name),
                region, e.specialty_set, tuple(former.get(e.id, ())), tuple(relations.get(e.id, ())),
            )
    pool = Pool(experts)
    for e in experts.values():
        _index_expert(pool, e)

    holders: dict[int, list[HolderFact]] = defaultdict(list)
    for cid, name, idn, role, share in session.execute(
        select(RegistryHolder.company_id, RegistryHolder.name, RegistryHolder.id_number, RegistryHolder.role, RegistryHolder.share)
        .order_by(RegistryHolder.id)
    ):
        holders[cid].append(HolderFact(norm(name), norm_id(idn), role, share))
    for cid, name, credit in session.execute(select(RegistryCompany.id, RegistryCompany.name, RegistryCompany.credit_code)):
        company = CompanyFact(cid, norm(name), norm_id(credit), tuple(holders.get(cid, ())))
        pool.companies_by_name[company.name].append(company)
        if company.credit_code:
            pool.companies_by_credit_code[company.credit_code].append(company)
        for h in company.holders:
            pool.holdings_by_name[h.name].append((company, h))
            if h.id_number:
                pool.holdings_by_id_number[h.id_number].append((company, h))

    for d in session.execute(select(RecusalDeclaration).order_by(RecusalDeclaration.id)).scalars():
        if not keep(d.expert_id):
            continue
        fact = DeclarationFact(
            d.id, d.expert_id, d.case_id, d.kind, norm(d.counterpart_name), norm_id(d.counterpart_id_number), d.note or ""
        )
        pool.declarations.append(fact)
        if fact.kind == "conduct":
            if fact.case_id is not None:
                pool.conduct_by_case[fact.case_id].append(fact)
            if fact.counterpart_id_number:
                pool.conduct_by_id_number[fact.counterpart_id_number].append(fact)
            if fact.counterpart_name:
                pool.conduct_by_name[fact.counterpart_name].append(fact)
        else:
            pool.declared_by_case[fact.case_id].append(fact)

    for case_id, expert_id, rule_id, key, decision in session.execute(
        select(
            RecusalDecision.case_id, RecusalDecision.expert_id, RecusalDecision.rule_id, RecusalDecision.evidence_key,
            RecusalDecision.decision,
        )
    ):
        if keep(expert_id):
            pool.decisions[(case_id, expert_id, rule_id, key)] = decision

    for camp, case_id, expert_id, number in session.execute(
        select(PanelMember.campaign_id, PanelMember.case_id, PanelMember.expert_id, Case.case_number).join(
            Case, Case.id == PanelMember.case_id
        )
    ):
        if keep(expert_id):
            panel = PriorPanel(camp, case_id, expert_id)
            pool.panels_by_case_id[case_id].append(panel)
            if norm(number):
                pool.panels_by_case_number[norm(number)].append(panel)
    return pool


def _index_expert(pool: Pool, e: ExpertFacts) -> None:
    if e.id_number:
        pool.by_id_number[e.id_number].append(e.id)
    pool.by_name[e.name].append(e.id)
    pool.by_unit[e.unit_code].append(e.id)
    pool.by_region6[e.region_code].append(e.id)
    pool.by_region4[e.region_code[:4]].append(e.id)
    if e.profession == "lawyer" and e.unit_name:
        pool.lawyers_by_unit_name[e.unit_name].append(e.id)
    for f in e.former_units:
        pool.by_former_unit[f.code].append((e.id, f))
    for r in e.relations:
        if r.id_number:
            pool.relations_by_id_number[r.id_number].append((e.id, r))
        if r.name:
            pool.relations_by_name[r.name].append((e.id, r))
