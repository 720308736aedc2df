"""Workstation keys (age identity for receiving packages, minisign key for signing results) and the
trusted issuers whose signed packages this workstation accepts. Admin only."""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk import file_paths
from reviewdesk.audit.checkpoint import signing_key
from reviewdesk.clock import now
from reviewdesk.errors import Conflict, ValidationError
from reviewdesk.packages import age, minisign
from reviewdesk.security.atomic import write_atomic
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


# -- an office's signing key (no workspace: the office that builds packages may not run ReviewDesk) ---------
@dataclass(frozen=True)
class OfficeKeyFiles:
    key_id: str
    secret_key_file: str
    public_key_file: str
    encrypted: bool

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def generate_office_key(
    secret_out: Path, public_out: Path, password: str | None, *, office_name: str = ""
) -> OfficeKeyFiles:
    """A new minisign key pair for an office that signs packages, written as `minisign -G` writes it: the secret
    key (encrypted with `password`, or plain when None, like `minisign -G -W`) and the public key, which the
    receiving workstations trust (`keys trust-issuer`). Neither file may exist yet; both or neither are written."""
    checks = {"--secret-out": file_paths.output_file(secret_out), "--public-out": file_paths.output_file(public_out)}
    for option, check in checks.items():
        if check.path is None:
            raise ValidationError(option, f"{check.problem.value if check.problem else 'bad'}: {check.about}",
                                  message_zh=_PATH_PROBLEM_ZH.get(check.problem, "路径不可用") + f"：{check.about}")
    secret_path, public_path = checks["--secret-out"].path, checks["--public-out"].path
    assert secret_path is not None and public_path is not None
    if secret_path.resolve() == public_path.resolve():
        raise ValidationError("--public-out", "must differ from --secret-out", message_zh="公钥文件与私钥文件不能相同")
    if password is not None and not password:
        raise ValidationError("password", "must not be empty", message_zh="口令不能为空（不设口令请用 --without-password）")
    key = minisign.SigningKey.generate()
    office = " ".join(office_name.split())[:100]  # one line: minisign's comments are single lines
    label = f" ({office})" if office else ""
    kind = "encrypted secret key" if password is not None else "unencrypted secret key"
    secret = key.secret_key_text(password, untrusted_comment=f"minisign {kind}{label}"[:100])
    public = key.public_key_text(f"minisign public key {key.key_id_hex()}{label}"[:100])
    try:
        write_atomic(secret_path, secret.encode("utf-8"))
        with contextlib.suppress(OSError):
            os.chmod(secret_path, 0o600)  # the owner only (POSIX; on Windows the folder's ACL decides)
        write_atomic(public_path, public.encode("utf-8"))
    except OSError as err:
        secret_path.unlink(missing_ok=True)
        raise ValidationError("--secret-out", f"cannot write: {err.strerror}",
                              message_zh=f"无法写入密钥文件（{err.strerror}），请换一个文件夹") from None
    return OfficeKeyFiles(key.key_id_hex(), str(secret_path), str(public_path), password is not None)


_PATH_PROBLEM_ZH = {
    file_paths.PathProblem.EMPTY: "未给出文件名",
    file_paths.PathProblem.NO_NAME: "路径中没有文件名",
    file_paths.PathProblem.IS_FOLDER: "这是一个文件夹，请给出文件名",
    file_paths.PathProblem.NOT_A_FOLDER: "上级路径是文件，不是文件夹",
    file_paths.PathProblem.NO_PARENT: "文件夹不存在",
    file_paths.PathProblem.NOT_WRITABLE: "无权写入该文件夹",
    file_paths.PathProblem.EXISTS: "文件已存在，不会覆盖",
}
