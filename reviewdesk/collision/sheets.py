"""officers.xlsx (干警名单) and the registry extract (登记信息, registry.xlsx extended), in Excel or CSV.

Extracts run to hundreds of thousands of rows, so both readers are generators: rows are read streaming
(openpyxl read-only, or the csv module) and handed to the caller one by one, which writes them inside its
one transaction; every problem is collected (sheet, row, column) and raised together at the end, when the
caller rolls back. `tick` is called every TICK rows (progress and cancel).

The extract is either the two sheets of registry.xlsx with more columns — 企业 (one row per company) and
股东及高管 (one row per person and role, naming the company by name or credit code) — or one flat sheet
登记人员 (a CSV file is always this) whose every row carries the company's columns and one person's.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reviewdesk import identity_number, workbook
from reviewdesk.collision import vocab
from reviewdesk.collision.names import name_key
from reviewdesk.experts import credit_code
from reviewdesk.experts.sheet import Cells, Column, Problems, SheetSpec, write_template
from reviewdesk.office_zip import NotAZip, OfficeFileRefused, ZipLimits
from reviewdesk.packages.spreadsheet import Row, _header_key

TICK = 2_000
MAX_BYTES = 1024 * 1024 * 1024  # what the caller reads into memory; the extract of a prefecture fits
LIMITS = ZipLimits(max_file=MAX_BYTES, max_streamed=4 * MAX_BYTES, max_total=4 * MAX_BYTES, max_members=1000)

OFFICERS = SheetSpec("干警名单", (
    Column("name", "姓名", True), Column("id_number", "身份证号", True), Column("unit_code", "单位代码", True),
    Column("post", "职务", absent_ok=True), Column("service_from", "入职日期", absent_ok=True),
    Column("service_until", "离职日期", absent_ok=True), Column("party_member", "是否党员", absent_ok=True),
    Column("civil_servant", "是否公务员", absent_ok=True),
))
_COMPANY_COLUMNS = (
    Column("kind", "企业类型", absent_ok=True), Column("status", "登记状态", True),
    Column("established_on", "成立日期", absent_ok=True), Column("status_on", "状态日期", absent_ok=True),
    Column("listed", "是否上市", absent_ok=True),
)
COMPANIES = SheetSpec("企业", (Column("name", "企业名称", True), Column("credit_code", "统一社会信用代码"), *_COMPANY_COLUMNS))
_PERSON_COLUMNS = (
    Column("name", "姓名", True), Column("id_number", "身份证号"), Column("birth_date", "出生日期", absent_ok=True),
    Column("role", "身份", True), Column("stake", "持股比例", absent_ok=True),
    Column("subscribed", "认缴出资额", absent_ok=True), Column("stake_on", "出资日期", absent_ok=True),
)
HOLDERS = SheetSpec("股东及高管", (Column("company_name", "企业名称"), Column("credit_code", "统一社会信用代码"), *_PERSON_COLUMNS))
FLAT = SheetSpec("登记人员", (Column("company_name", "企业名称", True), Column("credit_code", "统一社会信用代码"),
                           *_COMPANY_COLUMNS, *_PERSON_COLUMNS))

OFFICER_NOTES = [
    "干警名单模板（数据碰撞排查）。每次导入整体替换本评查活动已有的名单。也可导入同样表头的 CSV（UTF-8 或 GB18030）。",
    "姓名、身份证号（18 位，以文本格式填写）、单位代码（须为本机已有的被评查单位）必填；身份证号不得重复。",
    "入职日期、离职日期如 2015-07-01；是否党员、是否公务员填 是 或 否。",
]
REGISTRY_NOTES = [
    "登记信息模板（市场监管部门提供的企业登记数据）。每次导入整体替换本评查活动已有的登记信息。",
    "企业：企业名称、登记状态（存续/在业/吊销/注销/迁出/停业/清算）必填；统一社会信用代码 18 位可留空；"
    "状态日期为吊销或注销的日期；是否上市填 是 或 否。",
    "股东及高管：用企业名称或统一社会信用代码指明企业；身份为 法定代表人/股东/高管（董事、经理等）/监事/经营者；"
    "持股比例如 12.5%；身份证号、出生日期有则填写。",
    "数据量大时可只用一张“登记人员”表（或 CSV 文件）：每行写企业各列和一名人员各列。",
]


@dataclass(frozen=True)
class OfficerIn:
    row: int
    name: str
    name_key: str
    id_number: str
    unit_code: str
    post: str | None
    service_from: date | None
    service_until: date | None
    party_member: bool | None
    civil_servant: bool | None


@dataclass(frozen=True)
class CompanyIn:
    key: str  # credit code, or name when it has none
    name: str
    credit_code: str | None
    kind: str | None
    status: str
    established_on: date | None
    status_on: date | None
    listed: bool


@dataclass(frozen=True)
class PersonIn:
    company_key: str
    sheet: str
    row: int
    name: str
    name_key: str
    id_number: str | None
    region4: str | None  # where the person is registered: masked id's or company credit code's prefecture
    birth_date: date | None
    role: str
    post: str
    stake: float | None  # percent
    subscribed: str | None
    stake_on: date | None


def officers_template() -> bytes:
    return write_template([OFFICERS], {}, OFFICER_NOTES)


def registry_template() -> bytes:
    return write_template([COMPANIES, HOLDERS], {
        ("企业", "status"): list(vocab.STATUSES), ("股东及高管", "role"): list(vocab.ROLE_ZH.values()),
    }, REGISTRY_NOTES)


# -- sources: an xlsx workbook or a CSV file, as (sheet title → rows of {field: value}) ------------------
def is_csv(file_name: str) -> bool:
    return file_name.lower().endswith((".csv", ".txt"))


def _text_stream(data: bytes) -> io.TextIOWrapper:
    """The CSV as text: UTF-8 (with or without BOM), else GB18030 (which also reads GBK and GB2312 files).
    Decoded as it is read, so a large extract is never held as one string beside its bytes; UTF-8 is
    checked first chunk by chunk (nothing kept). UnicodeDecodeError when it is neither."""
    encoding = "utf-8-sig"
    checker = codecs.getincrementaldecoder("utf-8")()
    try:
        for at in range(0, len(data), 1 << 20):
            checker.decode(data[at:at + (1 << 20)], final=at + (1 << 20) >= len(data))
    except UnicodeDecodeError:
        encoding = "gb18030"
        gb = codecs.getincrementaldecoder("gb18030")()
        for at in range(0, len(data), 1 << 20):
            gb.decode(data[at:at + (1 << 20)], final=at + (1 << 20) >= len(data))
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")


class _Source:
    def __init__(self, data: bytes, file_name: str, problems: Problems) -> None:
        self.problems, self.file_name = problems, file_name
        self.wb: Any = None
        self.text: io.TextIOWrapper | None = None
        if len(data) > MAX_BYTES:
            problems.add(file_name, None, None, f"file is larger than {MAX_BYTES // 1024 ** 2} MB")
        elif is_csv(file_name):
            try:
                self.text = _text_stream(data)
            except UnicodeDecodeError:
                problems.add(file_name, None, None, "CSV must be UTF-8 or GB18030 text")
        else:
            self._open_xlsx(data)

    def _open_xlsx(self, data: bytes) -> None:
        p = self.problems
        try:
            self.wb = workbook.open_untrusted(data, LIMITS)
        except NotAZip as err:
            p.add(self.file_name, None, None, f"cannot be read as an Excel workbook (.xlsx) or CSV ({err.reason})")
        except workbook.CellRefused as err:
            p.add(err.sheet, err.row, err.column, err.reason)
        except OfficeFileRefused as err:
            p.add(self.file_name, None, None, str(err))
        except Exception as err:  # any parser failure means "not a workbook we can read"
            p.add(self.file_name, None, None, f"cannot be read as an Excel workbook (.xlsx) ({type(err).__name__})")

    @property
    def ok(self) -> bool:
        return self.wb is not None or self.text is not None

    def has(self, title: str) -> bool:
        return self.wb is not None and title in self.wb.sheetnames

    def rows(self, spec: SheetSpec) -> Iterator[Cells]:
        """Every non-blank data row of `spec`'s sheet (a CSV file is that sheet), as validating Cells."""
        known = {c.key: c.label for c in spec.columns}
        p = self.problems
        if self.text is not None:
            yield from self._csv_rows(spec, known)
            return
        if spec.title not in self.wb.sheetnames:
            p.add(spec.title, None, None, "sheet is missing (start from the template)")
            return
        try:
            sheet = workbook.table(self.wb[spec.title], lambda cell: _header_key(cell, known))
        except workbook.CellRefused as err:
            p.add(err.sheet, err.row, err.column, err.reason)
            return
        if not self._columns(spec, sheet.keys):
            return
        try:
            for number, values in sheet.rows():
                yield Cells(Row(spec.title, number, values), spec, p)
        except workbook.CellRefused as err:
            p.add(err.sheet, err.row, err.column, err.reason)
        finally:
            p.notices.extend(sheet.notices)

    def _columns(self, spec: SheetSpec, keys: list[str | None]) -> bool:
        missing = [c for c in spec.columns if c.key not in keys and not c.absent_ok]
        for column in missing:
            self.problems.add(spec.title, 1, column.label, "column is missing (start from the template)")
        return not missing

    def _csv_rows(self, spec: SheetSpec, known: dict[str, str]) -> Iterator[Cells]:
        assert self.text is not None
        reader = csv.reader(self.text)
        try:
            header = next(reader, [])
            keys = [_header_key(h, known) for h in header]
            if not self._columns(spec, keys):
                return
            for number, values in enumerate(reader, start=2):
                if not any(v.strip() for v in values):
                    continue
                if len(values) > len(keys) and any(v.strip() for v in values[len(keys):]):
                    self.problems.add(spec.title, number, None, "more values than header columns")
                    continue
                yield Cells(Row(spec.title, number, {k: v for k, v in zip(keys, values, strict=False) if k}), spec,
                            self.problems)
        except csv.Error as err:
            self.problems.add(spec.title, reader.line_num, None, f"not valid CSV ({err})")

    def close(self) -> None:
        if self.wb is not None:
            self.wb.close()


