"""The reproducible random draw of cases, as pure functions (documented step by step in docs/selection.md).

Another office must be able to redo a draw with its own short script, so every rule here is deliberately
plain: SHA-256 ranks, exact rational arithmetic for ratios and quotas, names sorted as Unicode code points.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

FLAG_ORDER = ("unenforced", "unresolved", "repeated")
STRATA_FIELDS = ("case_type", "unit", "region", "flag")


@dataclass(frozen=True)
class PoolCase:
    """What the draw knows of a case: its key and the fields filters and strata use."""

    key: str  # issuer_key_id + ":" + external_id
    case_type: str
    unit_code: str
    region: str  # six-digit GB/T 2260 code of the handling unit
    flags: tuple[str, ...]  # petition flags that are set, in FLAG_ORDER
    petition_count: int
    closed_on: str | None  # YYYY-MM-DD

    def line(self) -> str:
        """Canonical text of the case for the pool fingerprint (tab-separated, see docs/selection.md)."""
        return "\t".join(
            (self.key, self.case_type, self.unit_code, self.region, ",".join(self.flags), str(self.petition_count), self.closed_on or "")
        )


@dataclass(frozen=True)
class Drawn:
    size: int  # N
    keys: tuple[str, ...]  # drawn keys, in draw order (ascending rank)
    strata: dict[str, tuple[int, int]]  # stratum -> (pool size, drawn); empty without strata


def case_key(issuer_key_id: str, external_id: str) -> str:
    return f"{issuer_key_id}:{external_id}"


def rank(seed: str, key: str) -> str:
    """SHA-256 of UTF-8(seed + "\\n" + key), as 64 lower-case hex digits; lower ranks are drawn first."""
    return hashlib.sha256(f"{seed}\n{key}".encode()).hexdigest()


def ranked(seed: str, keys: Iterable[str]) -> list[str]:
    return sorted(keys, key=lambda k: rank(seed, k))


def sample_size(pool_size: int, *, count: int | None = None, ratio: Fraction | None = None) -> int:
    """N: the count as given, or ceil(ratio × pool size) computed exactly (no floating point)."""
    if (count is None) == (ratio is None):
        raise ValueError("give exactly one of count and ratio")
    if count is not None:
        return count
    assert ratio is not None
    return math.ceil(ratio * pool_size)


def stratum_of(case: PoolCase, field: str) -> str:
    if field == "case_type":
        return case.case_type
    if field == "unit":
        return case.unit_code
    if field == "region":
        return case.region[:4]
    if field == "flag":
        return next((f for f in FLAG_ORDER if f in case.flags), "none")
    raise ValueError(f"unknown stratum field {field!r}")


def allocate(sizes: Mapping[str, int], n: int) -> dict[str, int]:
    """Split n over strata in proportion to their sizes by largest remainder (Hamilton).

    Each stratum gets floor(n × size / total); the seats left go one each to the strata with the largest
    remainders, ties broken by stratum name (ascending). A small stratum may get 0. Never more than its size.
    """
    total = sum(sizes.values())
    if not 0 <= n <= total:
        raise ValueError("n must be between 0 and the total size")
    if total == 0:
        return {name: 0 for name in sizes}
    quotas = {name: Fraction(n * size, total) for name, size in sizes.items()}
    seats = {name: math.floor(q) for name, q in quotas.items()}
    left = n - sum(seats.values())
    by_remainder = sorted(sizes, key=lambda name: (-(quotas[name] - seats[name]), name))
    for name in by_remainder[:left]:
        seats[name] += 1
    return seats


def draw(pool: Sequence[PoolCase], n: int, seed: str, strata: str | None = None) -> Drawn:
    """The N cases of lowest rank; with strata, each stratum's allocation of lowest rank. Draw order = rank."""
    if not 0 <= n <= len(pool):
        raise ValueError("n must be between 0 and the pool size")
    if strata is None:
        return Drawn(n, tuple(ranked(seed, (c.key for c in pool))[:n]), {})
    groups: dict[str, list[str]] = {}
    for case in pool:
        groups.setdefault(stratum_of(case, strata), []).append(case.key)
    seats = allocate({name: len(keys) for name, keys in groups.items()}, n)
    picked: list[str] = []
    for name in sorted(groups):
        picked.extend(ranked(seed, groups[name])[: seats[name]])
    summary = {name: (len(groups[name]), seats[name]) for name in sorted(groups)}
    return Drawn(n, tuple(ranked(seed, picked)), summary)


def fingerprint(pool: Iterable[PoolCase]) -> str:
    """SHA-256 (hex) of the pool's canonical lines, sorted by key, each ending in "\\n"."""
    return hashlib.sha256(b"".join(f"{line}\n".encode() for line in sorted(c.line() for c in pool))).hexdigest()


def line_digests(pool: Iterable[PoolCase]) -> dict[str, str]:
    """Per-case digest (first 16 hex of SHA-256 of its line), stored so `verify` can count edited cases."""
    return {c.key: hashlib.sha256(c.line().encode()).hexdigest()[:16] for c in pool}
