"""Builders of officers.xlsx and registry extracts (xlsx from the templates, or CSV) for the collision tests."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from reviewdesk.experts.credit_code import check_character
from reviewdesk.services import collision


def credit(region: str, serial: str = "MA1X2Y3W4") -> str:
    """A valid credit code registered in `region` (6 digits)."""
    first17 = f"92{region}{serial}"
    return first17 + check_character(first17)


def _fill(template: bytes, sheets: dict[str, list[list[object]]]) -> bytes:
    wb = load_workbook(io.BytesIO(template))
    for title, rows in sheets.items():
        ws = wb[title] if title in wb.sheetnames else wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def officers_xlsx(rows: list[list[object]]) -> bytes:
    """Rows: 姓名, 身份证号, 单位代码, 职务, 入职日期, 离职日期, 是否党员, 是否公务员."""
    return _fill(collision.officers_template(), {"干警名单": rows})


def registry_xlsx(companies: list[list[object]], persons: list[list[object]]) -> bytes:
    """companies: 企业名称, 统一社会信用代码, 企业类型, 登记状态, 成立日期, 状态日期, 是否上市;
    persons: 企业名称, 统一社会信用代码, 姓名, 身份证号, 出生日期, 身份, 持股比例, 认缴出资额, 出资日期."""
    return _fill(collision.registry_template(), {"企业": companies, "股东及高管": persons})


FLAT_HEADER = ["企业名称", "统一社会信用代码", "企业类型", "登记状态", "成立日期", "状态日期", "是否上市",
               "姓名", "身份证号", "出生日期", "身份", "持股比例", "认缴出资额", "出资日期"]


def registry_csv(rows: list[list[object]], encoding: str = "utf-8") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(FLAT_HEADER)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
