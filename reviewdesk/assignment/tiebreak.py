"""Seeded tie-breaking: same seed + same case and expert keys -> same hashes -> same panels.

Each case key and expert key is hashed once with BLAKE2b keyed by the seed; a pair's value mixes the two with
SplitMix64, vectorised in numpy so large candidate sets cost no Python loop per pair.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def key_hashes(seed: str, kind: str, keys: Sequence[str]) -> NDArray[np.uint64]:
    salt = hashlib.sha256(seed.encode("utf-8")).digest()[:32]
    out = np.empty(len(keys), dtype=np.uint64)
    for i, key in enumerate(keys):
        digest = hashlib.blake2b(f"{kind}\x1f{key}".encode(), digest_size=8, key=salt).digest()
        out[i] = np.uint64(int.from_bytes(digest, "big"))
    return out


def _mix(x: NDArray[np.uint64]) -> NDArray[np.uint64]:
    x = x.copy()
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def pair_hash(case_h: NDArray[np.uint64], expert_h: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """Broadcasting: one 64-bit value per (case, expert) pair."""
    with np.errstate(over="ignore"):
        return _mix(case_h ^ (expert_h * _GOLDEN))


def unit_interval(h: NDArray[np.uint64]) -> NDArray[np.float64]:
    """In (0, 1]: for weighted sampling keys."""
    return ((h >> np.uint64(11)).astype(np.float64) + 1.0) / float(1 << 53)
