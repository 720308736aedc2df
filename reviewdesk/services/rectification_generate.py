"""From conclusions to the rectification register: generate (one case, with a preview) and generate_campaign
(every concluded case in one transaction). The same conclusion version never gives items twice; items and
referrals of an earlier version are flagged for review, never rewritten (docs/followup.md)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.followup import rectification as rules
from reviewdesk.followup.generate import DEFAULT_REQUIREMENT, ConclusionSource, Finding, Plan, plan
from reviewdesk.followup.workdays import add_workdays
from reviewdesk.services.base import change, query, require
from reviewdesk.services.followup_settings import KEEPERS, campaign_of, settings_of
from reviewdesk.services.lookup import resolve_case
from reviewdesk.services.panel_seats import case_campaign
from reviewdesk.services.rectification import item_number
from reviewdesk.services.results import received_case, received_cases
from reviewdesk.services.special import link_open_special
from reviewdesk.store.models import (
    Case,
    CaseHandler,
    Conclusion,
    ConclusionFinding,
    RectificationEvent,
    RectificationItem,
    Referral,
    SpecialRectification,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace

SOURCES = ("auto", "local", "received")


@dataclass
class GenerateResult:
    """What generate made (or, as a preview, would make) for one case."""

    case_external_id: str
    source: str  # the source key: local:v<version> | received:<digest>
    applied: bool
    items: list[dict[str, Any]]  # the new items (preview: the drafts)
    existing: int  # items this source already gave (not made again)
    referral: dict[str, Any] | None  # the draft referral, when new
    flagged: int  # items and referrals of earlier sources now marked for review
    calendar_note: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)



# -- generate -----------------------------------------------------------------------------------------------------
def _local_source(s: Session, campaign_id: str, case: Case) -> ConclusionSource | None:
    row = s.get(Conclusion, (campaign_id, case.id))
    if row is None:
        return None
    findings = tuple(Finding(f.position, f.category, f.description, f.evidence_ref) for f in s.execute(
        select(ConclusionFinding).where(ConclusionFinding.campaign_id == campaign_id,
                                        ConclusionFinding.case_id == case.id)
        .order_by(ConclusionFinding.position)).scalars())
    return _local_of(row, findings)


def _local_of(row: Conclusion, findings: tuple[Finding, ...]) -> ConclusionSource:
    actions = json.loads(row.actions)
    correction, referral = actions.get("correction") or {}, actions.get("referral") or {}
    return ConclusionSource(f"local:v{row.version}", "local", row.version, row.outcome, findings,
                            bool(correction.get("required")), correction.get("deadline"),
                            bool(referral.get("suggested")), referral.get("reason") or "",
                            tuple(referral.get("findings") or ()))


def _received_source(s: Session, campaign_id: str, case: Case) -> ConclusionSource | None:
    received = received_case(s, campaign_id, case.external_id)
    if received is None:
        return None
    if received.status == "conflict":
        raise Conflict(f"the received results for case {case.external_id} disagree; settle the conflict first",
                       message_zh=f"案件 {case.external_id} 收到的评查结果互相矛盾，请先处理冲突再生成整改事项")
    variant = received.results[0]
    conclusion = variant.result.get("conclusion")
    if conclusion is None:
        return None
    return ConclusionSource.from_result(conclusion, variant.digest)


def _source(s: Session, campaign_id: str, case: Case, which: str) -> ConclusionSource:
    if which not in SOURCES:
        raise ValidationError("source", f"one of {', '.join(SOURCES)}", message_zh="来源只能是 auto、local 或 received")
    found = None
    if which in ("auto", "local"):
        found = _local_source(s, campaign_id, case)
    if found is None and which in ("auto", "received"):
        found = _received_source(s, campaign_id, case)
    if found is None:
        where = {"local": "on this machine", "received": "in received results"}.get(which, "here or in received results")
        raise NotFound(f"case {case.external_id} has no conclusion {where}",
                       message_zh=f"案件 {case.external_id} 尚无合议结论（本机或收到的评查结果中都没有）")
    return found


def _flag_earlier(s: Session, campaign_id: str, case_id: int, key: str, version: int) -> int:
    """Mark what earlier conclusion versions gave (not closed items, unsent referrals too) for review."""
    reason = f"合议结论已有新版本（第{version}版），请核对本事项是否仍然成立"
    items = s.execute(select(RectificationItem).where(
        RectificationItem.campaign_id == campaign_id, RectificationItem.case_id == case_id,
        RectificationItem.source_key != key, RectificationItem.source_key != "manual",
        RectificationItem.status != rules.CLOSED, RectificationItem.needs_review.is_(False))).scalars().all()
    referrals = s.execute(select(Referral).where(
        Referral.campaign_id == campaign_id, Referral.case_id == case_id, Referral.source_key.is_not(None),
        Referral.source_key != key, Referral.needs_review.is_(False))).scalars().all()
    for row in [*items, *referrals]:
        row.needs_review, row.review_reason = True, reason
    return len(items) + len(referrals)


def flag_superseded(s: Session, campaign_id: str, case_id: int, version: int) -> int:
    """For a 复核 that re-recorded the local conclusion: items from any other source now need review."""
    return _flag_earlier(s, campaign_id, case_id, f"local:v{version}", version)


def _persons(s: Session, case: Case) -> list[dict[str, str]]:
    """The case's handlers as the persons concerned, with their unit's name (the letter prints it)."""
    rows = s.execute(select(CaseHandler.name, CaseHandler.role, func.coalesce(Unit.name, CaseHandler.unit_code,
                                                                             case.unit_code))
                     .outerjoin(Unit, Unit.code == func.coalesce(CaseHandler.unit_code, case.unit_code))
                     .where(CaseHandler.case_id == case.id).order_by(CaseHandler.id)).all()
    return [{"name": name, "unit": unit, "post": role} for name, role, unit in rows]


def _deadline(draft_deadline: str | None, rectify_days: int, today: date) -> tuple[str, str]:
    if draft_deadline:
        return draft_deadline, ""
    counted = add_workdays(today, rectify_days)
    return counted.day.isoformat(), counted.note


def _plan_for(s: Session, campaign_id: str, case: Case, which: str) -> tuple[ConclusionSource, Plan, int, bool]:
    source = _source(s, campaign_id, case, which)
    drafts = plan(source)
    done = set(s.execute(select(RectificationItem.finding_position).where(
        RectificationItem.campaign_id == campaign_id, RectificationItem.case_id == case.id,
        RectificationItem.source_key == source.key)).scalars())
    existing = sum(d.position in done for d in drafts.items)
    drafts.items = [d for d in drafts.items if d.position not in done]
    referral_done = s.execute(select(Referral.id).where(
        Referral.campaign_id == campaign_id, Referral.case_id == case.id,
        Referral.source_key == source.key)).first() is not None
    return source, drafts, existing, referral_done


def generate(ws: OpenWorkspace, case_ref: str | int, campaign_id: str | None = None, source: str = "auto",
             apply: bool = True, today: date | None = None) -> GenerateResult:
    """The rectification items (and draft referral) of a case's conclusion. With apply=False, a preview that
    changes nothing. Running it again for the same conclusion version makes nothing twice."""
    action = "rectify.generate"
    require(ws, action, KEEPERS)
    today = today or clock.now().date()
    if not apply:
        with query(ws, action, KEEPERS) as s:
            case = resolve_case(s, str(case_ref))
            campaign = case_campaign(s, case, campaign_id)
            src, drafts, existing, referral_done = _plan_for(s, campaign.id, case, source)
            days = settings_of(s, campaign.id)["rectify_days"]
            notes = {_deadline(d.deadline, days, today)[1] for d in drafts.items} - {""}
            items = [{**asdict(d), "deadline": _deadline(d.deadline, days, today)[0]} for d in drafts.items]
            referral = None if referral_done or drafts.referral is None else asdict(drafts.referral)
            return GenerateResult(case.external_id, src.key, False, items, existing, referral, 0, "；".join(sorted(notes)))
    with change(ws, action, KEEPERS) as ch:
        case = resolve_case(ch.session, str(case_ref))
        campaign = case_campaign(ch.session, case, campaign_id)
        result = _generate_case(ch.session, ws.actor.username, campaign.id, case, source, today)
        ch.audit(f"case:{case.id}", **result.pop("audit"))
        return result["result"]


def _generate_case(s: Session, actor: str, campaign_id: str, case: Case, source: str, today: date) -> dict[str, Any]:
    """The body of generate for one case, inside the caller's transaction: the result and its audit details."""
    src, drafts, existing, referral_done = _plan_for(s, campaign_id, case, source)
    conf = settings_of(s, campaign_id)
    unit = s.get(Unit, case.unit_code)
    seq = s.execute(select(func.max(RectificationItem.seq)).where(
        RectificationItem.campaign_id == campaign_id)).scalar() or 0
    moment, made, notes = clock.now(), [], set()
    for d in drafts.items:
        seq += 1
        deadline, note = _deadline(d.deadline, conf["rectify_days"], today)
        notes.add(note)
        item = RectificationItem(
            campaign_id=campaign_id, seq=seq, case_id=case.id, unit_code=case.unit_code, source_key=src.key,
            finding_position=d.position, kind=d.kind, category=d.category, description=d.description,
            evidence_ref=d.evidence_ref, responsible_unit=unit.name if unit else case.unit_code,
            responsible_person="", requirement=DEFAULT_REQUIREMENT, deadline=deadline, status=rules.OPEN,
            created_by=actor, created_at=moment, updated_at=moment)
        link_open_special(s, item)
        s.add(item)
        s.flush()
        s.add(RectificationEvent(item_id=item.id, step="create", from_status=None, to_status=rules.OPEN,
                                 note=src.key, by=actor, at=moment))
        made.append({**asdict(d), "id": item.id, "number": item_number(item), "deadline": deadline})
    referral = None
    if drafts.referral is not None and not referral_done:
        row = Referral(campaign_id=campaign_id, case_id=case.id, source_key=src.key,
                       persons=json.dumps(_persons(s, case), ensure_ascii=False),
                       clue=drafts.referral.clue, evidence=json.dumps(drafts.referral.evidence, ensure_ascii=False),
                       status="draft", created_by=actor, created_at=moment)
        s.add(row)
        s.flush()
        referral = {**asdict(drafts.referral), "id": row.id}
    flagged = _flag_earlier(s, campaign_id, case.id, src.key, src.version)
    audit = {"campaign": campaign_id, "source": src.key, "items": [m["id"] for m in made], "existing": existing,
             "referral": referral["id"] if referral else None, "flagged": flagged}
    result = GenerateResult(case.external_id, src.key, True, made, existing, referral, flagged,
                            "；".join(sorted(notes - {""})))
    return {"result": result, "audit": audit}


