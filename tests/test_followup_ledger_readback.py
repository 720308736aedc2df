"""Audit of issue 16, the ledger's follow-up sheets read back with openpyxl from the demo's registers (every
state, plus a feedback received): 整改台账, 线索移送台账, 异议复核 — every field of every row against the
registers' own reads, dates as date cells, the header bold, frozen and repeated on each printed page, the
filter over the rows, A4 landscape one page wide."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.followup import objections as objection_rules
from reviewdesk.followup import rectification as item_rules
from reviewdesk.followup import referrals as referral_rules
from reviewdesk.services import objections, rectification, referrals, reports, special
from reviewdesk.workspace import OpenWorkspace

ITEM_HEADER = ("问题编号", "案件编号", "案号", "问题类型", "问题描述", "证据位置", "责任单位", "责任人", "整改要求",
               "整改期限", "整改措施", "整改进展", "佐证材料", "回头看情况", "销号日期", "专项整治", "状态", "待核对")
REFERRAL_HEADER = ("序号", "案件编号", "案号", "涉及人员（姓名 单位 职务）", "线索摘要", "证据及页码", "接收机关",
                   "移送日期", "移送函文号", "反馈期限", "反馈日期", "处理结果", "承办人", "状态")
OBJECTION_HEADER = ("序号", "案件编号", "案号", "异议人", "收到意见日期", "收到异议日期", "异议期限",
                    "逾期受理理由", "异议理由", "复核决定", "复核理由", "复核日期", "结论版本")


def _day(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _rows(sheet: Worksheet, header: tuple[str, ...]) -> list[dict[str, Any]]:
    assert tuple(c.value for c in sheet[1]) == header, sheet.title
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def _layout(sheet: Worksheet, header: tuple[str, ...], rows: int) -> None:
    """Header bold and frozen, repeated when printed; the filter over the register's rows; A4 landscape."""
    assert all(c.font.b for c in sheet[1]), sheet.title
    assert sheet.freeze_panes == "A2", sheet.title
    last = openpyxl.utils.get_column_letter(len(header))
    assert sheet.auto_filter.ref == f"A1:{last}{rows + 1}", sheet.title
    assert sheet.print_title_rows == "$1:$1", sheet.title
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9, sheet.title  # 9: A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1, sheet.title


def _dates(sheet: Worksheet, header: tuple[str, ...], names: tuple[str, ...]) -> int:
    """Every filled cell of these columns is a date cell shown as yyyy-mm-dd; how many were filled."""
    filled = 0
    for name in names:
        col = header.index(name) + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            if cell.value is None:
                continue
            assert cell.is_date and isinstance(cell.value, datetime), (sheet.title, name, cell.value)
            assert cell.number_format == "yyyy-mm-dd", (sheet.title, name)
            filled += 1
    return filled