# -- typed cells -----------------------------------------------------------------------------------------
_DAY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _day(c: Cells, key: str) -> date | None:
    """A date cell, or ISO / 2020/1/5 / 2020.1.5 / 2020年1月5日 / 20200105 text."""
    value = c.row.values.get(key)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = c.text(key, max_len=32)
    if text is None:
        return None
    m = _DAY.match(text) or (re.match(r"^(\d{4})(\d{2})(\d{2})$", text))
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        pass
    c.fail(key, f"{text!r} is not a date like 2026-03-05")
    return None


def _yes_no(c: Cells, key: str) -> bool | None:
    return c.yes_no(key) if c.present(key) else None


def _stake(c: Cells, key: str) -> float | None:
    """'12.5%' or 12.5 → 12.5; a number of at most 1 without '%' is a fraction (Excel's percent cells)."""
    value = c.row.values.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value) * 100 if 0 < value <= 1 else float(value)
    else:
        text = c.text(key, max_len=32)
        if text is None:
            return None
        cleaned = text.replace("％", "%").replace(" ", "")
        try:
            number = float(cleaned.rstrip("%"))
        except ValueError:
            c.fail(key, f"{text!r} is not a share like 12.5%")
            return None
        if not cleaned.endswith("%") and 0 < number <= 1:
            number *= 100
    if not 0 <= number <= 100:
        c.fail(key, f"{number:g}% is not between 0 and 100")
        return None
    return round(number, 4)


