"""The campaign ledger (.xlsx) read back with openpyxl: sheets, headers, one row per case, formats, filters."""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.documents.ledger import SHEETS, Column, LedgerSheet, LedgerTable, ledger_xlsx
from reviewdesk.documents.statistics import CampaignStats
from reviewdesk.services import reports
from reviewdesk.store.models import ConclusionFinding, FindingDeduction
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.campaign_world import Expected

CASE_HEADER = ("序号", "案件编号", "案号", "案件名称", "案件类型", "承办单位", "评查组组长", "成员", "各专家得分",
               "综合得分", "等次", "评查结论", "处理建议", "整改期限", "意见书文号", "合议日期", "状态")
PROBLEM_HEADER = ("序号", "案件编号", "案号", "承办单位", "问题类别", "问题描述", "证据位置", "评分项")
OUTCOME_ZH = {"wrong": "错案", "flawed": "瑕疵案", "none": "无问题"}


@pytest.fixture
def admin(enriched_demo: Path) -> Iterator[OpenWorkspace]:
    with Workspace(enriched_demo).open("admin", DEMO_PASSWORD) as ws:
        yield ws


def _rows(sheet: Worksheet) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def _column(sheet: Worksheet, header: str) -> int:
    return [c.value for c in sheet[1]].index(header)


def test_ledger_sheets_rows_and_formats(admin: OpenWorkspace) -> None:
    expected = Expected.read(admin)
    wb = openpyxl.load_workbook(io.BytesIO(reports.ledger(admin, DEMO_CAMPAIGN)))
    assert wb.sheetnames == ["案件台账", "问题清单", "评分明细", "统计", "整改台账", "线索移送台账", "异议复核"]

    cases = wb["案件台账"]
    assert tuple(c.value for c in cases[1]) == CASE_HEADER
    assert all(c.font.b and c.fill.fill_type == "solid" for c in cases[1])
    assert cases.freeze_panes == "A2"
    assert cases.auto_filter.ref == f"A1:Q{len(expected.selected) + 1}"
    rows = _rows(cases)
    assert len(rows) == len(expected.selected) == 42
    assert [r[0] for r in rows] == list(range(1, 43))
    assert {r[1] for r in rows} == {c.external_id for c in expected.selected}
    by_id = {r[1]: r for r in rows}
    for external_id, c in expected.conclusions.items():
        row = by_id[external_id]
        assert (row[10], row[11], row[16]) == (c.grade, OUTCOME_ZH[c.outcome], "已合议")
        assert row[9] == pytest.approx(c.score)
        assert isinstance(row[15], datetime)  # 合议日期: a real date, not text
        if c.actions["correction"]["required"]:
            assert row[13] == datetime.fromisoformat(c.actions["correction"]["deadline"])
            assert "退回整改" in row[12]
    assert sum(r[16] == "已合议" for r in rows) == len(expected.conclusions)
    assert {r[16] for r in rows} <= {"已合议", "评分中", "未评分"}
    score_cell = next(row[9] for row in cases.iter_rows(min_row=2) if row[9].value is not None)
    assert score_cell.number_format == "0.0"
    assert all(cases.column_dimensions[letter].width >= 6 for letter in "ABCDEFGHIJKLMNOPQ")

    problems = wb["问题清单"]
    assert tuple(c.value for c in problems[1]) == PROBLEM_HEADER
    found = _rows(problems)
    assert len(found) == sum(len(c.findings) for c in expected.conclusions.values()) > 0
    assert all(re.search(r"卷\d+第\d+页", r[6]) for r in found)
    # 评分项: the items a finding rests on (its own item, or the deductions it was made from).
    with admin.read_session() as session:
        backed = session.scalar(
            select(func.count()).select_from(ConclusionFinding)
            .where((ConclusionFinding.item_code.is_not(None)) | ConclusionFinding.id.in_(select(FindingDeduction.finding_id)))
        )
    assert sum(bool(r[7]) for r in found) == backed > 0
    assert problems.freeze_panes == "A2" and problems.auto_filter.ref == f"A1:H{len(found) + 1}"

    details = wb["评分明细"]
    rows = _rows(details)
    caption = next(i for i, r in enumerate(rows) if r[0] == "各评分表小计")
    marks, totals = [r for r in rows[:caption] if r[0] is not None], rows[caption + 2:]
    assert len(totals) == 18  # one per submitted sheet: six panels of three, below the register
    assert marks and all(r[_column(details, "分值")] for r in marks)
    # 类型 is the item's category in its rubric (实体, 程序…), not the kind of entry (扣分).
    assert {r[_column(details, "类型")] for r in marks} <= {"实体", "程序", "裁判文书", "文书制作", "卷宗归档", "作风",
                                                         "证据", "法律适用", "文书", "卷宗", "执行", "加分", "记录"}
    assert "实体" in {r[_column(details, "类型")] for r in marks} or "程序" in {r[_column(details, "类型")] for r in marks}
    assert all(isinstance(r[7], float | int) for r in totals)  # 得分
    # The filter covers the marks only: sorting or filtering never mixes the subtotals in.
    assert details.auto_filter.ref == f"A1:L{len(marks) + 1}" and details.freeze_panes == "A2"

    captions = [r[0] for r in wb["统计"].iter_rows(values_only=True) if r[0] and str(r[0])[1:2] == "、"]
    assert captions[0] == "一、基本情况" and any("发现的问题" in c for c in captions)


