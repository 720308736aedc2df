"""Interview records (谈话笔录): who spoke with whom, when and where, the notice given, questions and answers.

One record per interviewee: parties and original handlers are interviewed separately, so a record has exactly
one interviewee and one relation. Recorded by a member of the case's panel or an admin.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.clock import now
from reviewdesk.errors import NotFound, ValidationError
from reviewdesk.services.base import change, query, require
from reviewdesk.services.lookup import resolve_case
from reviewdesk.services.panel_seats import (
    PANEL_ROLES,
    case_campaign,
    panel,
    require_panel_or_admin,
)
from reviewdesk.store.models import Case, Interview
from reviewdesk.workspace import OpenWorkspace

RELATIONS = ("party", "handler", "other")
NOTICE_KEYS = ("identity", "purpose", "recusal_right", "truth_duty")
NOTICE_ZH = {"identity": "表明身份", "purpose": "说明目的", "recusal_right": "告知申请回避的权利",
             "truth_duty": "告知如实陈述的义务"}


@dataclass(frozen=True)
class QA:
    q: str
    a: str


@dataclass(frozen=True)
class InterviewInput:
    started_at: datetime
    ended_at: datetime
    place: str
    interviewers: list[str]
    recorder: str
    interviewee_name: str
    relation: str  # party | handler | other
    notice: dict[str, bool]  # identity, purpose, recusal_right, truth_duty: all must be True
    qa: list[QA]
    confirmation: str  # the interviewee's confirmation (以上笔录我已看过，与我说的相符)
    interviewee_unit: str = ""


@dataclass(frozen=True)
class InterviewView:
    id: int
    campaign_id: str
    case_id: int
    case_external_id: str
    started_at: str
    ended_at: str
    place: str
    interviewers: list[str]
    recorder: str
    interviewee_name: str
    interviewee_unit: str
    relation: str
    notice: dict[str, bool]
    qa: list[QA] = field(default_factory=list)
    confirmation: str = ""
    created_by: str = ""
    created_at: str = ""
    updated_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# -- validation ------------------------------------------------------------------------------------------
def _bad(name: str, message: str, message_zh: str) -> ValidationError:
    return ValidationError(name, message, message_zh=message_zh)


def _text(value: object, name: str, zh: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad(name, "must not be empty", f"{zh}不能为空")
    return value.strip()


def _time(value: object, name: str) -> datetime:
    """An aware datetime; ISO 8601 text is accepted (without an offset it is taken as this machine's time)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise _bad(name, "give the time as YYYY-MM-DDTHH:MM", "时间格式须为 YYYY-MM-DDTHH:MM") from None
    if not isinstance(value, datetime):
        raise _bad(name, "must be a date and time", "须为日期时间")
    return value if value.tzinfo is not None else value.astimezone()


def validate(data: InterviewInput) -> InterviewInput:
    """The record checked and normalised; each error names its field."""
    started = _time(data.started_at, "started_at")
    ended = _time(data.ended_at, "ended_at")
    if ended <= started:
        raise _bad("ended_at", "must be after started_at", "结束时间须晚于开始时间")
    place = _text(data.place, "place", "地点")
    if not isinstance(data.interviewers, (list, tuple)):
        raise _bad("interviewers", "must be a list of names", "须为姓名列表")
    interviewers = [_text(n, f"interviewers[{i}]", "谈话人姓名") for i, n in enumerate(data.interviewers)]
    if len(set(interviewers)) < 2:
        raise _bad("interviewers", "at least two different interviewers", "谈话人不得少于两人")
    recorder = _text(data.recorder, "recorder", "记录人")
    name = _text(data.interviewee_name, "interviewee_name", "被谈话人姓名")
    unit = data.interviewee_unit.strip() if isinstance(data.interviewee_unit, str) else ""
    if data.relation not in RELATIONS:
        raise _bad("relation", "must be party, handler or other", "须为 party（当事人）、handler（承办人）或 other（其他）")
    if data.relation == "handler" and not unit:
        raise _bad("interviewee_unit", "a handler's unit is required", "原承办人须填写所在单位")
    if not isinstance(data.notice, Mapping):
        raise _bad("notice", "must confirm identity, purpose, recusal_right, truth_duty", "须确认告知事项")
    unknown = sorted(set(data.notice) - set(NOTICE_KEYS))
    if unknown:
        raise _bad(f"notice.{unknown[0]}", "unknown notice", "未知的告知事项")
    for key in NOTICE_KEYS:
        if data.notice.get(key) is not True:
            raise _bad(f"notice.{key}", "must be confirmed as given", f"须确认已{NOTICE_ZH[key]}")
    if not isinstance(data.qa, (list, tuple)) or not data.qa:
        raise _bad("qa", "at least one question and answer", "至少须有一组问答")
    qa = [QA(_text(p.q, f"qa[{i}].q", "问"), _text(p.a, f"qa[{i}].a", "答")) for i, p in enumerate(data.qa)]
    confirmation = _text(data.confirmation, "confirmation", "被谈话人确认意见")
    return InterviewInput(started, ended, place, interviewers, recorder, name, data.relation,
                          {k: True for k in NOTICE_KEYS}, qa, confirmation, unit)


def input_from_json(data: Any) -> InterviewInput:
    """The record from its JSON form (docs/deliberation.md); shape errors name the field."""
    if not isinstance(data, dict):
        raise _bad("interview", "must be a JSON object", "须为 JSON 对象")
    known = {"started_at", "ended_at", "place", "interviewers", "recorder", "interviewee", "notice", "qa",
             "confirmation"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise _bad(unknown[0], "unknown key", "未知字段")
    who = data.get("interviewee")
    if not isinstance(who, dict):
        raise _bad("interviewee", 'must be {"name", "unit", "relation"}', '须为 {"name", "unit", "relation"}')
    raw_qa = data.get("qa")
    if not isinstance(raw_qa, list):
        raise _bad("qa", "must be a list of {q, a}", "须为 {q, a} 列表")
    qa = []
    for i, p in enumerate(raw_qa):
        if not isinstance(p, dict):
            raise _bad(f"qa[{i}]", "must be {q, a}", "须为 {q, a}")
        qa.append(QA(p.get("q", ""), p.get("a", "")))
    return InterviewInput(
        started_at=data.get("started_at"), ended_at=data.get("ended_at"), place=data.get("place", ""),
        interviewers=data.get("interviewers", []), recorder=data.get("recorder", ""),
        interviewee_name=who.get("name", ""), relation=who.get("relation", ""),
        notice=data.get("notice", {}), qa=qa, confirmation=data.get("confirmation", ""),
        interviewee_unit=who.get("unit", "") or "",
    )


# -- store ---------------------------------------------------------------------------------------------
def _columns(data: InterviewInput) -> dict[str, Any]:
    return {
        "started_at": data.started_at, "ended_at": data.ended_at, "place": data.place,
        "interviewers": json.dumps(data.interviewers, ensure_ascii=False),
        "recorder": data.recorder, "interviewee_name": data.interviewee_name,
        "interviewee_unit": data.interviewee_unit, "relation": data.relation,
        "notice": json.dumps(data.notice, sort_keys=True),
        "qa": json.dumps([asdict(p) for p in data.qa], ensure_ascii=False),
        "confirmation": data.confirmation,
    }


def _view(row: Interview, case: Case) -> InterviewView:
    return InterviewView(
        row.id, row.campaign_id, row.case_id, case.external_id,
        row.started_at.isoformat(timespec="minutes"), row.ended_at.isoformat(timespec="minutes"),
        row.place, json.loads(row.interviewers), row.recorder, row.interviewee_name, row.interviewee_unit,
        row.relation, json.loads(row.notice), [QA(**p) for p in json.loads(row.qa)], row.confirmation,
        row.created_by, row.created_at.isoformat(timespec="seconds"), row.updated_at.isoformat(timespec="seconds"),
    )


def _get(session: Session, interview_id: int) -> tuple[Interview, Case]:
    row = session.get(Interview, int(interview_id))
    if row is None:
        raise NotFound(f"no interview record {interview_id}", message_zh=f"没有谈话笔录 {interview_id}")
    case = session.get(Case, row.case_id)
    assert case is not None
    return row, case


def record_interview(
    ws: OpenWorkspace, case_ref: str | int, data: InterviewInput, campaign_id: str | None = None
) -> InterviewView:
    require(ws, "interview.record", PANEL_ROLES)
    clean = validate(data)
    action = "interview.record"
    with change(ws, action, PANEL_ROLES) as ch:
        case = resolve_case(ch.session, str(case_ref))
        campaign = case_campaign(ch.session, case, campaign_id)
        require_panel_or_admin(ch.session, ws, panel(ch.session, campaign.id, case.id), action)
        at = now()
        row = Interview(campaign_id=campaign.id, case_id=case.id, **_columns(clean), created_by=ws.actor.username,
                        created_at=at, updated_at=at)
        ch.session.add(row)
        ch.session.flush()
        ch.audit(f"interview:{row.id}", campaign_id=campaign.id, case_id=case.id, relation=clean.relation,
                 interviewers=len(clean.interviewers), qa=len(clean.qa))
        return _view(row, case)


def update_interview(ws: OpenWorkspace, interview_id: int, data: InterviewInput) -> InterviewView:
    require(ws, "interview.update", PANEL_ROLES)
    clean = validate(data)
    action = "interview.update"
    with change(ws, action, PANEL_ROLES) as ch:
        row, case = _get(ch.session, interview_id)
        require_panel_or_admin(ch.session, ws, panel(ch.session, row.campaign_id, row.case_id), action)
        columns = _columns(clean)
        changed = sorted(k for k, v in columns.items() if getattr(row, k) != v)
        for k, v in columns.items():
            setattr(row, k, v)
        row.updated_at = now()
        ch.audit(f"interview:{row.id}", campaign_id=row.campaign_id, case_id=row.case_id, changed=changed,
                 qa=len(clean.qa))
        return _view(row, case)


def interviews(ws: OpenWorkspace, case_ref: str | int, campaign_id: str | None = None) -> list[InterviewView]:
    """The case's interview records, earliest first (panel members and admins)."""
    action = "interview.list"
    with query(ws, action, PANEL_ROLES) as session:
        case = resolve_case(session, str(case_ref))
        campaign = case_campaign(session, case, campaign_id)
        require_panel_or_admin(session, ws, panel(session, campaign.id, case.id), action)
        rows = session.execute(
            select(Interview).where(Interview.case_id == case.id, Interview.campaign_id == campaign.id)
            .order_by(Interview.started_at, Interview.id)
        ).scalars()
        return [_view(r, case) for r in rows]


def interview(ws: OpenWorkspace, interview_id: int) -> InterviewView:
    action = "interview.show"
    with query(ws, action, PANEL_ROLES) as session:
        row, case = _get(session, interview_id)
        require_panel_or_admin(session, ws, panel(session, row.campaign_id, row.case_id), action)
        return _view(row, case)