def test_the_three_follow_up_sheets_carry_every_field(demo_ws: OpenWorkspace) -> None:
    ws = demo_ws
    case = rectification.list_items(ws, DEMO_CAMPAIGN)[0].case_id
    draft = referrals.add_referral(ws, str(case), "承办人违规会见当事人",
                                   [referrals.parse_person("李某,兰州市公安局,民警")],
                                   [referrals.parse_evidence("询问笔录@卷2第7页")], DEMO_CAMPAIGN)
    referrals.issue_letter(ws, draft.id, "兰州市纪委监委", sent_on="2026-10-09", officer="张三")
    referrals.record_feedback(ws, draft.id, "punished", "2026-11-02", "给予政务警告处分")
    reported = next(i for i in rectification.list_items(ws, DEMO_CAMPAIGN) if i.status == "reported")
    rectification.attach_evidence(ws, reported.id, [("整改报告.pdf", b"%PDF-1.4 a"), ("会议纪要.jpg", b"\xff\xd8 b")])
    wb = openpyxl.load_workbook(io.BytesIO(reports.ledger(ws, DEMO_CAMPAIGN)))
    assert wb.sheetnames[-3:] == ["整改台账", "线索移送台账", "异议复核"]

    # 整改台账: one row per item in register order, every field as the register shows it.
    items = rectification.list_items(ws, DEMO_CAMPAIGN)
    assert {i.status for i in items} >= {"open", "reported", "sent_back", "closed"}
    titles = {s.id: s.title for s in special.list_specials(ws, DEMO_CAMPAIGN)}
    sheet = wb["整改台账"]
    rows = _rows(sheet, ITEM_HEADER)
    assert len(rows) == len(items)
    for row, listed in zip(rows, items, strict=True):
        item = rectification.show_item(ws, listed.id)
        finding = item_rules.RECHECK_FINDINGS.get(item.recheck_finding or "", "")
        assert row == {
            "问题编号": item.number, "案件编号": item.case_external_id, "案号": item.case_number,
            "问题类型": item.kind, "问题描述": item.description, "证据位置": item.evidence_ref,
            "责任单位": item.responsible_unit, "责任人": item.responsible_person or None,
            "整改要求": item.requirement, "整改期限": _day(item.deadline), "整改措施": item.measures or None,
            "整改进展": item.progress or None, "佐证材料": len(item.evidence),
            "回头看情况": "：".join(p for p in (finding, item.recheck_note) if p) or None,
            "销号日期": _day(item.closed_on), "专项整治": titles.get(item.special_id or 0),
            "状态": item_rules.STATUS_ZH[item.status], "待核对": "是" if item.needs_review else None,
        }, item.number
    assert any(r["销号日期"] for r in rows) and any(r["专项整治"] for r in rows) and any(r["佐证材料"] for r in rows)
    assert _dates(sheet, ITEM_HEADER, ("整改期限", "销号日期")) == len(items) + sum(bool(i.closed_on) for i in items)
    _layout(sheet, ITEM_HEADER, len(items))

    # 线索移送台账
    listed_referrals = referrals.list_referrals(ws, DEMO_CAMPAIGN)
    sheet = wb["线索移送台账"]
    rows = _rows(sheet, REFERRAL_HEADER)
    assert len(rows) == len(listed_referrals) >= 2
    for n, (row, r) in enumerate(zip(rows, listed_referrals, strict=True), start=1):
        outcome = referral_rules.OUTCOMES.get(r.outcome or "", "")
        assert row == {
            "序号": n, "案件编号": r.case_external_id, "案号": r.case_number,
            "涉及人员（姓名 单位 职务）": "\n".join(" ".join(v for v in (p["name"], p["unit"], p["post"]) if v)
                                          for p in r.persons) or None,
            "线索摘要": r.clue, "证据及页码": "\n".join(" ".join(v for v in (e["title"], e["ref"]) if v)
                                                for e in r.evidence) or None,
            "接收机关": r.receiving_body or None, "移送日期": _day(r.sent_on), "移送函文号": r.letter_number,
            "反馈期限": _day(r.feedback_deadline), "反馈日期": _day(r.feedback_on),
            "处理结果": "：".join(p for p in (outcome, r.outcome_detail) if p) or None, "承办人": r.officer or None,
            "状态": referral_rules.STATUS_ZH[r.status],
        }, n
    answered = next(row for row in rows if row["状态"] == "已反馈")
    assert answered["处理结果"] == "给予党纪政务处分：给予政务警告处分" and answered["承办人"] == "张三"
    assert answered["反馈日期"] == datetime(2026, 11, 2) and answered["移送日期"] == datetime(2026, 10, 9)
    assert _dates(sheet, REFERRAL_HEADER, ("移送日期", "反馈期限", "反馈日期")) == sum(
        bool(r.sent_on) + bool(r.feedback_deadline) + bool(r.feedback_on) for r in listed_referrals)
    _layout(sheet, REFERRAL_HEADER, len(listed_referrals))

    # 异议复核
    listed_objections = objections.list_objections(ws, DEMO_CAMPAIGN)
    sheet = wb["异议复核"]
    rows = _rows(sheet, OBJECTION_HEADER)
    assert len(rows) == len(listed_objections) == 1
    o = listed_objections[0]
    case_number = next(i.case_number for i in items if i.case_id == o.case_id)
    assert rows[0] == {
        "序号": 1, "案件编号": o.case_external_id, "案号": case_number, "异议人": o.objector,
        "收到意见日期": _day(o.delivered_on), "收到异议日期": _day(o.received_on), "异议期限": _day(o.deadline),
        "逾期受理理由": o.admitted_reason or None, "异议理由": o.grounds,
        "复核决定": objection_rules.STATUS_ZH[o.status], "复核理由": o.decision_reason,
        "复核日期": datetime.combine(date.fromisoformat(o.decided_at[:10]), datetime.min.time()),  # type: ignore[index]
        "结论版本": "第1版→第2版",
    }
    assert rows[0]["复核决定"] == "变更"
    assert _dates(sheet, OBJECTION_HEADER, ("收到意见日期", "收到异议日期", "异议期限", "复核日期")) == 4
    _layout(sheet, OBJECTION_HEADER, 1)


def test_the_sheets_of_a_campaign_without_follow_up_records_are_headers_only(demo_ws: OpenWorkspace) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(reports.ledger(demo_ws, "2026-ZX-01")))
    for name, header in (("整改台账", ITEM_HEADER), ("线索移送台账", REFERRAL_HEADER), ("异议复核", OBJECTION_HEADER)):
        sheet = wb[name]
        assert _rows(sheet, header) == [] and sheet.max_row == 1, name
        _layout(sheet, header, 0)
