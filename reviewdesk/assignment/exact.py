"""Exact requirements with CP-SAT: a draw that meets every requirement whenever one exists, or a proof that none does.

The min-cost flow (solver.py) is fast and usually meets everything; when it leaves a requirement unmet, a case
unstaffed that could be staffed, or a load outside its fair share, this model takes over. One Boolean per
eligible (case, expert) pair; per case `sum = k · staffed`; at most one member per (case, unit); `load ≤ cap`
per expert. Each requirement is a literal: `staffed[c]`, `specialist[c]` (cases with an eligible specialist)
and `rule[r, c]`; a requirement literal implies `staffed[c]` and its "at least" sum.

1. **All requirements** as constraints, no objective and no hint (the feasibility subsolvers find a draw in
   seconds; an objective or the flow's requirement-missing hint slowed them tenfold). If its loads are not all
   within the fair share, a second solve evens them (largest deviation first, then the sum) from that draw.
2. If that is **infeasible**, the requirement literals become assumptions (no objective, one worker, as CP-SAT
   requires) and `sufficient_assumptions_for_infeasibility` gives a core: requirements that cannot all be met.
   Each core is shrunk by deletion (drop one literal, re-solve) and set aside; the search repeats on the rest
   for further, disjoint cores. proof.py turns each core into words (a counting argument where one holds).
3. The **best partial draw**: maximise the requirements met (a full panel weighs more than all requirements of
   its case) from the flow's draw, then, with that count fixed, even loads.

Every solve has a seeded `random_seed`, interleaved subsolvers (deterministic batches) and a *deterministic*
time limit (CP-SAT's own work units, not wall-clock), so the same seed and data give the same panels. The
limits scale with the instance. A wall-clock safety net eight times larger only matters on a machine stalled
far beyond normal load; when it fires the result is reported as not reproducible.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:  # CP-SAT (and the pandas it loads) costs ~0.5 s to import: only a draw that runs a search pays it
    from ortools.sat.python import cp_model

MAX_PAIRS = 250_000  # above this many eligible pairs the model uses the flow's candidate lists only
MAX_CORES = 4
MAX_PROBES = 16  # deletion steps per core
WALL_FACTOR = 8.0
# Eight subsolvers (feasibility jump, LNS, LP search, …) interleaved in fixed batches: deterministic whatever the
# machine's load; a single worker (LP search alone) found no draw at all for 300 tight cases in 20 units.
WORKERS = 8


def time_limit(n_pairs: int, n_cases: int) -> float:
    """Deterministic seconds for one optimisation solve: grows with the model, bounded so a draw finishes."""
    return float(min(60.0, 2.0 + n_pairs / 4_000 + n_cases / 100))


@dataclass(frozen=True)
class Requirement:
    case: int  # instance row
    kind: str  # staffed | specialist | composition
    rule: int = -1  # composition rule index


@dataclass
class ExactResult:
    chosen: list[tuple[int, int]]  # (case row, expert column) on panels
    all_met: bool  # every requirement literal met
    feasibility_proven: bool  # all met, or infeasibility proven (complete model, solver said INFEASIBLE)
    loads_optimal: bool  # the load objective was proven optimal under the requirements met
    partial_optimal: bool  # when not all met: no draw meets more (proven)
    cores: list[list[Requirement]] = field(default_factory=list)
    unmet: list[Requirement] = field(default_factory=list)
    complete: bool = True  # every eligible pair was in the model (else: candidate lists only, no proofs)
    limit: float = 0.0
    work: float = 0.0  # deterministic time spent
    wall_limited: bool = False  # the wall-clock safety net stopped a solve: not reproducible


@dataclass
class Inputs:
    """The instance as the model needs it (rows and columns in key order, see solver._Instance)."""

    k: int
    elig: NDArray[np.bool_]
    unit_of: NDArray[np.intp]
    caps: NDArray[np.int64]
    spec: NDArray[np.bool_]
    rule_mask: NDArray[np.bool_]
    rule_min: list[int]
    lo: NDArray[np.int64]
    hi: NDArray[np.int64]
    seed: str
    hint: list[tuple[int, int]]
    lists: list[NDArray[np.intp]]  # the flow's candidate lists (used when the full model is too big)


def staffable(inp: Inputs) -> NDArray[np.bool_]:
    """Cases with at least k eligible experts from k different units (else unstaffed for a local reason)."""
    n_c, n_e = inp.elig.shape
    if n_e == 0:
        return np.zeros(n_c, dtype=bool)
    order = np.argsort(inp.unit_of, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(inp.unit_of[order]) != 0])
    units = np.logical_or.reduceat(inp.elig[:, order], starts, axis=1).sum(axis=1)
    return (inp.elig.sum(axis=1) >= inp.k) & (units >= inp.k)


def requirements(inp: Inputs, ok: NDArray[np.bool_]) -> list[Requirement]:
    """Every requirement that a draw must meet when it can: a full panel for each staffable case, a specialist
    where one is eligible, each composition rule where enough of its group is eligible."""
    reqs: list[Requirement] = []
    for c in np.flatnonzero(ok):
        c = int(c)
        reqs.append(Requirement(c, "staffed"))
        if (inp.spec[c] & inp.elig[c]).any():
            reqs.append(Requirement(c, "specialist"))
        for r, need in enumerate(inp.rule_min):
            if int((inp.rule_mask[r] & inp.elig[c]).sum()) >= need:
                reqs.append(Requirement(c, "composition", r))
    return reqs


class _Model:
    def __init__(self, inp: Inputs, ok: NDArray[np.bool_], reqs: list[Requirement], complete: bool) -> None:
        from ortools.sat.python import cp_model

        self.m = cp_model.CpModel()
        m = self.m
        n_c, n_e = inp.elig.shape
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        by_expert: list[list[cp_model.IntVar]] = [[] for _ in range(n_e)]
        self.staffed: dict[int, cp_model.IntVar] = {}
        for c in np.flatnonzero(ok):
            c = int(c)
            cols = np.flatnonzero(inp.elig[c]) if complete else np.intersect1d(inp.lists[c], np.flatnonzero(inp.elig[c]))
            xs = []
            by_unit: dict[int, list[cp_model.IntVar]] = {}
            for e in cols.tolist():
                v = m.new_bool_var(f"x{c}_{e}")
                self.x[(c, e)] = v
                xs.append(v)
                by_expert[e].append(v)
                by_unit.setdefault(int(inp.unit_of[e]), []).append(v)
            s = m.new_bool_var(f"s{c}")
            self.staffed[c] = s
            m.add(sum(xs) == inp.k * s)
            for group in by_unit.values():
                if len(group) > 1:
                    m.add_at_most_one(group)
        self.load = []
        for e in range(n_e):
            vs = by_expert[e]
            if len(vs) > inp.caps[e]:
                m.add(sum(vs) <= int(inp.caps[e]))
            self.load.append(vs)
        self.lits: list[cp_model.IntVar] = []
        for q in reqs:
            if q.kind == "staffed":
                self.lits.append(self.staffed[q.case])
                continue
            mask = inp.spec[q.case] if q.kind == "specialist" else inp.rule_mask[q.rule]
            need = 1 if q.kind == "specialist" else inp.rule_min[q.rule]
            members = [v for (c, e), v in self._row(q.case) if mask[e]]
            lit = m.new_bool_var(f"r{q.case}_{q.kind}_{q.rule}")
            m.add(sum(members) >= need).only_enforce_if(lit)
            m.add_implication(lit, self.staffed[q.case])
            self.lits.append(lit)
        self.inp = inp

    def _row(self, c: int) -> list[tuple[tuple[int, int], cp_model.IntVar]]:
        if not hasattr(self, "_rows"):
            rows: dict[int, list[tuple[tuple[int, int], cp_model.IntVar]]] = {}
            for key, v in self.x.items():
                rows.setdefault(key[0], []).append((key, v))
            self._rows = rows
        return self._rows.get(c, [])

    def even_loads(self) -> cp_model.LinearExpr:
        """(experts + 1) × largest deviation from the fair share + sum of deviations."""
        m, inp = self.m, self.inp
        n_e = len(self.load)
        worst = m.new_int_var(0, int(inp.caps.max(initial=0)) + int(inp.hi.max(initial=0)), "worst")
        devs = []
        for e, vs in enumerate(self.load):
            if inp.caps[e] <= 0:
                continue
            load = sum(vs) if vs else 0
            top = max(len(vs), int(inp.hi[e]))
            over = m.new_int_var(0, top, f"over{e}")
            under = m.new_int_var(0, int(inp.lo[e]), f"under{e}")
            m.add(over >= load - int(inp.hi[e]))
            m.add(under >= int(inp.lo[e]) - load)
            m.add(worst >= over)
            m.add(worst >= under)
            devs += [over, under]
        return (n_e + 1) * worst + sum(devs)

    def hint(self, chosen: list[tuple[int, int]]) -> None:
        self.m.clear_hints()
        on = set(chosen)
        for key, v in self.x.items():
            self.m.add_hint(v, key in on)
        staffed = {c for c, _ in chosen}
        for c, s in self.staffed.items():
            self.m.add_hint(s, c in staffed and sum(1 for k in chosen if k[0] == c) == self.inp.k)

    def chosen(self, solver: cp_model.CpSolver) -> list[tuple[int, int]]:
        return sorted(key for key, v in self.x.items() if solver.boolean_value(v))


class _Runner:
    def __init__(self, seed: str, limit: float) -> None:
        self.seed = int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:4], "big") & 0x7FFFFFFF
        self.limit = limit
        self.work = 0.0
        self.wall_limited = False

    def solve(self, model: cp_model.CpModel, limit: float, workers: int = WORKERS) -> tuple[cp_model.CpSolver, int]:
        from ortools.sat.python import cp_model

        solver = cp_model.CpSolver()
        p = solver.parameters
        p.num_workers = workers
        p.interleave_search = workers > 1  # subsolvers take turns in fixed batches: deterministic whatever the load
        p.random_seed = self.seed
        p.max_deterministic_time = limit
        p.max_time_in_seconds = limit * WALL_FACTOR  # safety net only (see module docstring)
        status = solver.solve(model)
        if os.environ.get("REVIEWDESK_EXACT_TRACE"):
            print(f"cp-sat {solver.status_name(status)} work {solver.deterministic_time:.2f} wall {solver.wall_time:.2f}")
        self.work += solver.deterministic_time
        if status in (cp_model.UNKNOWN, cp_model.FEASIBLE) and solver.deterministic_time < 0.99 * limit:
            self.wall_limited = True
        return solver, status


def solve_exact(inp: Inputs) -> ExactResult:
    from ortools.sat.python import cp_model

    ok = staffable(inp)
    complete = int(inp.elig[ok].sum()) <= MAX_PAIRS
    reqs = requirements(inp, ok)

    def build() -> _Model:
        return _Model(inp, ok, reqs, complete)

    # 1. Everything required, no objective and no hint: the feasibility subsolvers (feasibility jump, LNS) find a
    #    draw in seconds where an objective or the flow's (requirement-missing) hint slowed them tenfold.
    feasible = build()
    run = _Runner(inp.seed, time_limit(len(feasible.x), int(ok.sum())))
    limit = run.limit
    for lit in feasible.lits:
        feasible.m.add(lit == 1)
    solver, status = run.solve(feasible.m, limit)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        found = feasible.chosen(solver)
        if deviation(inp, found) == 0:  # every load within its fair share: nothing to improve, proven
            return ExactResult(found, True, True, True, True, complete=complete, limit=limit, work=run.work,
                               wall_limited=run.wall_limited)
        # 2. Even loads under the same constraints, from that draw.
        even = build()
        for lit in even.lits:
            even.m.add(lit == 1)
        even.m.minimize(even.even_loads())
        even.hint(found)
        solver, status = run.solve(even.m, limit)
        good = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        return ExactResult(
            even.chosen(solver) if good else found, True, True, status == cp_model.OPTIMAL, True, complete=complete,
            limit=limit, work=run.work, wall_limited=run.wall_limited,
        )
    proven_infeasible = status == cp_model.INFEASIBLE and complete

    # 3. Which requirements cannot be met together.
    cores = _cores(build(), reqs, run, limit / 2) if proven_infeasible else []

    # 4. The best partial draw: most requirements met, then even loads.
    soft = build()
    per_case = 1 + len(inp.rule_min) + 1
    met = sum((per_case if q.kind == "staffed" else 1) * v for q, v in zip(reqs, soft.lits, strict=True))
    soft.m.maximize(met)
    soft.hint(inp.hint)
    solver, status = run.solve(soft.m, limit)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):  # no solution at all in time: keep the flow's draw
        return ExactResult(
            sorted(inp.hint), False, proven_infeasible, False, False, cores, unmet_of(inp, reqs, inp.hint),
            complete, limit, run.work, run.wall_limited,
        )
    partial_optimal = status == cp_model.OPTIMAL and proven_infeasible
    first = soft.chosen(solver)
    soft.m.add(met >= round(solver.objective_value))
    soft.m.minimize(soft.even_loads())
    soft.hint(first)
    solver, status = run.solve(soft.m, limit)
    chosen = soft.chosen(solver) if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else first
    return ExactResult(
        chosen, False, proven_infeasible, status == cp_model.OPTIMAL, partial_optimal, cores,
        unmet_of(inp, reqs, chosen), complete, limit, run.work, run.wall_limited,
    )


def deviation(inp: Inputs, chosen: list[tuple[int, int]]) -> int:
    """The load objective of a draw (see _Model.even_loads); 0 = every load within [lo, hi]."""
    loads = np.bincount(np.array([e for _, e in chosen], dtype=np.intp), minlength=len(inp.caps))
    active = inp.caps > 0
    dev = (np.maximum(loads - inp.hi, 0) + np.maximum(inp.lo - loads, 0)) * active
    return int((len(inp.caps) + 1) * dev.max(initial=0) + dev.sum())


def unmet_of(inp: Inputs, reqs: list[Requirement], chosen: list[tuple[int, int]]) -> list[Requirement]:
    """The requirements a draw misses."""
    members: dict[int, list[int]] = {}
    for c, e in chosen:
        members.setdefault(c, []).append(e)
    out = []
    for q in reqs:
        team = members.get(q.case, [])
        full = len(team) >= inp.k
        if q.kind == "staffed":
            met = full
        elif q.kind == "specialist":
            met = full and bool(inp.spec[q.case, team].any())
        else:
            met = full and int(inp.rule_mask[q.rule, team].sum()) >= inp.rule_min[q.rule]
        if not met:
            out.append(q)
    return out


def _cores(model: _Model, reqs: list[Requirement], run: _Runner, budget: float) -> list[list[Requirement]]:
    """Disjoint sets of requirements that cannot all be met, each shrunk by deletion."""
    from ortools.sat.python import cp_model

    index = {v.index: i for i, v in enumerate(model.lits)}
    active = list(range(len(reqs)))
    cores: list[list[Requirement]] = []
    spent = run.work
    step = max(0.2, budget / (MAX_CORES * (MAX_PROBES + 1)))

    def infeasible(subset: list[int]) -> list[int] | None:
        model.m.clear_assumptions()
        model.m.add_assumptions([model.lits[i] for i in subset])
        solver, status = run.solve(model.m, step * 4, workers=1)  # cores need a single worker
        if status != cp_model.INFEASIBLE:
            return None
        found = [index[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in index]
        return sorted(found) if found else list(subset)

    for _ in range(MAX_CORES):
        if run.work - spent > budget:
            break
        core = infeasible(active)
        if core is None:
            break
        probes = 0
        for lit in list(core):
            if probes >= MAX_PROBES or run.work - spent > budget or lit not in core:
                continue
            probes += 1
            smaller = infeasible([i for i in core if i != lit])
            if smaller is not None:
                core = smaller
        cores.append([reqs[i] for i in core])
        taken = set(core)
        active = [i for i in active if i not in taken]
    model.m.clear_assumptions()
    return cores
