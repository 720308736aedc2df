"""One min-cost-flow solve: cases → (case, unit) gates → experts → sink, plus an 'unstaffed' bypass.

Node layout: cases [0, C), gates [C, C+G), experts [C+G, C+G+E), sink C+G+E. Every arc array is built with
numpy and added in one call; no Python loop per arc.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from ortools.graph.python import min_cost_flow

UNSTAFFED_COST = 10**9  # per empty seat: dominates every other cost, so seats stay empty only when forced
ABOVE_SHARE = 1_000  # per seat between floor and ceil of the fair share
OVERLOAD = 20_000  # per seat above the ceil (doubles for the 2nd seat, quadruples beyond)


@dataclass(frozen=True)
class Pairs:
    """Candidate (case, expert) pairs, sorted by case."""

    case: NDArray[np.intp]
    expert: NDArray[np.intp]


def load_tiers(lo: NDArray[np.int64], hi: NDArray[np.int64], cap: NDArray[np.int64]) -> list[tuple[NDArray[np.int64], int]]:
    """Consecutive capacity slices with rising unit cost: a convex load cost per expert."""
    t0 = lo
    t1 = hi - lo
    t2 = np.clip(cap - hi, 0, 1)
    t3 = np.clip(cap - hi - 1, 0, 1)
    t4 = np.clip(cap - hi - 2, 0, None)
    return [(t0, 0), (t1, ABOVE_SHARE), (t2, OVERLOAD), (t3, 2 * OVERLOAD), (t4, 4 * OVERLOAD)]


def solve_flow(
    n_cases: int,
    n_experts: int,
    unit_of: NDArray[np.intp],
    n_units: int,
    pairs: Pairs,
    pair_cost: NDArray[np.int64],
    tiers: list[tuple[NDArray[np.int64], int]],
    seats: NDArray[np.int64],
) -> NDArray[np.bool_]:
    """Which candidate pairs carry flow (= are on a panel). `seats`: per case, panel size or 0 (given up)."""
    gate_key = pairs.case.astype(np.int64) * n_units + unit_of[pairs.expert]
    gates, gate_of_pair = np.unique(gate_key, return_inverse=True)
    n_gates = len(gates)
    gate_base = n_cases
    expert_base = n_cases + n_gates
    sink = expert_base + n_experts

    tails: list[NDArray[np.int64]] = []
    heads: list[NDArray[np.int64]] = []
    caps: list[NDArray[np.int64]] = []
    costs: list[NDArray[np.int64]] = []

    def arcs(t: NDArray[np.int64], h: NDArray[np.int64], c: NDArray[np.int64], w: NDArray[np.int64]) -> None:
        tails.append(t.astype(np.int64))
        heads.append(h.astype(np.int64))
        caps.append(c.astype(np.int64))
        costs.append(w.astype(np.int64))

    ones = np.ones(n_gates, dtype=np.int64)
    arcs((gates // n_units), gate_base + np.arange(n_gates), ones, np.zeros(n_gates, dtype=np.int64))
    pair_start = sum(len(t) for t in tails)
    n_pairs = len(pairs.case)
    arcs(gate_base + gate_of_pair, expert_base + pairs.expert, np.ones(n_pairs, dtype=np.int64), pair_cost)
    experts = np.arange(n_experts, dtype=np.int64)
    for cap, cost in tiers:
        keep = cap > 0
        arcs(expert_base + experts[keep], np.full(int(keep.sum()), sink), cap[keep], np.full(int(keep.sum()), cost))
    case_ids = np.arange(n_cases, dtype=np.int64)
    arcs(case_ids, np.full(n_cases, sink), seats, np.full(n_cases, UNSTAFFED_COST))

    flow = min_cost_flow.SimpleMinCostFlow()
    arc_ids = flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails), np.concatenate(heads), np.concatenate(caps), np.concatenate(costs)
    )
    supplies = np.zeros(sink + 1, dtype=np.int64)
    supplies[:n_cases] = seats
    supplies[sink] = -int(seats.sum())
    flow.set_nodes_supplies(np.arange(sink + 1, dtype=np.int64), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:  # cannot happen: the bypass arcs make every instance feasible
        raise RuntimeError(f"min cost flow failed: {status}")
    carried = flow.flows(arc_ids[pair_start : pair_start + n_pairs])
    return np.asarray(carried) > 0
