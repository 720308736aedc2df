"""registry.xlsx: the interest registry (企业 and 股东及高管), used to find experts' stakes in parties."""

from __future__ import annotations

from dataclasses import dataclass

from reviewdesk.experts import credit_code
from reviewdesk.experts.sheet import (
    Column,
    Problems,
    SheetSpec,
    open_workbook,
    rows,
    unread_sheets,
    write_template,
)
from reviewdesk.experts.vocab import HOLDER_ROLE_ZH
from reviewdesk.workbook import Notice

COMPANIES = SheetSpec("企业", (Column("name", "企业名称", True), Column("credit_code", "统一社会信用代码")))
HOLDERS = SheetSpec("股东及高管", (
    Column("company_name", "企业名称"), Column("credit_code", "统一社会信用代码"), Column("name", "姓名", True),
    Column("id_number", "身份证号"), Column("role", "身份", True), Column("share", "持股比例"),
))
NOTES = [
    "利益登记表模板（企业及其股东、高管）。每次导入整体替换本机已有的登记信息。",
    "企业：企业名称必填且不重复；统一社会信用代码 18 位（GB 32100，末位为校验码），可留空。",
    "股东及高管：用企业名称或统一社会信用代码指明企业（须在“企业”表中）；身份为 股东/高管/法定代表人；持股比例如 12.5%。",
    "身份证号请以文本格式填写（18 位，末位可为 X）。",
]


@dataclass(frozen=True)
class HolderInput:
    name: str
    id_number: str | None
    role: str
    share: str | None


@dataclass(frozen=True)
class CompanyInput:
    name: str
    credit_code: str | None
    holders: tuple[HolderInput, ...]


def template() -> bytes:
    return write_template([COMPANIES, HOLDERS], {("股东及高管", "role"): list(HOLDER_ROLE_ZH.values())}, NOTES)


def read(data: bytes, file_name: str, notices: list[Notice] | None = None) -> list[CompanyInput]:
    """All companies with their holders, or SheetErrors; content the reader does not use goes to `notices`."""
    problems = Problems(file_name, notices)
    wb = open_workbook(data, problems)
    if wb is None:
        problems.raise_if_any()
    by_name: dict[str, tuple[str | None, int]] = {}
    by_code: dict[str, str] = {}
    holders: dict[str, list[HolderInput]] = {}
    first_row: dict[str, int] = {}  # every named row, valid or not, so duplicates are caught either way
    try:
        unread_sheets(wb, [COMPANIES, HOLDERS], problems)
        for c in rows(wb, COMPANIES, problems):
            name = c.text("name")
            code = c.text("credit_code", max_len=64)
            if code is not None:
                code = code.upper()
                if reason := credit_code.problem(code):
                    c.fail("credit_code", reason)
                elif code in by_code:
                    c.fail("credit_code", f"{code} appears twice")
            if name is not None and name in first_row:
                c.fail("name", f"{name!r} appears twice (first on row {first_row[name]})")
            if name is not None:
                first_row.setdefault(name, c.number)
            if c.ok and name is not None:
                by_name[name] = (code, c.number)
                holders[name] = []
                if code:
                    by_code[code] = name
        for c in rows(wb, HOLDERS, problems):
            company, code = c.text("company_name"), c.text("credit_code", max_len=64)
            target = None
            if company is None and code is None:
                c.fail("company_name", "give the company's name or its credit code")
            elif company is not None:
                target = company if company in by_name else None
                if target is None:
                    c.fail("company_name", f"{company!r} is not on the 企业 sheet")
            else:
                target = by_code.get((code or "").upper())
                if target is None:
                    c.fail("credit_code", f"{code} is not on the 企业 sheet")
            name, number = c.text("name", max_len=100), c.identity("id_number")
            role, share = c.choice("role", HOLDER_ROLE_ZH), c.text("share", max_len=32)
            if c.ok and target and name and role:
                holders[target].append(HolderInput(name, number, role, share))
    finally:
        if wb is not None:
            wb.close()
    problems.raise_if_any()
    return [CompanyInput(name, code, tuple(holders[name])) for name, (code, _row) in by_name.items()]
