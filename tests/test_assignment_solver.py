"""The panel solver on hand-made arrays: no store, milliseconds per test."""

from __future__ import annotations

import numpy as np

from reviewdesk.assignment import CaseSpec, CompositionRule, ExpertSpec, Problem, solve
from reviewdesk.assignment.loads import fair_share


def experts(*specs: tuple[str, str, str]) -> list[ExpertSpec]:
    """(unit, profession, specialties) per expert; ids 1.., keys E01.."""
    return [
        ExpertSpec(i + 1, f"E{i + 1:02d}", unit, prof, frozenset(filter(None, spec.split(","))))
        for i, (unit, prof, spec) in enumerate(specs)
    ]


def cases(n: int, case_type: str = "criminal") -> list[CaseSpec]:
    return [CaseSpec(100 + i, f"C{i:02d}", case_type) for i in range(n)]


def everyone(cs: list[CaseSpec], es: list[ExpertSpec]) -> np.ndarray:
    return np.ones((len(cs), len(es)), dtype=bool)


def test_unit_rule_one_member_per_unit() -> None:
    es = experts(("A", "judge", "criminal"), ("A", "judge", "criminal"), ("B", "lawyer", ""), ("C", "police", ""))
    cs = cases(1)
    sol = solve(Problem(cs, es, everyone(cs, es), panel_size=3, seed="s"))
    panel = sol.panels[100]
    assert len(panel) == 3
    units = [es[e - 1].unit for e in panel]
    assert sorted(units) == ["A", "B", "C"]


def test_specialist_is_on_the_panel_and_leads() -> None:
    es = experts(
        ("A", "judge", ""), ("B", "prosecutor", ""), ("C", "lawyer", "civil"), ("D", "police", ""), ("E", "other", "")
    )
    cs = cases(1, "civil")
    for seed in ("a", "b", "c", "d"):
        sol = solve(Problem(cs, es, everyone(cs, es), panel_size=3, seed=seed))
        assert 3 in sol.panels[100]
        assert sol.leaders[100] == 3  # the only specialist leads although a lawyer
        assert not sol.unmet


def test_leader_prefers_judge_prosecutor_academic_and_balances() -> None:
    es = experts(("A", "lawyer", "criminal"), ("B", "judge", "criminal"), ("C", "academic", "criminal"))
    cs = cases(4)
    sol = solve(Problem(cs, es, everyone(cs, es), panel_size=3, seed="s"))
    led = [sol.leaders[c.id] for c in cs]
    assert set(led) == {2, 3} and led.count(2) == 2 and led.count(3) == 2
    assert all(sol.panels[c.id][0] == sol.leaders[c.id] for c in cs)


def test_composition_rule_is_met() -> None:
    es = experts(*[(f"U{i}", "judge", "criminal") for i in range(6)], ("L1", "lawyer", ""), ("L2", "academic", ""))
    cs = cases(4)
    rule = CompositionRule(frozenset({"lawyer", "academic"}), 1)
    sol = solve(Problem(cs, es, everyone(cs, es), panel_size=3, seed="s", composition=[rule]))
    for c in cs:
        assert any(es[e - 1].profession in rule.professions for e in sol.panels[c.id])
    assert not sol.unmet
    impossible = CompositionRule(frozenset({"lawyer", "academic"}), 3)
    sol = solve(Problem(cs, es, everyone(cs, es), panel_size=3, seed="s", composition=[impossible]))
    assert {s.code for v in sol.unmet.values() for s in v} == {"composition"}


def test_loads_even_and_max_load_caps() -> None:
    es = experts(*[(f"U{i}", "judge", "criminal") for i in range(7)])
    cs = cases(10)
    sol = solve(Problem(cs, es, everyone(cs, es), panel_size=3, seed="s"))
    loads = list(sol.loads.values())
    assert sum(loads) == 30 and max(loads) - min(loads) <= 1
    capped = [ExpertSpec(e.id, e.key, e.unit, e.profession, e.specialties, max_load=1 if e.id == 1 else None) for e in es]
    sol = solve(Problem(cs, capped, everyone(cs, capped), panel_size=3, seed="s", max_load=5))
    assert sol.loads[1] <= 1 and max(sol.loads.values()) <= 5 and not sol.unstaffed


def test_each_reason_for_an_unstaffed_case() -> None:
    es = experts(("A", "judge", "criminal"), ("B", "judge", "criminal"), ("C", "judge", "criminal"), ("C", "judge", ""))
    cs = cases(3)
    elig = everyone(cs, es)
    elig[0, [0, 1]] = False  # case 0: 2 eligible left
    elig[1, 0] = False  # case 1: B, C, C -> two units
    sol = solve(Problem(cs, es, elig, panel_size=3, seed="s", excluded_by=[{"handler": 2}, {"same_unit": 1}, {}]))
    assert sol.unstaffed[100].code == "too_few_eligible"
    assert sol.unstaffed[100].details["excluded_by_rule"] == {"handler": 2}
    assert sol.unstaffed[101].code == "too_few_units"
    assert 102 not in sol.unstaffed and sol.panels[101] == []
    sol = solve(Problem(cases(2), es, everyone(cases(2), es), panel_size=3, seed="s", max_load=1))
    (reason,) = sol.unstaffed.values()
    assert reason.code == "max_load" and reason.details["at_max_load"] >= 2
    nobody = experts(("A", "judge", "civil"), ("B", "judge", "civil"), ("C", "judge", ""))
    sol = solve(Problem(cases(1), nobody, everyone(cases(1), nobody), panel_size=3, seed="s"))
    assert [s.code for s in sol.unmet[100]] == ["no_specialist"]


