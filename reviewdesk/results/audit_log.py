"""The audit members of a results package: audit.jsonl (the whole hash chain) and audit-checkpoint.json.

The whole chain goes, not only the campaign's entries: entry n's hash covers entry n-1's, so only a complete
chain from entry 1 can be re-verified by the receiver. Entries carry ids and counts, never case content.

audit.jsonl: one canonical JSON object per line, `{"action", "actor", "details", "hash", "prev_hash", "seq",
"target", "ts"}`, in seq order from 1, exactly as stored (details as an object). audit-checkpoint.json:
`{"payload": str, "signature": hex}` — the workstation's signed checkpoint (reviewdesk/audit/checkpoint.py) of
the log's length and head hash, signed with the same Ed25519 key as the manifest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from reviewdesk import safe_json
from reviewdesk.audit.chain import GENESIS, canonical_json, entry_hash
from reviewdesk.packages.results_manifest import AUDIT_CHECKPOINT, AUDIT_LOG
from reviewdesk.store.models import AuditCheckpoint, AuditEntry

LINE_KEYS = ("action", "actor", "details", "hash", "prev_hash", "seq", "target", "ts")
CHECKPOINT_KEYS = ("created_at", "format", "head_hash", "key_id", "size", "version", "workspace_id")
CHECKPOINT_FORMAT = "reviewdesk-audit-checkpoint"

MAX_LINE_BYTES = 1024 * 1024  # one audit.jsonl entry
MAX_CHECKPOINT_BYTES = 64 * 1024


class AuditLogError(ValueError):
    """The audit members are malformed or do not verify. `where` names the member (and line)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


@dataclass(frozen=True)
class AuditCheck:
    entries: int
    head_hash: str
    checkpoint_signed: bool  # the checkpoint's signature was checked with the issuer's trusted key
    workspace_id: str


# -- writing (export) --------------------------------------------------------------------------------------
def dump_entries(rows: Iterable[AuditEntry]) -> bytes:
    lines = [
        canonical_json({
            "seq": r.seq, "ts": r.ts, "actor": r.actor, "action": r.action, "target": r.target,
            "details": json.loads(r.details), "prev_hash": r.prev_hash, "hash": r.hash,
        })
        for r in rows
    ]
    return "".join(line + "\n" for line in lines).encode("utf-8")


def dump_checkpoint(cp: AuditCheckpoint) -> bytes:
    return canonical_json({"payload": cp.payload, "signature": cp.signature}).encode("utf-8") + b"\n"


# -- reading and verifying (import) -------------------------------------------------------------------------
def _line(raw: bytes, n: int) -> dict[str, Any]:
    where = f"{AUDIT_LOG} line {n}"
    try:
        value = safe_json.loads(raw, what=where, max_bytes=MAX_LINE_BYTES)
    except safe_json.JsonRefused as err:
        raise AuditLogError(where, f"not a UTF-8 JSON object ({err.reason}{' at ' + err.where if err.where else ''})") from None
    if not isinstance(value, dict) or sorted(value) != list(LINE_KEYS):
        raise AuditLogError(where, f"must be an object with exactly the keys {', '.join(LINE_KEYS)}")
    if not isinstance(value["seq"], int) or isinstance(value["seq"], bool):
        raise AuditLogError(where, "seq must be a whole number")
    if not all(isinstance(value[k], str) for k in ("action", "actor", "hash", "prev_hash", "target", "ts")):
        raise AuditLogError(where, "action, actor, hash, prev_hash, target and ts must be strings")
    if not isinstance(value["details"], dict):
        raise AuditLogError(where, "details must be an object")
    return value


