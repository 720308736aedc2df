"""Hash chain over audit entries.

hash(n) = SHA-256 of the canonical JSON of entry n, which includes prev = hash(n-1) (64 zeros for the first).
Canonical JSON: keys sorted, no spaces, UTF-8 (not ASCII-escaped). audit_head keeps the length and last hash,
written in the same transaction as each entry, so cutting entries off the end is caught too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.clock import rfc3339
from reviewdesk.store.core_models import AuditEntry, AuditHead

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(seq: int, ts: str, actor: str, action: str, target: str, details: str, prev_hash: str) -> str:
    body = {
        "seq": seq,
        "ts": ts,
        "actor": actor,
        "action": action,
        "target": target,
        "details": json.loads(details),
        "prev": prev_hash,
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def append(session: Session, actor: str, action: str, target: str, details: dict[str, Any]) -> AuditEntry:
    """Append one entry. Call inside the write transaction (BEGIN IMMEDIATE holds the lock)."""
    head = session.get(AuditHead, 1)
    seq = (head.seq if head else 0) + 1
    prev = head.hash if head else GENESIS
    details_json = canonical_json(details)
    ts = rfc3339()
    digest = entry_hash(seq, ts, actor, action, target, details_json, prev)
    entry = AuditEntry(
        seq=seq,
        ts=ts,
        actor=actor,
        action=action,
        target=target,
        details=details_json,
        prev_hash=prev,
        hash=digest,
    )
    session.add(entry)
    if head is None:
        session.add(AuditHead(id=1, seq=seq, hash=digest))
    else:
        head.seq, head.hash = seq, digest
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