def _person_id(c: Cells) -> tuple[str | None, str | None]:
    """(identity number, prefecture of a masked one): extracts often mask the middle (3205**********1234)."""
    value = c.row.values.get("id_number")
    if isinstance(value, str) and "*" in value:
        text = value.strip()
        return None, text[:4] if text[:4].isdigit() else None
    return c.identity("id_number"), None


# -- the readers -----------------------------------------------------------------------------------------
def read_officers(data: bytes, file_name: str, problems: Problems, units: dict[str, str],
                  tick: Callable[[int], None]) -> Iterator[OfficerIn]:
    """The roster's officers; `units` maps the known unit codes to their region codes."""
    source = _Source(data, file_name, problems)
    first: dict[str, int] = {}
    try:
        if source.ok:
            if source.wb is not None:
                from reviewdesk.experts.sheet import unread_sheets

                unread_sheets(source.wb, [OFFICERS], problems)
            for n, c in enumerate(source.rows(OFFICERS), start=1):
                if n % TICK == 0:
                    tick(n)
                name, number = c.text("name", max_len=100), c.identity("id_number")
                unit = c.text("unit_code", max_len=64)
                if unit is not None and unit not in units:
                    c.fail("unit_code", f"{unit!r} is not a unit known here (import the units' packages first)")
                if number is not None and number in first:
                    c.fail("id_number", f"appears twice (first on row {first[number]})")
                elif number is not None:
                    first[number] = c.number
                post = c.text("post", max_len=100)
                since, until = _day(c, "service_from"), _day(c, "service_until")
                if since and until and until < since:
                    c.fail("service_until", "is before the 入职日期")
                party, civil = _yes_no(c, "party_member"), _yes_no(c, "civil_servant")
                if c.ok and name and number and unit:
                    yield OfficerIn(c.number, name, name_key(name), number, unit, post, since, until, party, civil)
    finally:
        source.close()


def _company(c: Cells, name_field: str, problems_codes: set[str]) -> CompanyIn | None:
    name = c.text(name_field)
    code = c.text("credit_code", max_len=64)
    if code is not None:
        code = code.upper()
        if reason := credit_code.problem(code):
            c.fail("credit_code", reason)
            code = None
    kind = c.text("kind", max_len=64)
    status_text = c.text("status", max_len=64)
    status = vocab.status_key(status_text) if status_text else None
    if status_text and status is None:
        c.fail("status", f"{status_text!r} is not one of {'、'.join(vocab.STATUSES)}")
    established, status_on = _day(c, "established_on"), _day(c, "status_on")
    listed = bool(_yes_no(c, "listed"))
    if not (c.ok and name and status):
        return None
    return CompanyIn(code or name, name, code, kind, status, established, status_on, listed)


