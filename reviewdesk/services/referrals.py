"""线索移送台账 as services: add a referral by hand (generate adds drafts), issue its letter and send it, record
the discipline body's feedback. Admin keeps it; observers read it; experts see nothing of it (it names persons)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.followup import referrals as rules
from reviewdesk.followup.dates import parse_date, parse_deadline
from reviewdesk.services.base import change, query, require
from reviewdesk.services.followup_settings import (
    KEEPERS,
    READERS,
    campaign_of,
    campaign_window,
    campaign_windows,
    settings_of,
)
from reviewdesk.services.lookup import resolve_case
from reviewdesk.services.panel_seats import case_campaign
from reviewdesk.services.rectification import due_of
from reviewdesk.store.models import Case, Referral
from reviewdesk.workspace import OpenWorkspace


@dataclass(frozen=True)
class ReferralView:
    id: int
    campaign_id: str
    case_id: int
    case_external_id: str
    case_number: str
    unit_code: str
    persons: list[dict[str, str]]
    clue: str
    evidence: list[dict[str, str]]
    receiving_body: str
    officer: str
    sent_on: str | None
    letter_number: str | None
    feedback_deadline: str | None
    feedback_on: str | None
    outcome: str | None
    outcome_detail: str
    status: str  # draft | sent | feedback
    due: str | None  # due_soon | overdue while sent and awaiting feedback
    needs_review: bool
    review_reason: str
    source_key: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _view(r: Referral, case: Case, window: tuple[str, str]) -> ReferralView:
    due = due_of(r.feedback_deadline or "", r.status == rules.SENT and bool(r.feedback_deadline), window)
    return ReferralView(r.id, r.campaign_id, r.case_id, case.external_id, case.case_number, case.unit_code,
                        json.loads(r.persons), r.clue, json.loads(r.evidence), r.receiving_body, r.officer,
                        r.sent_on, r.letter_number, r.feedback_deadline, r.feedback_on, r.outcome,
                        r.outcome_detail, r.status, due, r.needs_review, r.review_reason, r.source_key)


def _row(s: Session, referral_id: int) -> Referral:
    row = s.get(Referral, referral_id)
    if row is None:
        raise NotFound(f"no referral {referral_id}", message_zh=f"没有编号为 {referral_id} 的线索移送")
    return row


def list_referrals(ws: OpenWorkspace, campaign_id: str | None = None, unit: str | None = None,
                   status: str | None = None, due: str | None = None, today: date | None = None) -> list[ReferralView]:
    if status is not None and status not in rules.STATUSES:
        raise ValidationError("status", f"one of {', '.join(rules.STATUSES)}", message_zh="移送状态不正确")
    today = today or clock.now().date()
    with query(ws, "referral.list", READERS) as s:
        stmt = select(Referral, Case).join(Case, Case.id == Referral.case_id)
        if campaign_id is not None:
            campaign_of(s, campaign_id)
            stmt = stmt.where(Referral.campaign_id == campaign_id)
        if unit is not None:
            stmt = stmt.where(Case.unit_code == unit)
        if status is not None:
            stmt = stmt.where(Referral.status == status)
        window = campaign_windows(s, today)
        out = []
        for r, case in s.execute(stmt.order_by(Referral.id)):
            view = _view(r, case, window(r.campaign_id))
            if due is None or view.due == due:
                out.append(view)
        return out


def show_referral(ws: OpenWorkspace, referral_id: int, today: date | None = None) -> ReferralView:
    with query(ws, "referral.show", READERS) as s:
        r = _row(s, referral_id)
        case = s.get(Case, r.case_id)
        assert case is not None
        return _view(r, case, campaign_window(s, r.campaign_id, today or clock.now().date()))


def parse_person(text: str) -> dict[str, str]:
    """"name,unit,post" (Chinese commas too) → a person concerned; the name is required."""
    parts = [p.strip() for p in text.replace("，", ",").split(",")]
    if not parts[0] or len(parts) > 3:
        raise ValidationError("person", f"give NAME,UNIT,POST, not {text!r}",
                              message_zh=f"涉及人员请写成“姓名,单位,职务”，而不是“{text}”")
    parts += [""] * (3 - len(parts))
    return {"name": parts[0], "unit": parts[1], "post": parts[2]}


def parse_evidence(text: str) -> dict[str, str]:
    """"title@卷1第3页" → an evidence entry with its page reference."""
    title, _, ref = text.partition("@")
    if not title.strip():
        raise ValidationError("evidence", f"give TITLE@REF, not {text!r}",
                              message_zh=f"证据请写成“名称@卷×第×页”，而不是“{text}”")
    return {"title": title.strip(), "ref": ref.strip()}


def add_referral(ws: OpenWorkspace, case_ref: str | int, clue: str, persons: list[dict[str, str]],
                 evidence: list[dict[str, str]], campaign_id: str | None = None, receiving_body: str = "",
                 officer: str = "") -> ReferralView:
    """A referral recorded by hand, as a draft until its letter is issued."""
    require(ws, "referral.add", KEEPERS)
    clue = clue.strip()
    if not clue:
        raise ValidationError("clue", "must not be empty", message_zh="请填写线索摘要")
    if not persons:
        raise ValidationError("person", "name at least one person concerned", message_zh="请至少填写一名涉及人员")
    with change(ws, "referral.add", KEEPERS) as ch:
        case = resolve_case(ch.session, str(case_ref))
        campaign = case_campaign(ch.session, case, campaign_id)
        row = Referral(campaign_id=campaign.id, case_id=case.id, source_key=None,
                       persons=json.dumps(persons, ensure_ascii=False), clue=clue,
                       evidence=json.dumps(evidence, ensure_ascii=False), receiving_body=receiving_body.strip(),
                       officer=officer.strip(), status=rules.DRAFT, created_by=ws.actor.username,
                       created_at=clock.now())
        ch.session.add(row)
        ch.session.flush()
        ch.audit(f"referral:{row.id}", campaign=campaign.id, case=case.id, persons=len(persons))
        referral_id = row.id
    return show_referral(ws, referral_id)


def issue_letter(ws: OpenWorkspace, referral_id: int, receiving_body: str | None = None, sent_on: str | None = None,
                 feedback_deadline: str | None = None, officer: str | None = None) -> ReferralView:
    """Issue the 线索移送函's number (once: asking again gives the same number) and record the sending: the
    receiving body, the date sent, the feedback deadline (a date or "N workdays"; default the campaign's)."""
    require(ws, "referral.letter", KEEPERS)
    with change(ws, "referral.letter", KEEPERS) as ch:
        s = ch.session
        r = _row(s, referral_id)
        if r.status != rules.DRAFT:
            if any(v is not None for v in (receiving_body, sent_on, feedback_deadline, officer)):
                raise Conflict(f"referral {r.id} was already sent ({r.letter_number})",
                               message_zh=f"该线索已于 {r.sent_on} 移送（{r.letter_number}），不能再修改移送信息")
            ch.audit(f"referral:{r.id}", number=r.letter_number, issued=False)
            return_id = r.id
        else:
            conf = settings_of(s, r.campaign_id)
            day = parse_date(sent_on, "sent_on") if sent_on else clock.now().date()
            deadline = parse_deadline(feedback_deadline or f"{conf['feedback_days']} workdays", "feedback_deadline", day)
            if deadline.day < day:
                raise ValidationError("feedback_deadline", "lies before the date sent", message_zh="反馈期限早于移送日期")
            body = (receiving_body if receiving_body is not None else r.receiving_body).strip() or rules.DEFAULT_BODY
            prefix, year = conf["referral_prefix"], day.year
            seq = (s.execute(select(func.max(Referral.letter_seq)).where(
                Referral.letter_prefix == prefix, Referral.letter_year == year)).scalar() or 0) + 1
            r.letter_prefix, r.letter_year, r.letter_seq = prefix, year, seq
            r.letter_number = rules.letter_number(prefix, year, seq)
            r.sent_on, r.feedback_deadline, r.receiving_body = day.isoformat(), deadline.day.isoformat(), body
            if officer is not None:
                r.officer = officer.strip()
            r.status = rules.SENT
            ch.audit(f"referral:{r.id}", number=r.letter_number, issued=True, sent_on=r.sent_on,
                     feedback_deadline=r.feedback_deadline, calendar_note=deadline.note)
            return_id = r.id
    return show_referral(ws, return_id)


def record_feedback(ws: OpenWorkspace, referral_id: int, outcome: str, feedback_on: str | None = None,
                    detail: str = "") -> ReferralView:
    """The discipline body's feedback: the date and the outcome (立案审查调查 / 给予处分 (which) / 不予立案 / 其他)."""
    require(ws, "referral.feedback", KEEPERS)
    if outcome not in rules.OUTCOMES:
        raise ValidationError("outcome", f"one of {', '.join(rules.OUTCOMES)}",
                              message_zh="处理结果只能是立案审查调查、给予处分、不予立案或其他")
    if outcome in ("punished", "other") and not detail.strip():
        raise ValidationError("detail", "say which sanction (or what else)",
                              message_zh="请写明给予何种处分（或其他处理的具体情况）")
    day = parse_date(feedback_on, "feedback_on") if feedback_on else clock.now().date()
    with change(ws, "referral.feedback", KEEPERS) as ch:
        r = _row(ch.session, referral_id)
        if r.status != rules.SENT:
            raise Conflict(f"referral {r.id} is {r.status}, not sent",
                           message_zh=f"该线索当前为“{rules.STATUS_ZH[r.status]}”，只有已移送的线索才能登记反馈")
        if r.sent_on and day.isoformat() < r.sent_on:
            raise ValidationError("feedback_on", "lies before the date sent", message_zh="反馈日期早于移送日期")
        r.feedback_on, r.outcome, r.outcome_detail, r.status = day.isoformat(), outcome, detail.strip(), rules.FEEDBACK
        late = bool(r.feedback_deadline and r.feedback_on > r.feedback_deadline)
        ch.audit(f"referral:{r.id}", outcome=outcome, feedback_on=r.feedback_on, late=late)
    return show_referral(ws, referral_id)
