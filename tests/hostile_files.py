"""Hostile input files, built in memory: PDF decompression bombs, xlsx with an over-long cell outside the
declared dimension, zips whose headers lie, a DOCX with a DTD. Shared by the tests, the file fuzzer and
bench/hostile_inputs.py (which builds the full-size ones)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

MIB = 1024 * 1024


def pdf(streams: list[tuple[bytes, bytes]]) -> bytes:
    """A one-page PDF: `streams` are (dictionary entries, raw stream data); the first is the page content."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for entries, data in streams:
        objects.append(b"<< " + entries + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _deflate_repeated(unit: bytes, size: int) -> bytes:
    comp = zlib.compressobj(9)
    block = unit * (MIB // len(unit))
    parts = [comp.compress(block) for _ in range(size // len(block))]
    parts.append(comp.flush())
    return b"".join(parts)


def pdf_text(text: str = "Hello ReviewDesk") -> bytes:
    content = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    return pdf([(b"/Filter /FlateDecode", zlib.compress(content))])


def pdf_bomb(inflated: int = 100 * MIB) -> bytes:
    """A small PDF whose page content stream inflates to `inflated` bytes of drawing operators."""
    return pdf([(b"/Filter /FlateDecode", _deflate_repeated(b"0 0 m 1 1 l S\n", inflated))])


def pdf_nested_bomb(inflated: int = 1024 * MIB) -> bytes:
    """Flate inside Flate: the file is a few KB, the second layer inflates to `inflated` bytes."""
    inner = _deflate_repeated(b" ", inflated)
    return pdf([(b"/Filter [/FlateDecode /FlateDecode]", zlib.compress(inner, 9))])


def xlsx_with_sheet_xml(sheet_xml: bytes | None = None, *, cell_chars: int = 0, row: int = 50) -> bytes:
    """A workbook (one sheet 专家 with a header) whose sheet declares A1:B2 but holds, at `row`, an inline-
    string cell of `cell_chars` characters; written in chunks so a 600 MB cell costs no memory here."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "专家"
    ws.append(["专家编号", "姓名"])
    ws.append(["EXP-1", "某"])
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, body)
                continue
            head, tail = body.split(b"</sheetData>")
            with dst.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(head)
                if sheet_xml is not None:
                    fh.write(sheet_xml)
                if cell_chars:
                    fh.write(b'<row r="%d"><c r="C%d" t="inlineStr"><is><t>' % (row, row))
                    block = b"A" * MIB
                    left = cell_chars
                    while left > 0:
                        fh.write(block[:left])
                        left -= MIB
                    fh.write(b"</t></is></c></row>")
                fh.write(b"</sheetData>" + tail)
    return out.getvalue()


def zip_lying_size(data: bytes, member: str, declared: int = 1000) -> bytes:
    """The archive with `member`'s uncompressed size in the central directory set to `declared` (a lie)."""
    raw = bytearray(data)
    name = member.encode()
    pos = 0
    while (pos := raw.find(b"PK\x01\x02", pos)) >= 0:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46:pos + 46 + name_len] == name:
            struct.pack_into("<I", raw, pos + 24, declared)
        pos += 4
    return bytes(raw)


def docx_with_dtd() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("正文")
    buf = io.BytesIO()
    d.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = body.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>', 1)
            dst.writestr(info.filename, body)
    return out.getvalue()


def docx_bomb(inflated: int = 512 * MIB) -> bytes:
    """A DOCX whose document.xml inflates to `inflated` bytes (one paragraph of spaces)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("[Content_Types].xml", b"<Types/>")
        with dst.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            block = b"x" * MIB
            for _ in range(inflated // MIB):
                fh.write(block)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()
