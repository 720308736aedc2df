"""Reading an untrusted workbook sheet by sheet, collecting every problem (sheet, row, column, reason).

Header cells are recognised by the Chinese label or the field key (`_header_key` of the cases.xlsx reader,
so both formats follow one convention). openpyxl parses through defusedxml, so external entities are refused.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from reviewdesk import identity_number, workbook
from reviewdesk.errors import ValidationError
from reviewdesk.office_zip import NotAZip, OfficeFileRefused
from reviewdesk.packages.spreadsheet import Row, _header_key
from reviewdesk.workbook import Notice

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
MAX_ERRORS = 200
LIST_SEPARATORS = re.compile(r"[、,，;；]")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = False  # the cell must be filled
    absent_ok: bool = False  # the column may be left out of the sheet altogether


@dataclass(frozen=True)
class SheetSpec:
    title: str
    columns: tuple[Column, ...]

    def label(self, key: str) -> str:
        return next((c.label for c in self.columns if c.key == key), key)


@dataclass(frozen=True)
class SheetProblem:
    sheet: str
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = self.sheet + (f" row {self.row}" if self.row else "") + (f" column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"

    def to_json(self) -> dict[str, object]:
        return asdict(self)


class SheetErrors(ValidationError):
    """The workbook has problems; nothing was written. `problems` lists them all (up to MAX_ERRORS)."""

    def __init__(self, file_name: str, problems: list[SheetProblem], more: int = 0) -> None:
        lines = [str(p) for p in problems] + ([f"… and {more} more"] if more else [])
        lines_zh = [_zh(p) for p in problems] + ([f"……另有 {more} 处"] if more else [])
        count = len(problems) + more
        super().__init__(
            file_name,
            f"{count} problem(s), nothing was imported:\n" + "\n".join(lines),
            message_zh=f"发现 {count} 处问题，未导入任何内容：\n" + "\n".join(lines_zh),
        )
        self.problems = problems
        self.more = more


def _zh(p: SheetProblem) -> str:
    where = p.sheet + (f" 第 {p.row} 行" if p.row else "") + (f" “{p.column}”列" if p.column else "")
    return f"{where}：{p.reason}"


class Problems:
    """Collects problems; stops storing after MAX_ERRORS but keeps counting. `notices` gathers content the
    reader did not use (reported as warnings when the import goes ahead)."""

    def __init__(self, file_name: str, notices: list[Notice] | None = None) -> None:
        self.file_name = file_name
        self.items: list[SheetProblem] = []
        self.more = 0
        self.notices: list[Notice] = notices if notices is not None else []

    def add(self, sheet: str, row: int | None, column: str | None, reason: str) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append(SheetProblem(sheet, row, column, reason))
        else:
            self.more += 1

    def raise_if_any(self) -> None:
        if self.items:
            raise SheetErrors(self.file_name, self.items, self.more)


def open_workbook(data: bytes, problems: Problems) -> Any | None:
    if len(data) > MAX_BYTES:
        problems.add(problems.file_name, None, None, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        return None
    try:
        return workbook.open_untrusted(data)
    except NotAZip as err:
        problems.add(problems.file_name, None, None, f"cannot be read as an Excel workbook (.xlsx) ({err.reason})")
        return None
    except workbook.CellRefused as err:
        problems.add(err.sheet, err.row, err.column, err.reason)
        return None
    except OfficeFileRefused as err:
        problems.add(problems.file_name, None, None, str(err))  # "part: reason"
        return None
    except Exception as err:  # any parser failure means "not a workbook we can read"
        problems.add(problems.file_name, None, None, f"cannot be read as an Excel workbook (.xlsx) ({type(err).__name__})")
        return None


class Cells:
    """One data row with typed, validating accessors; problems go to the collector, accessors return None."""

    def __init__(self, row: Row, spec: SheetSpec, problems: Problems) -> None:
        self.row, self.spec, self.problems = row, spec, problems
        self.ok = True

    @property
    def number(self) -> int:
        return self.row.number

    def fail(self, key: str, reason: str) -> None:
        self.ok = False
        self.problems.add(self.spec.title, self.row.number, self.spec.label(key), reason)

    def present(self, key: str) -> bool:
        return key in self.row.values

    def text(self, key: str, *, max_len: int = 200) -> str | None:
        value = self.row.values.get(key)
        if value is None or str(value).strip() == "":
            if any(c.key == key and c.required for c in self.spec.columns):
                self.fail(key, "must not be empty")
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        text = str(value).strip()
        if len(text) > max_len:
            self.fail(key, f"longer than {max_len} characters")
            return None
        return text

    def pattern(self, key: str, regex: re.Pattern[str], explain: str) -> str | None:
        text = self.text(key, max_len=64)
        if text is not None and not regex.match(text):
            self.fail(key, f"{text!r} {explain}")
            return None
        return text

    def choice(self, key: str, table: dict[str, str]) -> str | None:
        from reviewdesk.experts.vocab import to_key

        text = self.text(key)
        if text is None:
            return None
        found = to_key(text, table)
        if found is None:
            self.fail(key, f"{text!r} is not one of {'、'.join(table.values())} ({', '.join(table)})")
        return found

    def choices(self, key: str, table: dict[str, str]) -> tuple[str, ...] | None:
        from reviewdesk.experts.vocab import to_key

        text = self.text(key, max_len=500)
        if text is None:
            return None
        found: set[str] = set()
        for item in (i.strip() for i in LIST_SEPARATORS.split(text)):
            if not item:
                continue
            key_ = to_key(item, table)
            if key_ is None:
                self.fail(key, f"{item!r} is not one of {'、'.join(table.values())} ({', '.join(table)})")
                return None
            found.add(key_)
        return tuple(k for k in table if k in found)

    def items(self, key: str, *, max_len: int = 32) -> tuple[str, ...] | None:
        text = self.text(key, max_len=1000)
        if text is None:
            return None
        items = list(dict.fromkeys(i.strip() for i in LIST_SEPARATORS.split(text) if i.strip()))
        for item in items:
            if len(item) > max_len:
                self.fail(key, f"{item!r} is longer than {max_len} characters")
                return None
        return tuple(items)

    def identity(self, key: str) -> str | None:
        value = self.row.values.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.fail(key, "identity numbers must be entered as text (Excel rounds 18-digit numbers)")
            return None
        text = self.text(key, max_len=64)
        if text is None:
            return None
        text = text.upper()
        reason = identity_number.problem(text)
        if reason:
            self.fail(key, reason)
            return None
        return text

    def day(self, key: str) -> str | None:
        value = self.row.values.get(key)
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        text = self.text(key, max_len=32)
        if text is None:
            return None
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            self.fail(key, f"{text!r} is not a date like 2026-03-05")
            return None

    def yes_no(self, key: str) -> bool | None:
        from reviewdesk.experts.vocab import NO, YES

        value = self.row.values.get(key)
        if isinstance(value, bool):
            return value
        text = self.text(key, max_len=16)
        if text is None:
            return None
        if text.lower() in YES:
            return True
        if text.lower() in NO:
            return False
        self.fail(key, f"{text!r} must be 是 or 否")
        return None


def rows(wb: Any, spec: SheetSpec, problems: Problems) -> Iterator[Cells]:
    """Data rows of one sheet (blank rows skipped), all of them whatever the sheet's declared dimension.
    A missing sheet or column is one problem and no rows; unused content goes to `problems.notices`."""
    if spec.title not in wb.sheetnames:
        problems.add(spec.title, None, None, "sheet is missing (start from the template)")
        return
    known = {c.key: c.label for c in spec.columns}
    try:
        sheet = workbook.table(wb[spec.title], lambda cell: _header_key(cell, known))
    except workbook.CellRefused as err:
        problems.add(err.sheet, err.row, err.column, err.reason)
        return
    missing = [c for c in spec.columns if c.key not in sheet.keys and not c.absent_ok]
    for column in missing:
        problems.add(spec.title, 1, column.label, "column is missing (start from the template)")
    if missing:
        return
    try:
        for number, values in sheet.rows():
            if number > MAX_ROWS + 1:
                problems.add(spec.title, number, None, f"more than {MAX_ROWS} rows")
                return
            yield Cells(Row(spec.title, number, values), spec, problems)
    except workbook.CellRefused as err:
        problems.add(err.sheet, err.row, err.column, err.reason)
    finally:
        problems.notices.extend(sheet.notices)


def unread_sheets(wb: Any, specs: list[SheetSpec], problems: Problems) -> None:
    """Note every sheet with content that is neither read nor part of the template (说明, 选项)."""
    try:
        problems.notices.extend(workbook.unread_sheets(wb, {s.title for s in specs}, {"说明", "选项"}))
    except workbook.CellRefused as err:
        problems.add(err.sheet, err.row, err.column, err.reason)


def write_template(specs: list[SheetSpec], lists: dict[tuple[str, str], list[str]], notes: list[str]) -> bytes:
    """An empty workbook with header rows (label, then key), text-formatted columns, drop-down lists for
    enumerations (`lists[(sheet title, column key)]`) and an instruction sheet 说明."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.remove(wb.active)
    choices = wb.create_sheet("选项")  # list sources: long lists do not fit a validation formula
    list_col = 0
    for spec in specs:
        sheet = wb.create_sheet(spec.title)
        for col, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=1, column=col, value=f"{column.label}\n{column.key}")
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = max(12, len(column.label) * 2 + 4)
            # Identity numbers and codes must stay text: Excel would round an 18-digit number.
            sheet.column_dimensions[letter].number_format = "@"
            values = lists.get((spec.title, column.key))
            if values:
                list_col += 1
                from openpyxl.utils import get_column_letter

                src = get_column_letter(list_col)
                for i, v in enumerate(values, start=1):
                    choices.cell(row=i, column=list_col, value=v)
                dv = DataValidation(type="list", formula1=f"=选项!${src}$1:${src}${len(values)}", allow_blank=True)
                dv.error, dv.errorTitle = "请从下拉列表中选择", "取值无效"
                sheet.add_data_validation(dv)
                dv.add(f"{letter}2:{letter}2000")
        sheet.row_dimensions[1].height = 32
        sheet.freeze_panes = "A2"
    choices.sheet_state = "hidden"
    note = wb.create_sheet("说明", 0)
    for row, line in enumerate(notes, start=1):
        note.cell(row=row, column=1, value=line)
    note.column_dimensions["A"].width = 120
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
