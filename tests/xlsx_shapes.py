"""Reshape an openpyxl-written .xlsx the way other writers save it, by editing the XML inside the zip:
a stale or missing `<dimension ref>`, LibreOffice/WPS-style inline strings, rows and cells without `r`."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS = {"m": MAIN}


def rewrite(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """A copy of the archive with every member passed through edit(name, bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, edit(info.filename, src.read(info)))
    return out.getvalue()


def _sheets(edit: Callable[[etree._Element], None]) -> Callable[[str, bytes], bytes]:
    def apply(name: str, body: bytes) -> bytes:
        if not name.startswith("xl/worksheets/sheet"):
            return body
        root = etree.fromstring(body)
        edit(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return apply


def set_dimension(data: bytes, ref: str | None) -> bytes:
    """Every sheet's <dimension ref> set to `ref` (a stale one, e.g. "A1:N2"), or removed (None)."""

    def edit(root: etree._Element) -> None:
        for dim in root.findall("m:dimension", NS):
            if ref is None:
                root.remove(dim)
            else:
                dim.set("ref", ref)

    return rewrite(data, _sheets(edit))


def libreoffice_style(data: bytes, *, inline: bool = True, drop_refs: bool = True) -> bytes:
    """Shared strings turned into inline strings (as LibreOffice and WPS write them), no dimension, and
    (drop_refs) rows and cells without their `r` attribute, positions implied by order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        strings = []
        if "xl/sharedStrings.xml" in zf.namelist():
            sst = etree.fromstring(zf.read("xl/sharedStrings.xml"))
            strings = ["".join(si.itertext()) for si in sst.findall("m:si", NS)]

    def edit(root: etree._Element) -> None:
        for dim in root.findall("m:dimension", NS):
            root.remove(dim)
        for row in root.iter(f"{{{MAIN}}}row"):
            cells = row.findall("m:c", NS)
            if drop_refs:
                row.attrib.pop("r", None)
                row.attrib.pop("spans", None)
            # Without `r`, positions are implied: fill gaps with empty cells so columns stay in place.
            if drop_refs and cells:
                from openpyxl.utils import column_index_from_string

                expected = 1
                for c in cells:
                    col = column_index_from_string("".join(ch for ch in c.get("r") if ch.isalpha()))
                    while expected < col:
                        c.addprevious(etree.Element(f"{{{MAIN}}}c"))
                        expected += 1
                    expected += 1
            for c in row.findall("m:c", NS):
                if inline and c.get("t") == "s":
                    v = c.find("m:v", NS)
                    text = strings[int(v.text)]
                    c.remove(v)
                    c.set("t", "inlineStr")
                    t = etree.SubElement(etree.SubElement(c, f"{{{MAIN}}}is"), f"{{{MAIN}}}t")
                    t.text = text
                if drop_refs:
                    c.attrib.pop("r", None)

    return rewrite(data, _sheets(edit))
