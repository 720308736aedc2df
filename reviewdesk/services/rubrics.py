"""Rubrics in the store, a campaign's rubric per case type (pinned to an exact version), and its grading rules.

Built-in rubrics ship as JSON under resources/rubrics/ and enter the Rubric table when first needed; offices add
their own with import_rubric. A campaign pins the exact Rubric row it scores with (CampaignRubric), so importing
a newer version later never changes how an ongoing campaign is scored.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.resources import resources_dir
from reviewdesk.scoring.grades import Band, bands_from_data, bands_to_json, parse_bands
from reviewdesk.scoring.rubric import CASE_TYPES, RubricDef, canonical_json, parse_rubric, rubric_to_data
from reviewdesk.services.base import ADMIN, ANYONE, change, query, require
from reviewdesk.store.models import Campaign, CampaignRubric, Case, Rubric, ScoreSheet, Unit, UnitKind
from reviewdesk.workspace import OpenWorkspace

BUILTIN_CODES = ("cross-agency", "court", "procuratorate", "police")
# Pseudo case type under which a campaign pins the rubric for cases handled by a procuratorate.
PROCURATORATE_KEY = "procuratorate"
RUBRIC_KEYS = (*CASE_TYPES, PROCURATORATE_KEY)
DEFAULT_BY_KEY = {
    "criminal": "cross-agency",
    "petition": "cross-agency",
    "civil": "court",
    "administrative": "court",
    "enforcement": "court",
    "public_security": "police",
    PROCURATORATE_KEY: "procuratorate",
}
CONSOLIDATIONS = ("mean", "median")


@dataclass(frozen=True)
class RubricInfo:
    code: str
    version: int
    name: str
    total: float
    case_types: list[str]
    source: str
    sha256: str
    stored: bool  # False: a shipped rubric not yet copied into this workspace

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RubricDetail:
    info: RubricInfo
    rubric: RubricDef

    def to_json(self) -> dict[str, Any]:
        return {**self.info.to_json(), "rubric": rubric_to_data(self.rubric)}


@dataclass(frozen=True)
class CampaignRubricInfo:
    case_type: str
    code: str
    version: int


@dataclass(frozen=True)
class GradingInfo:
    campaign_id: str
    bands: list[Band]
    spread_threshold: float
    consolidation: str
    rubrics: list[CampaignRubricInfo]

    def to_json(self) -> dict[str, Any]:
        return {
            "campaign": self.campaign_id,
            "bands": json.loads(bands_to_json(self.bands)),
            "spread_threshold": self.spread_threshold,
            "consolidation": self.consolidation,
            "rubrics": [asdict(r) for r in self.rubrics],
        }


# -- built-ins and parsing --------------------------------------------------------------------------------

def rubric_key(case_type: str, unit_kind: str | None = None) -> str:
    """The key a campaign pins a rubric under: the case type, or 'procuratorate' for procuratorate-handled cases."""
    if unit_kind == UnitKind.PROCURATORATE.value:
        return PROCURATORATE_KEY
    if case_type not in CASE_TYPES:
        raise ValidationError(
            "case_type", f"'{case_type}' is not one of {', '.join(CASE_TYPES)}",
            message_zh=f"“{case_type}”不是有效的案件类型（{'、'.join(CASE_TYPES)}）",
        )
    return case_type


@lru_cache(maxsize=64)
def parse_stored(body: str) -> RubricDef:
    """A stored body parsed once per process (bodies are immutable once stored)."""
    return parse_rubric(body)


@lru_cache(maxsize=1)
def builtin_rubrics() -> tuple[RubricDef, ...]:
    folder = resources_dir() / "rubrics"
    return tuple(parse_rubric((folder / f"{code}.json").read_bytes()) for code in BUILTIN_CODES)


def _sha(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _find(session: Session, code: str, version: int) -> Rubric | None:
    return session.execute(select(Rubric).where(Rubric.code == code, Rubric.version == version)).scalar()


def _store(session: Session, rubric: RubricDef, source: str) -> Rubric:
    body = canonical_json(rubric)
    row = Rubric(code=rubric.code, version=rubric.version, name=rubric.name, body=body, sha256=_sha(body),
                 source=source[:200], added_at=now())
    session.add(row)
    session.flush()
    return row


def ensure_builtins(session: Session) -> None:
    """Copy shipped rubrics into the store (once): a campaign can only pin a stored row."""
    for rubric in builtin_rubrics():
        if _find(session, rubric.code, rubric.version) is None:
            _store(session, rubric, "builtin")


def _latest(session: Session, code: str) -> Rubric | None:
    return session.execute(
        select(Rubric).where(Rubric.code == code).order_by(Rubric.version.desc()).limit(1)
    ).scalar()


def _info(row: Rubric) -> RubricInfo:
    rubric = parse_stored(row.body)
    return RubricInfo(row.code, row.version, row.name, rubric.total, list(rubric.case_types), row.source,
                      row.sha256, True)


def _builtin_info(rubric: RubricDef) -> RubricInfo:
    body = canonical_json(rubric)
    return RubricInfo(rubric.code, rubric.version, rubric.name, rubric.total, list(rubric.case_types), "builtin",
                      _sha(body), False)


def _not_found(code: str, version: int | None) -> NotFound:
    label = code if version is None else f"{code} v{version}"
    return NotFound(f"no rubric '{label}'", message_zh=f"没有评查表“{label}”")


# -- reads ------------------------------------------------------------------------------------------------

def list_rubrics(ws: OpenWorkspace) -> list[RubricInfo]:
    """Every stored rubric version, plus shipped ones not stored yet, by code then version."""
    with query(ws, "rubric.list", ANYONE) as session:
        rows = [_info(r) for r in session.execute(select(Rubric)).scalars()]
    have = {(r.code, r.version) for r in rows}
    rows += [_builtin_info(b) for b in builtin_rubrics() if (b.code, b.version) not in have]
    return sorted(rows, key=lambda r: (r.code, r.version))


def rubric_detail(ws: OpenWorkspace, code: str, version: int | None = None) -> RubricDetail:
    """One rubric (the highest version when none is given), stored or shipped."""
    with query(ws, "rubric.show", ANYONE) as session:
        if version is None:
            row = _latest(session, code)
        else:
            row = _find(session, code, version)
        if row is not None:
            stored = RubricDetail(_info(row), parse_stored(row.body))
        else:
            stored = None
    shipped = [b for b in builtin_rubrics() if b.code == code and (version is None or b.version == version)]
    if stored is not None and not (shipped and shipped[0].version > stored.info.version):
        return stored
    if shipped:
        return RubricDetail(_builtin_info(shipped[0]), shipped[0])
    raise _not_found(code, version)


def export_rubric(ws: OpenWorkspace, code: str, version: int | None, out: Path) -> RubricDetail:
    """Write a rubric as readable JSON to `out` (written whole or not at all)."""
    detail = rubric_detail(ws, code, version)
    text = json.dumps(rubric_to_data(detail.rubric), ensure_ascii=False, indent=2) + "\n"
    out = Path(out)
    fd, tmp = tempfile.mkstemp(dir=out.parent if str(out.parent) else ".", prefix=".rubric-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return detail


def _campaign(session: Session, campaign_id: str) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
    return campaign


def _pins(session: Session, campaign_id: str) -> list[CampaignRubricInfo]:
    rows = session.execute(
        select(CampaignRubric.case_type, Rubric.code, Rubric.version)
        .join(Rubric, Rubric.id == CampaignRubric.rubric_id)
        .where(CampaignRubric.campaign_id == campaign_id)
        .order_by(CampaignRubric.case_type)
    ).all()
    return [CampaignRubricInfo(k, c, v) for k, c, v in rows]


def grading(ws: OpenWorkspace, campaign_id: str) -> GradingInfo:
    """The campaign's grade bands, spread threshold, consolidation rule and pinned rubrics."""
    with query(ws, "grading.show", ANYONE) as session:
        campaign = _campaign(session, campaign_id)
        return GradingInfo(campaign.id, parse_bands(campaign.grade_bands), campaign.spread_threshold,
                           campaign.consolidation, _pins(session, campaign_id))


