"""Turning what a user types (a store id or an external id) into a Case or an Expert row.

Shared by services that take `case_ref` / `expert_ref`. Reads only: the caller owns the session.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.errors import NotFound, ValidationError
from reviewdesk.store.models import Case, Expert, ImportedPackage, TrustedIssuer


def _issuer_label(session: Session, key_id: str) -> str:
    """A human name for an issuer key: the trusted issuer's name, else a package's, else the key id."""
    name = session.execute(select(TrustedIssuer.name).where(TrustedIssuer.key_id == key_id)).scalar()
    if name is None:
        name = session.execute(
            select(ImportedPackage.issuer_name).where(ImportedPackage.issuer_key_id == key_id).limit(1)
        ).scalar()
    return f"{name} ({key_id})" if name else key_id


def resolve_case(session: Session, ref: str) -> Case:
    """A case by store id (digits) or by external id (e.g. GS-2026-0001).

    An all-digit ref is tried as the store id first, then as an external id. An external id that several
    issuers used is refused with the list of issuers (use the store id then).
    """
    ref = str(ref).strip()
    if not ref:
        raise ValidationError("case", "no case given", message_zh="未指定案件")
    if ref.isdigit():
        case = session.get(Case, int(ref))
        if case is not None:
            return case
    matches = list(session.execute(select(Case).where(Case.external_id == ref).order_by(Case.id)).scalars())
    if len(matches) > 1:
        issuers = "; ".join(f"{_issuer_label(session, c.issuer_key_id)} → {c.id}" for c in matches)
        raise ValidationError(
            "case",
            f"case id '{ref}' was issued by several issuers ({issuers}); use the store id",
            message_zh=f"案件编号“{ref}”对应多个签发单位（{issuers}），请使用内部编号",
        )
    if not matches:
        raise NotFound(f"no case '{ref}'", message_zh=f"没有案件“{ref}”")
    return matches[0]


def resolve_expert(session: Session, ref: str) -> Expert:
    """An expert by store id (digits) or by roster id (e.g. EXP-0001)."""
    ref = str(ref).strip()
    if not ref:
        raise ValidationError("expert", "no expert given", message_zh="未指定专家")
    if ref.isdigit():
        expert = session.get(Expert, int(ref))
        if expert is not None:
            return expert
    expert = session.execute(select(Expert).where(Expert.external_id == ref)).scalar()
    if expert is None:
        raise NotFound(f"no expert '{ref}'", message_zh=f"没有专家“{ref}”")
    return expert
