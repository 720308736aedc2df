"""solve(Problem) -> Solution: min-cost flow with Lagrangian bonuses for specialist and composition rules.

1. Candidates: every eligible expert per case in small pools, K per case in large ones (candidates.py).
2. Flow (network.py): one member per (case, unit) gate, convex load cost around the fair share, a costly
   bypass for seats nobody can fill, seeded hash noise as the tie-breaker.
3. Requirements the network cannot express ("at least one specialist", composition minimums) are bonuses on
   the arcs that satisfy them; cases still failing get their bonus doubled and the flow is solved again
   (cases that meet a requirement keep the bonus only on the members that meet it).
4. Cases left unstaffed get every eligible expert, cases missing a requirement more experts of that kind, and
   the flow is solved once more; of several half-staffed cases the emptiest is given up so others complete.
5. If the flow still misses a requirement, leaves a staffable case empty or a load outside the fair share, the
   exact model (exact.py, CP-SAT, the flow's panels as hint) finds a draw that meets everything, or proves
   which requirements cannot be met together (proof.py) and gives the best partial draw.
   Then leaders, backups and the reasons for every shortfall.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from reviewdesk.assignment import candidates, exact, network, proof, roles, shortfall
from reviewdesk.assignment.loads import fair_share
from reviewdesk.assignment.problem import Problem, Shortfall, Solution
from reviewdesk.assignment.tiebreak import key_hashes, pair_hash, unit_interval

MAX_ROUNDS = 6
MAX_ROUNDS_WIDENED = 3
COVER = 3  # each expert sits in at least 3 × (its fair share) candidate lists
MAX_GIVE_UP = 10
BONUS0 = 800  # above the hash noise; five doublings outweigh one seat above the fair share (OVERLOAD)
TIE_RANGE = 64
STICKY = BONUS0 // 2


class _Instance:
    """The problem as arrays, in key order so that input order never changes the result."""

    def __init__(self, p: Problem) -> None:
        self.k = p.panel_size
        corder = sorted(range(len(p.cases)), key=lambda i: p.cases[i].key)
        eorder = sorted(range(len(p.experts)), key=lambda i: p.experts[i].key)
        self.cases = [p.cases[i] for i in corder]
        self.experts = [p.experts[i] for i in eorder]
        n_c, n_e = len(self.cases), len(self.experts)
        self.excluded_by = [dict(p.excluded_by[i]) for i in corder] if p.excluded_by is not None else [{}] * n_c
        self.available = np.array([e.available for e in self.experts], dtype=bool)
        limit = n_c  # one seat per case at most
        self.caps = np.array(
            [min(x for x in (e.max_load, p.max_load, limit) if x is not None) for e in self.experts], dtype=np.int64
        )
        self.caps[~self.available] = 0
        self.caps = np.maximum(self.caps, 0)
        eligible = np.asarray(p.eligible, dtype=bool).reshape(n_c, n_e) if n_c and n_e else np.zeros((n_c, n_e), bool)
        self.elig = eligible[np.ix_(corder, eorder)] & (self.caps > 0)[None, :]
        units = sorted({e.unit for e in self.experts})
        self.n_units = max(1, len(units))
        unit_index = {u: i for i, u in enumerate(units)}
        self.unit_of = np.array([unit_index[e.unit] for e in self.experts], dtype=np.intp)
        types = sorted({c.case_type for c in self.cases})
        by_type = np.array([[t in e.specialties for e in self.experts] for t in types], dtype=bool).reshape(len(types), n_e)
        type_of = np.array([types.index(c.case_type) for c in self.cases], dtype=np.intp)
        self.spec = by_type[type_of] if n_c else np.zeros((0, n_e), bool)  # spec[c, e]
        self.rules = list(p.composition)
        self.rule_mask = np.array(
            [[e.profession in r.professions for e in self.experts] for r in self.rules], dtype=bool
        ).reshape(len(self.rules), n_e)
        self.case_h = key_hashes(p.seed, "case", [c.key for c in self.cases])
        self.expert_h = key_hashes(p.seed, "expert", [e.key for e in self.experts])
        self.lo, self.hi = fair_share(self.k * n_c, self.caps, self.caps > 0)
        self.seed = p.seed
        self.K = p.candidates_per_case
        self.small = int((self.caps > 0).sum()) <= p.small_pool


def _initial_lists(inst: _Instance) -> list[NDArray[np.intp]]:
    if inst.small:
        return [np.flatnonzero(row) for row in inst.elig]
    pload = candidates.prospective_load(inst.elig, inst.k)
    groups_for = [(inst.rule_mask[r], rule.min) for r, rule in enumerate(inst.rules)]
    lists = []
    for c in range(len(inst.cases)):
        u = unit_interval(pair_hash(inst.case_h[c], inst.expert_h))
        rank_key = np.log(u) * (pload + 1e-9)  # Efraimidis–Spirakis with weight 1/pload: larger is better
        lists.append(candidates.choose(inst.elig[c], rank_key, inst.spec[c], groups_for, inst.K))
    candidates.cover(lists, inst.elig, COVER * inst.hi, lambda e: pair_hash(inst.case_h, inst.expert_h[e]))
    return [np.sort(x) for x in lists]


def _pairs(lists: list[NDArray[np.intp]]) -> network.Pairs:
    sizes = np.array([len(x) for x in lists], dtype=np.intp)
    case = np.repeat(np.arange(len(lists), dtype=np.intp), sizes)
    expert = np.concatenate(lists).astype(np.intp) if lists else np.empty(0, np.intp)
    return network.Pairs(case, expert)


class _Outcome:
    def __init__(self, inst: _Instance, pairs: network.Pairs, carried: NDArray[np.bool_]) -> None:
        n_c = len(inst.cases)
        pc, pe = pairs.case[carried], pairs.expert[carried]
        self.pc, self.pe = pc, pe
        self.count = np.bincount(pc, minlength=n_c)
        self.spec_count = np.bincount(pc, weights=inst.spec[pc, pe], minlength=n_c)
        self.rule_count = [np.bincount(pc, weights=m[pe], minlength=n_c) for m in inst.rule_mask]


def _incumbents(case: NDArray[np.intp], member: NDArray[np.bool_], need: int) -> NDArray[np.bool_]:
    """Among the pair arcs (sorted by case) that carry a qualifying member, the first `need` per case."""
    hits = member.astype(np.int64)
    running = np.cumsum(hits)
    starts = np.searchsorted(case, case, side="left")  # first arc of each arc's case
    before = running[starts] - hits[starts]
    return member & (running - before <= need)


def _rounds(
    inst: _Instance,
    lists: list[NDArray[np.intp]],
    bonus_spec: NDArray[np.int64],
    bonus_rule: NDArray[np.int64],
    max_rounds: int,
    seats: NDArray[np.int64],
) -> tuple[_Outcome, int]:
    """Lagrangian rounds. A requirement's bonus sits on every qualifying arc of a case that fails it, but only on
    the arcs already carrying the first `min` qualifying members of a case that meets it: a linear bonus on every
    qualifying arc would reward piling specialists into one panel instead of spreading them."""
    pairs = _pairs(lists)
    n_c = len(inst.cases)
    tie = (pair_hash(inst.case_h[pairs.case], inst.expert_h[pairs.expert]) % np.uint64(TIE_RANGE)).astype(np.int64)
    groups = [(inst.spec[pairs.case, pairs.expert], 1, bonus_spec)]
    groups += [(m[pairs.expert], rule.min, bonus_rule[r]) for r, (m, rule) in enumerate(zip(inst.rule_mask, inst.rules, strict=True))]
    in_list = [np.bincount(pairs.case, weights=q, minlength=n_c) for q, _, _ in groups]
    tiers = network.load_tiers(inst.lo, inst.hi, inst.caps)
    offered = [q.copy() for q, _, _ in groups]  # round 1: every qualifying arc
    kept = [np.zeros(len(pairs.case), dtype=bool) for _ in groups]
    for done in range(1, max_rounds + 1):
        bonus = np.zeros(len(pairs.case), dtype=np.int64)
        for (_, _, lam), arcs, incumbent in zip(groups, offered, kept, strict=True):
            # Incumbents get a little more than the same bonus elsewhere: equal offers would otherwise let two
            # failing cases swap a scarce expert back and forth round after round.
            bonus += lam[pairs.case] * arcs + STICKY * incumbent
        offset = int(bonus.max()) if len(bonus) else 0
        cost = offset - bonus + tie
        carried = network.solve_flow(n_c, len(inst.experts), inst.unit_of, inst.n_units, pairs, cost, tiers, seats)
        out = _Outcome(inst, pairs, carried)
        counts = [out.spec_count, *out.rule_count]
        failing = [(have < need) & (avail > have) for have, (_, need, _), avail in zip(counts, groups, in_list, strict=True)]
        if not any(f.any() for f in failing):
            return out, done
        for g, (qualifies, need, lam) in enumerate(groups):
            lam[failing[g]] *= 2
            kept[g] = _incumbents(pairs.case, qualifies & carried, need)
            offered[g] = qualifies & (failing[g][pairs.case] | kept[g])
    return out, max_rounds


def _widen(inst: _Instance, out: _Outcome, lists: list[NDArray[np.intp]]) -> int:
    """Unstaffed cases get every eligible expert; cases missing a specialist or a composition group get up to
    K more experts of that kind. Returns how many cases were widened."""
    widened = 0
    for c in range(len(inst.cases)):
        row = inst.elig[c]
        if len(lists[c]) >= int(row.sum()):
            continue
        extra: list[NDArray[np.intp]] = []
        if out.count[c] < inst.k:
            extra.append(np.flatnonzero(row))
        else:
            rank_key = unit_interval(pair_hash(inst.case_h[c], inst.expert_h))
            if out.spec_count[c] == 0:
                extra.append(candidates.best(np.flatnonzero(row & inst.spec[c]), rank_key, inst.K))
            for r, rule in enumerate(inst.rules):
                if out.rule_count[r][c] < rule.min:
                    extra.append(candidates.best(np.flatnonzero(row & inst.rule_mask[r]), rank_key, inst.K))
        merged = np.union1d(lists[c], np.concatenate(extra)) if extra else lists[c]
        if len(merged) > len(lists[c]):
            lists[c] = merged.astype(np.intp)
            widened += 1
    return widened


def solve(problem: Problem) -> Solution:
    if problem.panel_size < 1:
        raise ValueError("panel_size must be at least 1")
    inst = _Instance(problem)
    n_c = len(inst.cases)
    lists = _initial_lists(inst)
    bonus_spec = np.full(n_c, BONUS0, dtype=np.int64)
    bonus_rule = np.full((len(inst.rules), n_c), BONUS0, dtype=np.int64)
    seats = np.full(n_c, inst.k, dtype=np.int64)
    out, rounds = _rounds(inst, lists, bonus_spec, bonus_rule, MAX_ROUNDS, seats)
    widened = _widen(inst, out, lists) if n_c else 0
    if widened:
        out, more = _rounds(inst, lists, bonus_spec, bonus_rule, MAX_ROUNDS_WIDENED, seats)
        rounds += more
    # Empty seats cost the same wherever they are, so the flow may leave two cases half-staffed where it could
    # staff one fully. Give up the emptiest partial case (seeded tie) and solve again, a few times at most.
    for _ in range(MAX_GIVE_UP):
        partial = np.flatnonzero((seats > 0) & (out.count > 0) & (out.count < inst.k))
        if len(partial) < 2:
            break
        victim = min(partial, key=lambda c: (int(out.count[c]), int(inst.case_h[c])))
        seats[victim] = 0
        out, more = _rounds(inst, lists, bonus_spec, bonus_rule, 1, seats)
        rounds += more
    inputs = _inputs(inst, out, lists)
    if not _flow_meets_everything(inst, inputs, out):
        result = exact.solve_exact(inputs)
        return _finish(inst, _outcome_of(inst, result.chosen), rounds, widened, inputs, result)
    return _finish(inst, out, rounds, widened, inputs, None)


def _full_pairs(inst: _Instance, out: _Outcome) -> list[tuple[int, int]]:
    full = out.count >= inst.k
    return [(c, e) for c, e in zip(out.pc.tolist(), out.pe.tolist(), strict=True) if full[c]]


def _inputs(inst: _Instance, out: _Outcome, lists: list[NDArray[np.intp]]) -> exact.Inputs:
    return exact.Inputs(
        inst.k, inst.elig, inst.unit_of, inst.caps, inst.spec, inst.rule_mask, [r.min for r in inst.rules],
        inst.lo, inst.hi, inst.seed, _full_pairs(inst, out), lists,
    )


def _flow_meets_everything(inst: _Instance, inputs: exact.Inputs, out: _Outcome) -> bool:
    """The fast path: every requirement met and every load within its fair share (as far as eligibility allows)."""
    ok = exact.staffable(inputs)
    if exact.unmet_of(inputs, exact.requirements(inputs, ok), inputs.hint):
        return False
    loads = np.zeros(len(inst.experts), dtype=np.int64)
    for _c, e in inputs.hint:
        loads[e] += 1
    reachable = inst.elig[ok].sum(axis=0)
    active = inst.caps > 0
    return bool(((loads <= inst.hi) | ~active).all() and ((loads >= np.minimum(inst.lo, reachable)) | ~active).all())


def _outcome_of(inst: _Instance, chosen: list[tuple[int, int]]) -> _Outcome:
    ordered = sorted(chosen)
    case = np.array([c for c, _ in ordered], dtype=np.intp)
    expert = np.array([e for _, e in ordered], dtype=np.intp)
    return _Outcome(inst, network.Pairs(case, expert), np.ones(len(ordered), dtype=bool))


class _Reasons:
    """Why a requirement is missed: a local fact, a proof from the exact search, or "not proven"."""

    def __init__(self, inst: _Instance, inputs: exact.Inputs, result: exact.ExactResult | None) -> None:
        self.inst, self.result = inst, result
        self.proofs: list[Shortfall] = []
        self.by_req: dict[tuple[int, str, int], Shortfall] = {}
        if result is None:
            return
        keys = [c.key for c in inst.cases]
        types = [c.case_type for c in inst.cases]
        ekeys = [e.key for e in inst.experts]
        for core in result.cores:
            why = proof.explain(inputs, core, keys, types, ekeys, inst.rules)
            self.proofs.append(why)
            explained = str(why.details.get("requirement", ""))
            for q in core:
                if q.kind == explained or "+" in explained:  # a counting proof covers its own kind only
                    self.by_req[(q.case, q.kind, q.rule)] = why

    def missed(self, c: int, kind: str, rule: int = -1) -> Shortfall | None:
        """None when the flow alone decided (no exact search ran)."""
        if self.result is None:
            return None
        known = self.by_req.get((c, kind, rule))
        if known is not None:
            # Reported under the code of the requirement missed, whatever mix of requirements the proof names.
            code = {"staffed": "max_load", "specialist": "specialist", "composition": "composition"}[kind]
            return Shortfall(code, known.message, known.message_zh, known.details)
        proven = self.result.partial_optimal
        return proof.not_met(exact.Requirement(c, kind, rule), self.inst.cases[c].case_type, self.inst.rules, proven,
                             self.result.limit)


def _search(inst: _Instance, result: exact.ExactResult | None, proofs: list[Shortfall]) -> dict[str, object]:
    if result is None:
        return {"method": "flow", "requirements": "all_met", "loads_optimal": True, "proven": True}
    if result.all_met:
        state = "all_met"
    elif result.feasibility_proven:
        state = "impossible"
    else:
        state = "not_proven"
    proven = state != "not_proven" and (result.all_met or result.partial_optimal) and result.loads_optimal
    return {
        "method": "exact",
        "requirements": state,
        "best_partial_proven": None if result.all_met else result.partial_optimal,
        "loads_optimal": result.loads_optimal,
        "proven": proven,
        "complete_model": result.complete,
        "limit": round(result.limit, 1),
        "work": round(result.work, 2),
        "reproducible": not result.wall_limited,
        "proofs": len(proofs),
    }


def _finish(
    inst: _Instance, out: _Outcome, rounds: int, widened: int, inputs: exact.Inputs, result: exact.ExactResult | None
) -> Solution:
    n_c, n_e = len(inst.cases), len(inst.experts)
    members: list[list[int]] = [[] for _ in range(n_c)]
    for c, e in zip(out.pc.tolist(), out.pe.tolist(), strict=True):
        members[c].append(e)
    full = out.count >= inst.k
    loads = np.zeros(n_e, dtype=np.int64)
    for c in np.flatnonzero(full):
        loads[members[c]] += 1  # seats of unstaffed cases are released: their panels are not saved
    group, order = roles.profession_ranks([e.profession for e in inst.experts])
    led = np.zeros(n_e, dtype=np.int64)
    case_ids = [c.id for c in inst.cases]
    expert_ids = [e.id for e in inst.experts]
    panels: dict[int, list[int]] = {}
    leaders: dict[int, int] = {}
    backups: dict[int, list[int]] = {}
    unstaffed: dict[int, Shortfall] = {}
    unmet: dict[int, list[Shortfall]] = {}
    reasons = _Reasons(inst, inputs, result)
    for c in sorted(range(n_c), key=lambda i: int(inst.case_h[i])):  # seeded order: fair leader balancing
        cid = case_ids[c]
        if not full[c]:
            panels[cid], backups[cid] = [], []
            local = shortfall.unstaffed(inst.k, inst.elig[c], inst.unit_of, loads, inst.caps, inst.excluded_by[c])
            missed = reasons.missed(c, "staffed") if local.code == "max_load" else None
            unstaffed[cid] = _with_counts(missed, local) if missed else local
            continue
        team = sorted(members[c], key=lambda e: inst.experts[e].key)
        tie = pair_hash(inst.case_h[c], inst.expert_h[team])
        leader = roles.pick_leader(team, inst.spec[c, team], group, order, led, tie)
        led[leader] += 1
        panels[cid] = [expert_ids[leader]] + [expert_ids[e] for e in team if e != leader]
        leaders[cid] = expert_ids[leader]
        backups[cid] = [
            expert_ids[e]
            for e in roles.rank_backups(
                inst.elig[c], team, inst.unit_of, inst.spec[c], loads, inst.caps, inst.case_h[c], inst.expert_h
            )
        ]
        problems: list[Shortfall] = []
        if not inst.spec[c, team].any():
            eligible_specialists = int((inst.spec[c] & inst.elig[c]).sum())
            local = shortfall.missing_specialist(inst.cases[c].case_type, eligible_specialists)
            missed = reasons.missed(c, "specialist") if eligible_specialists else None
            problems.append(_with_counts(missed, local) if missed else local)
        for r, rule in enumerate(inst.rules):
            have = int(inst.rule_mask[r, team].sum())
            if have < rule.min:
                in_group = int((inst.rule_mask[r] & inst.elig[c]).sum())
                local = shortfall.composition(rule, have, in_group)
                missed = reasons.missed(c, "composition", r) if in_group >= rule.min else None
                problems.append(_with_counts(missed, local) if missed else local)
        if problems:
            unmet[cid] = problems
    available = inst.caps > 0
    return Solution(
        panels={cid: panels[cid] for cid in case_ids},
        leaders=leaders,
        backups={cid: backups[cid] for cid in case_ids},
        unstaffed=unstaffed,
        unmet=unmet,
        loads={expert_ids[e]: int(loads[e]) for e in range(n_e) if available[e]},
        targets={expert_ids[e]: (int(inst.lo[e]), int(inst.hi[e])) for e in range(n_e) if available[e]},
        rounds=rounds,
        widened=widened,
        search=_search(inst, result, reasons.proofs),
        proofs=reasons.proofs,
    )


def _with_counts(why: Shortfall, local: Shortfall) -> Shortfall:
    """A proof or "not proven" reason, keeping the case's own counts in its details."""
    return Shortfall(why.code, why.message, why.message_zh, {**local.details, **why.details})
