"""The expert pool (专家库): import (spreadsheet; roster packages via imports.py), list, detail, edits.

Admins change; admins and observers read. Audit entries carry ids and counts, never names or numbers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select

from reviewdesk import identity_number
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.experts import roster_sheet
from reviewdesk.experts.records import ExpertInput, RelationInput, from_record, mask_identity
from reviewdesk.experts.upsert import ExpertImportReport, replace_relations, upsert
from reviewdesk.experts.vocab import RELATION_ZH
from reviewdesk.packages.manifest import ExpertRecord
from reviewdesk.services.base import ADMIN, change, query, require
from reviewdesk.services.lookup import resolve_expert
from reviewdesk.store.models import Expert, ExpertFormerUnit, ExpertRelation, Role, Unit, User
from reviewdesk.workbook import Notice
from reviewdesk.workspace import OpenWorkspace

__all__ = [
    "ExpertDetail", "ExpertImportReport", "ExpertRow", "FormerUnitInfo", "RelationInfo", "RelationInput",
    "expert_detail", "import_experts", "import_roster", "link_account", "list_experts", "set_availability", "set_relations",
    "set_tags", "template",
]

READERS = frozenset({Role.ADMIN, Role.OBSERVER})
MAX_TAGS = 20
_ID_PROBLEM_ZH = {
    "must be 18 characters: 17 digits and a check digit (0-9 or upper-case X)": "须为 18 位：17 位数字加一位校验码（0-9 或 X）",
    "birth date (digits 7-14) is not a real date": "出生日期（第 7-14 位）不是有效日期",
    "check digit is wrong": "校验码错误",
}
_UNIT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class ExpertRow:
    id: int
    external_id: str
    name: str
    profession: str
    unit_code: str
    unit_name: str
    region_code: str
    specialties: tuple[str, ...]
    tags: tuple[str, ...]
    available: bool
    availability_note: str
    max_load: int | None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class RelationInfo:
    kind: str
    name: str
    id_number: str | None  # masked except for admins
    unit_code: str | None
    note: str


@dataclass(frozen=True)
class FormerUnitInfo:
    unit_code: str
    unit_name: str | None  # None when the unit is not in the store
    until: str | None


@dataclass(frozen=True)
class ExpertDetail:
    row: ExpertRow
    id_number: str | None  # masked except for admins
    gender: str | None
    phone: str | None
    source: str
    account: str | None  # username of the linked login
    relations: tuple[RelationInfo, ...]
    former_units: tuple[FormerUnitInfo, ...]

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def template() -> bytes:
    """The experts.xlsx template (no store access: anyone may write one)."""
    return roster_sheet.template()


def import_experts(ws: OpenWorkspace, data: bytes, source_name: str, *, dry_run: bool = False) -> ExpertImportReport:
    """Upsert the pool from experts.xlsx. Raises SheetErrors (all problems) before anything is written."""
    require(ws, "expert.import", ADMIN)
    notices: list[Notice] = []
    inputs = roster_sheet.read(data, source_name, notices)
    report = _import(ws, inputs, f"xlsx:{source_name}", f"file:{source_name}"[:256], dry_run)
    report.warnings.extend(str(n) for n in notices)
    return report


def import_roster(ws: OpenWorkspace, experts: Sequence[ExpertRecord], source_name: str) -> ExpertImportReport:
    """Upsert the pool from roster records already checked by the manifest parser (the demo's roster)."""
    require(ws, "expert.import", ADMIN)
    return _import(ws, [from_record(e) for e in experts], f"roster:{source_name}", f"roster:{source_name}"[:256], False)


def _import(ws: OpenWorkspace, inputs: list[ExpertInput], source: str, target: str, dry_run: bool) -> ExpertImportReport:
    if dry_run:
        with query(ws, "expert.import", ADMIN) as session:
            return upsert(session, inputs, source, write=False)
    with change(ws, "expert.import", ADMIN) as ch:
        report = upsert(ch.session, inputs, source, write=True)
        ch.audit(target, **report.counts(), added_ids=[c.external_id for c in report.added],
                 changed_ids=[c.external_id for c in report.changed])
        return report


def _row(e: Expert, unit: Unit | None) -> ExpertRow:
    return ExpertRow(
        id=e.id, external_id=e.external_id, name=e.name, profession=e.profession, unit_code=e.unit_code,
        unit_name=unit.name if unit else "", region_code=unit.region_code if unit else "",
        specialties=tuple(sorted(e.specialty_set)), tags=tuple(json.loads(e.tags or "[]")), available=e.available,
        availability_note=e.availability_note or "", max_load=e.max_load,
    )


def list_experts(ws: OpenWorkspace) -> list[ExpertRow]:
    with query(ws, "expert.list", READERS) as session:
        result = session.execute(select(Expert, Unit).join(Unit, Unit.code == Expert.unit_code, isouter=True).order_by(Expert.external_id))
        return [_row(e, u) for e, u in result]


def expert_detail(ws: OpenWorkspace, ref: str | int) -> ExpertDetail:
    with query(ws, "expert.show", READERS) as session:
        e = resolve_expert(session, str(ref))
        admin = ws.actor.role == Role.ADMIN

        def shown(number: str | None) -> str | None:
            return number if admin else mask_identity(number)

        rels = session.execute(select(ExpertRelation).where(ExpertRelation.expert_id == e.id).order_by(ExpertRelation.id)).scalars()
        former = session.execute(select(ExpertFormerUnit).where(ExpertFormerUnit.expert_id == e.id).order_by(ExpertFormerUnit.id)).scalars()
        account = session.get(User, e.user_id).username if e.user_id else None  # type: ignore[union-attr]
        return ExpertDetail(
            row=_row(e, session.get(Unit, e.unit_code)), id_number=shown(e.id_number), gender=e.gender, phone=e.phone,
            source=e.source, account=account,
            relations=tuple(RelationInfo(r.kind, r.name, shown(r.id_number), r.unit_code, r.note) for r in rels),
            former_units=tuple(FormerUnitInfo(f.unit_code, (u.name if (u := session.get(Unit, f.unit_code)) else None), f.until) for f in former),
        )


def set_availability(ws: OpenWorkspace, ref: str | int, available: bool, note: str = "", max_load: int | None = None) -> ExpertRow:
    """Mark available or not (with a reason, e.g. 出差至 6 月) and optionally set the expert's own load cap."""
    require(ws, "expert.set_availability", ADMIN)
    note = note.strip()
    if len(note) > 200:
        raise ValidationError("note", "at most 200 characters", message_zh="不能超过 200 个字符")
    if max_load is not None and not 0 <= max_load <= 1000:
        raise ValidationError("max_load", "must be between 0 and 1000", message_zh="须在 0 到 1000 之间")
    with change(ws, "expert.set_availability", ADMIN) as ch:
        e = resolve_expert(ch.session, str(ref))
        e.available, e.availability_note = available, note
        if max_load is not None:
            e.max_load = max_load
        ch.audit(f"expert:{e.external_id}", available=available, max_load=e.max_load)
        return _row(e, ch.session.get(Unit, e.unit_code))


def set_tags(ws: OpenWorkspace, ref: str | int, tags: list[str] | tuple[str, ...]) -> ExpertRow:
    require(ws, "expert.set_tags", ADMIN)
    clean = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
    if len(clean) > MAX_TAGS or any(len(t) > 32 for t in clean):
        raise ValidationError("tags", f"at most {MAX_TAGS} tags of at most 32 characters",
                              message_zh=f"标签最多 {MAX_TAGS} 个，每个不超过 32 个字符")
    with change(ws, "expert.set_tags", ADMIN) as ch:
        e = resolve_expert(ch.session, str(ref))
        e.tags = json.dumps(clean, ensure_ascii=False)
        ch.audit(f"expert:{e.external_id}", tags=len(clean))
        return _row(e, ch.session.get(Unit, e.unit_code))


def validate_relations(relations: list[RelationInput]) -> list[RelationInput]:
    """Normalised relations, or ValidationError naming the row (1-based) and field in both languages."""
    out = []
    for i, r in enumerate(relations, start=1):
        if r.kind not in RELATION_ZH:
            raise ValidationError(f"relations[{i}].kind", f"row {i}: relation kind '{r.kind}' is not one of {', '.join(RELATION_ZH)}",
                                  message_zh=f"第 {i} 行关系类型“{r.kind}”无效（{'、'.join(RELATION_ZH.values())}）")
        name = r.name.strip()
        if not name or len(name) > 200:
            raise ValidationError(f"relations[{i}].name", f"row {i}: name must be 1 to 200 characters",
                                  message_zh=f"第 {i} 行姓名或单位不能为空，且不超过 200 个字符")
        number = (r.id_number or "").strip().upper() or None
        if number and (reason := identity_number.problem(number)):
            raise ValidationError(f"relations[{i}].id_number", f"row {i}: identity number {reason}",
                                  message_zh=f"第 {i} 行身份证号无效（{_ID_PROBLEM_ZH.get(reason, reason)}）")
        unit = (r.unit_code or "").strip() or None
        if unit and not _UNIT_CODE.match(unit):
            raise ValidationError(f"relations[{i}].unit_code", f"row {i}: unit code may use letters, digits, '.', '_' or '-'",
                                  message_zh=f"第 {i} 行单位代码只能使用字母、数字和“. _ -”")
        if len(r.note) > 500:
            raise ValidationError(f"relations[{i}].note", f"row {i}: note has more than 500 characters", message_zh=f"第 {i} 行说明不能超过 500 个字符")
        out.append(RelationInput(r.kind, name, number, unit, r.note.strip()))
    return out


def set_relations(ws: OpenWorkspace, ref: str | int, relations: list[RelationInput]) -> ExpertDetail:
    """Replace the expert's declared relations (the GUI editor). Validated completely before writing."""
    require(ws, "expert.set_relations", ADMIN)
    clean = validate_relations(relations)
    with change(ws, "expert.set_relations", ADMIN) as ch:
        e = resolve_expert(ch.session, str(ref))
        replace_relations(ch.session, e.id, clean)
        ch.audit(f"expert:{e.external_id}", relations=len(clean))
        expert_id = e.id
    return expert_detail(ws, expert_id)


def link_account(ws: OpenWorkspace, ref: str | int, username: str | None) -> ExpertRow:
    """Link (or, with None, unlink) the expert's login on this laptop; the account must have role expert."""
    with change(ws, "expert.link_account", ADMIN) as ch:
        e = resolve_expert(ch.session, str(ref))
        user_id = None
        if username:
            user = ch.session.execute(select(User).where(User.username == username)).scalar()
            if user is None:
                raise NotFound(f"no account '{username}'", message_zh=f"没有账户“{username}”")
            if user.role != Role.EXPERT.value:
                raise ValidationError("account", f"account '{username}' has role {user.role}, not expert",
                                      message_zh=f"账户“{username}”的角色不是评查专家")
            other = ch.session.execute(select(Expert).where(Expert.user_id == user.id, Expert.id != e.id)).scalar()
            if other is not None:
                raise Conflict(f"account '{username}' is already linked to expert {other.external_id}",
                               message_zh=f"账户“{username}”已关联专家 {other.external_id}")
            user_id = user.id
        e.user_id = user_id
        ch.audit(f"expert:{e.external_id}", user_id=user_id)
        return _row(e, ch.session.get(Unit, e.unit_code))
