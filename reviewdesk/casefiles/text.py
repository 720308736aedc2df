"""Text from case documents, in memory only: PDF (pypdfium2), DOCX, plain text.

Untrusted input: DOCX is a ZIP of XML, so sizes are capped before inflating and any DOCTYPE (the door to
entity tricks) is refused; PDFium runs on the bytes in memory, never on a file.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from reviewdesk.casefiles import pdfium

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT_TYPES = ("text/plain",)
IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/bmp", "image/gif")
MAX_TEXT_SOURCE = 64 * 1024 * 1024  # larger documents are stored and viewable, but not indexed
_MAX_DOCX_XML = 64 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACES = re.compile(r"[ \t\u3000]+")


@dataclass(frozen=True)
class Extracted:
    status: str  # text | scanned | none | too_large | error
    text: str
    pages: int | None


def has_text_layer(media_type: str) -> bool:
    """Formats whose text is extracted (anything else is stored and viewed, not indexed)."""
    return media_type in (PDF, DOCX, *TEXT_TYPES)


def extract(media_type: str, data: bytes) -> Extracted:
    if len(data) > MAX_TEXT_SOURCE:
        return Extracted("too_large", "", None)
    try:
        if media_type == PDF:
            return _pdf(data)
        if media_type == DOCX:
            return Extracted("text", docx_text(data), None)
        if media_type in TEXT_TYPES:
            return Extracted("text", decode_text(data), None)
    except Exception:
        return Extracted("error", "", None)
    return Extracted("none", "", None)


def decode_text(data: bytes) -> str:
    """Plain text as offices write it: UTF-8 (with or without BOM), else GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _pdf(data: bytes) -> Extracted:
    import pypdfium2

    with pdfium.LOCK:
        pdf = pypdfium2.PdfDocument(data)
        try:
            texts = []
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
                page.close()
            pages = len(pdf)
        finally:
            pdf.close()
    text = "\n".join(t.replace("\r\n", "\n") for t in texts)
    if not text.strip():
        return Extracted("scanned", "", pages)
    return Extracted("text", text, pages)


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
        if info.file_size > _MAX_DOCX_XML:
            raise ValueError("document.xml too large")
        xml = zf.read(info)
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ValueError("DOCTYPE in DOCX XML")
    root = ElementTree.fromstring(xml)
    paragraphs = []
    for para in root.iter(f"{_W}p"):
        parts = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(p for p in paragraphs)


_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def normalise_for_index(text: str) -> str:
    """Join Chinese text that PDF layout split across lines, so a phrase matches across the break."""
    return _SPACES.sub(" ", _CJK_GAP.sub("", text))
