"""The interest registry: companies and their shareholders and officers, replaced whole by each import."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from sqlalchemy import delete, func, select

from reviewdesk.clock import now
from reviewdesk.experts import registry_sheet
from reviewdesk.services.base import ADMIN, change, query, require
from reviewdesk.store.models import RegistryCompany, RegistryHolder, Role
from reviewdesk.workbook import Notice
from reviewdesk.workspace import OpenWorkspace

READERS = frozenset({Role.ADMIN, Role.OBSERVER})


@dataclass(frozen=True)
class RegistryImportResult:
    companies: int
    holders: int
    replaced_companies: int
    replaced_holders: int
    warnings: tuple[str, ...] = ()  # content of the file that was not read

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class CompanyRow:
    name: str
    credit_code: str | None
    holders: int


@dataclass(frozen=True)
class RegistrySummary:
    companies: int
    holders: int
    by_role: dict[str, int]
    source: str | None
    imported_at: str | None
    rows: tuple[CompanyRow, ...]

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def template() -> bytes:
    return registry_sheet.template()


def import_registry(ws: OpenWorkspace, data: bytes, source_name: str) -> RegistryImportResult:
    """Replace the whole registry. Raises SheetErrors (all problems) before anything is written."""
    require(ws, "registry.import", ADMIN)
    notices: list[Notice] = []
    companies = registry_sheet.read(data, source_name, notices)
    with change(ws, "registry.import", ADMIN) as ch:
        s = ch.session
        old_companies = s.scalar(select(func.count()).select_from(RegistryCompany)) or 0
        old_holders = s.scalar(select(func.count()).select_from(RegistryHolder)) or 0
        s.execute(delete(RegistryHolder))
        s.execute(delete(RegistryCompany))
        moment = now()
        for c in companies:
            row = RegistryCompany(name=c.name, credit_code=c.credit_code, source=f"xlsx:{source_name}"[:200], imported_at=moment)
            s.add(row)
            s.flush()
            s.add_all(RegistryHolder(company_id=row.id, name=h.name, id_number=h.id_number, role=h.role, share=h.share) for h in c.holders)
        result = RegistryImportResult(len(companies), sum(len(c.holders) for c in companies), old_companies, old_holders,
                                      tuple(str(n) for n in notices))
        ch.audit(f"file:{source_name}"[:256], **{k: v for k, v in result.to_json().items() if k != "warnings"})
        return result


def registry_summary(ws: OpenWorkspace) -> RegistrySummary:
    with query(ws, "registry.list", READERS) as s:
        companies = list(s.execute(select(RegistryCompany).order_by(RegistryCompany.name)).scalars())
        holders = list(s.execute(select(RegistryHolder.company_id, RegistryHolder.role)))
        per_company = Counter(cid for cid, _role in holders)
        latest = max(companies, key=lambda c: c.imported_at, default=None)
        return RegistrySummary(
            companies=len(companies), holders=len(holders), by_role=dict(Counter(role for _cid, role in holders)),
            source=latest.source if latest else None, imported_at=latest.imported_at.isoformat() if latest else None,
            rows=tuple(CompanyRow(c.name, c.credit_code, per_company[c.id]) for c in companies),
        )
