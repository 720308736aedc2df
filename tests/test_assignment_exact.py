"""Exact requirements (reviewdesk/assignment/exact.py): over tight pools built around a planted compliant draw
the solver meets every requirement; where a requirement is impossible it names that requirement and its cases."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reviewdesk.assignment import CaseSpec, ExpertSpec, Problem, solve
from reviewdesk.assignment.planted import GROUP, planted


def _check_hard_rules(p: Problem, panels: dict[int, list[int]]) -> None:
    col = {e.id: i for i, e in enumerate(p.experts)}
    row = {c.id: i for i, c in enumerate(p.cases)}
    load: dict[int, int] = {}
    for cid, members in panels.items():
        assert len({p.experts[col[m]].unit for m in members}) == len(members)
        for m in members:
            assert p.eligible[row[cid], col[m]]
            load[m] = load.get(m, 0) + 1
    assert all(n <= (p.max_load or n) for n in load.values())


@given(st.integers(2, 8), st.sampled_from([0.3, 0.5, 0.7]), st.integers(0, 10_000))
@settings(max_examples=12, deadline=None)
def test_planted_tight_pools_meet_every_requirement(groups: int, conflict: float, seed: int) -> None:
    world = planted(3 * groups, conflict=conflict, seed=seed)
    p = world.problem
    sol = solve(p)
    assert not sol.unstaffed and not sol.unmet, (sol.unmet, sol.search)
    assert sol.search["requirements"] == "all_met" and sol.search["proven"] is True
    for c in p.cases:
        team = [p.experts[e - 1] for e in sol.panels[c.id]]
        assert any(c.case_type in e.specialties for e in team)
        assert any(e.profession in GROUP for e in team)
    _check_hard_rules(p, sol.panels)
    assert set(sol.loads.values()) == {3}  # tight: every expert at its maximum load, spread 0
    assert solve(p) == sol  # reproducible from the seed


def _without_specialists(p: Problem, case_type: str, keep: int) -> Problem:
    """Only `keep` experts keep the specialty."""
    experts, kept = [], 0
    for e in p.experts:
        spec = set(e.specialties)
        if case_type in spec:
            if kept < keep:
                kept += 1
            else:
                spec.discard(case_type)
        experts.append(dataclasses.replace(e, specialties=frozenset(spec)))
    return dataclasses.replace(p, experts=experts)


@given(st.integers(3, 6), st.integers(0, 10_000))
@settings(max_examples=8, deadline=None)
def test_impossible_specialist_requirement_is_proven_and_named(groups: int, seed: int) -> None:
    p = planted(3 * groups, conflict=0.3, seed=seed).problem
    counts: dict[str, int] = {}
    for c in p.cases:
        counts[c.case_type] = counts.get(c.case_type, 0) + 1
    t = max(sorted(counts), key=lambda x: counts[x])
    assume(counts[t] >= 4)
    keep = (counts[t] - 1) // 3  # keep × load 3 < cases of type t
    p = _without_specialists(p, t, keep)
    holders = np.array([t in e.specialties for e in p.experts])
    reachable = [c for i, c in enumerate(p.cases) if c.case_type == t and (p.eligible[i] & holders).any()]
    assume(len(reachable) > 3 * keep)  # else some cases of type t simply have no eligible specialist
    sol = solve(p)
    keys_of_type = {c.key for c in p.cases if c.case_type == t}
    assert sol.search["requirements"] == "impossible"
    # The proof names the specialist requirement, for cases of type t (with, at most, cases of another type
    # whose only specialists are the same experts), as a counting argument.
    assert sol.proofs and all(pr.code == "specialist" for pr in sol.proofs)
    assert any(set(pr.details["cases"]) & keys_of_type and t in pr.details["case_type"] for pr in sol.proofs)
    assert all(pr.details["capacity"] < pr.details["needed"] for pr in sol.proofs)
    # The best partial draw: no case loses its panel or its composition, and at least `cases − seats` of the
    # cases of type t miss the specialist.
    assert not sol.unstaffed
    codes = [[x.code for x in v] for v in sol.unmet.values()]
    assert all(c in (["specialist"], ["no_specialist"]) for c in codes)  # no_specialist: none eligible at all
    assert all(x.details["proven"] for v in sol.unmet.values() for x in v if x.code == "specialist")
    assert codes.count(["specialist"]) >= len(reachable) - 3 * keep
    _check_hard_rules(p, {c: m for c, m in sol.panels.items() if m})


def test_counting_proof_in_words() -> None:
    """7 administrative cases, 2 administrative specialists with a maximum load of 3."""
    experts = [ExpertSpec(1, "E1", "A", "judge", frozenset({"administrative"})),
               ExpertSpec(2, "E2", "B", "judge", frozenset({"administrative"}))]
    experts += [ExpertSpec(3 + i, f"X{i}", f"U{i}", "lawyer", frozenset()) for i in range(12)]
    cases = [CaseSpec(100 + i, f"C{i}", "administrative") for i in range(7)]
    p = Problem(cases, experts, np.ones((7, len(experts)), dtype=bool), panel_size=3, seed="s", max_load=3)
    sol = solve(p)
    (why,) = sol.proofs
    assert why.code == "specialist" and why.details["capacity"] == 6 and why.details["needed"] == 7
    assert why.details["experts"] == ["E1", "E2"] and len(why.details["cases"]) == 7
    assert "7 'administrative' cases need a specialist" in why.message and "at most 6" in why.message
    assert "最多只能参加其中 6 件" in why.message_zh
    (short,) = sol.unmet.values()
    assert short[0].details["proven"] is True and sol.search["best_partial_proven"] is True
    assert sorted(sol.loads[e] for e in (1, 2)) == [3, 3]


def test_impossible_composition_is_named() -> None:
    world = planted(9, conflict=0.2, seed=4)
    p = world.problem
    lawyers = [e for e in p.experts if e.profession in GROUP]
    demoted = {lawyers[0].id}  # 2 group experts × load 3 = 6 seats for 9 cases
    experts = [dataclasses.replace(e, profession="judge") if e.id in demoted else e for e in p.experts]
    p = dataclasses.replace(p, experts=experts)
    sol = solve(p)
    assert sol.search["requirements"] == "impossible"
    assert any(pr.code == "composition" and pr.details["capacity"] < pr.details["needed"] for pr in sol.proofs)
    assert len(sol.unmet) == 3 and all(x.code == "composition" for v in sol.unmet.values() for x in v)


def test_time_limit_keeps_the_best_draw_and_says_not_proven(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewdesk.assignment import exact

    monkeypatch.setattr(exact, "time_limit", lambda *_: 0.0001)
    p = planted(30, conflict=0.5, seed=1).problem
    sol = solve(p)
    assert sol.search["method"] == "exact" and sol.search["requirements"] == "not_proven"
    assert sol.search["proven"] is False and sol.unmet  # the flow's draw is kept, its gaps named as not proven
    for v in sol.unmet.values():
        assert all(x.details["proven"] is False and "not proven" in x.message and "不能断定" in x.message_zh for x in v)
    _check_hard_rules(p, {c: m for c, m in sol.panels.items() if m})
