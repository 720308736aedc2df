"""Hash chain over audit entries, through the ORM (links.py says how each link is hashed).

audit_head keeps the length and last hash,
written in the same transaction as each entry, so cutting entries off the end is caught too.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.audit.links import GENESIS, canonical_json, entry_hash, next_link
from reviewdesk.store.core_models import AuditEntry, AuditHead

__all__ = ["GENESIS", "Problem", "append", "canonical_json", "entry_hash", "verify_chain"]


def append(session: Session, actor: str, action: str, target: str, details: dict[str, Any]) -> AuditEntry:
    """Append one entry. Call inside the write transaction (BEGIN IMMEDIATE holds the lock)."""
    head = session.get(AuditHead, 1)
    link = next_link((head.seq, head.hash) if head else None, actor, action, target, details)
    entry = AuditEntry(**asdict(link))
    session.add(entry)
    if head is None:
        session.add(AuditHead(id=1, seq=link.seq, hash=link.hash))
    else:
        head.seq, head.hash = link.seq, link.hash
    session.flush()
    return entry


@dataclass(frozen=True)
class Problem:
    seq: int
    reason: str

    def describe(self) -> str:
        return f"entry {self.seq}: {self.reason}"


def _check_entries(session: Session) -> tuple[int, str, Problem | None]:
    """Walk the chain; return (entries seen, last good hash, first problem)."""
    expected_seq, prev = 1, GENESIS
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    for row in rows:
        if row.seq != expected_seq:
            return expected_seq - 1, prev, Problem(expected_seq, f"missing (next stored entry is {row.seq})")
        if row.prev_hash != prev:
            return (
                expected_seq - 1,
                prev,
                Problem(row.seq, "does not link to the entry before it (reordered or replaced)"),
            )
        try:
            digest = entry_hash(
                row.seq, row.ts, row.actor, row.action, row.target, row.details, row.prev_hash
            )
        except ValueError:
            return expected_seq - 1, prev, Problem(row.seq, "details are not valid JSON (edited)")
        if digest != row.hash:
            return expected_seq - 1, prev, Problem(row.seq, "content does not match its hash (edited)")
        prev = row.hash
        expected_seq += 1
    return expected_seq - 1, prev, None


def verify_chain(session: Session) -> tuple[int, str, Problem | None]:
    count, last_hash, problem = _check_entries(session)
    if problem is not None:
        return count, last_hash, problem
    head = session.get(AuditHead, 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq > count:
        return (
            count,
            last_hash,
            Problem(count + 1, f"missing: the log was cut off after entry {count} (head records {head_seq})"),
        )
    if head_seq != count or head_hash != last_hash:
        return count, last_hash, Problem(count, "head record does not match the last entry")
    return count, last_hash, None