def _campaign_sources(s: Session, campaign_id: str) -> dict[int, tuple[Case, ConclusionSource]]:
    """Each case's current conclusion for generate (local first, else a consistent received result), read
    with a few queries for the whole campaign."""
    findings: dict[int, list[Finding]] = {}
    for f in s.execute(select(ConclusionFinding).where(ConclusionFinding.campaign_id == campaign_id)
                       .order_by(ConclusionFinding.case_id, ConclusionFinding.position)).scalars():
        findings.setdefault(f.case_id, []).append(Finding(f.position, f.category, f.description, f.evidence_ref))
    out: dict[int, tuple[Case, ConclusionSource]] = {}
    for row, case in s.execute(select(Conclusion, Case).join(Case, Case.id == Conclusion.case_id)
                               .where(Conclusion.campaign_id == campaign_id)):
        out[case.id] = (case, _local_of(row, tuple(findings.get(case.id, ()))))
    received = [r for r in received_cases(s, campaign_id) if r.status == "consistent"]
    by_ext: dict[str, list[Case]] = {}
    if received:
        for case in s.execute(select(Case).where(Case.external_id.in_([r.case_id for r in received]))).scalars():
            by_ext.setdefault(case.external_id, []).append(case)
    for r in received:
        matches = by_ext.get(r.case_id, [])
        conclusion = r.results[0].result.get("conclusion")
        if len(matches) == 1 and conclusion is not None and matches[0].id not in out:
            out[matches[0].id] = (matches[0], ConclusionSource.from_result(conclusion, r.results[0].digest))
    return out