def test_unavailable_experts_get_nothing() -> None:
    es = experts(*[(f"U{i}", "judge", "criminal") for i in range(4)])
    es[0] = ExpertSpec(1, "E01", "U0", "judge", frozenset({"criminal"}), available=False)
    sol = solve(Problem(cases(3), es, everyone(cases(3), es), panel_size=3, seed="s"))
    assert 1 not in sol.loads and all(1 not in p for p in sol.panels.values())


def test_seeded_and_independent_of_input_order() -> None:
    rng = np.random.default_rng(7)
    es = experts(*[(f"U{i % 9}", ["judge", "lawyer", "academic"][i % 3], "criminal" if i % 2 else "civil") for i in range(30)])
    cs = [CaseSpec(100 + i, f"C{i:02d}", ["criminal", "civil"][i % 2]) for i in range(20)]
    elig = rng.random((len(cs), len(es))) > 0.2
    a = solve(Problem(cs, es, elig, panel_size=3, seed="one"))
    b = solve(Problem(cs, es, elig.copy(), panel_size=3, seed="one"))
    assert a.panels == b.panels and a.backups == b.backups and a.leaders == b.leaders
    perm_c, perm_e = rng.permutation(len(cs)), rng.permutation(len(es))
    c = solve(Problem([cs[i] for i in perm_c], [es[i] for i in perm_e], elig[np.ix_(perm_c, perm_e)], panel_size=3, seed="one"))
    assert c.panels == a.panels and c.backups == a.backups
    others = [solve(Problem(cs, es, elig, panel_size=3, seed=s)).panels for s in ("two", "three", "four")]
    assert any(o != a.panels for o in others)


def test_backups_keep_the_unit_rule_and_rank_specialists_first() -> None:
    es = experts(
        ("A", "judge", "criminal"), ("B", "judge", "criminal"), ("C", "judge", "criminal"),
        ("A", "judge", "criminal"), ("D", "judge", ""), ("E", "judge", "criminal"), ("F", "judge", "criminal"),
    )
    cs = cases(1)
    sol = solve(Problem(cs, es, everyone(cs, es), panel_size=3, seed="s"))
    panel_units = {es[e - 1].unit for e in sol.panels[100]}
    backups = sol.backups[100]
    assert len(backups) == 3
    assert all(es[b - 1].unit not in panel_units for b in backups)
    if 5 in backups:  # the non-specialist comes after the specialists
        assert backups.index(5) == len(backups) - 1


def test_large_pool_uses_candidate_lists_and_widens() -> None:
    rng = np.random.default_rng(3)
    n_e, n_c = 260, 300
    es = experts(*[(f"U{i % 80}", ["judge", "lawyer", "police"][i % 3], "criminal" if i % 4 else "civil") for i in range(n_e)])
    cs = [CaseSpec(1000 + i, f"C{i:04d}", ["criminal", "civil"][i % 2]) for i in range(n_c)]
    elig = rng.random((n_c, n_e)) > 0.1
    elig[0, :] = False
    elig[0, [5, 77, 150]] = True  # case 0 can only be staffed by three specific experts
    sol = solve(Problem(cs, es, elig, panel_size=3, seed="big", candidates_per_case=8))
    assert not sol.unstaffed and not sol.unmet
    assert sorted(sol.panels[1000]) == [6, 78, 151]
    loads = np.array(list(sol.loads.values()))
    assert loads.max() - loads.min() <= 1
    for c in cs:
        members = [e - 1 for e in sol.panels[c.id]]
        assert elig[c.id - 1000, members].all()
        assert len({es[m].unit for m in members}) == 3


def test_fair_share_water_fills_below_caps() -> None:
    lo, hi = fair_share(10, np.array([1, 100, 100, 100]), np.array([True, True, True, False]))
    assert lo.tolist() == [1, 4, 4, 0] and hi.tolist() == [1, 5, 5, 0]


def test_specialist_at_capacity_is_named() -> None:
    es = experts(("A", "judge", "civil"), ("B", "judge", ""), ("C", "judge", ""), ("D", "judge", ""))
    es[0] = ExpertSpec(1, "E01", "A", "judge", frozenset({"civil"}), max_load=1)
    cs = cases(2, "civil")
    sol = solve(Problem(cs, es, everyone(cs, es), panel_size=3, seed="s"))
    assert not sol.unstaffed
    (problems,) = sol.unmet.values()
    assert [p.code for p in problems] == ["specialist"] and problems[0].details["eligible_specialists"] == 1


def test_empty_pool_and_panel_of_one() -> None:
    sol = solve(Problem(cases(2), [], np.zeros((2, 0), dtype=bool), panel_size=3, seed="s"))
    assert {r.code for r in sol.unstaffed.values()} == {"too_few_eligible"}
    es = experts(("A", "judge", "criminal"), ("B", "judge", "criminal"))
    sol = solve(Problem(cases(4), es, everyone(cases(4), es), panel_size=1, seed="s"))
    assert sorted(sol.loads.values()) == [2, 2] and all(len(p) == 1 for p in sol.panels.values())
