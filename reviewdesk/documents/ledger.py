"""The campaign's Excel ledgers (台账): one workbook, one sheet per register, built in memory.

Each sheet comes from a builder (`CampaignStats` → `LedgerSheet`); `ledger_xlsx` writes whatever builders it
is given, so later registers (线索移送台账, 整改台账) are one more builder appended to `SHEETS`. The writer
gives every register a bold filled header, frozen header row, auto-filter (over the register's own rows;
tables stacked below it, such as subtotals, stay outside), number formats and widths, and every sheet a
print setup: A4 landscape, one page wide, the header row repeated on every page, the campaign in the page
header and "第N页 共M页" in the footer, long text wrapped in fixed-width columns.
The workbook never touches the disk: case data leaves the store only where the user saves it.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewdesk.documents.blocks import cn_date
from reviewdesk.documents.labels import STATE_ZH, case_type_zh, outcome_zh
from reviewdesk.documents.statistics import CampaignStats, CaseRecord, ConclusionRecord

SCORE = "0.0"
DATE = "yyyy-mm-dd"
PERCENT = "0.0%"
COUNT = "0"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill(fill_type="solid", start_color="FFD9E1F2", end_color="FFD9E1F2")
CAPTION_FONT = Font(bold=True, size=12)
THIN = Side(style="thin", color="FF999999")
HEADER_BORDER = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
MAX_WIDTH = 40.0  # a column never grows wider than this; wrapping columns keep their given width
PAGE_FOOTER = "第&P页 共&N页"
ROW_LINE_PT = 14.0  # one line of 11 pt text in a row
TOP = Alignment(vertical="top")


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # minimum width in Excel character units; grows with the content up to MAX_WIDTH
    number_format: str | None = None
    wrap: bool = False


@dataclass(frozen=True)
class LedgerTable:
    columns: tuple[Column, ...]
    rows: Sequence[tuple[Any, ...]]
    caption: str = ""


@dataclass(frozen=True)
class LedgerSheet:
    """A sheet: one register (a single uncaptioned table gets frozen panes and an auto-filter), or several
    captioned tables stacked (the statistics sheet)."""

    name: str  # Chinese, at most 31 characters (Excel's limit)
    tables: tuple[LedgerTable, ...]
    title: str = ""  # printed in the page header beside the campaign's name (default: the sheet's name)


SheetBuilder = Callable[[CampaignStats], LedgerSheet]


# -- the registers ---------------------------------------------------------------------------------------
def _scores(case: CaseRecord) -> str:
    return "；".join(f"{name} {total:.1f}" if total is not None else f"{name} 未提交" for name, total in case.expert_scores)


def _advice(c: ConclusionRecord | None) -> str:
    if c is None:
        return ""
    parts = []
    if c.correction_required:
        deadline = c.correction_deadline
        parts.append(f"退回整改（{cn_date(deadline.year, deadline.month, deadline.day)}前）" if deadline else "退回整改")
    if c.referral_suggested:
        parts.append("建议移送线索" + (f"：{c.referral_reason}" if c.referral_reason else ""))
    return "；".join(parts) or "无"


def case_register(stats: CampaignStats) -> LedgerSheet:
    columns = (
        Column("序号", 5, COUNT), Column("案件编号", 12, wrap=True), Column("案号", 18, wrap=True),
        Column("案件名称", 18, wrap=True), Column("案件类型", 8, wrap=True), Column("承办单位", 14, wrap=True),
        Column("评查组组长", 8, wrap=True), Column("成员", 12, wrap=True), Column("各专家得分", 16, wrap=True),
        Column("综合得分", 8, SCORE), Column("等次", 6), Column("评查结论", 8), Column("处理建议", 18, wrap=True),
        Column("整改期限", 11, DATE), Column("意见书文号", 14, wrap=True), Column("合议日期", 11, DATE),
        Column("状态", 7),
    )
    rows = []
    for n, case in enumerate(stats.records.cases, start=1):
        c = case.conclusion
        rows.append((
            n, case.external_id, case.case_number, case.title, case_type_zh(case.case_type), case.unit_name,
            case.leader, "、".join(case.members), _scores(case), c.score if c else None, c.grade if c else "",
            outcome_zh(c.outcome) if c else "", _advice(c),
            c.correction_deadline if c and c.correction_required else None, case.opinion_number or "",
            c.concluded_on if c else None, STATE_ZH[case.state],
        ))
    return LedgerSheet("案件台账", (LedgerTable(columns, rows),))


def problem_register(stats: CampaignStats) -> LedgerSheet:
    columns = (
        Column("序号", 5, COUNT), Column("案件编号", 12, wrap=True), Column("案号", 18, wrap=True),
        Column("承办单位", 14, wrap=True), Column("问题类别", 9, wrap=True), Column("问题描述", 40, wrap=True),
        Column("证据位置", 12, wrap=True), Column("评分项", 24, wrap=True),
    )
    rows = [
        (n, f.case_external_id, f.case_number, f.unit_name, f.category, f.description, f.evidence_ref,
         " ".join(p for p in (f.item_code or "", f.item_text) if p))
        for n, f in enumerate(stats.records.findings, start=1)
    ]
    return LedgerSheet("问题清单", (LedgerTable(columns, rows),))


KIND_ZH = {"deduct": "扣分", "bonus": "加分", "record": "记录"}


def score_details(stats: CampaignStats) -> LedgerSheet:
    """One row per marked item of each submitted sheet (类型: the item's category, 实体/程序…); below the
    register, outside its filter, each sheet's subtotal: the points taken off, the total and the grade."""
    columns = (
        Column("序号", 5, COUNT), Column("案件编号", 12, wrap=True), Column("案号", 18, wrap=True),
        Column("评查专家", 8, wrap=True), Column("组内职务", 6), Column("评分项", 7), Column("评查内容", 26, wrap=True),
        Column("类型", 8, wrap=True), Column("分值", 6, SCORE), Column("扣分理由", 26, wrap=True),
        Column("证据位置", 12, wrap=True), Column("一票否决", 6),
    )
    rows: list[tuple[Any, ...]] = []
    subtotals: list[tuple[Any, ...]] = []
    for sheet in stats.records.sheets:
        role = {"leader": "组长", "member": "成员"}.get(sheet.role, "")
        head = (sheet.case_external_id, sheet.case_number, sheet.expert_name, role)
        for m in sheet.marks:
            rows.append((len(rows) + 1, *head, m.item_code, m.item_text, m.tag or KIND_ZH.get(m.kind, m.kind),
                         m.points, m.reason, m.evidence_ref, "是" if m.veto else ""))
        deducted = sum(m.points for m in sheet.marks if m.kind == "deduct")
        subtotals.append((len(subtotals) + 1, *head, deducted, "是" if sheet.veto else "", sheet.total,
                          sheet.grade or "", sheet.submitted_on))
    totals = (
        Column("序号", 5, COUNT), Column("案件编号", 12, wrap=True), Column("案号", 18, wrap=True),
        Column("评查专家", 8, wrap=True), Column("组内职务", 6), Column("扣分合计", 7, SCORE), Column("一票否决", 6),
        Column("得分", 6, SCORE), Column("等次", 6), Column("提交日期", 11, DATE),
    )
    return LedgerSheet("评分明细", (LedgerTable(columns, rows), LedgerTable(totals, subtotals, caption="各评分表小计")))


def statistics_sheet(stats: CampaignStats) -> LedgerSheet:
    overview = LedgerTable(
        (Column("项目", 16), Column("数值", 10)),
        [("选取案件（件）", stats.selected), ("已合议（件）", stats.concluded), ("评分中（件）", stats.scoring),
         ("未评分（件）", stats.unscored), ("平均得分", stats.mean_score), ("得分中位数", stats.median_score),
         ("退回整改（件）", stats.corrections), ("建议移送线索（件）", stats.referrals)],
        caption="一、基本情况",
    )
    count, share = Column("件数", 8, COUNT), Column("占比", 9, PERCENT)
    grades = LedgerTable((Column("等次", 16), count, share),
                         [(g.grade, g.count, g.share) for g in stats.by_grade], caption="二、等次分布（已合议案件）")
    outcomes = LedgerTable((Column("评查结论", 16), count, share),
                           [(o.label, o.count, o.share) for o in stats.by_outcome], caption="三、评查结论分布")
    group_cols = (Column("选取件数", 8, COUNT), Column("已合议", 8, COUNT), Column("错案", 6, COUNT),
                  Column("瑕疵案", 8, COUNT), Column("平均得分", 9, SCORE))
    units = LedgerTable((Column("承办单位", 16), *group_cols),
                        [(u.label, u.cases, u.concluded, u.wrong, u.flawed, u.mean_score) for u in stats.by_unit],
                        caption="四、按承办单位")
    types = LedgerTable((Column("案件类型", 16), *group_cols),
                        [(t.label, t.cases, t.concluded, t.wrong, t.flawed, t.mean_score) for t in stats.by_type],
                        caption="五、按案件类型")
    problems = LedgerTable(
        (Column("问题类别", 16), Column("涉及案件", 8, COUNT), Column("问题条数", 8, COUNT),
         Column("占已合议案件", 12, PERCENT)),
        [(c.category, c.cases, c.findings, c.share) for c in stats.categories],
        caption="六、发现的问题（按涉及案件数排序）",
    )
    return LedgerSheet("统计", (overview, grades, outcomes, units, types, problems))


SHEETS: tuple[SheetBuilder, ...] = (case_register, problem_register, score_details, statistics_sheet)


# -- writing ---------------------------------------------------------------------------------------------
def _text_width(value: Any) -> float:
    """Display width in Excel character units: CJK and full-width characters take two."""
    if value is None:
        return 0.0
    text = value.isoformat() if isinstance(value, date) else f"{value:.1f}" if isinstance(value, float) else str(value)
    longest = max(text.split("\n"), key=len)
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest))


