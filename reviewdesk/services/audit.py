"""Reading, verifying and checkpointing the audit log (admin and auditor)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select

from reviewdesk.audit import chain
from reviewdesk.audit.checkpoint import make_checkpoint, verify_checkpoints
from reviewdesk.errors import AuditIntegrityError
from reviewdesk.services.base import AUDIT_READERS, change, query
from reviewdesk.store.models import AuditEntry
from reviewdesk.workspace import OpenWorkspace


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None  # prefix: "user." matches user.add, user.passwd …
    text: str | None = None  # substring of target or details
    since: str | None = None  # RFC 3339 or YYYY-MM-DD, inclusive
    until: str | None = None  # exclusive


@dataclass(frozen=True)
class EntryView:
    seq: int
    ts: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "ts": self.ts,
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "details": self.details,
            "hash": self.hash,
        }


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries: int
    checkpoints: int
    first_bad_seq: int | None
    reason: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "checkpoints": self.checkpoints,
            "first_bad_seq": self.first_bad_seq,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class CheckpointInfo:
    seq: int
    head_hash: str
    created_at: str
    key_id: str
    payload: str
    signature: str

    def to_json(self) -> dict[str, Any]:
        return {
            "size": self.seq,
            "head_hash": self.head_hash,
            "created_at": self.created_at,
            "key_id": self.key_id,
            "payload": self.payload,
            "signature": self.signature,
        }


def _filtered(stmt: Select, flt: AuditFilter) -> Select:
    if flt.actor:
        stmt = stmt.where(AuditEntry.actor == flt.actor)
    if flt.action:
        stmt = stmt.where(AuditEntry.action.startswith(flt.action, autoescape=True))
    if flt.text:
        stmt = stmt.where(
            AuditEntry.target.contains(flt.text, autoescape=True)
            | AuditEntry.details.contains(flt.text, autoescape=True)
        )
    if flt.since:
        stmt = stmt.where(AuditEntry.ts >= flt.since)
    if flt.until:
        stmt = stmt.where(AuditEntry.ts < flt.until)
    return stmt


def _view(e: AuditEntry) -> EntryView:
    return EntryView(e.seq, e.ts, e.actor, e.action, e.target, json.loads(e.details), e.hash)


def entry_seqs(
    ws: OpenWorkspace, flt: AuditFilter = AuditFilter(), *, newest_first: bool = True
) -> list[int]:
    """The matching entry numbers only: table views hold these and fetch rows as they are shown."""
    order = AuditEntry.seq.desc() if newest_first else AuditEntry.seq
    with query(ws, "audit.show", AUDIT_READERS) as session:
        return list(session.execute(_filtered(select(AuditEntry.seq), flt).order_by(order)).scalars())


def entries(ws: OpenWorkspace, seqs: Sequence[int]) -> dict[int, EntryView]:
    with query(ws, "audit.show", AUDIT_READERS) as session:
        rows = session.execute(select(AuditEntry).where(AuditEntry.seq.in_(list(seqs)))).scalars()
        return {e.seq: _view(e) for e in rows}


def show(ws: OpenWorkspace, flt: AuditFilter = AuditFilter(), *, limit: int = 50) -> list[EntryView]:
    """The newest `limit` matching entries, oldest first (as a log reads)."""
    with query(ws, "audit.show", AUDIT_READERS) as session:
        stmt = _filtered(select(AuditEntry), flt).order_by(AuditEntry.seq.desc()).limit(limit)
        return [_view(e) for e in reversed(list(session.execute(stmt).scalars()))]


def verify(ws: OpenWorkspace) -> AuditReport:
    with query(ws, "audit.verify", AUDIT_READERS) as session:
        count, _last, problem = chain.verify_chain(session)
        if problem is None:
            checked, problem = verify_checkpoints(session, count)
        else:
            checked = 0
    if problem is None:
        return AuditReport(True, count, checked, None, None)
    return AuditReport(False, count, checked, problem.seq, problem.describe())


def checkpoint(ws: OpenWorkspace) -> CheckpointInfo:
    """Sign (size, head hash) with the workstation key. The checkpoint's own audit entry comes after it."""
    with change(ws, "audit.checkpoint", AUDIT_READERS) as ch:
        count, head, problem = chain.verify_chain(ch.session)
        if problem is not None:
            raise AuditIntegrityError(
                f"audit log is broken at {problem.describe()}; no checkpoint made",
                message_zh=f"审计日志在第 {problem.seq} 条处已被破坏，未生成检查点",
            )
        cp = make_checkpoint(ch.session, ws.slots.workspace_id, count, head)
        ch.audit(f"checkpoint:{cp.seq}", head_hash=head, key_id=cp.key_id)
        return CheckpointInfo(cp.seq, cp.head_hash, cp.created_at, cp.key_id, cp.payload, cp.signature)
