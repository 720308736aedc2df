"""整改台账 as services: generate items from a conclusion, list and show them, and take them through their
steps (report → verify → close, or send back). Admin keeps the register; observers read it."""

from __future__ import annotations

import hashlib
import json
import mimetypes
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import false, func, insert, or_, select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.followup import rectification as rules
from reviewdesk.followup.dates import parse_date, parse_deadline
from reviewdesk.followup.generate import DEFAULT_REQUIREMENT, ConclusionSource, Finding, Plan, plan
from reviewdesk.followup.workdays import add_workdays
from reviewdesk.services.base import change, query, require
from reviewdesk.services.followup_settings import KEEPERS, READERS, campaign_of, campaign_window, settings_of
from reviewdesk.services.lookup import resolve_case
from reviewdesk.services.panel_seats import case_campaign
from reviewdesk.services.results import received_case, received_cases
from reviewdesk.services.special import link_open_special
from reviewdesk.store.models import (
    Case,
    CaseHandler,
    Conclusion,
    ConclusionFinding,
    RectificationEvent,
    RectificationEvidence,
    RectificationItem,
    Referral,
    SpecialRectification,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024
SOURCES = ("auto", "local", "received")


@dataclass(frozen=True)
class ItemView:
    id: int
    number: str  # the problem number shown in the register: <campaign>-Z<seq>
    campaign_id: str
    case_id: int
    case_external_id: str
    case_number: str
    unit_code: str
    kind: str
    category: str
    description: str
    evidence_ref: str
    responsible_unit: str
    responsible_person: str
    requirement: str
    deadline: str
    measures: str
    progress: str
    recheck_finding: str | None
    recheck_note: str
    closed_on: str | None
    special_id: int | None
    status: str
    sent_back_reason: str
    needs_review: bool
    review_reason: str
    source_key: str
    due: str | None  # due_soon | overdue | None (computed for today)
    events: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


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


# -- reading ----------------------------------------------------------------------------------------------------
def _number(item: RectificationItem) -> str:
    return f"{item.campaign_id}-Z{item.seq:04d}"


def due_of(deadline: str, owed: bool, window: tuple[str, str]) -> str | None:
    """overdue / due_soon / None for an ISO deadline, given due_window's bounds."""
    if not owed:
        return None
    if deadline < window[0]:
        return "overdue"
    return "due_soon" if deadline <= window[1] else None


def _view(s: Session, item: RectificationItem, case_ext: str, case_number: str, window: tuple[str, str],
          full: bool = False) -> ItemView:
    due = due_of(item.deadline, item.status in rules.OWED, window)
    events: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    if full:
        events = [{"step": e.step, "from": e.from_status, "to": e.to_status, "note": e.note, "by": e.by,
                   "at": e.at.isoformat(timespec="seconds")}
                  for e in s.execute(select(RectificationEvent).where(RectificationEvent.item_id == item.id)
                                     .order_by(RectificationEvent.id)).scalars()]
        evidence = [{"id": i, "filename": n, "media_type": m, "size": z, "sha256": h, "added_by": b}
                    for i, n, m, z, h, b in s.execute(
                        select(RectificationEvidence.id, RectificationEvidence.filename,
                               RectificationEvidence.media_type, RectificationEvidence.size,
                               RectificationEvidence.sha256, RectificationEvidence.added_by)
                        .where(RectificationEvidence.item_id == item.id).order_by(RectificationEvidence.id))]
    return ItemView(
        item.id, _number(item), item.campaign_id, item.case_id, case_ext, case_number, item.unit_code,
        item.kind, item.category, item.description, item.evidence_ref, item.responsible_unit,
        item.responsible_person, item.requirement, item.deadline, item.measures, item.progress,
        item.recheck_finding, item.recheck_note, item.closed_on, item.special_id, item.status,
        item.sent_back_reason, item.needs_review, item.review_reason, item.source_key, due, events, evidence)


def list_items(ws: OpenWorkspace, campaign_id: str | None = None, unit: str | None = None,
               status: str | None = None, due: str | None = None, case_ref: str | None = None,
               today: date | None = None) -> list[ItemView]:
    """The register, filtered; `due` is due_soon or overdue (computed for `today`, default today)."""
    if status is not None and status not in rules.STATUSES:
        raise ValidationError("status", f"one of {', '.join(rules.STATUSES)}", message_zh="整改状态不正确")
    if due not in (None, "due_soon", "overdue"):
        raise ValidationError("due", "due_soon or overdue", message_zh="只能是临期（due_soon）或逾期（overdue）")
    today = today or clock.now().date()
    with query(ws, "rectify.list", READERS) as s:
        # The case's two fields only: a whole Case row carries its summary text.
        stmt = (select(RectificationItem, Case.external_id, Case.case_number)
                .join(Case, Case.id == RectificationItem.case_id))
        if campaign_id is not None:
            campaign_of(s, campaign_id)
            stmt = stmt.where(RectificationItem.campaign_id == campaign_id)
        if unit is not None:
            stmt = stmt.where(RectificationItem.unit_code == unit)
        if status is not None:
            stmt = stmt.where(RectificationItem.status == status)
        if case_ref is not None:
            stmt = stmt.where(RectificationItem.case_id == resolve_case(s, case_ref).id)
        if due is not None:
            stmt = stmt.where(RectificationItem.status.in_(rules.OWED))
            # The filter is on ISO date text; "due soon" differs per campaign only through its setting, so the
            # rows are checked again below with their campaign's own number of days.
            stmt = stmt.where(RectificationItem.deadline < today.isoformat()) if due == "overdue" else stmt
        windows: dict[str, tuple[str, str]] = {}
        out = []
        for item, case_ext, case_number in s.execute(stmt.order_by(RectificationItem.campaign_id,
                                                                   RectificationItem.seq)):
            window = windows.get(item.campaign_id)
            if window is None:
                window = windows[item.campaign_id] = campaign_window(s, item.campaign_id, today)
            view = _view(s, item, case_ext, case_number, window)
            if due is None or view.due == due:
                out.append(view)
        return out


def show_item(ws: OpenWorkspace, item_id: int, today: date | None = None) -> ItemView:
    with query(ws, "rectify.show", READERS) as s:
        item = _item(s, item_id)
        case = s.get(Case, item.case_id)
        assert case is not None
        return _view(s, item, case.external_id, case.case_number,
                     campaign_window(s, item.campaign_id, today or clock.now().date()), full=True)


def evidence_file(ws: OpenWorkspace, evidence_id: int) -> tuple[str, str, bytes]:
    """An evidence file's name, media type and bytes, for the viewer (never written to disk here)."""
    with query(ws, "rectify.evidence", READERS) as s:
        row = s.get(RectificationEvidence, evidence_id)
        if row is None:
            raise NotFound(f"no evidence file {evidence_id}", message_zh=f"没有编号为 {evidence_id} 的佐证材料")
        return row.filename, row.media_type, row.data


def _item(s: Session, item_id: int) -> RectificationItem:
    item = s.get(RectificationItem, item_id)
    if item is None:
        raise NotFound(f"no rectification item {item_id}", message_zh=f"没有编号为 {item_id} 的整改事项")
    return item


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
        made.append({**asdict(d), "id": item.id, "number": _number(item), "deadline": deadline})
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
        referral_keys = set(s.execute(select(Referral.case_id, Referral.source_key)
                                      .where(Referral.campaign_id == campaign_id)).all())
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
            if drafts.referral is not None and (case_id, src.key) not in referral_keys:
                row = Referral(campaign_id=campaign_id, case_id=case_id, source_key=src.key,
                               persons=json.dumps(_persons(s, case), ensure_ascii=False), clue=drafts.referral.clue,
                               evidence=json.dumps(drafts.referral.evidence, ensure_ascii=False), status="draft",
                               created_by=actor, created_at=moment)
                s.add(row)
                s.flush()
                referral = {**asdict(drafts.referral), "id": row.id}
                referrals_made.append(row.id)
            earlier = any(k != src.key for k, _p in done) or any(
                k != src.key for c, k in referral_keys if c == case_id and k is not None)
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


# -- steps --------------------------------------------------------------------------------------------------------
def _step(ws: OpenWorkspace, item_id: int, step: str, note: str, apply: Any) -> ItemView:
    action = f"rectify.{step}"
    require(ws, action, KEEPERS)
    with change(ws, action, KEEPERS) as ch:
        s = ch.session
        item = _item(s, item_id)
        before = item.status
        target = rules.next_status(step, before)
        details = apply(s, item) or {}
        moment = clock.now()
        item.status, item.updated_at = target, moment
        s.add(RectificationEvent(item_id=item.id, step=step, from_status=before, to_status=target, note=note,
                                 by=ws.actor.username, at=moment))
        ch.audit(f"rectification:{item.id}", campaign=item.campaign_id, case=item.case_id, before=before,
                 after=target, **details)
    return show_item(ws, item_id)


def _text(value: str | None, name: str, why_zh: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(name, "must not be empty", message_zh=why_zh)
    return text


def _evidence_rows(files: Sequence[tuple[str, bytes]], item_id: int, actor: str) -> list[RectificationEvidence]:
    rows = []
    for name, data in files:
        if not data:
            raise ValidationError("evidence", f"{name} is empty", message_zh=f"佐证材料 {name} 是空文件")
        if len(data) > MAX_EVIDENCE_BYTES:
            raise ValidationError("evidence", f"{name} is larger than 200 MB", message_zh=f"佐证材料 {name} 超过 200 MB")
        media = mimetypes.guess_type(name)[0] or "application/octet-stream"
        rows.append(RectificationEvidence(item_id=item_id, filename=name[:240], media_type=media, size=len(data),
                                          sha256=hashlib.sha256(data).hexdigest(), data=data, added_by=actor,
                                          added_at=clock.now()))
    return rows


def report(ws: OpenWorkspace, item_id: int, measures: str, progress: str = "", responsible_person: str | None = None,
           evidence: Sequence[tuple[str, bytes]] = ()) -> ItemView:
    """The unit reports the problem fixed: its measures, progress, and the evidence files (佐证材料)."""
    measures = _text(measures, "measures", "请填写单位报告的整改措施")

    def apply(s: Session, item: RectificationItem) -> dict[str, Any]:
        item.measures, item.progress = measures, progress.strip()
        if responsible_person is not None:
            item.responsible_person = responsible_person.strip()
        rows = _evidence_rows(evidence, item.id, ws.actor.username)
        s.add_all(rows)
        return {"evidence": [r.sha256 for r in rows]}

    return _step(ws, item_id, "report", measures, apply)


def attach_evidence(ws: OpenWorkspace, item_id: int, files: Sequence[tuple[str, bytes]]) -> ItemView:
    """More evidence for an item that is not closed (the status stays)."""
    action = "rectify.evidence.add"
    require(ws, action, KEEPERS)
    with change(ws, action, KEEPERS) as ch:
        item = _item(ch.session, item_id)
        if item.status == rules.CLOSED:
            raise Conflict("the item is closed off", message_zh="该整改事项已销号，不能再添加佐证材料")
        rows = _evidence_rows(files, item.id, ws.actor.username)
        ch.session.add_all(rows)
        ch.audit(f"rectification:{item.id}", evidence=[r.sha256 for r in rows])
    return show_item(ws, item_id)


def verify(ws: OpenWorkspace, item_id: int, note: str = "") -> ItemView:
    """回头看 found the problem fixed (已整改)."""
    def apply(_s: Session, item: RectificationItem) -> dict[str, Any]:
        item.recheck_finding, item.recheck_note = "fixed", note.strip()
        return {"finding": "fixed"}

    return _step(ws, item_id, "verify", note.strip(), apply)


def close(ws: OpenWorkspace, item_id: int, closed_on: str | None = None) -> ItemView:
    """销号: the item is closed off on the given date (default today)."""
    day = parse_date(closed_on, "closed_on") if closed_on else clock.now().date()

    def apply(_s: Session, item: RectificationItem) -> dict[str, Any]:
        item.closed_on = day.isoformat()
        return {"closed_on": item.closed_on}

    return _step(ws, item_id, "close", "", apply)


def send_back(ws: OpenWorkspace, item_id: int, reason: str, deadline: str, finding: str = "not_fixed",
              today: date | None = None) -> ItemView:
    """退回重改: 回头看 found it partly or not fixed; a reason and a new deadline (a date or "N workdays")."""
    reason = _text(reason, "reason", "请说明退回重改的理由")
    if finding not in ("partly", "not_fixed"):
        raise ValidationError("finding", "partly or not_fixed", message_zh="回头看结论只能是部分整改或未整改")
    start = today or clock.now().date()
    new = parse_deadline(deadline, "deadline", start)
    if new.day < start:
        raise ValidationError("deadline", "the new deadline lies in the past", message_zh="新的整改期限早于今天")

    def apply(_s: Session, item: RectificationItem) -> dict[str, Any]:
        old = item.deadline
        item.recheck_finding, item.recheck_note = finding, reason
        item.sent_back_reason, item.deadline = reason, new.day.isoformat()
        return {"finding": finding, "old_deadline": old, "deadline": item.deadline}

    return _step(ws, item_id, "send_back", reason, apply)




# -- id-based reads (table models hold ids and fetch rows as they are shown) ---------------------------------------
def item_ids(ws: OpenWorkspace, campaign_id: str | None = None, unit: str | None = None, status: str | None = None,
             due: str | None = None, today: date | None = None) -> list[int]:
    """The ids of the register's rows for these filters, in register order, filtered in SQL."""
    if due not in (None, "due_soon", "overdue"):
        raise ValidationError("due", "due_soon or overdue", message_zh="只能是临期（due_soon）或逾期（overdue）")
    today = today or clock.now().date()
    with query(ws, "rectify.list", READERS) as s:
        stmt = select(RectificationItem.id)
        if campaign_id is not None:
            campaign_of(s, campaign_id)
            stmt = stmt.where(RectificationItem.campaign_id == campaign_id)
        if unit is not None:
            stmt = stmt.where(RectificationItem.unit_code == unit)
        if status is not None:
            stmt = stmt.where(RectificationItem.status == status)
        if due == "overdue":
            stmt = stmt.where(RectificationItem.status.in_(rules.OWED), RectificationItem.deadline < today.isoformat())
        elif due == "due_soon":
            # The window differs per campaign (its due_soon_days): one condition per campaign.
            campaigns = [campaign_id] if campaign_id else list(s.execute(
                select(RectificationItem.campaign_id).distinct()).scalars())
            windows = [(c, campaign_window(s, c, today)) for c in campaigns]
            stmt = stmt.where(RectificationItem.status.in_(rules.OWED), or_(*(
                (RectificationItem.campaign_id == c) & (RectificationItem.deadline >= w[0])
                & (RectificationItem.deadline <= w[1]) for c, w in windows)) if windows else false())
        return list(s.execute(stmt.order_by(RectificationItem.campaign_id, RectificationItem.seq)).scalars())


def items_by_id(ws: OpenWorkspace, ids: Sequence[int], today: date | None = None) -> list[ItemView]:
    """The rows of these ids (a page of a table model), in the order given."""
    today = today or clock.now().date()
    with query(ws, "rectify.list", READERS) as s:
        found = {item.id: (item, ext, number) for item, ext, number in s.execute(
            select(RectificationItem, Case.external_id, Case.case_number)
            .join(Case, Case.id == RectificationItem.case_id).where(RectificationItem.id.in_(list(ids))))}
        windows: dict[str, tuple[str, str]] = {}
        out = []
        for i in ids:
            if i not in found:
                continue
            item, ext, number = found[i]
            if item.campaign_id not in windows:
                windows[item.campaign_id] = campaign_window(s, item.campaign_id, today)
            out.append(_view(s, item, ext, number, windows[item.campaign_id]))
        return out