# -- changes ----------------------------------------------------------------------------------------------

def import_rubric(ws: OpenWorkspace, data: bytes, source_name: str) -> RubricInfo:
    """Add an office's rubric: a new code, or a higher version of a known one. Re-importing the identical
    rubric is a no-op; the same code and version with a different body is refused."""
    require(ws, "rubric.import", ADMIN)
    rubric = parse_rubric(data)
    body = canonical_json(rubric)
    with change(ws, "rubric.import", ADMIN) as ch:
        ensure_builtins(ch.session)
        same = _find(ch.session, rubric.code, rubric.version)
        if same is not None:
            if same.sha256 != _sha(body):
                raise Conflict(
                    f"rubric '{rubric.code}' version {rubric.version} exists with different content; "
                    "raise the version number",
                    message_zh=f"评查表“{rubric.code}”第 {rubric.version} 版已存在且内容不同，请提高版本号",
                )
            ch.audit(f"rubric:{rubric.code}", version=rubric.version, added=False)
            return _info(same)
        latest = _latest(ch.session, rubric.code)
        if latest is not None and latest.version > rubric.version:
            raise Conflict(
                f"rubric '{rubric.code}' already has version {latest.version}; import a higher version",
                message_zh=f"评查表“{rubric.code}”已有第 {latest.version} 版，只能导入更高版本",
            )
        row = _store(ch.session, rubric, f"file:{Path(source_name).name}")
        ch.audit(f"rubric:{rubric.code}", version=rubric.version, added=True, sha256=row.sha256)
        return _info(row)


def _sheets_exist(session: Session, campaign_id: str, key: str) -> bool:
    rows = session.execute(
        select(Case.case_type, Unit.kind)
        .join(ScoreSheet, ScoreSheet.case_id == Case.id)
        .join(Unit, Unit.code == Case.unit_code)
        .where(ScoreSheet.campaign_id == campaign_id)
        .distinct()
    ).all()
    return any(rubric_key(case_type, kind) == key for case_type, kind in rows)