def _person(c: Cells, company: CompanyIn | None, company_key: str | None) -> PersonIn | None:
    name = c.text("name", max_len=100)
    number, masked_region = _person_id(c)
    birth = _day(c, "birth_date")
    role_text = c.text("role", max_len=32)
    role = vocab.role_key(role_text) if role_text else None
    if role_text and role is None:
        c.fail("role", f"{role_text!r} is not one of {'、'.join(vocab.ROLE_ZH.values())} (or 董事、经理、投资人…)")
    stake, subscribed, stake_on = _stake(c, "stake"), c.text("subscribed", max_len=64), _day(c, "stake_on")
    if not (c.ok and name and role and company_key):
        return None
    key, post = role
    if company is not None and company.kind and vocab.PROPRIETORSHIP in company.kind and key == "legal_representative":
        key, post = "proprietor", "经营者"  # the 个体工商户's 经营者 is listed as its representative in some extracts
    region = number[:4] if number else masked_region
    if region is None and company is not None and company.credit_code:
        region = company.credit_code[2:6]
    return PersonIn(company_key, c.spec.title, c.number, name, name_key(name), number, region, birth, key, post,
                    stake, subscribed, stake_on)


Item = CompanyIn | PersonIn


def read_registry(data: bytes, file_name: str, problems: Problems, tick: Callable[[int], None]) -> Iterator[Item]:
    """Companies, each before the persons that name it."""
    source = _Source(data, file_name, problems)
    try:
        if not source.ok:
            return
        if source.text is not None or source.has(FLAT.title):
            yield from _flat(source, tick)
        else:
            yield from _two_sheets(source, problems, tick)
    finally:
        source.close()


def _flat(source: _Source, tick: Callable[[int], None]) -> Iterator[Item]:
    seen: set[str] = set()  # keys only: an extract may name half a million companies
    fields = ("company_name", "credit_code", *(col.key for col in _COMPANY_COLUMNS))
    last: tuple[tuple[Any, ...], CompanyIn | None] = ((), None)
    for n, c in enumerate(source.rows(FLAT), start=1):
        if n % TICK == 0:
            tick(n)
        # A company's rows follow one another with the same company columns: validated once, on the first.
        raw = tuple(c.row.values.get(k) for k in fields)
        company = last[1] if raw == last[0] and last[1] is not None else _company(c, "company_name", set())
        last = (raw, company)
        if company is not None and company.key not in seen:
            seen.add(company.key)
            yield company
        person = _person(c, company, company.key if company else None)
        if person is not None:
            yield person


def _two_sheets(source: _Source, problems: Problems, tick: Callable[[int], None]) -> Iterator[Item]:
    from reviewdesk.experts.sheet import unread_sheets

    unread_sheets(source.wb, [COMPANIES, HOLDERS], problems)
    by_key: dict[str, CompanyIn] = {}
    by_name: dict[str, str | None] = {}  # name → key; None when two companies share the name
    first_row: dict[str, int] = {}
    n = 0
    for c in source.rows(COMPANIES):
        n += 1
        if n % TICK == 0:
            tick(n)
        company = _company(c, "name", set())
        if company is None:
            continue
        if company.key in first_row:
            c.fail("credit_code" if company.credit_code else "name",
                   f"{company.key} appears twice (first on row {first_row[company.key]})")
            continue
        first_row[company.key] = c.number
        by_key[company.key] = company
        by_name[company.name] = None if company.name in by_name else company.key
        yield company
    for c in source.rows(HOLDERS):
        n += 1
        if n % TICK == 0:
            tick(n)
        name, code = c.text("company_name"), c.text("credit_code", max_len=64)
        key: str | None = None
        if code is not None:
            key = code.upper() if code.upper() in by_key else None
            if key is None:
                c.fail("credit_code", f"{code} is not on the 企业 sheet")
        elif name is not None:
            if name not in by_name:
                c.fail("company_name", f"{name!r} is not on the 企业 sheet")
            elif by_name[name] is None:
                c.fail("company_name", f"{name!r} names two companies on the 企业 sheet: give the credit code")
            else:
                key = by_name[name]
        else:
            c.fail("company_name", "give the company's name or its credit code")
        person = _person(c, by_key.get(key) if key else None, key)
        if person is not None:
            yield person


def birth_of(number: str) -> date | None:
    if identity_number.problem(number) is not None:
        return None
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
