"""cases.xlsx: how an organising office describes cases without other tools, and the template for it.

Sheets: 评查活动 campaign (key/value), 案件 cases, 当事人 parties, 承办人 handlers, 文件 files. Each header cell
holds a Chinese label and, on its second line, the field key; either is recognised. Errors name the sheet,
the row and the column. openpyxl parses through defusedxml (a dependency), so external entities are refused.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reviewdesk import office_zip, workbook
from reviewdesk.clock import rfc3339
from reviewdesk.office_zip import NotAZip, OfficeFileRefused
from reviewdesk.packages.manifest import REPEATED_MIN_PETITIONS
from reviewdesk.packages.paths import path_problem
from reviewdesk.workbook import Notice

SHEETS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    # key: (sheet title, [(field key, Chinese label)])
    "campaign": ("评查活动", [("key", "项目"), ("value", "内容")]),
    "cases": (
        "案件",
        [
            ("id", "案件编号"), ("case_number", "案号"), ("title", "案件名称"), ("case_type", "案件类型"),
            ("cause", "案由"), ("stage", "办理阶段"), ("unit_code", "办案单位代码"), ("unit_name", "办案单位名称"),
            ("unit_kind", "单位类别"), ("region_code", "行政区划代码"), ("accepted_on", "受理日期"),
            ("closed_on", "结案日期"), ("petition_count", "信访次数"), ("petition_first_on", "首次信访日期"),
            ("petition_last_on", "最近信访日期"), ("petition_flags", "信访标记"), ("summary", "案情摘要"),
        ],
    ),
    "parties": (
        "当事人",
        [("case_id", "案件编号"), ("name", "姓名或名称"), ("kind", "类别"), ("id_number", "身份证号"), ("role", "诉讼地位"),
         ("counsel", "代理人（姓名（律所），以；分隔）")],
    ),
    "handlers": (
        "承办人",
        [("case_id", "案件编号"), ("name", "姓名"), ("id_number", "身份证号"), ("unit_code", "单位代码"), ("role", "职责")],
    ),
    "files": ("文件", [("case_id", "案件编号"), ("path", "文件路径（相对于本表所在文件夹）"), ("title", "文件标题"), ("media_type", "文件类型（可留空）"),
                     ("volume", "卷号（可留空，即第1卷）")]),
}
CAMPAIGN_KEYS = (("campaign_id", "评查活动编号"), ("campaign_name", "评查活动名称"), ("issuer_name", "签发单位"))
REQUIRED = {
    "cases": ("id", "case_number", "title", "case_type", "unit_code", "unit_name", "unit_kind", "region_code"),
    "parties": ("case_id", "name", "kind", "role"),
    "handlers": ("case_id", "name", "role"),
    "files": ("case_id", "path"),
}
_ID_FIELDS = {"id_number"}
_DATE_FIELDS = {"accepted_on", "closed_on", "petition_first_on", "petition_last_on"}


class SpreadsheetError(ValueError):
    def __init__(self, sheet: str, row: int | None, column: str | None, reason: str) -> None:
        where = sheet + (f" row {row}" if row else "") + (f" column {column}" if column else "")
        super().__init__(f"cases.xlsx: {where}: {reason}")
        self.sheet, self.row, self.column, self.reason = sheet, row, column, reason


def write_template(out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    for key, (title, columns) in SHEETS.items():
        ws = wb.create_sheet(title)
        for col, (field, label) in enumerate(columns, start=1):
            cell = ws.cell(row=1, column=col, value=f"{label}\n{field}")
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[cell.column_letter].width = max(12, len(label) * 2 + 2)
            # Identity numbers and codes must stay text: Excel would round an 18-digit number.
            ws.column_dimensions[cell.column_letter].number_format = "@"
        ws.row_dimensions[1].height = 32
        ws.freeze_panes = "A2"
        if key == "campaign":
            for row, (field, label) in enumerate(CAMPAIGN_KEYS, start=2):
                ws.cell(row=row, column=1, value=f"{label}\n{field}")
    note = wb.create_sheet("说明")
    for row, line in enumerate(
        [
            "案件类型：criminal 刑事 / civil 民事 / administrative 行政 / enforcement 执行 / public_security 治安 / petition 信访",
            "单位类别：court 法院 / procuratorate 检察院 / police 公安 / justice 司法行政 / other 其他",
            "当事人类别：person 自然人 / organization 单位；信访标记：unenforced 长期未执结、unresolved 化解不掉、repeated 反复信访（以逗号分隔；反复信访须信访次数不少于2次）",
            "日期写作 2026-03-05；身份证号请以文本格式填写（18 位，末位校验码可为 X）；文件路径相对于本表所在文件夹。",
        ],
        start=1,
    ):
        note.cell(row=row, column=1, value=line)
    note.column_dimensions["A"].width = 120
    wb.save(out)


@dataclass(frozen=True)
class Row:
    sheet: str
    number: int
    values: dict[str, Any]

    def err(self, column: str | None, reason: str) -> SpreadsheetError:
        return SpreadsheetError(self.sheet, self.number, column, reason)


def _header_key(cell: Any, known: dict[str, str]) -> str | None:
    if cell is None:
        return None
    text = str(cell).strip()
    for part in reversed(text.splitlines()):
        part = part.strip()
        if part in known:
            return part
        for field, label in known.items():
            if part == label:
                return field
    return None


def _rows(wb: Any, key: str, notices: list[Notice]) -> Iterator[Row]:
    """Every non-blank data row, whatever the sheet's declared dimension; unused content goes to `notices`."""
    title, columns = SHEETS[key]
    if title not in wb.sheetnames:
        raise SpreadsheetError(title, None, None, "sheet is missing (start from `reviewdesk package template`)")
    known = dict(columns)
    sheet = workbook.table(wb[title], lambda cell: _header_key(cell, known))
    for field in REQUIRED.get(key, ()):
        if field not in sheet.keys:
            raise SpreadsheetError(title, 1, known[field], "required column is missing")
    for number, values in sheet.rows():
        yield Row(title, number, values)
    notices.extend(sheet.notices)


