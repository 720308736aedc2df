"""What an import says about one expert, whatever it came from (spreadsheet or roster package)."""

from __future__ import annotations

from dataclasses import dataclass

from reviewdesk.packages.manifest import ExpertRecord


@dataclass(frozen=True)
class UnitInput:
    code: str
    name: str
    kind: str
    region_code: str


@dataclass(frozen=True)
class RelationInput:
    kind: str  # near_relative | former_colleague | business_interest | counsel_for | other
    name: str  # a person or an organisation
    id_number: str | None = None
    unit_code: str | None = None
    note: str = ""


@dataclass(frozen=True)
class FormerUnitInput:
    code: str
    until: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class ExpertInput:
    external_id: str
    name: str
    id_number: str | None
    gender: str | None
    profession: str
    unit: UnitInput
    specialties: tuple[str, ...]
    phone: str | None
    relations: tuple[RelationInput, ...]
    former_units: tuple[FormerUnitInput, ...]
    # Local bookkeeping of the office: None = the source does not say, keep what is stored.
    tags: tuple[str, ...] | None = None
    available: bool | None = None
    note: str | None = None


def from_record(r: ExpertRecord) -> ExpertInput:
    """A roster package's expert (already validated by the manifest parser)."""
    return ExpertInput(
        external_id=r.id, name=r.name, id_number=r.id_number, gender=r.gender, profession=r.profession,
        unit=UnitInput(r.unit.code, r.unit.name, r.unit.kind, r.unit.region_code),
        specialties=tuple(sorted(set(r.specialties))), phone=r.phone or None,
        relations=tuple(RelationInput(x.kind, x.name, x.id_number, x.unit_code, x.note) for x in r.relations),
        former_units=tuple(FormerUnitInput(f.code, f.until.isoformat() if f.until else None) for f in r.former_units),
    )


def mask_identity(number: str | None) -> str | None:
    """620102********1234: enough to tell two people apart on screen, not enough to reuse."""
    if not number:
        return number
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else "*" * len(number)