def set_campaign_rubric(
    ws: OpenWorkspace, campaign_id: str, case_type: str, code: str, version: int | None = None
) -> CampaignRubricInfo:
    """Choose the rubric (highest stored version unless given) a campaign scores a case type with.

    case_type is a case type or 'procuratorate' (cases handled by a procuratorate). Refused once any sheet of
    the campaign exists for that case type: changing the sheet under a started review would mix versions.
    """
    require(ws, "campaign.rubric", ADMIN)
    if case_type not in RUBRIC_KEYS:
        raise ValidationError(
            "case_type", f"'{case_type}' is not one of {', '.join(RUBRIC_KEYS)}",
            message_zh=f"“{case_type}”不是有效的案件类型（{'、'.join(RUBRIC_KEYS)}）",
        )
    with change(ws, "campaign.rubric", ADMIN) as ch:
        _campaign(ch.session, campaign_id)
        ensure_builtins(ch.session)
        row = _latest(ch.session, code) if version is None else _find(ch.session, code, version)
        if row is None:
            raise _not_found(code, version)
        if _sheets_exist(ch.session, campaign_id, case_type):
            raise Conflict(
                f"campaign '{campaign_id}' already has score sheets for {case_type}; its rubric is fixed",
                message_zh=f"评查活动“{campaign_id}”的{case_type}类案件已有评分表，评查表不能再更换",
            )
        pin = ch.session.get(CampaignRubric, (campaign_id, case_type))
        if pin is None:
            ch.session.add(CampaignRubric(campaign_id=campaign_id, case_type=case_type, rubric_id=row.id))
        else:
            pin.rubric_id = row.id
        ch.audit(f"campaign:{campaign_id}", case_type=case_type, rubric=row.code, version=row.version)
        return CampaignRubricInfo(case_type, row.code, row.version)


def _bands_arg(bands: str | list[Band] | list[dict[str, Any]]) -> list[Band]:
    if isinstance(bands, str):
        return parse_bands(bands)
    if bands and all(isinstance(b, Band) for b in bands):
        bands = [{"grade": b.grade, "min": b.min} for b in bands]  # type: ignore[union-attr]
    return bands_from_data(bands)


def set_grading(
    ws: OpenWorkspace,
    campaign_id: str,
    *,
    bands: str | list[Band] | list[dict[str, Any]] | None = None,
    spread_threshold: float | None = None,
    consolidation: str | None = None,
) -> GradingInfo:
    """Change a campaign's grade bands (names too, e.g. 优质/合格/基本合格/不合格), the deliberation spread
    threshold and the consolidation rule. Everything is validated before anything is written."""
    require(ws, "grading.set", ADMIN)
    new_bands = None if bands is None else _bands_arg(bands)
    if spread_threshold is not None and (
        isinstance(spread_threshold, bool) or not math.isfinite(spread_threshold) or spread_threshold <= 0
    ):
        raise ValidationError("spread_threshold", "must be a number greater than 0", message_zh="必须是大于 0 的数字")
    if consolidation is not None and consolidation not in CONSOLIDATIONS:
        raise ValidationError("consolidation", "must be mean or median", message_zh="必须是 mean（平均）或 median（中位数）")
    with change(ws, "grading.set", ADMIN) as ch:
        campaign = _campaign(ch.session, campaign_id)
        changed: list[str] = []
        if new_bands is not None:
            campaign.grade_bands = bands_to_json(new_bands)
            changed.append("bands")
        if spread_threshold is not None:
            campaign.spread_threshold = float(spread_threshold)
            changed.append("spread_threshold")
        if consolidation is not None:
            campaign.consolidation = consolidation
            changed.append("consolidation")
        ch.audit(f"campaign:{campaign_id}", changed=changed, bands=len(new_bands or []))
        ch.session.flush()
        return GradingInfo(campaign.id, parse_bands(campaign.grade_bands), campaign.spread_threshold,
                           campaign.consolidation, _pins(ch.session, campaign_id))


# -- for the scoring services (caller's transaction) ------------------------------------------------------

def rubric_for_case(
    session: Session, campaign_id: str, case_type: str, unit_kind: str | None = None
) -> tuple[Rubric, RubricDef]:
    """The rubric a campaign scores this kind of case with. Without a pin, the default built-in rubric's
    highest stored version is pinned now (in the caller's transaction), so the campaign keeps that version."""
    key = rubric_key(case_type, unit_kind)
    pin = session.get(CampaignRubric, (campaign_id, key))
    if pin is not None:
        row = session.get(Rubric, pin.rubric_id)
        if row is None:  # foreign key makes this unreachable; say so plainly if the store was damaged
            raise NotFound(f"pinned rubric {pin.rubric_id} is missing", message_zh="活动指定的评查表缺失")
        return row, parse_stored(row.body)
    _campaign(session, campaign_id)
    ensure_builtins(session)
    row = _latest(session, DEFAULT_BY_KEY[key])
    assert row is not None  # ensure_builtins stored it
    session.add(CampaignRubric(campaign_id=campaign_id, case_type=key, rubric_id=row.id))
    session.flush()
    return row, parse_stored(row.body)
