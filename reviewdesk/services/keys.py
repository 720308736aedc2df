"""Workstation keys (age identity for receiving packages, minisign key for signing results) and the
trusted issuers whose signed packages this workstation accepts. Admin only."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.audit.checkpoint import signing_key
from reviewdesk.clock import now
from reviewdesk.errors import Conflict, ValidationError
from reviewdesk.packages import age, minisign
from reviewdesk.services.base import ADMIN, change, query, require
from reviewdesk.store.models import TrustedIssuer, WorkstationKey
from reviewdesk.workspace import OpenWorkspace

AGE = "age"


@dataclass(frozen=True)
class IssuerInfo:
    name: str
    key_id: str
    public_key: str
    added_at: datetime
    added_by: str

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "added_at": self.added_at.isoformat()}


def age_identity(session: Session) -> age.Identity:
    """The workstation's age identity, made on first use (workspaces made before packages existed)."""
    row = session.execute(select(WorkstationKey).where(WorkstationKey.purpose == AGE)).scalar_one_or_none()
    if row is None:
        identity = age.Identity.generate()
        row = WorkstationKey(
            purpose=AGE, key_id="", private_key=identity.to_bytes(),
            public_key=str(identity.recipient()).encode("ascii"), created_at=now(),
        )
        session.add(row)
        session.flush()
        return identity
    return age.Identity.from_bytes(row.private_key)


def minisign_key(session: Session) -> minisign.SigningKey:
    key = signing_key(session)
    return minisign.SigningKey(key.private_key, bytes.fromhex(key.key_id)[::-1])


def ensure_keys(session: Session) -> None:
    """Called at init: both workstation keys exist from the start."""
    age_identity(session)
    signing_key(session)


def recipient(ws: OpenWorkspace) -> str:
    with change(ws, "keys.show", ADMIN) as ch:
        value = str(age_identity(ch.session).recipient())
        ch.audit("keys:age")
        return value


def signing_public_key(ws: OpenWorkspace) -> str:
    """The minisign .pub text other offices import to trust this workstation's results packages."""
    with change(ws, "keys.show", ADMIN) as ch:
        key = minisign_key(ch.session)
        ch.audit("keys:minisign")
        return key.public_key_text(f"minisign public key {key.key_id_hex()} (ReviewDesk workstation)")


def trust_issuer(ws: OpenWorkspace, pub_text: str, name: str) -> IssuerInfo:
    require(ws, "keys.trust_issuer", ADMIN)
    if not name.strip():
        raise ValidationError("name", "must not be empty", message_zh="签发单位名称不能为空")
    try:
        public = minisign.PublicKey.from_text(pub_text)
    except minisign.SignatureError as err:
        raise ValidationError("key file", str(err), message_zh="不是有效的 minisign 公钥文件",
                              detail=str(err)) from None
    key_id = public.key_id_hex()
    with change(ws, "keys.trust_issuer", ADMIN) as ch:
        if ch.session.execute(select(TrustedIssuer).where(TrustedIssuer.key_id == key_id)).scalar_one_or_none():
            raise Conflict(f"key {key_id} is already trusted", message_zh=f"密钥 {key_id} 已在信任列表中")
        row = TrustedIssuer(
            name=name.strip(), key_id=key_id, public_key=public.to_base64(), added_at=now(), added_by=ws.actor.username
        )
        ch.session.add(row)
        ch.audit(f"issuer:{key_id}", name=row.name)
        return _issuer(row)


def _issuer(row: TrustedIssuer) -> IssuerInfo:
    return IssuerInfo(row.name, row.key_id, row.public_key, row.added_at, row.added_by)


def list_issuers(ws: OpenWorkspace) -> list[IssuerInfo]:
    with query(ws, "keys.issuers", ADMIN) as session:
        return [_issuer(r) for r in session.execute(select(TrustedIssuer).order_by(TrustedIssuer.name)).scalars()]


def trusted_keys(session: Session) -> dict[str, minisign.PublicKey]:
    return {r.key_id: minisign.PublicKey.from_base64(r.public_key) for r in session.execute(select(TrustedIssuer)).scalars()}