def generate_campaign(ws: OpenWorkspace, campaign_id: str, today: date | None = None) -> list[GenerateResult]:
    """generate for every case of the campaign with a conclusion (here, or a consistent received result), in
    one transaction and one audit entry. Cases whose received results disagree are left out (settle them
    first, then generate them one by one)."""
    action = "rectify.generate"
    require(ws, action, KEEPERS)
    today = today or clock.now().date()
    out: list[GenerateResult] = []
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        campaign_of(s, campaign_id)
        conf = settings_of(s, campaign_id)
        seq = s.execute(select(func.max(RectificationItem.seq)).where(
            RectificationItem.campaign_id == campaign_id)).scalar() or 0
        made_keys: dict[int, set[tuple[str, int]]] = {}
        for case_id, key, position in s.execute(select(
                RectificationItem.case_id, RectificationItem.source_key, RectificationItem.finding_position)
                .where(RectificationItem.campaign_id == campaign_id)):
            made_keys.setdefault(case_id, set()).add((key, position))
        referral_keys: dict[int, set[str | None]] = {}  # by case: a scan of every referral per case was O(n²)
        for case_id, key in s.execute(select(Referral.case_id, Referral.source_key)
                                      .where(Referral.campaign_id == campaign_id)):
            referral_keys.setdefault(case_id, set()).add(key)
        specials = dict(s.execute(select(SpecialRectification.category, SpecialRectification.id).where(
            SpecialRectification.campaign_id == campaign_id, SpecialRectification.status == "open")).all())
        unit_names = dict(s.execute(select(Unit.code, Unit.name)).all())
        moment, actor = clock.now(), ws.actor.username
        rows: list[dict[str, Any]] = []
        touched: dict[int, list[int]] = {}  # case → indexes into rows
        referrals_made, flagged = [], 0
        result_of: dict[int, GenerateResult] = {}
        for case_id, (case, src) in sorted(_campaign_sources(s, campaign_id).items()):
            drafts = plan(src)
            done = made_keys.get(case_id, set())
            new = [d for d in drafts.items if (src.key, d.position) not in done]
            notes = set()
            for d in new:
                seq += 1
                deadline, note = _deadline(d.deadline, conf["rectify_days"], today)
                notes.add(note)
                touched.setdefault(case_id, []).append(len(rows))
                rows.append({
                    "campaign_id": campaign_id, "seq": seq, "case_id": case_id, "unit_code": case.unit_code,
                    "source_key": src.key, "finding_position": d.position, "kind": d.kind, "category": d.category,
                    "description": d.description, "evidence_ref": d.evidence_ref,
                    "responsible_unit": unit_names.get(case.unit_code, case.unit_code), "responsible_person": "",
                    "requirement": DEFAULT_REQUIREMENT, "deadline": deadline, "status": rules.OPEN,
                    "special_id": specials.get(d.category), "created_by": actor, "created_at": moment,
                    "updated_at": moment})
            referral = None
            case_referrals = referral_keys.get(case_id, set())
            if drafts.referral is not None and src.key not in case_referrals:
                row = Referral(campaign_id=campaign_id, case_id=case_id, source_key=src.key,
                               persons=json.dumps(_persons(s, case), ensure_ascii=False), clue=drafts.referral.clue,
                               evidence=json.dumps(drafts.referral.evidence, ensure_ascii=False), status="draft",
                               created_by=actor, created_at=moment)
                s.add(row)
                s.flush()
                referral = {**asdict(drafts.referral), "id": row.id}
                referrals_made.append(row.id)
            earlier = any(k != src.key for k, _p in done) or any(
                k != src.key for k in case_referrals if k is not None)
            case_flagged = _flag_earlier(s, campaign_id, case_id, src.key, src.version) if earlier else 0
            flagged += case_flagged
            items = [{**asdict(d), "deadline": _deadline(d.deadline, conf["rectify_days"], today)[0]} for d in new]
            out.append(GenerateResult(case.external_id, src.key, True, items, len(drafts.items) - len(new), referral,
                                      case_flagged, "；".join(sorted(notes - {""}))))
            result_of[case_id] = out[-1]
        if rows:
            ids = list(s.execute(insert(RectificationItem).returning(RectificationItem.id, sort_by_parameter_order=True),
                                 rows).scalars())
            s.execute(insert(RectificationEvent), [
                {"item_id": i, "step": "create", "from_status": None, "to_status": rules.OPEN,
                 "note": r["source_key"], "by": actor, "at": moment} for i, r in zip(ids, rows, strict=True)])
            for case_id, indexes in touched.items():
                for item, index in zip(result_of[case_id].items, indexes, strict=True):
                    item["id"] = ids[index]
                    item["number"] = f"{campaign_id}-Z{rows[index]['seq']:04d}"
        ch.audit(f"campaign:{campaign_id}", cases=len(out), items=len(rows), referrals=referrals_made,
                 flagged=flagged, cases_with_items=sorted(touched))
    return out

