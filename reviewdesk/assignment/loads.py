"""Fair share per expert: seats spread evenly over available experts, water-filled below individual caps."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray


def fair_share(seats: int, caps: NDArray[np.int64], available: NDArray[np.bool_]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(lo, hi) per expert: floor and ceil of the share s with sum(min(cap, s)) = seats; unavailable get 0."""
    n = len(caps)
    lo = np.zeros(n, dtype=np.int64)
    hi = np.zeros(n, dtype=np.int64)
    idx = np.flatnonzero(available)
    if len(idx) == 0 or seats <= 0:
        return lo, hi
    c = caps[idx]
    order = np.argsort(c, kind="stable")
    remaining = float(seats)
    share = math.inf
    for pos, i in enumerate(order):
        left = len(order) - pos
        if c[i] * left >= remaining:
            share = remaining / left
            break
        remaining -= c[i]
    lo[idx] = np.minimum(c, math.floor(share) if math.isfinite(share) else c)
    hi[idx] = np.minimum(c, math.ceil(share) if math.isfinite(share) else c)
    return lo, hi