def verify_chain(log: bytes) -> tuple[int, str]:
    """Every line links to the one before and matches its own hash; returns (entries, head hash)."""
    if log and not log.endswith(b"\n"):
        raise AuditLogError(AUDIT_LOG, "the last line is cut off (no newline at the end)")
    prev = GENESIS
    count = 0
    for n, raw in enumerate(log.split(b"\n")[:-1] if log else [], start=1):
        entry = _line(raw, n)
        where = f"{AUDIT_LOG} line {n}"
        if entry["seq"] != n:
            raise AuditLogError(where, f"has seq {entry['seq']}; the chain must run 1, 2, 3 … without gaps")
        if entry["prev_hash"] != prev:
            raise AuditLogError(where, "does not link to the entry before it (entries removed, reordered or replaced)")
        digest = entry_hash(
            entry["seq"], entry["ts"], entry["actor"], entry["action"], entry["target"],
            canonical_json(entry["details"]), entry["prev_hash"],
        )
        if digest != entry["hash"]:
            raise AuditLogError(where, "content does not match its hash (edited)")
        prev = digest
        count = n
    return count, prev


def _checkpoint(data: bytes) -> tuple[dict[str, Any], str, str]:
    try:
        doc = safe_json.loads(data, what=AUDIT_CHECKPOINT, max_bytes=MAX_CHECKPOINT_BYTES)
    except safe_json.JsonRefused as err:
        raise AuditLogError(AUDIT_CHECKPOINT, f"not a UTF-8 JSON object ({err.reason})") from None
    if not isinstance(doc, dict) or sorted(doc) != ["payload", "signature"]:
        raise AuditLogError(AUDIT_CHECKPOINT, "must be an object with exactly the keys payload, signature")
    payload, signature = doc["payload"], doc["signature"]
    if not isinstance(payload, str) or not isinstance(signature, str):
        raise AuditLogError(AUDIT_CHECKPOINT, "payload and signature must be strings")
    try:
        signed = safe_json.loads(payload, what=f"{AUDIT_CHECKPOINT}: payload", max_bytes=MAX_CHECKPOINT_BYTES)
    except safe_json.JsonRefused as err:
        raise AuditLogError(f"{AUDIT_CHECKPOINT}: payload", f"not JSON ({err.reason})") from None
    if not isinstance(signed, dict) or sorted(signed) != list(CHECKPOINT_KEYS):
        raise AuditLogError(f"{AUDIT_CHECKPOINT}: payload", f"must have exactly the keys {', '.join(CHECKPOINT_KEYS)}")
    if signed["format"] != CHECKPOINT_FORMAT or signed["version"] != 1:
        raise AuditLogError(f"{AUDIT_CHECKPOINT}: payload", f"format must be {CHECKPOINT_FORMAT} version 1")
    return signed, payload, signature


def verify(log: bytes, checkpoint: bytes, issuer_key_id: str, public_raw: bytes | None) -> AuditCheck:
    """The chain links, the checkpoint names its length and head hash and the manifest's key, and — when the
    issuer's key is trusted (`public_raw`) — the checkpoint's signature verifies. Raises AuditLogError."""
    count, head = verify_chain(log)
    signed, payload, signature = _checkpoint(checkpoint)
    where = f"{AUDIT_CHECKPOINT}: payload"
    if signed["key_id"] != issuer_key_id:
        raise AuditLogError(where, f"signed by key {signed['key_id']}, not the issuer's key {issuer_key_id}")
    if signed["size"] != count:
        raise AuditLogError(where, f"covers {signed['size']} entries but {AUDIT_LOG} has {count}")
    if signed["head_hash"] != head:
        raise AuditLogError(where, f"head hash differs from the last entry of {AUDIT_LOG}")
    if not isinstance(signed["workspace_id"], str):
        raise AuditLogError(where, "workspace_id must be a string")
    if public_raw is not None:
        try:
            Ed25519PublicKey.from_public_bytes(public_raw).verify(bytes.fromhex(signature), payload.encode("utf-8"))
        except (InvalidSignature, ValueError):
            raise AuditLogError(AUDIT_CHECKPOINT, "signature does not verify with the issuer's key") from None
    return AuditCheck(count, head, public_raw is not None, signed["workspace_id"])
