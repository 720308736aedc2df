"""The office side's view of received results: group each case's results by source and tell consistent from
conflicting. Pure: it works on rows the service has read.

A workstation's later package supersedes its own earlier result for a case (a laptop that exports again after
more conclusions is not in conflict with itself); the earlier one is kept and listed, never dropped. A conflict
is two workstations whose current results differ. Unsigned packages never supersede anything: the key id they
name is only a claim."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from reviewdesk.results.compare import differences


@dataclass(frozen=True)
class Source:
    """One package that carried a result for the case."""

    package_id: str
    key_id: str  # the sending workstation's minisign key id
    issuer_name: str
    created_at: str  # when the package was made, as its manifest says
    imported_at: str
    signed: bool
    audit_verified: bool
    digest: str  # SHA-256 of the result's canonical JSON: equal digests, equal results

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Variant:
    digest: str
    package_ids: list[str]
    result: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReceivedCase:
    campaign_id: str
    case_id: str  # external id
    case_number: str
    status: str  # consistent | conflict
    sources: list[Source]  # the current package of each workstation
    results: list[Variant]  # one when consistent; each distinct result when in conflict
    earlier: list[Source] = field(default_factory=list)  # superseded by the same workstation's later package

    @property
    def result(self) -> dict[str, Any] | None:
        """The result when every source agrees."""
        return self.results[0].result if self.status == "consistent" else None

    def to_json(self) -> dict[str, Any]:
        return {
            "campaign_id": self.campaign_id, "case_id": self.case_id, "case_number": self.case_number,
            "status": self.status, "sources": [s.to_json() for s in self.sources],
            "results": [v.to_json() for v in self.results], "earlier": [s.to_json() for s in self.earlier],
        }


@dataclass(frozen=True)
class SourceValue:
    package_id: str
    key_id: str
    value: Any


@dataclass(frozen=True)
class FieldDifference:
    field: str  # e.g. conclusion.grade, sheets[EXP-0001].total, panel
    values: list[SourceValue]  # one per source, in the order of the case's sources


@dataclass(frozen=True)
class ResultConflict:
    campaign_id: str
    case_id: str
    case_number: str
    sources: list[Source]
    fields: list[FieldDifference]

    def to_json(self) -> dict[str, Any]:
        return {
            "campaign_id": self.campaign_id, "case_id": self.case_id, "case_number": self.case_number,
            "sources": [s.to_json() for s in self.sources],
            "fields": [
                {"field": f.field, "values": [asdict(v) for v in f.values]} for f in self.fields
            ],
        }


@dataclass(frozen=True)
class Row:
    """A received result with its package's facts, as the service reads them."""

    campaign_id: str
    case_id: str
    case_number: str
    body: str  # canonical JSON
    source: Source


def _workstation(source: Source) -> str:
    return source.key_id if source.signed else f"unsigned:{source.package_id}"


def group(rows: Iterable[Row]) -> list[ReceivedCase]:
    cases: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        cases[row.case_id].append(row)
    out = []
    for case_id in sorted(cases):
        found = sorted(cases[case_id], key=lambda r: (r.source.created_at, r.source.package_id))
        latest = {_workstation(r.source): r for r in found}  # later packages overwrite earlier ones here only
        current = [r for r in found if latest[_workstation(r.source)] is r]
        variants: dict[str, Variant] = {}
        for r in current:
            v = variants.get(r.source.digest)
            if v is None:
                variants[r.source.digest] = Variant(r.source.digest, [r.source.package_id], json.loads(r.body))
            else:
                v.package_ids.append(r.source.package_id)
        newest = found[-1]
        out.append(ReceivedCase(
            newest.campaign_id, case_id, newest.case_number, "consistent" if len(variants) == 1 else "conflict",
            [r.source for r in current], list(variants.values()),
            [r.source for r in found if latest[_workstation(r.source)] is not r],
        ))
    return out


def conflict_of(case: ReceivedCase) -> ResultConflict:
    bodies = {v.digest: v.result for v in case.results}
    diffs = differences([bodies[s.digest] for s in case.sources])
    return ResultConflict(
        case.campaign_id, case.case_id, case.case_number, case.sources,
        [FieldDifference(path, [SourceValue(s.package_id, s.key_id, v) for s, v in zip(case.sources, values, strict=True)])
         for path, values in diffs],
    )
