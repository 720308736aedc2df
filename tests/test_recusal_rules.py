"""Each recusal rule: a positive and a negative case, and the hard/soft split. Also the shared test builder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from reviewdesk.identity_number import check_digit
from reviewdesk.recusal.engine import screen
from reviewdesk.recusal.findings import Finding
from reviewdesk.recusal.rules.interest import handler_interest_collisions
from reviewdesk.store.models import (
    Campaign,
    Case,
    CaseHandler,
    CaseParty,
    Expert,
    ExpertFormerUnit,
    ExpertRelation,
    PanelMember,
    PartyCounsel,
    RecusalDeclaration,
    RegistryCompany,
    RegistryHolder,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace, Workspace

TODAY = date(2026, 6, 1)
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def ident(seq: int, region: str = "620102", born: str = "19700101") -> str:
    first17 = f"{region}{born}{seq:03d}"
    return first17 + check_digit(first17)


class World:
    """Inserts ORM rows for recusal tests. Units: A (620102), B (620103, same prefecture), C (620201), FIRM."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.n = 0
        for code, region, name, kind in (
            ("A", "620102", "甲区法院", "court"), ("B", "620103", "乙区检察院", "procuratorate"),
            ("C", "620201", "丙市公安局", "police"), ("FIRM", "620104", "正义律师事务所", "other"),
        ):
            if s.get(Unit, code) is None:
                s.add(Unit(code=code, name=name, kind=kind, region_code=region))
        s.flush()

    def _next(self) -> int:
        self.n += 1
        return self.n

    def unit(self, code: str, region: str, name: str = "", kind: str = "court") -> str:
        if self.s.get(Unit, code) is None:
            self.s.add(Unit(code=code, name=name or code, kind=kind, region_code=region))
            self.s.flush()
        return code

    def case(
        self, unit: str = "A", *, number: str | None = None, campaign: str | None = None,
        handlers: list[tuple[str, str | None]] = (), parties: list[dict[str, Any]] = (),
    ) -> int:
        k = self._next()
        c = Case(
            issuer_key_id="K1", external_id=f"GS-{k:04d}", campaign_id=campaign, case_number=number or f"（2026）甘{k}号",
            title="t", case_type="civil", cause="", stage="", unit_code=unit, summary="", imported_at=T0,
        )
        self.s.add(c)
        self.s.flush()
        for name, idn in handlers:
            self.s.add(CaseHandler(case_id=c.id, name=name, id_number=idn, unit_code=unit, role="承办法官"))
        for p in parties:
            row = CaseParty(case_id=c.id, name=p["name"], kind=p.get("kind", "person"), id_number=p.get("id"), role=p.get("role", "原告"))
            self.s.add(row)
            self.s.flush()
            for cname, firm in p.get("counsel", ()):
                self.s.add(PartyCounsel(party_id=row.id, name=cname, firm=firm))
        self.s.flush()
        return c.id

    def expert(
        self, name: str, unit: str = "C", *, idn: str | None = None, profession: str = "judge",
        former: list[tuple[str, str | None]] = (), relations: list[tuple[str, str, str | None]] = (),
    ) -> int:
        k = self._next()
        e = Expert(
            external_id=f"EXP-{k:04d}", name=name, id_number=idn, profession=profession, unit_code=unit,
            source="test", created_at=T0, updated_at=T0,
        )
        self.s.add(e)
        self.s.flush()
        for code, until in former:
            self.s.add(ExpertFormerUnit(expert_id=e.id, unit_code=code, until=until))
        for kind, rname, ridn in relations:
            self.s.add(ExpertRelation(expert_id=e.id, kind=kind, name=rname, id_number=ridn, note=""))
        self.s.flush()
        return e.id

    def company(self, name: str, credit: str | None, holders: list[tuple[str, str | None]]) -> int:
        c = RegistryCompany(name=name, credit_code=credit, source="test", imported_at=T0)
        self.s.add(c)
        self.s.flush()
        for hname, hidn in holders:
            self.s.add(RegistryHolder(company_id=c.id, name=hname, id_number=hidn, role="shareholder", share="10%"))
        self.s.flush()
        return c.id

    def declaration(self, expert: int, kind: str, case: int | None = None, name: str | None = None, idn: str | None = None) -> int:
        d = RecusalDeclaration(
            expert_id=expert, case_id=case, kind=kind, counterpart_name=name, counterpart_id_number=idn, note="",
            recorded_by="admin", recorded_at=T0,
        )
        self.s.add(d)
        self.s.flush()
        return d.id

    def campaign(self, cid: str, kind: str = "regular", level: str = "none") -> str:
        self.s.add(Campaign(id=cid, name=cid, year=2026, cross_region_level=level, kind=kind, created_at=T0))
        self.s.flush()
        return cid

    def panel(self, campaign: str, case: int, expert: int) -> None:
        self.s.add(PanelMember(campaign_id=campaign, case_id=case, expert_id=expert, role="member", assigned_by="admin", assigned_at=T0))
        self.s.flush()