def _text(row: Row, field: str, *, required: bool = False) -> str | None:
    value = row.values.get(field)
    if value is None or str(value).strip() == "":
        if required:
            raise row.err(_label(row.sheet, field), "must not be empty")
        return None
    if field in _ID_FIELDS and isinstance(value, int | float):
        raise row.err(_label(row.sheet, field), "identity numbers must be entered as text (Excel rounds 18-digit numbers)")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _day(row: Row, field: str) -> str | None:
    value = row.values.get(field)
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise row.err(_label(row.sheet, field), f"{text!r} is not a date like 2026-03-05") from None


def _label(sheet: str, field: str) -> str:
    for _key, (title, columns) in SHEETS.items():
        if title == sheet:
            return dict(columns).get(field, field)
    return field


def _counsel(row: Row, text: str | None) -> list[dict[str, Any]]:
    result = []
    for item in (text or "").replace(";", "；").split("；"):
        item = item.strip()
        if not item:
            continue
        name, _, firm = item.replace("(", "（").replace(")", "）").partition("（")
        result.append({"name": name.strip(), "firm": firm.rstrip("）").strip()})  # required text, "" when none
    return result


def read_folder(
    folder: Path, *, kind_of_package: str = "cases", notices: list[Notice] | None = None,
) -> tuple[dict[str, Any], list[tuple[Path, dict[str, Any]]]]:
    """Read DIR/cases.xlsx into a manifest dict (without signature) and the list of (disk path, file entry).

    Sizes and SHA-256 are computed from the files on disk; the manifest is then validated by the same
    parser that checks packages, so a folder and a package are held to one standard. Every row is read
    (never trusting the sheet's declared size); content the reader does not use is appended to `notices`."""
    notices = notices if notices is not None else []
    sheet_path = folder / "cases.xlsx"
    if not sheet_path.is_file():
        raise SpreadsheetError("cases.xlsx", None, None, f"not found in {folder}")
    try:
        if sheet_path.stat().st_size > office_zip.DEFAULT.max_file:
            raise OfficeFileRefused(f"file is larger than {office_zip.DEFAULT.max_file // (1024 * 1024)} MiB")
        wb = workbook.open_untrusted(sheet_path.read_bytes())
    except NotAZip as err:
        raise SpreadsheetError("cases.xlsx", None, None, f"cannot be read as an Excel workbook ({err.reason})") from None
    except workbook.CellRefused as err:
        raise SpreadsheetError(err.sheet, err.row, err.column, err.reason) from None
    except OfficeFileRefused as err:
        raise SpreadsheetError("cases.xlsx", None, None, str(err)) from None
    except Exception as err:
        raise SpreadsheetError("cases.xlsx", None, None, f"cannot be read as an Excel workbook ({type(err).__name__})") from None
    try:
        notices.extend(workbook.unread_sheets(wb, {title for title, _columns in SHEETS.values()}, {"说明"}))
        meta: dict[str, str] = {}
        for row in _rows(wb, "campaign", notices):
            key = _header_key(row.values.get("key"), dict(CAMPAIGN_KEYS))
            if key:
                meta[key] = _text(row, "value") or ""
        for key, label in CAMPAIGN_KEYS:
            if not meta.get(key):
                raise SpreadsheetError(SHEETS["campaign"][0], None, label, "must be filled in")
        cases: dict[str, dict[str, Any]] = {}
        for row in _rows(wb, "cases", notices):
            cid = _text(row, "id", required=True)
            assert cid is not None
            if cid in cases:
                raise row.err("案件编号", f"{cid} appears twice")
            flags = [f.strip() for f in (_text(row, "petition_flags") or "").replace("，", ",").split(",") if f.strip()]
            count = _text(row, "petition_count")
            petition = None
            if count or flags or _day(row, "petition_first_on"):
                try:
                    petition_count = int(count or 0)
                except ValueError:
                    raise row.err("信访次数", f"{count!r} is not a whole number") from None
                if "repeated" in flags and petition_count < REPEATED_MIN_PETITIONS:
                    raise row.err("信访标记", f"case {cid}: repeated (反复信访) needs 信访次数 of at least "
                                  f"{REPEATED_MIN_PETITIONS}, the count is {petition_count}")
                petition = {"count": petition_count, "first_on": _day(row, "petition_first_on"),
                            "last_on": _day(row, "petition_last_on"), "flags": flags}
            cases[cid] = {
                "id": cid, "case_number": _text(row, "case_number", required=True), "title": _text(row, "title", required=True),
                "case_type": _text(row, "case_type", required=True), "cause": _text(row, "cause") or "",
                "stage": _text(row, "stage") or "",
                "handling_unit": {"code": _text(row, "unit_code", required=True), "name": _text(row, "unit_name", required=True),
                                  "kind": _text(row, "unit_kind", required=True), "region_code": _text(row, "region_code", required=True)},
                "accepted_on": _day(row, "accepted_on"), "closed_on": _day(row, "closed_on"),
                "handlers": [], "parties": [], "petition": petition, "summary": _text(row, "summary") or "",
            }
        for key, target in (("parties", "parties"), ("handlers", "handlers")):
            for row in _rows(wb, key, notices):
                cid = _text(row, "case_id", required=True)
                if cid not in cases:
                    raise row.err("案件编号", f"{cid} is not on the 案件 sheet")
                if key == "parties":
                    entry = {"name": _text(row, "name", required=True), "kind": _text(row, "kind", required=True),
                             "id_number": _text(row, "id_number"), "role": _text(row, "role", required=True),
                             "counsel": _counsel(row, _text(row, "counsel"))}
                else:
                    entry = {"name": _text(row, "name", required=True), "id_number": _text(row, "id_number"),
                             "unit_code": _text(row, "unit_code"), "role": _text(row, "role", required=True)}
                cases[cid][target].append(entry)
        files: list[tuple[Path, dict[str, Any]]] = []
        for row in _rows(wb, "files", notices):
            cid = _text(row, "case_id", required=True)
            if cid not in cases:
                raise row.err("案件编号", f"{cid} is not on the 案件 sheet")
            rel = (_text(row, "path", required=True) or "").replace("\\", "/")
            reason = path_problem(rel)
            if reason:
                raise row.err("文件路径", f"{reason}: {rel!r}")
            disk = folder / rel
            if not disk.is_file() or disk.is_symlink():
                raise row.err("文件路径", f"file not found: {rel}")
            media_type = _text(row, "media_type") or mimetypes.guess_type(disk.name)[0] or "application/octet-stream"
            if disk.suffix.lower() == ".docx":
                media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            entry = {"path": rel, "size": disk.stat().st_size, "sha256": _sha256(disk), "media_type": media_type,
                     "case_id": cid, "title": _text(row, "title") or disk.stem}
            volume = _volume(row)
            if volume is not None:
                entry["volume"] = volume
            files.append((disk, entry))
    except workbook.CellRefused as err:  # a damaged sheet, named by sheet and row
        raise SpreadsheetError(err.sheet, err.row, err.column, err.reason) from None
    finally:
        wb.close()
    manifest = {
        "format": "reviewdesk-package", "version": 1, "kind": kind_of_package, "package_id": str(uuid.uuid4()),
        "created_at": rfc3339(), "issuer": {"name": meta["issuer_name"], "key_id": "0000000000000000"},
        "campaign": {"id": meta["campaign_id"], "name": meta["campaign_name"]},
        "cases": list(cases.values()), "experts": [], "files": [entry for _disk, entry in files],
    }
    return manifest, files


def _volume(row: Row) -> int | None:
    """The optional 卷号 column: a whole number ≥ 1 (Excel may hand it over as 2.0)."""
    text = _text(row, "volume")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        number = 0.0
    if not 1 <= number <= 9999 or number != int(number):
        raise row.err("卷号", f"{text!r} is not a volume number (a whole number from 1)")
    return int(number)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
