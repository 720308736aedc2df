"""Properties of panel drawing over random pools: the solver alone (many examples) and the whole service
against the recusal engine on the real store (fewer examples, one workspace)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from reviewdesk.assignment import CaseSpec, CompositionRule, ExpertSpec, Problem, solve
from reviewdesk.recusal.engine import check_pair, excludes, screen
from reviewdesk.services import assignment
from reviewdesk.store.models import PanelMember
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.test_assignment_service import World, ident

TYPES = ["criminal", "civil"]
PROFS = ["judge", "prosecutor", "lawyer", "academic"]

expert_st = st.tuples(st.integers(0, 5), st.sampled_from(PROFS), st.sets(st.sampled_from(TYPES)), st.booleans(),
                      st.sampled_from([None, None, 1, 2]))


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    es = draw(st.lists(expert_st, min_size=1, max_size=12))
    n_c = draw(st.integers(1, 8))
    experts = [
        ExpertSpec(i + 1, f"E{i:02d}", f"U{u}", prof, frozenset(spec), avail or i % 3 != 0, cap)
        for i, (u, prof, spec, avail, cap) in enumerate(es)
    ]
    cases = [CaseSpec(100 + i, f"C{i:02d}", draw(st.sampled_from(TYPES))) for i in range(n_c)]
    elig = np.array(draw(st.lists(st.booleans(), min_size=n_c * len(es), max_size=n_c * len(es)))).reshape(n_c, len(es))
    rules = draw(st.lists(st.builds(CompositionRule, st.frozensets(st.sampled_from(PROFS), min_size=1), st.integers(1, 2)), max_size=1))
    return Problem(cases, experts, elig, panel_size=draw(st.integers(1, 3)), seed=draw(st.text(max_size=4)),
                   max_load=draw(st.sampled_from([None, 1, 3])), composition=rules)


@given(problems())
@settings(max_examples=150, deadline=None)
def test_solver_invariants(p: Problem) -> None:
    sol = solve(p)
    experts = {e.id: (i, e) for i, e in enumerate(p.experts)}
    cap = {e.id: min(x for x in (e.max_load, p.max_load, len(p.cases)) if x is not None) for e in p.experts}
    load: dict[int, int] = {}
    for row, c in enumerate(p.cases):
        members = sol.panels[c.id]
        assert (len(members) == p.panel_size) != (c.id in sol.unstaffed)  # k members or a reason, never both
        if c.id in sol.unstaffed:
            assert members == [] and sol.unstaffed[c.id].code in {"too_few_eligible", "too_few_units", "max_load"}
            continue
        assert len(set(members)) == len(members)
        assert len({experts[m][1].unit for m in members}) == len(members)
        for m in members:
            col, e = experts[m]
            assert p.eligible[row, col] and e.available
            load[m] = load.get(m, 0) + 1
        assert sol.leaders[c.id] == members[0]
        assert not set(sol.backups[c.id]) & set(members)
        for b in sol.backups[c.id]:
            assert p.eligible[row, experts[b][0]] and experts[b][1].unit not in {experts[m][1].unit for m in members}
    assert all(n <= cap[m] for m, n in load.items())
    assert sol == solve(p)  # deterministic


# -- the whole service on the store ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenWorkspace]:
    folder: Path = tmp_path_factory.mktemp("assign-props") / "ws"
    opened, _ = Workspace(folder).create("admin", "管理员", "admin-pass-2026")
    yield opened
    opened.close()


REGIONS = ["620102", "620103", "620201"]
counter = itertools.count()

world_st = st.fixed_dictionaries({
    "experts": st.lists(st.tuples(st.integers(0, 4), st.sampled_from(PROFS), st.sets(st.sampled_from(TYPES))),
                        min_size=1, max_size=7),
    "cases": st.lists(st.tuples(st.integers(0, 4), st.sampled_from(TYPES), st.lists(st.integers(0, 6), max_size=2)),
                      min_size=1, max_size=4),
    "declared": st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3)), max_size=3),
    "level": st.sampled_from(["none", "county", "prefecture"]),
    "size": st.integers(1, 3),
})


@given(world_st)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_saved_panels_never_hold_an_excluded_expert(pws: OpenWorkspace, world: dict) -> None:
    w = World(pws, prefix=f"P{next(counter)}-")
    for u in range(5):
        w.unit(f"U{u}", REGIONS[u % 3])
    experts = [
        w.expert(f"E{i}", f"U{u}", profession=prof, specialties=",".join(sorted(spec)), id_number=ident(i))
        for i, (u, prof, spec) in enumerate(world["experts"])
    ]
    cases = [
        w.case(f"C{i}", f"U{u}", case_type=t,
               handlers=[(f"专家E{h}", ident(h)) for h in handlers if h < len(experts)])
        for i, (u, t, handlers) in enumerate(world["cases"])
    ]
    for e, c in world["declared"]:
        if e < len(experts) and c < len(cases):
            w.declare(experts[e], cases[c])
    camp = w.campaign("camp", cases=cases, level=world["level"], panel_size=world["size"])
    done = assignment.apply(pws, camp, seed="p", allow_partial=True)

    for panel in done.panels:  # every case: k members or a named reason
        assert len(panel.members) == world["size"] or panel.status == "unstaffed"
        if panel.status != "staffed":
            assert panel.problems and all(p.code and p.message and p.message_zh for p in panel.problems)
    with pws.read_session() as s:
        saved = s.execute(select(PanelMember.case_id, PanelMember.expert_id).where(PanelMember.campaign_id == camp)).all()
        for case_id, expert_id in saved:  # independent pairwise re-check of what was stored
            assert excludes(s, case_id, expert_id, check_pair(s, camp, case_id, expert_id)) == []
        screening = screen(s, camp, cases)
        for c in cases:
            for found in screening.excluding(c).values():
                assert all(f.rule_id and f.evidence and f.evidence_zh and f.basis for f in found)
    assert len(saved) == sum(len(p.members) for p in done.panels)
