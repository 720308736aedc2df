"""The tables every opening of a workspace touches: accounts, settings, the workstation keys, the audit log.

They live apart from the case data's models (reviewdesk/store/models.py, which re-exports them) so that opening
a workspace and a command that needs only these (`whoami`, the log-in) do not define the other forty-odd
mapped classes first — that costs a CLI call about as much as importing SQLAlchemy. No model has relationship():
tables refer to one another by foreign key only, so a mapper here never needs one defined there.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Dialect, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Re-exported: the roles live apart so that the log-in reads them without SQLAlchemy.
from reviewdesk.roles import ROLE_LABELS_ZH as ROLE_LABELS_ZH
from reviewdesk.roles import Role as Role


class Timestamp(TypeDecorator[datetime]):
    """An aware datetime stored as ISO 8601 text with its offset (SQLite's DateTime would drop the offset)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp())
    password_changed_at: Mapped[datetime] = mapped_column(Timestamp())


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class WorkstationKey(Base):
    """The workstation's Ed25519 signing key (audit checkpoints; later results packages)."""

    __tablename__ = "workstation_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32), unique=True)
    key_id: Mapped[str] = mapped_column(String(16))  # 8 bytes hex, as minisign key ids
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(Timestamp())


class AuditEntry(Base):
    """One link of the hash chain. Append-only: triggers refuse UPDATE and DELETE."""

    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ts: Mapped[str] = mapped_column(String(40))  # RFC 3339 with offset, as hashed
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str] = mapped_column(String(256))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """Length and head hash of the chain, updated with every append, so a cut-off tail is noticed."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class AuditCheckpoint(Base):
    __tablename__ = "audit_checkpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)  # the signed canonical JSON
    signature: Mapped[str] = mapped_column(String(128))  # Ed25519, hex