@contextmanager
def scratch(ws: OpenWorkspace) -> Iterator[tuple[Session, World]]:
    """A write session whose rows are rolled back at the end: many scenarios share one workspace."""
    with ws.write_session() as s:
        s.begin()
        try:
            yield s, World(s)
        finally:
            s.rollback()


@pytest.fixture(scope="module")
def rws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenWorkspace]:
    folder: Path = tmp_path_factory.mktemp("recusal") / "ws"
    opened, _ = Workspace(folder).create("admin", "管理员", "admin-pass-2026")
    yield opened
    opened.close()


def found(s: Session, case: int, campaign: str | None = None) -> dict[int, list[Finding]]:
    return screen(s, campaign, [case], TODAY).findings[case]


def rules_of(findings: dict[int, list[Finding]], expert: int) -> set[tuple[str, bool]]:
    return {(f.rule_id, f.hard) for f in findings.get(expert, [])}


# -- 1 handler ------------------------------------------------------------------------------------------
def test_handler_by_id_is_hard_by_name_soft_and_other_ids_nothing(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        same_id = w.expert("赵某", idn=ident(1))
        name_only = w.expert("李某")  # no identity number: possible
        other_person = w.expert("王某", idn=ident(3))  # same name as a handler, different identity number
        stranger = w.expert("孙某", idn=ident(4))
        case = w.case(handlers=[("赵某某", ident(1)), ("李某", None), ("王某", ident(5))])
        f = found(s, case)
        assert rules_of(f, same_id) == {("handler", True)}
        assert rules_of(f, name_only) == {("handler", False)}
        assert other_person not in f and stranger not in f
        text = f[same_id][0].evidence_zh
        assert ident(1) not in text and "620102********" in text and "赵某" in text


# -- 2 party_relative -------------------------------------------------------------------------------------
def test_party_and_near_relatives(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        is_party = w.expert("张三", idn=ident(10))
        party_name = w.expert("张四")
        rel_of_handler = w.expert("甲", relations=[("near_relative", "李法官", ident(11))])
        rel_of_counsel = w.expert("乙", relations=[("near_relative", "王律师", None)])
        colleague = w.expert("丙", relations=[("former_colleague", "张三", ident(10))])
        rel_other_id = w.expert("丁", relations=[("near_relative", "张三", ident(12))])
        case = w.case(
            handlers=[("李法官", ident(11))],
            parties=[{"name": "张三", "id": ident(10), "counsel": [("王律师", "某所")]}, {"name": "张四"}],
        )
        f = found(s, case)
        assert rules_of(f, is_party) == {("party_relative", True)}
        assert rules_of(f, party_name) == {("party_relative", False)}
        assert rules_of(f, rel_of_handler) == {("party_relative", True)}
        assert rules_of(f, rel_of_counsel) == {("party_relative", False)}
        assert rules_of(f, colleague) == {("declared", False)}  # rule 8, not a near relative
        assert rel_other_id not in f


# -- 3 interest -----------------------------------------------------------------------------------------------
def test_interest_in_a_company_party(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        holder = w.expert("钱某", idn=ident(20))
        relative_holds = w.expert("周某", relations=[("near_relative", "周子", ident(21))])
        relative_no_id = w.expert("吴某", relations=[("near_relative", "吴子", None)])
        by_name = w.expert("郑某")
        declared = w.expert("冯某", relations=[("business_interest", "长城公司", None)])
        unrelated = w.expert("陈某", idn=ident(22))
        w.company("长城公司", "91620100MA00000001", [("钱某", ident(20)), ("周子", ident(21)), ("吴子", None), ("郑某", None)])
        w.company("黄河公司", "91620100MA00000002", [("陈某", ident(22))])  # not a party
        case = w.case(parties=[{"name": "长城公司", "kind": "organization"}])
        f = found(s, case)
        assert rules_of(f, holder) == {("interest", True)}
        assert rules_of(f, relative_holds) == {("interest", True)}
        assert rules_of(f, by_name) == {("interest", False)}
        assert rules_of(f, declared) == {("interest", True)}
        assert relative_no_id not in f and unrelated not in f


def test_interest_by_credit_code_and_handler_collision(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        holder = w.expert("钱某", idn=ident(20))
        w.company("长城有限责任公司", "91620100MA00000001", [("钱某", ident(20)), ("李法官", ident(23))])
        case = w.case(
            handlers=[("李法官", ident(23)), ("王法官", ident(24))],
            parties=[{"name": "长城公司（简称）", "kind": "organization", "id": "91620100MA00000001"}],
        )
        result = screen(s, None, [case], TODAY)
        assert rules_of(result.findings[case], holder) == {("interest", True)}
        flags = handler_interest_collisions(result.cases[case], result.pool)
        assert [(fl.handler_name, fl.certain) for fl in flags] == [("李法官", True)]
        assert "长城有限责任公司" in flags[0].evidence_zh


# -- 4 earlier_role ---------------------------------------------------------------------------------------------
def test_earlier_role(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        same_name = w.expert("王律师")
        same_firm = w.expert("刘律师", "FIRM", profession="lawyer")
        judge_same_unit_name = w.expert("何法官", "FIRM", profession="judge")  # not a lawyer: no firm rule
        counsel_for = w.expert("罗某", relations=[("counsel_for", "张三", None)])
        other_firm_case = w.case(parties=[{"name": "李四", "counsel": [("周律师", "别的律师事务所")]}])
        case = w.case(parties=[{"name": "张三", "counsel": [("王律师", "正义律师事务所")]}])
        f = found(s, case)
        assert rules_of(f, same_name) == {("earlier_role", False)}
        assert rules_of(f, same_firm) == {("earlier_role", True)}
        assert rules_of(f, counsel_for) == {("earlier_role", True)}
        assert judge_same_unit_name not in f
        assert found(s, other_firm_case) == {}


# -- 5 same_unit --------------------------------------------------------------------------------------------------
def test_same_unit_now_and_within_five_years(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        now_there = w.expert("甲", "A")
        left_3y = w.expert("乙", former=[("A", (TODAY - timedelta(days=3 * 365)).isoformat())])
        left_unknown = w.expert("丙", former=[("A", None)])
        left_6y = w.expert("丁", former=[("A", (TODAY - timedelta(days=6 * 365)).isoformat())])
        other_unit = w.expert("戊", "B", former=[("B", None)])
        case = w.case("A")
        f = found(s, case)
        for eid in (now_there, left_3y, left_unknown):
            assert rules_of(f, eid) == {("same_unit", True)}
        assert left_6y not in f and other_unit not in f


# -- 6 same_region -------------------------------------------------------------------------------------------------
def test_same_region_by_campaign_level(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        w.unit("A2", "620102")
        county = w.expert("甲", "A2")
        prefecture = w.expert("乙", "B")
        far = w.expert("丙", "C")
        w.campaign("county", level="county")
        w.campaign("pref", level="prefecture")
        w.campaign("none", level="none")
        case = w.case("A")
        f = found(s, case, "county")
        assert rules_of(f, county) == {("same_region", True)} and prefecture not in f and far not in f
        f = found(s, case, "pref")
        assert rules_of(f, county) == rules_of(f, prefecture) == {("same_region", True)} and far not in f
        assert found(s, case, "none") == {} and found(s, case, None) == {}


# -- 7 conduct -----------------------------------------------------------------------------------------------------
def test_conduct_declarations(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        with_party = w.expert("甲")
        with_handler = w.expert("乙")
        about_case = w.expert("丙")
        other_person = w.expert("丁")
        different_id = w.expert("戊")
        case = w.case(handlers=[("李法官", ident(30))], parties=[{"name": "张三"}])
        other_case = w.case()
        w.declaration(with_party, "conduct", name="张三")
        w.declaration(with_handler, "conduct", idn=ident(30))
        w.declaration(about_case, "conduct", case=case)
        w.declaration(other_person, "conduct", case=other_case, name="某某")
        w.declaration(different_id, "conduct", name="李法官", idn=ident(31))  # same name, another person
        f = found(s, case)
        for eid in (with_party, with_handler, about_case):
            assert rules_of(f, eid) == {("conduct", True)}
        assert other_person not in f and different_id not in f


# -- 8 declared ------------------------------------------------------------------------------------------------------
def test_declared_recusal(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        self_decl = w.expert("甲")
        granted = w.expert("乙")
        elsewhere = w.expert("丙")
        everywhere = w.expert("丁")
        case, other = w.case(), w.case()
        w.declaration(self_decl, "self_declared", case=case)
        w.declaration(granted, "request_granted", case=case)
        w.declaration(elsewhere, "self_declared", case=other)
        w.declaration(everywhere, "self_declared")
        f = found(s, case)
        for eid in (self_decl, granted, everywhere):
            assert rules_of(f, eid) == {("declared", True)}
        assert elsewhere not in f


def test_declared_other_relations_are_soft_rule_8(rws: OpenWorkspace) -> None:
    """`other` and `former_colleague` relations naming a party, a handler or a party's counsel: rule 8, soft
    (pending until the coordinator decides), by identity number and by name, the note as evidence."""
    with scratch(rws) as (s, w):
        case = w.case(
            handlers=[("李法官", ident(41))],
            parties=[{"name": "张三", "id": ident(40), "counsel": [("王律师", "某所")]}, {"name": "赵四"}],
        )
        by_id = w.expert("甲")
        by_name = w.expert("乙", relations=[("other", "赵四", None)])
        colleague_handler = w.expert("丙", relations=[("former_colleague", "李法官", ident(41))])
        colleague_counsel = w.expert("丁", relations=[("former_colleague", "王律师", None)])
        handler_by_name = w.expert("戊", relations=[("other", "李法官", None)])
        another_person = w.expert("己", relations=[("other", "张三", ident(42))])  # same name, other id
        stranger = w.expert("庚", relations=[("other", "陈五", None)])
        s.add(ExpertRelation(expert_id=by_id, kind="other", name="张三", id_number=ident(40), note="大学同学"))
        s.flush()
        f = found(s, case)
        for eid in (by_id, by_name, colleague_handler, colleague_counsel, handler_by_name):
            assert rules_of(f, eid) == {("declared", False)}, eid
        assert another_person not in f and stranger not in f
        texts = [x.evidence_zh for x in f[by_id]]
        assert any("大学同学" in t for t in texts) and all(ident(40) not in t for t in texts)
        assert any("身份证号一致" in x.evidence_zh for x in f[by_id])
        assert "同名" in f[by_name][0].evidence_zh and "其他关系" in f[by_name][0].evidence_zh
        assert "原同事关系" in f[colleague_counsel][0].evidence_zh and "代理人" in f[colleague_counsel][0].evidence_zh
        assert f[by_id][0].evidence_key.startswith("declared:relation-other-id:")
        assert f[by_name][0].evidence_key.startswith("declared:relation-other-name:")
        screening = screen(s, None, [case], TODAY)
        assert not screening.eligible(case, by_name)  # pending: excludes until cleared
        assert screening.status(case, by_name, f[by_name][0]) == "pending"
        assert by_name in screening.pending(case)


# -- 9 prior_review -----------------------------------------------------------------------------------------------------
def test_prior_review_only_in_recheck(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        sat_before = w.expert("甲")
        same_number = w.expert("乙")
        this_campaign = w.expert("丙")
        w.campaign("first")
        w.campaign("recheck", kind="recheck")
        w.campaign("regular2")
        case = w.case(number="（2024）甘01民初1号")
        copy = w.case(number="（2024）甘01民初1号")  # the same case imported again under another id
        w.panel("first", case, sat_before)
        w.panel("first", copy, same_number)
        w.panel("recheck", case, this_campaign)
        f = found(s, case, "recheck")
        assert rules_of(f, sat_before) == rules_of(f, same_number) == {("prior_review", True)}
        assert this_campaign not in f
        assert found(s, case, "regular2") == {}


def test_findings_are_complete_and_keys_stable(rws: OpenWorkspace) -> None:
    with scratch(rws) as (s, w):
        e = w.expert("李某")
        w.expert("赵某", "A")
        case = w.case("A", handlers=[("李某", None)], parties=[{"name": "李某"}])
        first, second = found(s, case), found(s, case)
        assert first == second and rules_of(first, e) == {("handler", False), ("party_relative", False)}
        for per_expert in first.values():
            for f in per_expert:
                assert f.rule_id and f.basis_zh and f.evidence_zh and f.evidence_key and f.basis and f.evidence
                assert "李某" not in f.evidence_key  # keys are hashed: safe in the audit log
