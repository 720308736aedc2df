"""The follow-up registers as ledger sheets: 整改台账, 线索移送台账, 异议复核 (every field, dates as dates).

`load_followup` reads the campaign's registers in the caller's session; the builders turn them into
`LedgerSheet`s that ledger.py writes with the same header, filter, frozen row and A4 landscape print setup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewdesk.documents.ledger import COUNT, DATE, Column, LedgerSheet, LedgerTable
from reviewdesk.followup import objections as objection_rules
from reviewdesk.followup import rectification as item_rules
from reviewdesk.followup import referrals as referral_rules
from reviewdesk.store.models import (
    Case,
    Objection,
    RectificationEvidence,
    RectificationItem,
    Referral,
    SpecialRectification,
)


@dataclass(frozen=True)
class FollowupRecords:
    items: list[tuple[RectificationItem, Case, str]]  # item, case, special rectification title ("" if none)
    referrals: list[tuple[Referral, Case]]
    objections: list[tuple[Objection, Case]]
    evidence: dict[int, int]  # item id → evidence files


def load_followup(s: Session, campaign_id: str) -> FollowupRecords:
    specials = dict(s.execute(select(SpecialRectification.id, SpecialRectification.title)
                              .where(SpecialRectification.campaign_id == campaign_id)).all())
    items = [(i, c, specials.get(i.special_id, "") if i.special_id else "") for i, c in s.execute(
        select(RectificationItem, Case).join(Case, Case.id == RectificationItem.case_id)
        .where(RectificationItem.campaign_id == campaign_id).order_by(RectificationItem.seq))]
    referrals = list(s.execute(select(Referral, Case).join(Case, Case.id == Referral.case_id)
                               .where(Referral.campaign_id == campaign_id).order_by(Referral.id)).all())
    objections = list(s.execute(select(Objection, Case).join(Case, Case.id == Objection.case_id)
                                .where(Objection.campaign_id == campaign_id).order_by(Objection.id)).all())
    evidence = dict(s.execute(select(RectificationEvidence.item_id, func.count())
                              .join(RectificationItem, RectificationItem.id == RectificationEvidence.item_id)
                              .where(RectificationItem.campaign_id == campaign_id)
                              .group_by(RectificationEvidence.item_id)).all())
    return FollowupRecords(items, referrals, objections, evidence)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _lines(entries: list[dict[str, str]], *keys: str) -> str:
    return "\n".join(" ".join(e.get(k, "") for k in keys if e.get(k)) for e in entries)


def rectification_sheet(records: FollowupRecords) -> LedgerSheet:
    columns = (
        Column("问题编号", 14), Column("案件编号", 12, wrap=True), Column("案号", 18, wrap=True),
        Column("问题类型", 6), Column("问题描述", 30, wrap=True), Column("证据位置", 10, wrap=True),
        Column("责任单位", 14, wrap=True), Column("责任人", 8, wrap=True), Column("整改要求", 24, wrap=True),
        Column("整改期限", 11, DATE), Column("整改措施", 24, wrap=True), Column("整改进展", 14, wrap=True),
        Column("佐证材料", 8, COUNT), Column("回头看情况", 16, wrap=True), Column("销号日期", 11, DATE),
        Column("专项整治", 14, wrap=True), Column("状态", 9), Column("待核对", 6),
    )
    rows: list[tuple[Any, ...]] = []
    for item, case, special in records.items:
        finding = item_rules.RECHECK_FINDINGS.get(item.recheck_finding or "", "")
        rows.append((
            f"{item.campaign_id}-Z{item.seq:04d}", case.external_id, case.case_number, item.kind, item.description,
            item.evidence_ref, item.responsible_unit, item.responsible_person, item.requirement, _day(item.deadline),
            item.measures, item.progress, records.evidence.get(item.id, 0),
            "：".join(p for p in (finding, item.recheck_note) if p), _day(item.closed_on), special,
            item_rules.STATUS_ZH[item.status], "是" if item.needs_review else "",
        ))
    return LedgerSheet("整改台账", (LedgerTable(columns, rows),))


def referral_sheet(records: FollowupRecords) -> LedgerSheet:
    columns = (
        Column("序号", 5, COUNT), Column("案件编号", 12, wrap=True), Column("案号", 18, wrap=True),
        Column("涉及人员（姓名 单位 职务）", 22, wrap=True), Column("线索摘要", 30, wrap=True),
        Column("证据及页码", 22, wrap=True), Column("接收机关", 14, wrap=True), Column("移送日期", 11, DATE),
        Column("移送函文号", 16, wrap=True), Column("反馈期限", 11, DATE), Column("反馈日期", 11, DATE),
        Column("处理结果", 16, wrap=True), Column("承办人", 8, wrap=True), Column("状态", 10),
    )
    rows = []
    for n, (r, case) in enumerate(records.referrals, start=1):
        outcome = referral_rules.OUTCOMES.get(r.outcome or "", "")
        rows.append((
            n, case.external_id, case.case_number, _lines(json.loads(r.persons), "name", "unit", "post"), r.clue,
            _lines(json.loads(r.evidence), "title", "ref"), r.receiving_body, _day(r.sent_on), r.letter_number or "",
            _day(r.feedback_deadline), _day(r.feedback_on), "：".join(p for p in (outcome, r.outcome_detail) if p),
            r.officer, referral_rules.STATUS_ZH[r.status],
        ))
    return LedgerSheet("线索移送台账", (LedgerTable(columns, rows),))


def objection_sheet(records: FollowupRecords) -> LedgerSheet:
    columns = (
        Column("序号", 5, COUNT), Column("案件编号", 12, wrap=True), Column("案号", 18, wrap=True),
        Column("异议人", 14, wrap=True), Column("收到意见日期", 11, DATE), Column("收到异议日期", 11, DATE),
        Column("异议期限", 11, DATE), Column("逾期受理理由", 16, wrap=True), Column("异议理由", 26, wrap=True),
        Column("复核决定", 8), Column("复核理由", 26, wrap=True), Column("复核日期", 11, DATE),
        Column("结论版本", 8, wrap=True),
    )
    rows = []
    for n, (o, case) in enumerate(records.objections, start=1):
        versions = f"第{o.from_version}版→第{o.to_version}版" if o.to_version else f"第{o.from_version}版"
        rows.append((
            n, case.external_id, case.case_number, o.objector, _day(o.delivered_on), _day(o.received_on),
            _day(o.deadline), o.admitted_reason, o.grounds, objection_rules.STATUS_ZH[o.status], o.decision_reason,
            o.decided_at.date() if o.decided_at else None, versions,
        ))
    return LedgerSheet("异议复核", (LedgerTable(columns, rows),))


FOLLOWUP_SHEETS = (rectification_sheet, referral_sheet, objection_sheet)


def followup_sheets(records: FollowupRecords) -> list[LedgerSheet]:
    return [build(records) for build in FOLLOWUP_SHEETS]
