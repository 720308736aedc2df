"""One link of the audit hash chain, computed without a database: the same entry whether it is written through
the ORM (chain.append) or by the log-in's plain SQL (store/login_sql.py).

hash(n) = SHA-256 of the canonical JSON of entry n, which includes prev = hash(n-1) (64 zeros for the first).
Canonical JSON: keys sorted, no spaces, UTF-8 (not ASCII-escaped).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from reviewdesk.clock import rfc3339

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


@dataclass(frozen=True)
class Link:
    seq: int
    ts: str
    actor: str
    action: str
    target: str
    details: str  # canonical JSON
    prev_hash: str
    hash: str


def next_link(
    head: tuple[int, str] | None, actor: str, action: str, target: str, details: dict[str, Any]
) -> Link:
    """The entry that follows `head` ((seq, hash) of the last entry; None for an empty log), stamped now."""
    seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
    details_json = canonical_json(details)
    ts = rfc3339()
    return Link(
        seq,
        ts,
        actor,
        action,
        target,
        details_json,
        prev,
        entry_hash(seq, ts, actor, action, target, details_json, prev),
    )
