"""The ledger sheet 数据碰撞排查: the campaign's confirmed hits, one row each, in the ledgers' common layout
(dates as dates, filter, frozen header, A4 landscape; documents/ledger.py writes it). Identity numbers masked."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook

from reviewdesk.collision.results import BASIS_ZH, MatchRow, day
from reviewdesk.collision.vocab import ROLE_ZH
from reviewdesk.documents.ledger import COUNT, DATE, Column, LedgerSheet, LedgerTable, write_sheet

SHEET = "数据碰撞排查"
COLUMNS = (
    Column("序号", 5, COUNT), Column("单位", 16, wrap=True), Column("姓名", 8), Column("身份证号", 20),
    Column("职务", 10, wrap=True), Column("入职日期", 11, DATE), Column("企业名称", 22, wrap=True),
    Column("统一社会信用代码", 20), Column("登记状态", 8), Column("成立日期", 11, DATE), Column("状态日期", 11, DATE),
    Column("身份", 10), Column("持股比例", 8), Column("出资日期", 11, DATE), Column("比对方式", 12),
    Column("情形", 24, wrap=True), Column("依据", 30, wrap=True), Column("认定说明", 20, wrap=True),
    Column("认定人", 8), Column("证据（登记信息行）", 16),
)


def sheet(rows: Sequence[MatchRow]) -> LedgerSheet:
    table = [
        (n, f"{r.unit_name}（{r.unit_code}）", r.officer_name, r.officer_id_masked, r.officer_post or "",
         day(r.service_from), r.company, r.credit_code or "", r.company_status, day(r.established_on), day(r.status_on),
         r.post if r.post != ROLE_ZH[r.role] else ROLE_ZH[r.role], "" if r.stake is None else f"{r.stake:g}%",
         day(r.stake_on), BASIS_ZH[r.basis], r.wording, r.rule_basis, r.reason or "", r.decided_by or "", r.evidence)
        for n, r in enumerate(rows, start=1)
    ]
    return LedgerSheet(SHEET, (LedgerTable(COLUMNS, table),))


def workbook(campaign_name: str, rows: Sequence[MatchRow]) -> bytes:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    write_sheet(wb.create_sheet(), sheet(rows), campaign_name)
    wb.properties.title = f"{campaign_name}{SHEET}"
    wb.properties.creator = "ReviewDesk"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
