"""Signed checkpoints: the workstation's Ed25519 key signs (size, head hash) of the audit chain.

A checkpoint travels in results packages, so the receiving office can tell that the log it gets is the one
this workstation had, at least up to that point.
"""

from __future__ import annotations

import json
import os

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.audit.chain import Problem, canonical_json
from reviewdesk.clock import now, rfc3339
from reviewdesk.store.models import AuditCheckpoint, AuditEntry, WorkstationKey

SIGNING = "signing"


def create_signing_key(session: Session) -> WorkstationKey:
    private = Ed25519PrivateKey.generate()
    key = WorkstationKey(
        purpose=SIGNING,
        key_id=os.urandom(8).hex().upper(),
        private_key=private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        ),
        public_key=private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ),
        created_at=now(),
    )
    session.add(key)
    session.flush()
    return key


def signing_key(session: Session) -> WorkstationKey:
    key = session.execute(
        select(WorkstationKey).where(WorkstationKey.purpose == SIGNING)
    ).scalar_one_or_none()
    if key is None:
        key = create_signing_key(session)
    return key


def make_checkpoint(session: Session, workspace_id: str, size: int, head_hash: str) -> AuditCheckpoint:
    key = signing_key(session)
    created = rfc3339()
    payload = canonical_json(
        {
            "format": "reviewdesk-audit-checkpoint",
            "version": 1,
            "workspace_id": workspace_id,
            "size": size,
            "head_hash": head_hash,
            "created_at": created,
            "key_id": key.key_id,
        }
    )
    signature = Ed25519PrivateKey.from_private_bytes(key.private_key).sign(payload.encode("utf-8")).hex()
    checkpoint = AuditCheckpoint(
        seq=size,
        head_hash=head_hash,
        created_at=created,
        key_id=key.key_id,
        payload=payload,
        signature=signature,
    )
    session.add(checkpoint)
    session.flush()
    return checkpoint


def verify_checkpoints(session: Session, chain_length: int) -> tuple[int, Problem | None]:
    """Check every checkpoint's signature and that the chain still has the hash it signed."""
    key = signing_key(session)
    public = Ed25519PublicKey.from_public_bytes(key.public_key)
    checked = 0
    for cp in session.execute(select(AuditCheckpoint).order_by(AuditCheckpoint.id)).scalars():
        try:
            public.verify(bytes.fromhex(cp.signature), cp.payload.encode("utf-8"))
            signed = json.loads(cp.payload)
        except (InvalidSignature, ValueError):
            return checked, Problem(cp.seq, f"checkpoint {cp.id} has an invalid signature")
        if signed.get("size") != cp.seq or signed.get("head_hash") != cp.head_hash:
            return checked, Problem(cp.seq, f"checkpoint {cp.id} does not match what was signed")
        if cp.seq > chain_length:
            return checked, Problem(
                chain_length + 1, f"missing: checkpoint {cp.id} signed a log of {cp.seq} entries"
            )
        entry = session.get(AuditEntry, cp.seq) if cp.seq else None
        if cp.seq and (entry is None or entry.hash != cp.head_hash):
            return checked, Problem(cp.seq, f"differs from what checkpoint {cp.id} signed")
        checked += 1
    return checked, None
