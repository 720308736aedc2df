"""Memory is bounded by design for untrusted files: zip parts are checked (count, declared size, ratio, lying
headers) and streamed before any parser sees them, an over-long cell is refused with its sheet, row and
column, and a PDF or DOCX whose content would inflate past the budget is stored with its text marked
too_large; a DOCX with a DTD is refused by defusedxml."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewdesk.casefiles import pdf_scan
from reviewdesk.casefiles.text import DOCX, PDF, docx_text, extract
from reviewdesk.experts import roster_sheet
from reviewdesk.experts.sheet import SheetErrors
from reviewdesk.packages import builder, spreadsheet
from reviewdesk.packages.manifest import parse
from reviewdesk.services import cases, imports
from reviewdesk.workspace import OpenWorkspace
from tests import hostile_files as h
from tests import xlsx_shapes
from tests.helpers import ROOT
from tests.packaging import fill_template
from tests.test_experts_import import GOOD


def _problems(data: bytes) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(SheetErrors) as err:
        roster_sheet.read(data, "x.xlsx")
    return [(p.sheet, p.row, p.column, p.reason) for p in err.value.problems]


def test_over_long_cell_outside_the_dimension_is_refused_with_its_place() -> None:
    found = _problems(h.xlsx_with_sheet_xml(cell_chars=40 * h.MIB))
    assert found == [("专家", 50, "C", "cell holds more than 32767 characters (Excel's limit)")]


def _with_shared_string(data: bytes, text_chars: int) -> bytes:
    """GOOD with a shared-string table whose string #1 has `text_chars` characters, shown in 专家!F4."""
    sst = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si><si><t>'
           + "长".encode() * text_chars + b"</t></si></sst>")

    def edit(name: str, body: bytes) -> bytes:
        if name == "xl/_rels/workbook.xml.rels":
            return body.replace(b"</Relationships>", b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="'
                                b'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                                b"</Relationships>")
        if name == "[Content_Types].xml":
            return body.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        if name == "xl/worksheets/sheet3.xml":
            return body.replace(b"</sheetData>", b'<row r="4"><c r="F4" t="s"><v>1</v></c></row></sheetData>')
        return body

    return _add(xlsx_shapes.rewrite(data, edit), "xl/sharedStrings.xml", sst)


def _add(data: bytes, name: str, body: bytes) -> bytes:
    return _rezip(data, {name: body})


def test_over_long_shared_string_is_named_by_the_cell_that_shows_it() -> None:
    assert _problems(_with_shared_string(GOOD, 40_000))[0][:3] == ("专家", 4, "F")
    found = _problems(_with_shared_string(GOOD, 30_000))  # within the limit: read as usual
    assert ("专家", 4, "专家编号", "must not be empty") in found


def test_damaged_sheet_is_refused_with_its_row_not_an_internal_error() -> None:
    data = xlsx_shapes.rewrite(GOOD, lambda n, b: b.replace(
        b"</sheetData>", b'<row r="4"><c r="A4" t="s"><v>99999</v></c></row></sheetData>') if n == "xl/worksheets/sheet3.xml" else b)
    assert _problems(data) == [("专家", 4, None, "cannot be read (IndexError: damaged sheet)")]


def _rezip(data: bytes, extra: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, extra.pop(info.filename, src.read(info)))
        for name, body in extra.items():
            dst.writestr(name, body)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: h.zip_lying_size(GOOD, "xl/worksheets/sheet2.xml", 100), "damaged part"),
        (lambda: _rezip(GOOD, {"xl/styles.xml": b"<a>" + b" " * (9 * h.MIB) + b"</a>"}), "more than 8 MiB"),
        (lambda: _rezip(GOOD, {"xl/media/pad.bin": b"\0" * (2 * h.MIB)}), "compressed more than 400:1"),
        (lambda: _rezip(GOOD, {f"x/{i}": b"" for i in range(1001)}), "more than 1000 parts"),
        (lambda: _rezip(GOOD, {"xl/worksheets/sheet2.xml": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a/>'}),
         "has a DTD"),
    ],
)
def test_zip_bounds_are_checked_before_parsing(make, words: str) -> None:
    found = _problems(make())
    assert len(found) == 1 and words in found[0][3], found


