"""What the solver takes and gives back: plain dataclasses and a boolean eligibility matrix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

# Leader preference by profession (documented in docs/assignment.md).
LEADER_PROFESSIONS = ("judge", "prosecutor", "academic")
PROFESSION_ORDER = ("judge", "prosecutor", "academic", "lawyer", "police", "other")


@dataclass(frozen=True)
class ExpertSpec:
    id: int
    key: str  # stable external id: tie-breaking hashes use it, never the store id
    unit: str
    profession: str
    specialties: frozenset[str]
    available: bool = True
    max_load: int | None = None  # the expert's own cap


@dataclass(frozen=True)
class CaseSpec:
    id: int
    key: str
    case_type: str


@dataclass(frozen=True)
class CompositionRule:
    """At least `min` members of each panel have one of `professions`."""

    professions: frozenset[str]
    min: int

    def label(self) -> str:
        return f"{self.min}×{'/'.join(sorted(self.professions))}"


@dataclass
class Problem:
    cases: Sequence[CaseSpec]
    experts: Sequence[ExpertSpec]
    # eligible[c, e]: expert e may sit on case c (no excluding recusal finding). Unavailable experts are
    # dropped by the solver whatever this says.
    eligible: NDArray[np.bool_]
    panel_size: int = 3
    seed: str = ""
    max_load: int | None = None  # the campaign's or the command's cap, on top of each expert's own
    composition: Sequence[CompositionRule] = ()
    # Per case: rule_id -> number of experts that rule excluded (for the "why unstaffed" message).
    excluded_by: Sequence[Mapping[str, int]] | None = None
    candidates_per_case: int = 24  # K: candidate list per case in large pools
    small_pool: int = 200  # pools up to this size use every eligible expert


@dataclass(frozen=True)
class Shortfall:
    """Why a case has no full panel, or a panel that misses a requirement."""

    code: str  # too_few_eligible | too_few_units | max_load | no_specialist | specialist | composition
    message: str
    message_zh: str
    details: Mapping[str, object] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "message_zh": self.message_zh, "details": dict(self.details)}


@dataclass
class Solution:
    panels: dict[int, list[int]]  # case id -> expert ids, leader first (empty list when unstaffed)
    leaders: dict[int, int]
    backups: dict[int, list[int]]
    unstaffed: dict[int, Shortfall]  # fewer than panel_size members could be found
    unmet: dict[int, list[Shortfall]]  # full panel, but a specialist or composition requirement failed
    loads: dict[int, int]  # expert id -> cases (every available expert, zeros included)
    targets: dict[int, tuple[int, int]]  # expert id -> (lo, hi) fair share
    rounds: int
    widened: int  # cases whose candidate list was widened to every eligible expert
    # How the draw was found and what is proven: method flow|exact, requirements all_met|impossible|not_proven,
    # loads_optimal, proven (everything proven), limit/work of the exact search (see docs/assignment.md).
    search: dict[str, object] = field(default_factory=dict)
    proofs: list[Shortfall] = field(default_factory=list)  # one per set of requirements proven impossible together