def test_ledger_is_built_in_memory(admin: OpenWorkspace, monkeypatch: pytest.MonkeyPatch) -> None:
    stats = reports.campaign_stats(admin, DEMO_CAMPAIGN)

    def refuse(*_a: Any, **_k: Any) -> None:
        raise AssertionError("the ledger must not touch a temporary file")

    for name in ("NamedTemporaryFile", "TemporaryFile", "mkstemp", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    assert ledger_xlsx(stats)[:2] == b"PK"


def test_later_registers_are_one_more_builder(admin: OpenWorkspace) -> None:
    stats = reports.campaign_stats(admin, DEMO_CAMPAIGN)

    def referrals(s: CampaignStats) -> LedgerSheet:
        rows = [(c.external_id, c.conclusion.referral_reason) for c in s.records.cases
                if c.conclusion is not None and c.conclusion.referral_suggested]
        return LedgerSheet("线索移送台账", (LedgerTable((Column("案件编号", 14), Column("线索摘要", 30)), rows),))

    wb = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(stats, (*SHEETS, referrals))))
    assert wb.sheetnames[-1] == "线索移送台账"
    assert len(_rows(wb["线索移送台账"])) == stats.referrals
    assert wb["线索移送台账"].freeze_panes == "A2"


def test_ledger_of_a_campaign_without_cases(admin: OpenWorkspace) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(reports.ledger(admin, "2026-ZX-01")))
    assert tuple(c.value for c in wb["案件台账"][1]) == CASE_HEADER and wb["案件台账"].max_row == 1
    assert wb["问题清单"].auto_filter.ref == "A1:H1"


def test_every_sheet_prints_a4_landscape_one_page_wide_with_titles(admin: OpenWorkspace) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(reports.ledger(admin, DEMO_CAMPAIGN)))
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9, ws.title  # 9: A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert "第&P页 共&N页" in ws.oddFooter.center.text
        assert ws.oddHeader.center.text.startswith(wb.properties.title.removesuffix("台账"))
    for name in ("案件台账", "问题清单", "评分明细"):
        ws = wb[name]
        assert ws.print_title_rows == "$1:$1", name  # the header row repeats on every printed page
        wrapped = [c for c in ws[2] if c.alignment.wrap_text]
        assert wrapped, name
    cases = wb["案件台账"]
    # Sensible widths: the register fits one landscape page wide at a readable scale (≥ 60 %).
    total = sum(cases.column_dimensions[chr(65 + i)].width for i in range(17))
    assert total <= 230
