"""The engine against a naive oracle (hypothesis), decisions and eligibility, the service layer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from reviewdesk.errors import NotFound, PermissionDenied, ValidationError
from reviewdesk.recusal.engine import check_pair, excludes, screen
from reviewdesk.services import recusal
from reviewdesk.services.lookup import resolve_case, resolve_expert
from reviewdesk.store.models import AuditEntry, Case
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.test_recusal_rules import T0, TODAY, World, ident, scratch


@pytest.fixture(scope="module")
def ews(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenWorkspace]:
    folder: Path = tmp_path_factory.mktemp("recusal-engine") / "ws"
    opened, _ = Workspace(folder).create("admin", "管理员", "admin-pass-2026")
    yield opened
    opened.close()


# -- random worlds and the oracle ---------------------------------------------------------------------------
PEOPLE = ["张一", "张二", "李三"]
COMPANIES = ["长城公司", "黄河公司"]
IDS = [ident(1), ident(2), ident(3)]
CREDITS = ["91620100MA00000001", "91620100MA00000002"]
FIRMS = ["正义律师事务所", "别的律师事务所"]
UNITS = {"A": "620102", "A2": "620102", "B": "620103", "C": "620201", "FIRM": "620104"}
UNIT_NAMES = {"A": "甲区法院", "A2": "A2", "B": "乙区检察院", "C": "丙市公安局", "FIRM": "正义律师事务所"}
UNTIL = [None, "2024-01-01", "2019-01-01", "2021-06-01", "2021-05-31"]
RELATION_KINDS = ["near_relative", "former_colleague", "business_interest", "counsel_for", "other"]

maybe_id = st.sampled_from([*IDS, None])
person = st.tuples(st.sampled_from(PEOPLE), maybe_id)
expert_s = st.fixed_dictionaries({
    "name": st.sampled_from(PEOPLE), "id": maybe_id, "unit": st.sampled_from(list(UNITS)),
    "profession": st.sampled_from(["judge", "lawyer"]),
    "former": st.lists(st.tuples(st.sampled_from(list(UNITS)), st.sampled_from(UNTIL)), max_size=2),
    "relations": st.lists(
        st.tuples(st.sampled_from(RELATION_KINDS), st.sampled_from(PEOPLE + COMPANIES), maybe_id), max_size=3
    ),
})
party_s = st.fixed_dictionaries({
    "name": st.sampled_from(PEOPLE + COMPANIES), "kind": st.sampled_from(["person", "organization"]),
    "id": st.sampled_from([*IDS, *CREDITS, None]),
    "counsel": st.lists(st.tuples(st.sampled_from(PEOPLE), st.sampled_from([*FIRMS, None])), max_size=2),
})
case_s = st.fixed_dictionaries({
    "unit": st.sampled_from(["A", "B", "C"]), "number": st.sampled_from(["N1", "N2", "N3"]),
    "handlers": st.lists(person, max_size=2), "parties": st.lists(party_s, max_size=3),
})
company_s = st.tuples(
    st.sampled_from(COMPANIES), st.sampled_from([*CREDITS, None]), st.lists(person, max_size=3)
)
world_s = st.fixed_dictionaries({
    "experts": st.lists(expert_s, min_size=1, max_size=5),
    "cases": st.lists(case_s, min_size=1, max_size=3),
    "companies": st.lists(company_s, max_size=2),
    "declarations": st.lists(
        st.tuples(
            st.integers(0, 4), st.sampled_from(["conduct", "self_declared", "request_granted"]),
            st.sampled_from([0, 1, 2, None]), st.sampled_from([*PEOPLE, None]), maybe_id,
        ),
        max_size=3,
    ),
    "campaign": st.tuples(st.sampled_from(["regular", "recheck"]), st.sampled_from(["none", "county", "prefecture"])),
    "panels": st.lists(st.tuples(st.sampled_from(["cur", "old"]), st.integers(0, 2), st.integers(0, 4)), max_size=4),
})


@dataclass
class Built:
    experts: list[int] = field(default_factory=list)
    cases: list[int] = field(default_factory=list)
    decl: list[tuple[int, str, int | None, str | None, str | None]] = field(default_factory=list)
    panels: set[tuple[str, int, int]] = field(default_factory=set)


def build(w: World, data: dict[str, Any]) -> Built:
    b = Built()
    w.unit("A2", "620102")
    w.campaign("cur", kind=data["campaign"][0], level=data["campaign"][1])
    w.campaign("old")
    for e in data["experts"]:
        b.experts.append(w.expert(e["name"], e["unit"], idn=e["id"], profession=e["profession"], former=e["former"], relations=e["relations"]))
    for c in data["cases"]:
        b.cases.append(w.case(c["unit"], number=c["number"], handlers=c["handlers"], parties=c["parties"]))
    for name, credit, holders in data["companies"]:
        w.company(name, credit, holders)
    for ei, kind, ci, name, idn in data["declarations"]:
        eid = b.experts[ei % len(b.experts)]
        cid = None if ci is None else b.cases[ci % len(b.cases)]
        w.declaration(eid, kind, case=cid, name=name, idn=idn)
        b.decl.append((eid, kind, cid, name, idn))
    for camp, ci, ei in data["panels"]:
        key = (camp, b.cases[ci % len(b.cases)], b.experts[ei % len(b.experts)])
        if key not in b.panels:
            b.panels.add(key)
            w.panel(*key)
    return b


def same(a_name: str | None, a_id: str | None, b_name: str | None, b_id: str | None) -> str | None:
    if a_id and b_id:
        return "id" if a_id == b_id else None
    return "name" if a_name and a_name == b_name else None


def oracle(data: dict[str, Any], b: Built, today: date) -> set[tuple[int, int, str, bool]]:
    """Every pair checked straight from the rule definitions in the brief, no indexes."""
    out: set[tuple[int, int, str, bool]] = set()
    kind, level = data["campaign"]
    cutoff = today.replace(year=today.year - 5).isoformat()
    for ci, c in enumerate(data["cases"]):
        cid = b.cases[ci]
        counsel = [(cn, firm, p) for p in c["parties"] for cn, firm in p["counsel"]]
        people = [(h[0], h[1]) for h in c["handlers"]] + [(p["name"], p["id"]) for p in c["parties"]]
        party_companies = [
            comp for comp in data["companies"]
            if any(comp[0] == p["name"] or (p["id"] and p["id"] == comp[1]) for p in c["parties"])
        ]
        for ei, e in enumerate(data["experts"]):
            eid = b.experts[ei]

            def add(rule: str, how: str | None, hard: bool | None = None) -> None:
                if how is not None:
                    out.add((cid, eid, rule, (how == "id") if hard is None else hard))  # noqa: B023

            for hn, hid in c["handlers"]:
                add("handler", same(e["name"], e["id"], hn, hid))
            for p in c["parties"]:
                add("party_relative", same(e["name"], e["id"], p["name"], p["id"]))
            for rk, rn, rid in e["relations"]:
                targets = people + [(cn, None) for cn, _f, _p in counsel]
                if rk == "near_relative":
                    for tn, tid in targets:
                        add("party_relative", same(rn, rid, tn, tid))
                if rk in ("other", "former_colleague"):  # rule 8: another relationship, always soft
                    for tn, tid in targets:
                        add("declared", same(rn, rid, tn, tid), False)
                for p in c["parties"]:
                    if rk == "business_interest":
                        add("interest", same(rn, rid, p["name"], p["id"]), True)
                    if rk == "counsel_for":
                        add("earlier_role", same(rn, rid, p["name"], p["id"]), True)
            for _name, _credit, holders in party_companies:
                for hn, hid in holders:
                    if hid and hid == e["id"]:
                        add("interest", "id")
                    if hid and any(rk == "near_relative" and rid == hid for rk, _rn, rid in e["relations"]):
                        add("interest", "id")
                    if hn == e["name"] and not (hid and e["id"]):
                        add("interest", "name")
            for cn, firm, _p in counsel:
                if cn == e["name"]:
                    add("earlier_role", "name")
                if firm and e["profession"] == "lawyer" and UNIT_NAMES[e["unit"]] == firm:
                    add("earlier_role", "id")
            if e["unit"] == c["unit"]:
                add("same_unit", "id")
            for code, until in e["former"]:
                if code == c["unit"] and (until is None or until >= cutoff):
                    add("same_unit", "id")
            er, cr = UNITS[e["unit"]], UNITS[c["unit"]]
            if (level == "county" and er == cr) or (level == "prefecture" and er[:4] == cr[:4]):
                add("same_region", "id")
            for deid, dk, dcid, dn, did in b.decl:
                if deid != eid:
                    continue
                if dk == "conduct" and (dcid == cid or any(same(dn, did, tn, tid) for tn, tid in people)):
                    add("conduct", "id")
                if dk != "conduct" and dcid in (cid, None):
                    add("declared", "id")
            if kind == "recheck":
                for camp, pcid, peid in b.panels:
                    other_number = data["cases"][b.cases.index(pcid)]["number"]
                    if camp != "cur" and peid == eid and (pcid == cid or other_number == c["number"]):
                        add("prior_review", "id")
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=world_s)
def test_engine_matches_naive_oracle(ews: OpenWorkspace, data: dict[str, Any]) -> None:
    with scratch(ews) as (s, w):
        b = build(w, data)
        result = screen(s, "cur", b.cases, TODAY)
        got = {
            (cid, eid, f.rule_id, f.hard)
            for cid, per_case in result.findings.items()
            for eid, fs in per_case.items()
            for f in fs
        }
        for per_case in result.findings.values():
            for fs in per_case.values():
                assert fs, "only experts with findings are listed"
                for f in fs:
                    assert f.rule_id and f.basis_zh and f.evidence_zh and f.evidence_key
                    assert all(i not in f.evidence_zh and i not in f.evidence for i in IDS)
        assert got == oracle(data, b, TODAY)


# -- eligibility and decisions -----------------------------------------------------------------------------------
def test_screening_eligibility_split(ews: OpenWorkspace) -> None:
    with scratch(ews) as (s, w):
        soft = w.expert("李某")
        hard = w.expert("赵某", "A")
        free = w.expert("钱某")
        case = w.case("A", handlers=[("李某", None)])
        result = screen(s, None, [case], TODAY)
        assert not result.eligible(case, soft) and not result.eligible(case, hard) and result.eligible(case, free)
        assert set(result.excluding(case)) == {soft, hard}
        assert set(result.pending(case)) == {soft}
        assert set(result.pool.experts) == {soft, hard, free}


def _seed(admin_ws: OpenWorkspace) -> tuple[int, int, int]:
    with admin_ws.write_session() as s, s.begin():
        w = World(s)
        soft = w.expert("李某")
        hard = w.expert("赵某", "A")
        case = w.case("A", handlers=[("李某", None), ("孙某", ident(7))])
    return case, soft, hard


def test_decisions_change_eligibility_and_are_audited(admin_ws: OpenWorkspace) -> None:
    case, soft, hard = _seed(admin_ws)
    report = recusal.check(admin_ws, str(case), str(soft))
    (row,) = report.experts
    (fs,) = row.findings
    assert (fs.status, row.eligible) == ("pending", False)
    key = fs.finding.evidence_key

    recusal.decide(admin_ws, str(case), str(soft), "handler", key, "cleared", "不同一人：出生年份不同")
    row = recusal.check(admin_ws, str(case), str(soft)).experts[0]
    assert (row.findings[0].status, row.eligible, row.findings[0].reason) == ("cleared", True, "不同一人：出生年份不同")
    with admin_ws.read_session() as s:
        assert excludes(s, case, soft, check_pair(s, None, case, soft)) == []

    info = recusal.decide(admin_ws, str(case), str(soft), "handler", key, "confirmed", "核实为同一人")
    assert info.previous == "cleared"
    assert not recusal.check(admin_ws, str(case), str(soft)).experts[0].eligible

    with admin_ws.read_session() as s:
        entries = list(s.execute(select(AuditEntry).where(AuditEntry.action == "recusal.decide")).scalars())
    assert len(entries) == 2
    details = json.loads(entries[0].details)
    assert details["case_id"] == case and details["expert_id"] == soft and details["rule_id"] == "handler"
    assert "出生" not in entries[0].details and "李某" not in entries[0].details


def test_decide_refuses_hard_unknown_and_reasonless(admin_ws: OpenWorkspace, login_as: Any) -> None:
    case, soft, hard = _seed(admin_ws)
    hard_key = recusal.check(admin_ws, str(case), str(hard)).experts[0].findings[0].finding.evidence_key
    with pytest.raises(ValidationError):
        recusal.decide(admin_ws, str(case), str(hard), "same_unit", hard_key, "cleared", "理由")
    with pytest.raises(NotFound):
        recusal.decide(admin_ws, str(case), str(soft), "handler", "handler:name:0000", "cleared", "理由")
    with pytest.raises(ValidationError):
        recusal.decide(admin_ws, str(case), str(soft), "handler", "x", "cleared", "  ")
    observer = login_as("observer")
    assert recusal.check(observer, str(case)).case_id == case  # observers may read
    with pytest.raises(PermissionDenied):
        recusal.decide(observer, str(case), str(soft), "handler", "x", "cleared", "理由")
    with pytest.raises(PermissionDenied):
        recusal.declare(observer, str(soft), "self_declared")
    with pytest.raises(PermissionDenied):
        recusal.check(login_as("expert"), str(case))
    assert recusal.list_declarations(admin_ws) == []  # nothing written by the refused calls


def test_declare_validates_and_feeds_rules(admin_ws: OpenWorkspace) -> None:
    case, soft, _hard = _seed(admin_ws)
    with pytest.raises(ValidationError):
        recusal.declare(admin_ws, str(soft), "conduct", counterpart_name="孙某", counterpart_id_number="620102197001010000")
    with pytest.raises(ValidationError):
        recusal.declare(admin_ws, str(soft), "conduct")
    info = recusal.declare(admin_ws, str(soft), "conduct", counterpart_id_number=ident(7), note="宴请")
    assert info.counterpart_id_masked == "620102********" + ident(7)[-4:]
    report = recusal.check(admin_ws, str(case), str(soft))
    assert {(f.finding.rule_id, f.status) for f in report.experts[0].findings} == {("handler", "pending"), ("conduct", "hard")}
    assert [d.id for d in recusal.list_declarations(admin_ws, str(soft))] == [info.id]
    with pytest.raises(NotFound):
        recusal.list_declarations(admin_ws, "EXP-9999")


def test_lookup_by_store_and_external_id(admin_ws: OpenWorkspace) -> None:
    case, soft, _ = _seed(admin_ws)
    with admin_ws.write_session() as s, s.begin():
        for issuer in ("K1", "K2"):
            s.add(Case(issuer_key_id=issuer, external_id="GS-DUP", case_number="n", title="t", case_type="civil",
                       cause="", stage="", unit_code="A", summary="", imported_at=T0))
    with admin_ws.read_session() as s:
        assert resolve_case(s, str(case)).id == case
        assert resolve_case(s, resolve_case(s, str(case)).external_id).id == case
        assert resolve_expert(s, resolve_expert(s, str(soft)).external_id).id == soft
        with pytest.raises(ValidationError) as err:
            resolve_case(s, "GS-DUP")
        assert "K1" in err.value.message and "K2" in err.value.message and "多个签发单位" in err.value.message_zh
        with pytest.raises(NotFound):
            resolve_case(s, "GS-NONE")
        with pytest.raises(NotFound):
            resolve_expert(s, "EXP-NONE")


def test_screening_a_large_campaign_reads_in_bulk(ews: OpenWorkspace) -> None:
    """500 cases × 200 experts in one screening reads the store in a few bulk queries, not per case or per
    pair (what keeps it fast; bench/assign.py times 5,000 × 1,000)."""
    with scratch(ews) as (s, w):
        for i in range(200):
            w.expert(f"专家{i}", ["A", "B", "C"][i % 3], idn=ident(i % 1000, born="19800101") if i % 2 else None,
                     relations=[("near_relative", f"当事人{i}", None)])
        cases = [
            w.case(["A", "B", "C"][i % 3], handlers=[(f"专家{i % 400}", None)],
                   parties=[{"name": f"当事人{i % 500}", "counsel": [("律师", "正义律师事务所")]}])
            for i in range(500)
        ]
        w.campaign("big", level="prefecture")
        statements: list[str] = []

        def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            statements.append(statement)

        event.listen(s.get_bind(), "before_cursor_execute", count)
        try:
            result = screen(s, "big", cases, TODAY)
        finally:
            event.remove(s.get_bind(), "before_cursor_execute", count)
        assert len(result.findings) == 500 and result.excluding(cases[0])
        print(f"{len(statements)} statements")
        assert len(statements) < 50, statements