def test_cases_xlsx_cell_bomb_names_sheet_row_column(tmp_path: Path) -> None:
    office = tmp_path / "office"
    office.mkdir()
    spreadsheet.write_template(office / "cases.xlsx")
    fill_template(office / "cases.xlsx", office)
    wb = load_workbook(office / "cases.xlsx")
    wb[spreadsheet.SHEETS["cases"][0]]["Q9"] = "案"
    wb.save(office / "cases.xlsx")
    # openpyxl itself cuts cells at 32,767 characters: make the cell longer in the XML.
    long_cell = b'<c r="Q9" t="inlineStr"><is><t>' + b"a" * 33_000 + b"</t>"
    (office / "cases.xlsx").write_bytes(xlsx_shapes.rewrite((office / "cases.xlsx").read_bytes(), lambda n, b: re.sub(
        rb'<c r="Q9"[^>]*><is><t>[^<]*</t>', long_cell, b)))
    with pytest.raises(spreadsheet.SpreadsheetError) as err:
        spreadsheet.read_folder(office)
    assert (err.value.sheet, err.value.row, err.value.column) == ("案件", 9, "Q")


def test_pdf_bombs_are_measured_not_parsed() -> None:
    assert pdf_scan.problem(h.pdf_text()) is None
    assert extract(PDF, h.pdf_text()).text == "Hello ReviewDesk"
    assert "more than 16 MiB" in (pdf_scan.problem(h.pdf_bomb(20 * h.MIB)) or "")
    assert "more than 16 MiB" in (pdf_scan.problem(h.pdf_nested_bomb(64 * h.MIB)) or "")
    assert extract(PDF, h.pdf_bomb(20 * h.MIB)).status == "too_large"
    # Something that is not inflatable counts at deflate's worst case; images are never counted.
    garbage = h.pdf([(b"/Filter /FlateDecode", b"\x78\x9c" + bytes(range(256)) * 200)])
    assert pdf_scan.problem(garbage) is not None
    image = h.pdf([(b"/Filter /FlateDecode", b"q Q"), (b"/Subtype /Image /Filter /FlateDecode", zlib_bomb(32 * h.MIB))])
    assert pdf_scan.problem(image) is None


def zlib_bomb(size: int) -> bytes:
    import zlib

    return zlib.compress(b"\0" * size, 9)


def test_docx_dtd_refused_by_defusedxml_and_bomb_too_large() -> None:
    from defusedxml import DTDForbidden

    with pytest.raises(DTDForbidden):
        docx_text(h.docx_with_dtd())
    assert extract(DOCX, h.docx_with_dtd()).status == "error"
    assert extract(DOCX, h.docx_bomb(80 * h.MIB)).status == "too_large"


_RSS = """
import resource, sys
from tests import hostile_files as h
from tests import xlsx_shapes
from reviewdesk.casefiles.text import extract, PDF
data = h.pdf_bomb(100 * h.MIB)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
status = extract(PDF, data).status
print(status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base)
"""


def test_pdf_bomb_extraction_stays_within_budget() -> None:
    out = subprocess.run([sys.executable, "-c", _RSS], capture_output=True, text=True, cwd=ROOT, timeout=120)
    status, grown_kib = out.stdout.split()
    assert status == "too_large" and int(grown_kib) < 512 * 1024, out.stdout + out.stderr


def test_bomb_pdf_is_stored_and_viewable_text_marked_too_large(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    office = tmp_path / "office"
    office.mkdir()
    spreadsheet.write_template(office / "cases.xlsx")
    fill_template(office / "cases.xlsx", office)
    (office / "files" / "bomb.pdf").write_bytes(h.pdf_bomb(20 * h.MIB))
    wb = load_workbook(office / "cases.xlsx")
    wb[spreadsheet.SHEETS["files"][0]].append(["XF-001", "files/bomb.pdf", "炸弹", None])
    wb.save(office / "cases.xlsx")
    raw, files = spreadsheet.read_folder(office)
    raw["package_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, builder.content_key(raw)))
    result = imports.import_prepared(admin_ws, parse(builder.manifest_bytes(raw)), builder.folder_members(files), "office")
    assert result.documents == 2
    detail = cases.case_detail(admin_ws, "XF-001")
    statuses = {d.title: d.text_status for d in detail.documents}
    assert statuses == {"情况说明": "text", "炸弹": "too_large"}
