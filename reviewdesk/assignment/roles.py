"""After the draw: a leader (组长) per panel and ranked backups per case."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from reviewdesk.assignment.problem import LEADER_PROFESSIONS, PROFESSION_ORDER
from reviewdesk.assignment.tiebreak import pair_hash

BACKUPS = 3


def profession_ranks(professions: list[str]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(group, order): group 0 for judge/prosecutor/academic, 1 otherwise; order = PROFESSION_ORDER index."""
    group = np.array([0 if p in LEADER_PROFESSIONS else 1 for p in professions], dtype=np.int64)
    order = np.array(
        [PROFESSION_ORDER.index(p) if p in PROFESSION_ORDER else len(PROFESSION_ORDER) for p in professions],
        dtype=np.int64,
    )
    return group, order


def pick_leader(
    members: list[int],
    specialist: NDArray[np.bool_],
    group: NDArray[np.int64],
    order: NDArray[np.int64],
    led: NDArray[np.int64],
    tie: NDArray[np.uint64],
) -> int:
    """Specialist first, then judge/prosecutor/academic, then fewest panels led so far, then profession
    order, then the seeded hash. `specialist` and `tie` are indexed like `members`."""
    best = min(
        range(len(members)),
        key=lambda i: (not specialist[i], group[members[i]], led[members[i]], order[members[i]], int(tie[i])),
    )
    return members[best]


def rank_backups(
    eligible_row: NDArray[np.bool_],
    members: list[int],
    unit_of: NDArray[np.intp],
    specialist_row: NDArray[np.bool_],
    loads: NDArray[np.int64],
    caps: NDArray[np.int64],
    case_h: np.uint64,
    expert_h: NDArray[np.uint64],
    count: int = BACKUPS,
) -> list[int]:
    """Eligible experts off the panel, from none of the panel's units, below their cap: specialists first,
    then lower load, then the seeded hash."""
    ok = eligible_row & (loads < caps)
    ok[members] = False
    panel_units = np.zeros(int(unit_of.max()) + 1, dtype=bool)
    panel_units[unit_of[members]] = True
    ok &= ~panel_units[unit_of]
    idx = np.flatnonzero(ok)
    if len(idx) == 0:
        return []
    tie = pair_hash(case_h, expert_h[idx])
    # One int64 sort key: specialist bit, then load, then the top bits of the seeded hash.
    key = (
        (~specialist_row[idx]).astype(np.int64) << np.int64(62)
        | np.minimum(loads[idx], (1 << 20) - 1) << np.int64(41)
        | (tie >> np.uint64(23)).astype(np.int64)
    )
    if len(idx) > count:
        part = np.argpartition(key, count - 1)[:count]
        idx, key = idx[part], key[part]
    return [int(i) for i in idx[np.argsort(key, kind="stable")]]
