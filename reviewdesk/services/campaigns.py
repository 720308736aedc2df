"""Units (with GB/T 2260 region codes) and review campaigns."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.packages.manifest import PROFESSIONS
from reviewdesk.services.base import ADMIN, ANYONE, change, query, require
from reviewdesk.store.models import Campaign, CrossRegionLevel, Unit, UnitKind
from reviewdesk.workspace import OpenWorkspace

REGION_RE = re.compile(r"^[1-8]\d{5}$")
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    kind: str
    region_code: str


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    name: str
    year: int
    cross_region_level: str
    panel_size: int
    organiser_unit: str | None
    status: str
    kind: str = "regular"
    composition: list[dict[str, Any]] = field(default_factory=list)
    max_load: int | None = None
    scoring_deadline: str | None = None  # ISO date

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _choice(field: str, value: str, allowed: type[CrossRegionLevel] | type[UnitKind]) -> str:
    options = [m.value for m in allowed]
    if value not in options:
        raise ValidationError(
            field,
            f"'{value}' is not one of {', '.join(options)}",
            message_zh=f"“{value}”不是有效取值（{'、'.join(options)}）",
        )
    return value


def _code(field: str, value: str) -> str:
    if not CODE_RE.match(value):
        raise ValidationError(
            field,
            "use letters, digits, '.', '_' or '-' (at most 64)",
            message_zh="只能使用字母、数字和“. _ -”（最多 64 位）",
        )
    return value


def add_unit(ws: OpenWorkspace, code: str, name: str, kind: str, region_code: str) -> UnitInfo:
    require(ws, "unit.add", ADMIN)
    _code("code", code)
    _choice("kind", kind, UnitKind)
    if not REGION_RE.match(region_code):
        raise ValidationError(
            "region_code",
            "must be a six-digit GB/T 2260 code",
            message_zh="须为六位行政区划代码（GB/T 2260）",
        )
    if not name.strip():
        raise ValidationError("name", "must not be empty", message_zh="不能为空")
    with change(ws, "unit.add", ADMIN) as ch:
        if ch.session.get(Unit, code) is not None:
            raise Conflict(f"unit '{code}' already exists", message_zh=f"单位“{code}”已存在")
        unit = Unit(code=code, name=name.strip(), kind=kind, region_code=region_code)
        ch.session.add(unit)
        ch.audit(f"unit:{code}", kind=kind, region_code=region_code)
        return UnitInfo(code, unit.name, kind, region_code)


def list_units(ws: OpenWorkspace) -> list[UnitInfo]:
    with query(ws, "unit.list", ANYONE) as session:
        rows = session.execute(select(Unit).order_by(Unit.region_code, Unit.code)).scalars()
        return [UnitInfo(u.code, u.name, u.kind, u.region_code) for u in rows]


def create_campaign(
    ws: OpenWorkspace,
    campaign_id: str,
    name: str,
    year: int,
    *,
    cross_region_level: str = CrossRegionLevel.NONE.value,
    panel_size: int = 3,
    organiser_unit: str | None = None,
    kind: str = "regular",
    composition: list[dict[str, Any]] | None = None,
    max_load: int | None = None,
    scoring_deadline: str | None = None,
) -> CampaignInfo:
    require(ws, "campaign.create", ADMIN)
    _code("id", campaign_id)
    _choice("cross_region_level", cross_region_level, CrossRegionLevel)
    _kind(kind)
    rules = _composition(composition or [], panel_size)
    _max_load(max_load)
    deadline = _deadline(scoring_deadline)
    if not name.strip():
        raise ValidationError("name", "must not be empty", message_zh="不能为空")
    if not 2000 <= year <= 2100:
        raise ValidationError("year", "must be between 2000 and 2100", message_zh="须在 2000 到 2100 之间")
    _panel_size(panel_size)
    with change(ws, "campaign.create", ADMIN) as ch:
        if ch.session.get(Campaign, campaign_id) is not None:
            raise Conflict(
                f"campaign '{campaign_id}' already exists", message_zh=f"评查活动“{campaign_id}”已存在"
            )
        if organiser_unit is not None and ch.session.get(Unit, organiser_unit) is None:
            raise NotFound(f"no unit '{organiser_unit}'", message_zh=f"没有单位“{organiser_unit}”")
        campaign = Campaign(
            id=campaign_id,
            name=name.strip(),
            year=year,
            cross_region_level=cross_region_level,
            panel_size=panel_size,
            organiser_unit=organiser_unit,
            status="planning",
            created_at=now(),
            kind=kind,
            composition=json.dumps(rules, ensure_ascii=False, sort_keys=True),
            max_load=max_load,
            scoring_deadline=deadline,
        )
        ch.session.add(campaign)
        ch.audit(
            f"campaign:{campaign_id}", year=year, cross_region_level=cross_region_level, panel_size=panel_size,
            kind=kind, composition=rules, max_load=max_load, scoring_deadline=deadline,
        )
        return _campaign_info(campaign)


_UNSET: Any = object()


def set_campaign_rules(
    ws: OpenWorkspace,
    campaign_id: str,
    *,
    cross_region_level: str | None = None,
    panel_size: int | None = None,
    kind: str | None = None,
    composition: list[dict[str, Any]] | None = None,
    max_load: int | None = _UNSET,
    scoring_deadline: str | None = _UNSET,
) -> CampaignInfo:
    """Change how a campaign forms its panels, or its scoring deadline; only what is given changes (None
    removes the cap or the deadline)."""
    require(ws, "campaign.set_rules", ADMIN)
    if cross_region_level is not None:
        _choice("cross_region_level", cross_region_level, CrossRegionLevel)
    if kind is not None:
        _kind(kind)
    if panel_size is not None:
        _panel_size(panel_size)
    if max_load is not _UNSET:
        _max_load(max_load)
    if scoring_deadline is not _UNSET:
        scoring_deadline = _deadline(scoring_deadline)
    with change(ws, "campaign.set_rules", ADMIN) as ch:
        campaign = ch.session.get(Campaign, campaign_id)
        if campaign is None:
            raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
        changed: dict[str, Any] = {}
        if cross_region_level is not None:
            campaign.cross_region_level = changed["cross_region_level"] = cross_region_level
        if kind is not None:
            campaign.kind = changed["kind"] = kind
        if panel_size is not None:
            campaign.panel_size = changed["panel_size"] = panel_size
        if composition is not None or panel_size is not None:
            rules = _composition(composition if composition is not None else json.loads(campaign.composition), campaign.panel_size)
            campaign.composition = json.dumps(rules, ensure_ascii=False, sort_keys=True)
            changed["composition"] = rules
        if max_load is not _UNSET:
            campaign.max_load = changed["max_load"] = max_load
        if scoring_deadline is not _UNSET:
            campaign.scoring_deadline = changed["scoring_deadline"] = scoring_deadline
        ch.audit(f"campaign:{campaign_id}", **changed)
        return _campaign_info(campaign)


def _kind(kind: str) -> None:
    if kind not in ("regular", "recheck"):
        raise ValidationError("kind", "must be regular or recheck", message_zh="须为 regular（常规）或 recheck（回头看）")


def _panel_size(panel_size: int) -> None:
    if not 1 <= panel_size <= 15:
        raise ValidationError("panel_size", "must be between 1 and 15", message_zh="须在 1 到 15 之间")


def _max_load(max_load: int | None) -> None:
    if max_load is not None and not 1 <= max_load <= 10_000:
        raise ValidationError("max_load", "must be between 1 and 10000", message_zh="须在 1 到 10000 之间")


def _deadline(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValidationError(
            "scoring_deadline", f"'{value}' is not a date (YYYY-MM-DD)", message_zh=f"“{value}”不是日期（格式：年-月-日，如 2026-12-31）"
        ) from None


def _composition(rules: Any, panel_size: int) -> list[dict[str, Any]]:
    """Panel composition rules: [{"professions": ["lawyer", "academic"], "min": 1}, …], checked and normalised."""
    if not isinstance(rules, list):
        raise ValidationError("composition", "must be a JSON list of rules", message_zh="须为规则列表（JSON）")
    out = []
    for i, rule in enumerate(rules):
        where = f"composition[{i}]"
        if not isinstance(rule, dict) or set(rule) != {"professions", "min"}:
            raise ValidationError(where, 'must be {"professions": [...], "min": N}', message_zh='须为 {"professions": [...], "min": N}')
        professions = rule["professions"]
        if not isinstance(professions, list) or not professions or any(p not in PROFESSIONS for p in professions):
            raise ValidationError(
                f"{where}.professions", f"must list some of {', '.join(PROFESSIONS)}",
                message_zh=f"须列出以下职业中的若干项：{'、'.join(PROFESSIONS)}",
            )
        minimum = rule["min"]
        if not isinstance(minimum, int) or isinstance(minimum, bool) or not 1 <= minimum <= panel_size:
            raise ValidationError(f"{where}.min", f"must be between 1 and the panel size {panel_size}", message_zh=f"须在 1 到评查组人数 {panel_size} 之间")
        out.append({"professions": sorted(set(professions)), "min": minimum})
    return out


def _campaign_info(c: Campaign) -> CampaignInfo:
    return CampaignInfo(
        c.id, c.name, c.year, c.cross_region_level, c.panel_size, c.organiser_unit, c.status, c.kind,
        json.loads(c.composition), c.max_load, c.scoring_deadline,
    )


def list_campaigns(ws: OpenWorkspace) -> list[CampaignInfo]:
    with query(ws, "campaign.list", ANYONE) as session:
        rows = session.execute(select(Campaign).order_by(Campaign.created_at.desc())).scalars()
        return [_campaign_info(c) for c in rows]
