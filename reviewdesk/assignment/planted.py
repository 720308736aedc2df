"""Tight instances with a known compliant draw, for tests and bench/assign.py.

The panels are generated first: each panel has one specialist of its case type, one lawyer or academic (the
composition rule) and k − 2 others, every expert sits on exactly `load` panels (= its maximum load), and the
members of a panel come from different units. Then the pool is built around them: specialties, professions,
units, and random conflicts on every pair that is not planted. A draw meeting every requirement therefore
exists, and it needs every expert at full load, so there is little slack.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reviewdesk.assignment.problem import CaseSpec, CompositionRule, ExpertSpec, Problem

TYPES = ("criminal", "civil", "administrative", "enforcement", "public_security")
GROUP = frozenset({"lawyer", "academic"})


@dataclass
class Planted:
    problem: Problem
    panels: dict[int, list[int]]  # case id -> planted expert ids


def planted(n_cases: int, *, k: int = 3, load: int = 3, conflict: float = 0.5, seed: int = 0) -> Planted:
    """n_cases must be a multiple of `load`; k ≥ 2 (slot 0: specialist, slot 1: lawyer/academic)."""
    if n_cases % load or k < 2:
        raise ValueError("n_cases must be a multiple of load, and k at least 2")
    rng = np.random.default_rng(seed)
    per_slot = n_cases // load
    n_e = per_slot * k
    types = rng.choice(len(TYPES), size=n_cases)
    # members[c, s]: the expert of slot s on case c.
    members = np.empty((n_cases, k), dtype=np.intp)
    for s in range(k):
        seats = np.repeat(np.arange(per_slot) + s * per_slot, load)
        members[:, s] = rng.permutation(seats)
    experts = []
    for e in range(n_e):
        slot = e // per_slot
        if slot == 0:
            specialties = {TYPES[t] for t in types[members[:, 0] == e]}
            profession = str(rng.choice(["judge", "prosecutor", "police"]))
        else:
            specialties = {TYPES[int(rng.integers(len(TYPES)))]} if rng.random() < 0.3 else set()
            profession = str(rng.choice(sorted(GROUP))) if slot == 1 else str(rng.choice(["judge", "prosecutor", "police", "other"]))
        unit = f"S{slot}-{(e % per_slot) // 2}"  # two experts per unit, units never shared across slots
        experts.append(ExpertSpec(e + 1, f"E{e:04d}", unit, profession, frozenset(specialties)))
    cases = [CaseSpec(10_000 + c, f"C{c:04d}", TYPES[types[c]]) for c in range(n_cases)]
    eligible = rng.random((n_cases, n_e)) >= conflict
    eligible[np.arange(n_cases)[:, None], members] = True
    problem = Problem(
        cases, experts, eligible, panel_size=k, seed=f"planted-{seed}", max_load=load,
        composition=[CompositionRule(GROUP, 1)],
    )
    return Planted(problem, {10_000 + c: [int(e) + 1 for e in members[c]] for c in range(n_cases)})
