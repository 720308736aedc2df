"""The one upsert behind both the spreadsheet and the roster-package import: diff, then (unless dry) write.

Experts are matched by external id; relations and former units are replaced as a set; units are upserted;
experts absent from the source are kept and listed. Runs inside the caller's transaction.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewdesk.clock import now
from reviewdesk.experts.records import ExpertInput, FormerUnitInput, RelationInput, UnitInput, mask_identity
from reviewdesk.store.models import Expert, ExpertFormerUnit, ExpertRelation, Unit


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class ExpertChange:
    external_id: str
    name: str
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class UnitChange:
    code: str
    added: bool
    changes: tuple[FieldChange, ...] = ()


@dataclass
class ExpertImportReport:
    source: str
    dry_run: bool
    added: list[ExpertChange] = field(default_factory=list)
    changed: list[ExpertChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # external ids
    not_in_file: list[str] = field(default_factory=list)  # external ids kept as they are
    units: list[UnitChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # content of the file that was not read

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added), "changed": len(self.changed), "unchanged": len(self.unchanged),
            "not_in_file": len(self.not_in_file), "units_added": sum(u.added for u in self.units),
            "units_changed": sum(not u.added for u in self.units),
        }

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "counts": self.counts()}


def _relations_text(items: list[RelationInput] | tuple[RelationInput, ...]) -> str:
    return "; ".join(sorted(f"{r.kind}:{r.name}" + (f"({r.unit_code})" if r.unit_code else "") for r in items)) or "—"


def _former_text(items: list[FormerUnitInput] | tuple[FormerUnitInput, ...]) -> str:
    return "; ".join(sorted(f"{f.code}@{f.until or '?'}" for f in items)) or "—"


def _rel_key(r: RelationInput) -> tuple[str, str, str, str, str]:
    return (r.kind, r.name, r.id_number or "", r.unit_code or "", r.note)


def _stored(session: Session, e: Expert) -> tuple[list[RelationInput], list[FormerUnitInput]]:
    rels = session.execute(select(ExpertRelation).where(ExpertRelation.expert_id == e.id)).scalars()
    former = session.execute(select(ExpertFormerUnit).where(ExpertFormerUnit.expert_id == e.id)).scalars()
    return (
        [RelationInput(r.kind, r.name, r.id_number, r.unit_code, r.note) for r in rels],
        [FormerUnitInput(f.unit_code, f.until) for f in former],
    )


def _diff(session: Session, e: Expert, x: ExpertInput) -> list[FieldChange]:
    out: list[FieldChange] = []

    def cmp(name: str, old: object, new: object, shown_old: str | None = None, shown_new: str | None = None) -> None:
        if old != new:
            out.append(FieldChange(name, shown_old if shown_old is not None else str(old or "—"),
                                   shown_new if shown_new is not None else str(new or "—")))

    cmp("name", e.name, x.name)
    cmp("id_number", e.id_number, x.id_number, mask_identity(e.id_number) or "—", mask_identity(x.id_number) or "—")
    cmp("gender", e.gender, x.gender)
    cmp("profession", e.profession, x.profession)
    cmp("unit_code", e.unit_code, x.unit.code)
    cmp("specialties", e.specialties, ",".join(sorted(x.specialties)))
    cmp("phone", e.phone, x.phone)
    if x.tags is not None:
        old_tags = json.loads(e.tags or "[]")
        cmp("tags", old_tags, list(x.tags), "、".join(old_tags) or "—", "、".join(x.tags) or "—")
    if x.available is not None:
        cmp("available", e.available, x.available, "是" if e.available else "否", "是" if x.available else "否")
    if x.note is not None:
        cmp("note", e.availability_note, x.note)
    rels, former = _stored(session, e)
    if sorted(map(_rel_key, rels)) != sorted(map(_rel_key, x.relations)):
        out.append(FieldChange("relations", _relations_text(rels), _relations_text(x.relations)))
    if sorted(former, key=str) != sorted(x.former_units, key=str):
        out.append(FieldChange("former_units", _former_text(former), _former_text(x.former_units)))
    return out


def _unit_change(session: Session, u: UnitInput) -> UnitChange | None:
    unit = session.get(Unit, u.code)
    if unit is None:
        return UnitChange(u.code, True)
    changes = tuple(
        FieldChange(name, old, new)
        for name, old, new in (("name", unit.name, u.name), ("kind", unit.kind, u.kind), ("region_code", unit.region_code, u.region_code))
        if old != new
    )
    return UnitChange(u.code, False, changes) if changes else None


def upsert(session: Session, inputs: list[ExpertInput], source: str, *, write: bool) -> ExpertImportReport:
    report = ExpertImportReport(source=source, dry_run=not write)
    existing = {e.external_id: e for e in session.execute(select(Expert)).scalars()}
    units = {x.unit.code: x.unit for x in inputs}
    for u in units.values():
        uc = _unit_change(session, u)
        if uc is not None:
            report.units.append(uc)
    plans: list[tuple[ExpertInput, Expert | None]] = []
    for x in inputs:
        e = existing.get(x.external_id)
        if e is None:
            report.added.append(ExpertChange(x.external_id, x.name))
            plans.append((x, None))
            continue
        changes = _diff(session, e, x)
        if changes:
            report.changed.append(ExpertChange(x.external_id, x.name, tuple(changes)))
            plans.append((x, e))
        else:
            report.unchanged.append(x.external_id)
    seen = {x.external_id for x in inputs}
    report.not_in_file = sorted(eid for eid in existing if eid not in seen)
    if write:
        for u in units.values():
            _write_unit(session, u)
        session.flush()
        for x, e in plans:
            _write_expert(session, x, e, source)
        session.flush()
    return report


def _write_unit(session: Session, u: UnitInput) -> None:
    unit = session.get(Unit, u.code)
    if unit is None:
        session.add(Unit(code=u.code, name=u.name, kind=u.kind, region_code=u.region_code))
    else:
        unit.name, unit.kind, unit.region_code = u.name, u.kind, u.region_code


def _write_expert(session: Session, x: ExpertInput, e: Expert | None, source: str) -> None:
    moment = now()
    if e is None:
        e = Expert(external_id=x.external_id, created_at=moment, tags="[]", available=True, availability_note="")
        session.add(e)
    e.name, e.id_number, e.gender, e.profession = x.name, x.id_number, x.gender, x.profession
    e.unit_code, e.specialties, e.phone = x.unit.code, ",".join(sorted(x.specialties)), x.phone
    if x.tags is not None:
        e.tags = json.dumps(list(x.tags), ensure_ascii=False)
    if x.available is not None:
        e.available = x.available
    if x.note is not None:
        e.availability_note = x.note
    e.source, e.updated_at = source[:200], moment
    session.flush()
    replace_relations(session, e.id, x.relations)
    session.execute(delete(ExpertFormerUnit).where(ExpertFormerUnit.expert_id == e.id))
    for f in x.former_units:
        session.add(ExpertFormerUnit(expert_id=e.id, unit_code=f.code, until=f.until))


def replace_relations(session: Session, expert_id: int, relations: tuple[RelationInput, ...] | list[RelationInput]) -> None:
    session.execute(delete(ExpertRelation).where(ExpertRelation.expert_id == expert_id))
    for r in relations:
        session.add(ExpertRelation(expert_id=expert_id, kind=r.kind, name=r.name, id_number=r.id_number, unit_code=r.unit_code, note=r.note))
