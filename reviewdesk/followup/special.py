"""专项整治: the problem ranking that suggests one (a category found in ≥ N cases or ≥ M units)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

OPEN, CLOSED = "open", "closed"


@dataclass(frozen=True)
class Ranked:
    category: str
    case_ids: tuple[int, ...]
    units: tuple[str, ...]
    qualifies: bool

    def to_json(self) -> dict[str, object]:
        return {"category": self.category, "cases": len(self.case_ids), "units": list(self.units),
                "case_ids": list(self.case_ids), "qualifies": self.qualifies}


def rank(findings: Iterable[tuple[str, int, str]], min_cases: int, min_units: int) -> list[Ranked]:
    """(category, case id, unit code) per finding → categories by the number of cases, most first."""
    cases: dict[str, set[int]] = {}
    units: dict[str, set[str]] = {}
    for category, case_id, unit in findings:
        cases.setdefault(category, set()).add(case_id)
        units.setdefault(category, set()).add(unit)
    ranked = [Ranked(c, tuple(sorted(ids)), tuple(sorted(units[c])),
                     len(ids) >= min_cases or len(units[c]) >= min_units) for c, ids in cases.items()]
    return sorted(ranked, key=lambda r: (-len(r.case_ids), -len(r.units), r.category))
