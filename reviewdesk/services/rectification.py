"""整改台账 as services: list and show the items and take them through their steps (report → verify → close,
or send back). Admin keeps the register; observers read it. Making items from conclusions: rectification_generate."""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, false, null, or_, select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.followup import rectification as rules
from reviewdesk.followup.dates import parse_date, parse_deadline
from reviewdesk.services.base import change, query, require
from reviewdesk.services.followup_settings import (
    KEEPERS,
    READERS,
    campaign_of,
    campaign_window,
    campaign_windows,
)
from reviewdesk.services.lookup import resolve_case
from reviewdesk.services.many_rows import collector_paused
from reviewdesk.store.models import (
    Campaign,
    Case,
    RectificationEvent,
    RectificationEvidence,
    RectificationItem,
)
from reviewdesk.workspace import OpenWorkspace

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024


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


# -- reading ----------------------------------------------------------------------------------------------------
def item_number(item: RectificationItem) -> str:
    return f"{item.campaign_id}-Z{item.seq:04d}"


def due_of(deadline: str, owed: bool, window: tuple[str, str]) -> str | None:
    """overdue / due_soon / None for an ISO deadline, given due_window's bounds."""
    if not owed:
        return None
    if deadline < window[0]:
        return "overdue"
    return "due_soon" if deadline <= window[1] else None


def due_of_sql(deadline: ColumnElement[str], owed: ColumnElement[bool], first: str,
               soon: ColumnElement[str] | str) -> ColumnElement[str | None]:
    """due_of as an SQL expression (for lists of thousands of rows): `first` is today, `soon` the due-soon bound
    (a date, or per row, e.g. by campaign)."""
    return case((owed & (deadline < first), "overdue"), (owed & (deadline <= soon), "due_soon"), else_=null())


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
        item.id, item_number(item), item.campaign_id, item.case_id, case_ext, case_number, item.unit_code,
        item.kind, item.category, item.description, item.evidence_ref, item.responsible_unit,
        item.responsible_person, item.requirement, item.deadline, item.measures, item.progress,
        item.recheck_finding, item.recheck_note, item.closed_on, item.special_id, item.status,
        item.sent_back_reason, item.needs_review, item.review_reason, item.source_key, due, events, evidence)


# ItemView's fields after case_number, in order, then what list_items needs besides (the order matters).
_LIST_NAMES = ("id", "campaign_id", "seq", "case_id", "unit_code", "kind", "category", "description", "evidence_ref",
               "responsible_unit", "responsible_person", "requirement", "deadline", "measures", "progress",
               "recheck_finding", "recheck_note", "closed_on", "special_id", "status", "sent_back_reason",
               "needs_review", "review_reason", "source_key")
_LIST_COLUMNS = tuple(getattr(RectificationItem, n) for n in _LIST_NAMES)


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
        if campaign_id is not None:
            campaign_of(s, campaign_id)
        # Plain columns, not ORM rows: no identity map for thousands of items (5× faster at 10,000 rows), and
        # of the case its two fields only (a whole Case row carries its summary text). The due state comes out
        # of SQL, from each campaign's working-day bounds computed here once.
        state = _due_state_column(s, today, campaign_id)
        stmt = select(*_LIST_COLUMNS, Case.external_id, Case.case_number, state).join(
            Case, Case.id == RectificationItem.case_id)
        if campaign_id is not None:
            stmt = stmt.where(RectificationItem.campaign_id == campaign_id)
        if unit is not None:
            stmt = stmt.where(RectificationItem.unit_code == unit)
        if status is not None:
            stmt = stmt.where(RectificationItem.status == status)
        if case_ref is not None:
            stmt = stmt.where(RectificationItem.case_id == resolve_case(s, case_ref).id)
        if due is not None:
            stmt = stmt.where(RectificationItem.status.in_(rules.OWED), state == due)
        rows = s.connection().execute(stmt.order_by(RectificationItem.campaign_id, RectificationItem.seq)).all()
        with collector_paused():
            # id, number, campaign, case id, the case's two fields, then the item's own fields in order, due.
            return [ItemView(r[0], f"{r[1]}-Z{r[2]:04d}", r[1], r[3], r[-3], r[-2], *r[4:-3], due=r[-1])
                    for r in rows]


def _due_state_column(s: Session, today: date, campaign_id: str | None = None) -> ColumnElement[str | None]:
    """'overdue' / 'due_soon' / NULL per item as SQL, the same as due_of: owed items only, "due soon" up to
    each campaign's own bound (its due_soon_days working days from today, counted here once per campaign)."""
    ids = [campaign_id] if campaign_id is not None else list(s.execute(select(Campaign.id)).scalars())
    window = campaign_windows(s, today)
    bounds = {cid: window(cid)[1] for cid in ids}
    soon: ColumnElement[str] | str
    if campaign_id is not None:
        soon = bounds[campaign_id]
    else:  # no campaign yet: nothing is due soon (there are no items either)
        soon = case(bounds, value=RectificationItem.campaign_id, else_=today.isoformat()) if bounds else today.isoformat()
    owed = RectificationItem.status.in_(rules.OWED)
    return due_of_sql(RectificationItem.deadline, owed, today.isoformat(), soon).label("due")


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
        window = campaign_windows(s, today)
        out = []
        for i in ids:
            if i not in found:
                continue
            item, ext, number = found[i]
            out.append(_view(s, item, ext, number, window(item.campaign_id)))
        return out
