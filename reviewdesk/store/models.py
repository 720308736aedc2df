"""ORM models. Each later issue adds its tables here and by an Alembic migration, never by create_all."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, Dialect, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


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


class Role(enum.StrEnum):
    ADMIN = "admin"  # coordinator (组织办公室)
    EXPERT = "expert"  # panel member (评查专家)
    OBSERVER = "observer"  # read-only
    AUDITOR = "auditor"  # reads the audit log


ROLE_LABELS_ZH = {
    Role.ADMIN: "管理员（组织者）",
    Role.EXPERT: "评查专家",
    Role.OBSERVER: "观察员（只读）",
    Role.AUDITOR: "审计员",
}


class CrossRegionLevel(enum.StrEnum):
    NONE = "none"  # no same-region exclusion
    COUNTY = "county"  # exclude experts whose unit lies in the same county (6 digits)
    PREFECTURE = "prefecture"  # … in the same prefecture (first 4 digits)


class UnitKind(enum.StrEnum):
    COURT = "court"
    PROCURATORATE = "procuratorate"
    POLICE = "police"
    JUSTICE = "justice"
    OTHER = "other"


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


class Unit(Base):
    """A handling or expert unit (court, procuratorate, police, justice bureau…)."""

    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    region_code: Mapped[str] = mapped_column(String(6), index=True)  # GB/T 2260


class Campaign(Base):
    __tablename__ = "campaigns"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(256))
    year: Mapped[int] = mapped_column(Integer)
    cross_region_level: Mapped[str] = mapped_column(String(16), default=CrossRegionLevel.NONE.value)
    panel_size: Mapped[int] = mapped_column(Integer, default=3)
    organiser_unit: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    status: Mapped[str] = mapped_column(String(16), default="planning")
    created_at: Mapped[datetime] = mapped_column(Timestamp())


# -- packages and cases (issue: case packages) ----------------------------------------------------------
class TrustedIssuer(Base):
    """A minisign public key an admin imported: packages signed by it are accepted."""

    __tablename__ = "trusted_issuers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key_id: Mapped[str] = mapped_column(String(16), unique=True)  # as minisign prints it
    public_key: Mapped[str] = mapped_column(String(128))  # the base64 line of the .pub file
    added_at: Mapped[datetime] = mapped_column(Timestamp())
    added_by: Mapped[str] = mapped_column(String(64))


class ImportedPackage(Base):
    __tablename__ = "packages"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    issuer_name: Mapped[str] = mapped_column(String(200))
    issuer_key_id: Mapped[str] = mapped_column(String(16))
    signed: Mapped[bool] = mapped_column(Boolean)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"))
    created_at: Mapped[str] = mapped_column(String(40))  # as the manifest says
    imported_at: Mapped[datetime] = mapped_column(Timestamp())
    imported_by: Mapped[str] = mapped_column(String(64))
    file_count: Mapped[int] = mapped_column(Integer)
    total_size: Mapped[int] = mapped_column(Integer)
    manifest: Mapped[bytes] = mapped_column(LargeBinary)  # exact signed bytes


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("issuer_key_id", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer_key_id: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64), index=True)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"), index=True)
    package_id: Mapped[str | None] = mapped_column(ForeignKey("packages.package_id"))
    case_number: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500))
    case_type: Mapped[str] = mapped_column(String(20), index=True)
    cause: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    accepted_on: Mapped[str | None] = mapped_column(String(10))
    closed_on: Mapped[str | None] = mapped_column(String(10))
    summary: Mapped[str] = mapped_column(Text)
    petition_count: Mapped[int] = mapped_column(Integer, default=0)
    petition_first_on: Mapped[str | None] = mapped_column(String(10))
    petition_last_on: Mapped[str | None] = mapped_column(String(10))
    flag_unenforced: Mapped[bool] = mapped_column(Boolean, default=False)
    flag_unresolved: Mapped[bool] = mapped_column(Boolean, default=False)
    flag_repeated: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_at: Mapped[datetime] = mapped_column(Timestamp())


class CaseHandler(Base):
    __tablename__ = "case_handlers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    unit_code: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(100))


class CaseParty(Base):
    __tablename__ = "case_parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    role: Mapped[str] = mapped_column(String(100))


class PartyCounsel(Base):
    __tablename__ = "party_counsel"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    firm: Mapped[str | None] = mapped_column(String(200))


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    package_id: Mapped[str | None] = mapped_column(ForeignKey("packages.package_id"))
    path: Mapped[str] = mapped_column(String(240))
    title: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # text: has a text layer; scanned: PDF pages without text; none: format without text; too_large; error
    text_status: Mapped[str] = mapped_column(String(16))
    page_count: Mapped[int | None] = mapped_column(Integer)


class DocumentChunk(Base):
    __tablename__ = "document_chunks"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
