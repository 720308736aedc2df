"""The per-case result JSON of a results package, read from this workstation's store (export side).

Only submitted score sheets leave: a draft is the expert's unfinished work and stays on the laptop. A case is
included once at least one member has submitted a sheet. The shape is docs/results-package.md's.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.store.models import (
    Campaign,
    Case,
    Conclusion,
    ConclusionFinding,
    Expert,
    FindingDeduction,
    PanelMember,
    Rubric,
    ScoreItem,
    ScoreSheet,
)


class OpinionFile(Protocol):
    """What reviewdesk.services.documents.opinion_files gives for each opinion (its Rendered)."""

    case_external_id: str
    number: str | None
    filename: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class CaseResult:
    case_external_id: str
    body: dict[str, Any]  # the manifest's `cases` entry
    files: list[tuple[str, OpinionFile]]  # (path in the package, file)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def opinion_path(case_external_id: str, filename: str) -> str:
    return unicodedata.normalize("NFC", f"opinions/{case_external_id}/{filename}")


def _panel(session: Session, campaign_id: str, case_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(PanelMember, Expert).join(Expert, Expert.id == PanelMember.expert_id)
        .where(PanelMember.campaign_id == campaign_id, PanelMember.case_id == case_id)
    ).all()
    ordered = sorted(rows, key=lambda r: (r[0].role != "leader", r[1].external_id))
    return [{"expert_id": e.external_id, "name": e.name, "role": m.role} for m, e in ordered]


def _sheet(session: Session, sheet: ScoreSheet) -> dict[str, Any]:
    expert = session.get(Expert, sheet.expert_id)
    rubric = session.get(Rubric, sheet.rubric_id)
    assert expert is not None and rubric is not None  # foreign keys
    items = session.execute(
        select(ScoreItem).where(ScoreItem.sheet_id == sheet.id).order_by(ScoreItem.item_code)
    ).scalars()
    return {
        "expert_id": expert.external_id,
        "rubric": {"code": rubric.code, "version": rubric.version},
        "version": sheet.version,
        "total": float(sheet.total or 0.0),
        "grade": sheet.grade or "",
        "veto": bool(sheet.veto),
        "comment": sheet.comment,
        "items": [
            {"code": i.item_code, "points": float(i.points), "reason": i.reason, "evidence": i.evidence_ref,
             "veto": bool(i.veto)}
            for i in items
        ],
        "submitted_at": _iso(sheet.submitted_at),
    }


def _basis(session: Session, finding_id: int) -> list[dict[str, str]]:
    """The members' deductions a finding rests on, by expert id and item code."""
    rows = session.execute(
        select(Expert.external_id, FindingDeduction.item_code)
        .join(ScoreSheet, ScoreSheet.id == FindingDeduction.sheet_id)
        .join(Expert, Expert.id == ScoreSheet.expert_id)
        .where(FindingDeduction.finding_id == finding_id)
    ).all()
    return [{"expert_id": who, "item_code": code} for who, code in sorted(rows)]


def _conclusion(session: Session, campaign: Campaign, case_id: int) -> dict[str, Any] | None:
    row = session.get(Conclusion, (campaign.id, case_id))
    if row is None:
        return None
    findings = session.execute(
        select(ConclusionFinding).where(ConclusionFinding.campaign_id == campaign.id, ConclusionFinding.case_id == case_id)
        .order_by(ConclusionFinding.position)
    ).scalars()
    stored = json.loads(row.actions)
    correction = stored.get("correction") or {}
    referral = stored.get("referral") or {}
    return {
        "score": float(row.score),
        "consolidation": campaign.consolidation,
        "computed_grade": row.computed_grade,
        "grade": row.grade,
        "grade_reason": row.grade_reason,
        "outcome": row.outcome,
        "veto_kept": bool(stored.get("veto_kept", False)),
        # basis and basis_reason: the finding ↔ deduction links (optional fields of format 1, always written).
        "findings": [
            {"category": f.category, "description": f.description, "evidence_ref": f.evidence_ref,
             "item_code": f.item_code, "basis": _basis(session, f.id), "basis_reason": f.basis_reason}
            for f in findings
        ],
        "majority_view": row.majority_view,
        "minority_view": row.minority_view,
        "actions": {
            "correction": {"required": bool(correction.get("required", False)), "deadline": correction.get("deadline")},
            "referral": {"suggested": bool(referral.get("suggested", False)), "reason": referral.get("reason") or "",
                         "findings": sorted(referral.get("findings") or [])},
        },
        "outcome_reason": row.outcome_reason,
        "version": row.version,
        "concluded_by": row.concluded_by,
        "concluded_at": _iso(row.concluded_at),
    }


def collect(session: Session, campaign: Campaign, opinions: Sequence[OpinionFile]) -> list[CaseResult]:
    """Every case of the campaign with at least one submitted sheet, by case id, with its opinion files."""
    sheets: dict[int, list[ScoreSheet]] = defaultdict(list)
    for sheet in session.execute(
        select(ScoreSheet).where(ScoreSheet.campaign_id == campaign.id, ScoreSheet.status == "submitted")
    ).scalars():
        sheets[sheet.case_id].append(sheet)
    by_case: dict[str, list[OpinionFile]] = defaultdict(list)
    for f in opinions:
        by_case[f.case_external_id].append(f)
    out = []
    cases = session.execute(select(Case).where(Case.id.in_(list(sheets)))).scalars()
    for case in sorted(cases, key=lambda c: c.external_id):
        expert_ids = {s.expert_id: session.get(Expert, s.expert_id) for s in sheets[case.id]}
        ordered = sorted(sheets[case.id], key=lambda s: expert_ids[s.expert_id].external_id)  # type: ignore[union-attr]
        conclusion = _conclusion(session, campaign, case.id)
        files = [(opinion_path(case.external_id, f.filename), f) for f in by_case.get(case.external_id, [])]
        opinion = None
        if files:
            numbers = {f.number for _p, f in files}
            if conclusion is None or len(numbers) != 1 or None in numbers:
                # opinion_files renders concluded cases only, one number per case: anything else is a bug
                raise ValueError(f"opinion files of case {case.external_id} do not match its conclusion")
            opinion = {"number": numbers.pop(), "files": [{"path": p, "media_type": f.media_type} for p, f in files]}
        body = {
            "id": case.external_id,
            "case_number": case.case_number,
            "campaign": campaign.id,
            "panel": _panel(session, campaign.id, case.id),
            "sheets": [_sheet(session, s) for s in ordered],
            "conclusion": conclusion,
            "opinion": opinion,
        }
        out.append(CaseResult(case.external_id, body, files))
    return out
