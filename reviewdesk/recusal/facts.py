"""The facts the rules look at, loaded in bulk (a few SELECTs for any number of cases), never per row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.store.models import Case, CaseHandler, CaseParty, PartyCounsel, Unit

CHUNK = 900  # ids per IN (...) list: well below SQLite's variable limit


def norm(text: str | None) -> str:
    """Names are compared after trimming; an empty value counts as absent."""
    return (text or "").strip()


def norm_id(number: str | None) -> str | None:
    value = (number or "").strip().upper()
    return value or None


def parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class HandlerFact:
    name: str
    id_number: str | None
    unit_code: str | None
    role: str


@dataclass(frozen=True, slots=True)
class CounselFact:
    name: str
    firm: str | None


@dataclass(frozen=True, slots=True)
class PartyFact:
    name: str
    kind: str
    id_number: str | None
    role: str
    counsel: tuple[CounselFact, ...]


@dataclass(frozen=True, slots=True)
class CaseFacts:
    id: int
    external_id: str
    case_number: str
    case_type: str
    unit_code: str
    region_code: str
    handlers: tuple[HandlerFact, ...]
    parties: tuple[PartyFact, ...]

    def counsel(self) -> Iterator[tuple[PartyFact, CounselFact]]:
        for party in self.parties:
            for c in party.counsel:
                yield party, c


@dataclass(frozen=True, slots=True)
class FormerUnitFact:
    code: str
    until: date | None  # None: date unknown


@dataclass(frozen=True, slots=True)
class RelationFact:
    kind: str  # near_relative | former_colleague | business_interest | counsel_for | other
    name: str
    id_number: str | None
    unit_code: str | None
    note: str


@dataclass(frozen=True, slots=True)
class ExpertFacts:
    id: int
    external_id: str
    name: str
    id_number: str | None
    profession: str
    unit_code: str
    unit_name: str
    region_code: str
    specialties: frozenset[str]
    former_units: tuple[FormerUnitFact, ...]
    relations: tuple[RelationFact, ...]


def chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        yield unique[start : start + CHUNK]


def case_facts(session: Session, case_ids: Sequence[int]) -> dict[int, CaseFacts]:
    """Facts of the given cases (unknown ids are left out): three SELECTs per 900 cases."""
    out: dict[int, CaseFacts] = {}
    for part in chunks(case_ids):
        heads = session.execute(
            select(Case.id, Case.external_id, Case.case_number, Case.case_type, Case.unit_code, Unit.region_code)
            .join(Unit, Unit.code == Case.unit_code)
            .where(Case.id.in_(part))
        ).all()
        handlers: dict[int, list[HandlerFact]] = defaultdict(list)
        for cid, name, idn, unit, role in session.execute(
            select(CaseHandler.case_id, CaseHandler.name, CaseHandler.id_number, CaseHandler.unit_code, CaseHandler.role)
            .where(CaseHandler.case_id.in_(part))
            .order_by(CaseHandler.id)
        ):
            handlers[cid].append(HandlerFact(norm(name), norm_id(idn), unit, role))
        counsel: dict[int, list[CounselFact]] = defaultdict(list)
        party_rows = session.execute(
            select(CaseParty.id, CaseParty.case_id, CaseParty.name, CaseParty.kind, CaseParty.id_number, CaseParty.role)
            .where(CaseParty.case_id.in_(part))
            .order_by(CaseParty.id)
        ).all()
        for pid, name, firm in session.execute(
            select(PartyCounsel.party_id, PartyCounsel.name, PartyCounsel.firm)
            .join(CaseParty, CaseParty.id == PartyCounsel.party_id)
            .where(CaseParty.case_id.in_(part))
            .order_by(PartyCounsel.id)
        ):
            counsel[pid].append(CounselFact(norm(name), norm(firm) or None))
        parties: dict[int, list[PartyFact]] = defaultdict(list)
        for pid, cid, name, kind, idn, role in party_rows:
            parties[cid].append(PartyFact(norm(name), kind, norm_id(idn), role, tuple(counsel.get(pid, ()))))
        for cid, ext, number, ctype, unit, region in heads:
            out[cid] = CaseFacts(
                cid, ext, norm(number), ctype, unit, region, tuple(handlers.get(cid, ())), tuple(parties.get(cid, ()))
            )
    return out
