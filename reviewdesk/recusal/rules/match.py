"""Who is who: matching people by identity number, or by name when an identity number is missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from reviewdesk.recusal.facts import CaseFacts, RelationFact
from reviewdesk.recusal.pool import Pool

How = Literal["id", "name"]


def same_person(a_name: str, a_id: str | None, b_name: str, b_id: str | None) -> How | None:
    """"id": equal identity numbers (a certain match). "name": equal names and at least one identity number
    missing (possible match). Two different identity numbers are two different people, whatever the names."""
    if a_id and b_id:
        return "id" if a_id == b_id else None
    if a_name and a_name == b_name:
        return "name"
    return None


def experts_like(pool: Pool, name: str, id_number: str | None) -> Iterator[tuple[int, How]]:
    """Experts who may be the person (name, id_number), each once."""
    if id_number:
        for eid in pool.by_id_number.get(id_number, ()):
            yield eid, "id"
    if name:
        for eid in pool.by_name.get(name, ()):
            if id_number is None or pool.experts[eid].id_number is None:
                yield eid, "name"


def relations_like(pool: Pool, kind: str, name: str, id_number: str | None) -> Iterator[tuple[int, RelationFact, How]]:
    """Declared relations of `kind` whose person or organisation may be (name, id_number), each once."""
    seen: set[tuple[int, RelationFact]] = set()
    candidates = list(pool.relations_by_name.get(name, ())) if name else []
    if id_number:
        candidates += pool.relations_by_id_number.get(id_number, ())
    for eid, rel in candidates:
        if rel.kind != kind or (eid, rel) in seen:
            continue
        how = same_person(rel.name, rel.id_number, name, id_number)
        if how is not None:
            seen.add((eid, rel))
            yield eid, rel, how


def people(case: CaseFacts) -> Iterator[tuple[str, str, str, str | None]]:
    """Everyone a declared relation may name: (label en, label zh, name, id number). Counsel have no id."""
    for p in case.parties:
        yield f"party ({p.role})", f"当事人（{p.role}）", p.name, p.id_number
    for h in case.handlers:
        yield f"handler ({h.role})", h.role, h.name, h.id_number
    for p, c in case.counsel():
        yield f"counsel of {p.name}", f"{p.name}的代理人", c.name, None
