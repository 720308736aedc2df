"""The one way the app reads an untrusted .xlsx: bounded before parsing, every row read, nothing dropped unsaid.

- Before openpyxl sees the file, `office_zip` checks the archive, and every worksheet and the shared-string
  table are streamed through expat: a cell longer than Excel's own limit (32,767 characters) is refused with
  its sheet, row and column, and the number of shared strings is capped, so parsing stays within a fixed
  memory budget whatever the file claims.
- Rows are read as the file holds them, never as its `<dimension ref>` says: writers other than Excel leave
  a stale one (or none), and openpyxl's read-only sheets stop at it (`reset_dimensions` lifts that).
- Content the reader does not use (a column with an unknown header, values under no header, a sheet nobody
  reads) becomes a `Notice`, which importers report as a warning.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from reviewdesk import office_zip
from reviewdesk.office_zip import OfficeFileRefused

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
MAX_SHARED_STRINGS = 1_000_000
MAX_SMALL_PART = 4 * 1024 * 1024  # workbook.xml and its relationships
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SURROGATE = re.compile("[\ud800-\udfff]")
_CELL_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


@dataclass(frozen=True)
class Notice:
    """Content in the file that the reader did not use."""

    sheet: str
    column: str | None
    reason: str

    def __str__(self) -> str:
        return f"{self.sheet}" + (f" column {self.column}" if self.column else "") + f": {self.reason}"

    def to_json(self) -> dict[str, object]:
        return asdict(self)


class CellRefused(OfficeFileRefused):
    """One cell the app will not read, named by sheet, row and column."""

    def __init__(self, sheet: str, row: int | None, column: str | None, reason: str) -> None:
        where = sheet + (f" row {row}" if row else "") + (f" column {column}" if column else "")
        super().__init__(reason, where)
        self.sheet, self.row, self.column = sheet, row, column


class CellTooLarge(CellRefused):
    def __init__(self, sheet: str, row: int | None, column: str | None) -> None:
        super().__init__(sheet, row, column, f"cell holds more than {MAX_CELL_CHARS} characters (Excel's limit)")


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def open_untrusted(data: bytes, limits: office_zip.ZipLimits = office_zip.DEFAULT) -> Any:
    """An openpyxl read-only workbook, or OfficeFileRefused (bounds) / any parser error (not a workbook)."""
    from openpyxl import load_workbook

    zf = office_zip.open_zip(data, limits)
    with zf:
        sheets, strings_part = _parts(zf)
        # Scan first (memory stays at one chunk), so an over-long cell is named by sheet, row and column
        # even when its part would also break the size limits checked next.
        long_string = _scan_strings(zf, strings_part, limits.max_streamed) if strings_part else None
        for title, part in sheets:
            _scan_sheet(zf, part, title, long_string, limits.max_streamed)
        if long_string is not None:  # in the table but used by no cell we could see
            raise CellTooLarge(f"shared string #{long_string}", None, None)
        office_zip.check_sizes(zf, {part for _title, part in sheets} | {strings_part or ""}, limits)
    return load_workbook(io.BytesIO(data), read_only=True, data_only=True)


def _parts(zf: Any) -> tuple[list[tuple[str, str]], str | None]:
    """(sheet title, member) of every worksheet, and the shared-string member, from workbook.xml and its rels."""
    from defusedxml import ElementTree

    names = set(zf.namelist())
    try:
        book = ElementTree.fromstring(office_zip.read_member(zf, "xl/workbook.xml", MAX_SMALL_PART))
        rels = ElementTree.fromstring(office_zip.read_member(zf, "xl/_rels/workbook.xml.rels", MAX_SMALL_PART))
    except OfficeFileRefused:
        raise
    except Exception:  # missing or malformed: openpyxl will say it is not a workbook
        return [(n, n) for n in sorted(names) if n.startswith("xl/worksheets/")], (
            "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else None)
    targets: dict[str, str] = {}
    strings = None
    for rel in rels.iter("{" + _REL + "Relationship"):
        target = rel.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id", "")] = member
        if rel.get("Type", "").endswith("/sharedStrings") and member in names:
            strings = member
    sheets = []
    for sheet in book.iter("{" + _MAIN + "sheet"):
        member = targets.get(sheet.get(_DOC_REL, ""))
        if member in names:
            sheets.append((sheet.get("name", member), member))
    return sheets, strings


def _scan_strings(zf: Any, part: str, budget: int) -> int | None:
    """Index of the first shared string longer than a cell may be (scanning stops there), else None."""
    state = {"count": 0, "length": 0, "inside": False}

    class Found(Exception):
        pass

    def start(name: str, _attrs: dict[str, str]) -> None:
        if name == _MAIN + "si":
            state["inside"], state["length"] = True, 0
            if state["count"] >= MAX_SHARED_STRINGS:
                raise OfficeFileRefused(f"more than {MAX_SHARED_STRINGS:,} shared strings", part)

    def end(name: str) -> None:
        if name == _MAIN + "si":
            state["inside"] = False
            state["count"] += 1

    def text(data: str) -> None:
        if state["inside"]:
            state["length"] += len(data)
            if state["length"] > MAX_CELL_CHARS:
                raise Found

    try:
        office_zip.scan_xml(office_zip.chunks(zf, part, budget), part, start=start, end=end, text=text)
    except Found:
        return state["count"]
    return None


def _scan_sheet(zf: Any, part: str, title: str, long_string: int | None, budget: int) -> None:
    """Refuse a cell longer than MAX_CELL_CHARS (or one showing the over-long shared string), naming it."""
    pos = {"row": 0, "col": 0, "length": 0, "shared": False, "in_cell": False, "in_v": False}
    value: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == _MAIN + "row":
            r = attrs.get("r", "")
            pos["row"] = int(r) if r.isdigit() else pos["row"] + 1
            pos["col"] = 0
        elif name == _MAIN + "c":
            m = _CELL_REF.match(attrs.get("r", ""))
            if m:
                from openpyxl.utils import column_index_from_string

                pos["col"] = column_index_from_string(m.group(1))
            else:
                pos["col"] += 1
            pos["in_cell"], pos["length"], pos["shared"] = True, 0, attrs.get("t") == "s"
            value.clear()
        elif name == _MAIN + "v":
            pos["in_v"] = True

    def end(name: str) -> None:
        if name == _MAIN + "c":
            pos["in_cell"] = False
            if pos["shared"] and long_string is not None and "".join(value).strip() == str(long_string):
                raise CellTooLarge(title, pos["row"], column_letter(max(pos["col"], 1)))
        elif name == _MAIN + "v":
            pos["in_v"] = False

    def text(data: str) -> None:
        if not pos["in_cell"]:
            return
        pos["length"] += len(data)
        if pos["length"] > MAX_CELL_CHARS:
            raise CellTooLarge(title, pos["row"] or None, column_letter(max(pos["col"], 1)))
        if pos["in_v"] and pos["shared"] and len(value) < 4:
            value.append(data)

    office_zip.scan_xml(office_zip.chunks(zf, part, budget), f"sheet {title}", start=start, end=end, text=text)


def _values(ws: Any, title: str, first_row: int, **bounds: int) -> Iterator[tuple[Any, ...]]:
    """openpyxl's rows; whatever it raises on a damaged sheet (a missing shared string, a bad number) becomes
    a CellRefused naming the sheet and the row it was reading."""
    number = first_row
    rows = ws.iter_rows(min_row=first_row, values_only=True, **bounds)
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as err:  # openpyxl has no error type of its own for a damaged sheet
            raise CellRefused(title, number, None, f"cannot be read ({type(err).__name__}: damaged sheet)") from None
        yield values
        number += 1


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


@dataclass
class Table:
    """One sheet read as a header row and data rows, whatever the sheet's declared dimension says.

    `keys[i]` is the field of column i+1 (None: the reader does not use it). Iterate `rows()` to the end to
    have unused content recorded in `notices`."""

    title: str
    keys: list[str | None]
    header: tuple[Any, ...]
    _ws: Any = field(repr=False)
    notices: list[Notice] = field(default_factory=list)

    def rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """(row number, {field: value}) of every non-blank data row."""
        unused: dict[int, int] = {}
        for number, values in enumerate(_values(self._ws, self.title, 2), start=2):
            if all(_blank(v) for v in values):
                continue
            for i, v in enumerate(values):
                if isinstance(v, str) and _SURROGATE.search(v):
                    raise CellRefused(self.title, number, column_letter(i + 1),
                                      "holds an unpaired surrogate (\\ud800–\\udfff), not valid Unicode")
                if not _blank(v) and (i >= len(self.keys) or self.keys[i] is None):
                    unused[i] = unused.get(i, 0) + 1
            yield number, {k: v for k, v in zip(self.keys, values, strict=False) if k}
        for i in sorted(unused):
            head = self.header[i] if i < len(self.header) and not _blank(self.header[i]) else None
            what = f"under the header {str(head).strip()!r}" if head is not None else "under no header"
            self.notices.append(Notice(self.title, column_letter(i + 1),
                                       f"{unused[i]} value(s) {what} were not read (not a column of this sheet)"))


def table(ws: Any, key_of: Callable[[Any], str | None]) -> Table:
    """The sheet's header row mapped to field keys by `key_of`; reading its rows is lifted off the dimension."""
    ws.reset_dimensions()  # a stale or missing <dimension ref> must not hide rows or columns
    header = next(_values(ws, ws.title, 1, max_row=1), ())
    keys = [key_of(c) for c in header]
    t = Table(ws.title, keys, tuple(header), ws)
    for i, (head, key) in enumerate(zip(header, keys, strict=False)):
        if key is None and not _blank(head):
            t.notices.append(Notice(ws.title, column_letter(i + 1), f"header {str(head).strip()!r} is not a column of this sheet"))
    return t


def unread_sheets(wb: Any, read: set[str], ignore: set[str]) -> list[Notice]:
    """A notice for every sheet with content that the reader neither reads nor knows to skip."""
    found = []
    for title in wb.sheetnames:
        if title in read or title in ignore:
            continue
        ws = wb[title]
        ws.reset_dimensions()
        if any(not _blank(v) for row in _values(ws, title, 1) for v in row):
            found.append(Notice(title, None, "sheet is not read (not part of the template)"))
    return found
