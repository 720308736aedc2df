"""Candidate lists per case: every eligible expert in small pools, K of them in large ones.

Large pools keep the network small (5,000 cases × 1,000 experts would be 5 M arcs). The K are a seeded
weighted sample (Efraimidis–Spirakis keys) that favours experts with little prospective load, so that experts
whom constrained cases need are not used up elsewhere; specialists and members of composition groups are
taken first so those requirements stay reachable.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray


def prospective_load(elig: NDArray[np.bool_], panel_size: int) -> NDArray[np.float64]:
    """Expected seats per expert if each case drew uniformly among its eligible experts."""
    counts = elig.sum(axis=1).astype(np.float64)
    per_case = np.divide(panel_size, counts, out=np.zeros_like(counts), where=counts > 0)
    return per_case @ elig


def best(idx: NDArray[np.intp], rank_key: NDArray[np.float64], n: int) -> NDArray[np.intp]:
    """The n entries of idx with the largest rank_key (unordered)."""
    if n <= 0:
        return idx[:0]
    if len(idx) <= n:
        return idx
    return idx[np.argpartition(-rank_key[idx], n - 1)[:n]]


def choose(
    elig_row: NDArray[np.bool_],
    rank_key: NDArray[np.float64],
    specialist: NDArray[np.bool_],
    groups: list[tuple[NDArray[np.bool_], int]],
    k: int,
) -> NDArray[np.intp]:
    """Indices of at most k eligible experts: the best specialists (up to k/2), the best of each composition
    group (twice its minimum), then the best of the rest; "best" = larger rank_key."""
    idx = np.flatnonzero(elig_row)
    if len(idx) <= k:
        return idx
    taken = np.zeros(len(elig_row), dtype=bool)
    taken[best(idx[specialist[idx]], rank_key, max(1, k // 2))] = True
    for member_of, need in groups:
        taken[best(idx[member_of[idx]], rank_key, 2 * need)] = True
    rest = idx[~taken[idx]]
    taken[best(rest, rank_key, k - int(taken.sum()))] = True
    return np.flatnonzero(taken)


def cover(
    lists: list[NDArray[np.intp]], elig: NDArray[np.bool_], need: NDArray[np.int64], tie: Callable[[int], NDArray[np.uint64]]
) -> None:
    """Add each expert to more candidate lists (cases chosen by the seeded hash `tie(expert)`) until it is in
    at least `need` of them, as far as its eligibility allows: an expert in too few lists could not reach its
    fair share, and loads would spread."""
    n_c, n_e = elig.shape
    listed = np.zeros((n_c, n_e), dtype=bool)
    for c, idx in enumerate(lists):
        listed[c, idx] = True
    counts = listed.sum(axis=0)
    for e in np.flatnonzero(counts < need):
        free = np.flatnonzero(elig[:, e] & ~listed[:, e])
        missing = int(need[e] - counts[e])
        if missing <= 0 or len(free) == 0:
            continue
        order = np.argsort(tie(int(e))[free], kind="stable")
        for c in free[order[:missing]]:
            lists[c] = np.append(lists[c], e)