def _write_table(ws: Worksheet, table: LedgerTable, top: int, widths: dict[int, float]) -> int:
    """Write the table from row `top`; return the row after it."""
    row = top
    if table.caption:
        ws.cell(row=row, column=1, value=table.caption).font = CAPTION_FONT
        row += 1
    header_row = row
    for col, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=row, column=col, value=column.header)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        # A wrapping header may take two lines; a short column is at least as wide as its header.
        header = _text_width(column.header) / 2 + 1 if column.wrap else _text_width(column.header) + 2
        widths[col] = max(widths.get(col, 0.0), column.width, header)
    if any(c.wrap and _text_width(c.header) > c.width for c in table.columns):
        ws.row_dimensions[header_row].height = ROW_LINE_PT * 2 + 3
    wraps = {col: Alignment(wrap_text=True, vertical="top") for col, c in enumerate(table.columns, start=1) if c.wrap}
    for values in table.rows:
        row += 1
        # Rows as tall as their longest wrapped cell: LibreOffice (and Excel for files it did not write)
        # keeps the default height and prints wrapped lines over each other.
        lines = max((math.ceil(_text_width(v) / max(c.width - 1, 1)) for c, v in zip(table.columns, values, strict=True)
                     if c.wrap and v), default=1)
        if lines > 1:
            ws.row_dimensions[row].height = ROW_LINE_PT * lines + 3
        for col, (column, value) in enumerate(zip(table.columns, values, strict=True), start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if column.number_format and value is not None:
                cell.number_format = column.number_format
            elif isinstance(value, float):  # scores in a mixed column (the statistics overview)
                cell.number_format = SCORE
            if col in wraps:
                cell.alignment = wraps[col]
            else:  # a short column grows to its longest value (wrapping ones keep their width)
                cell.alignment = TOP
                widths[col] = max(widths[col], min(_text_width(value) + 2, MAX_WIDTH))
    return row + 1 if row > header_row else header_row + 1


def _print_setup(ws: Worksheet, campaign: str, title: str, register: bool) -> None:
    """A4 landscape, fit to one page wide (as many pages down as needed), the header row repeated on every
    page, the campaign and the register in the page header, "第N页 共M页" in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if register:
        ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = f"{campaign} {title}".strip()
    ws.oddFooter.center.text = PAGE_FOOTER


def write_sheet(ws: Worksheet, sheet: LedgerSheet, campaign: str = "") -> None:
    ws.title = sheet.name
    widths: dict[int, float] = {}
    register = bool(sheet.tables) and not sheet.tables[0].caption
    row = 1
    for table in sheet.tables:
        end = _write_table(ws, table, row, widths)
        row = end + 1  # one blank row between stacked tables
    if register:
        table = sheet.tables[0]
        ws.freeze_panes = "A2"  # the header stays in view
        last = get_column_letter(len(table.columns))
        ws.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"  # the register's rows only
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    _print_setup(ws, campaign, sheet.title or sheet.name, register)


def ledger_xlsx(stats: CampaignStats, builders: Sequence[SheetBuilder] = SHEETS) -> bytes:
    """The workbook as bytes, sheets in the order of `builders`."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for build in builders:
        write_sheet(wb.create_sheet(), build(stats), stats.campaign_name)
    wb.properties.title = f"{stats.campaign_name}台账"
    wb.properties.creator = "ReviewDesk"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
