"""Text from case documents, in memory only: PDF (pypdfium2), DOCX, plain text.

Untrusted input, read within a fixed memory budget: a PDF's compressed streams are measured before PDFium
sees them (`pdf_scan`); a DOCX is a ZIP of XML, checked part by part (`office_zip`) and read as a stream
through defusedxml, which refuses any DTD (the door to entity tricks); extracted text is capped. A document
over a budget is still stored and viewable; its text status is `too_large`. PDFium runs on the bytes in
memory, never on a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.handler import ContentHandler

from reviewdesk import office_zip
from reviewdesk.casefiles import pdf_scan, pdfium

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT_TYPES = ("text/plain",)
IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/bmp", "image/gif")
MAX_TEXT_SOURCE = 64 * 1024 * 1024  # larger documents are stored and viewable, but not indexed
MAX_TEXT_CHARS = 16 * 1024 * 1024  # extracted text kept for the index (a 1,000-page file holds ~2 M)
_MAX_DOCX_XML = 64 * 1024 * 1024
_DOCX_LIMITS = office_zip.ZipLimits(max_file=MAX_TEXT_SOURCE, max_streamed=_MAX_DOCX_XML, max_part=64 * 1024 * 1024)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACES = re.compile(r"[ \t\u3000]+")


@dataclass(frozen=True)
class Extracted:
    status: str  # text | scanned | none | too_large | error
    text: str
    pages: int | None


class TextTooLarge(ValueError):
    """The document is within its file-size limit but its text (or what it inflates to) is not."""


def has_text_layer(media_type: str) -> bool:
    """Formats whose text is extracted (anything else is stored and viewed, not indexed)."""
    return media_type in (PDF, DOCX, *TEXT_TYPES)


def extract(media_type: str, data: bytes) -> Extracted:
    if len(data) > MAX_TEXT_SOURCE:
        return Extracted("too_large", "", None)
    try:
        if media_type == PDF:
            if pdf_scan.problem(data):
                return Extracted("too_large", "", None)
            return _pdf(data)
        if media_type == DOCX:
            return Extracted("text", docx_text(data), None)
        if media_type in TEXT_TYPES:
            text = decode_text(data)
            return Extracted("text", text, None) if len(text) <= MAX_TEXT_CHARS else Extracted("too_large", "", None)
    except (TextTooLarge, office_zip.OfficeFileRefused) as err:
        return Extracted("error" if isinstance(err, office_zip.NotAZip) else "too_large", "", None)
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
            length = 0
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
                page.close()
                length += len(texts[-1])
                if length > MAX_TEXT_CHARS:
                    return Extracted("too_large", "", len(pdf))
            pages = len(pdf)
        finally:
            pdf.close()
    # Pages apart by a form feed: the search index keeps it (see normalise_for_index), so a hit has a page.
    text = "\f".join(t.replace("\r\n", "\n").replace("\f", "\n") for t in texts)
    if not text.strip():
        return Extracted("scanned", "", pages)
    return Extracted("text", text, pages)


def docx_text(data: bytes) -> str:
    """The paragraphs of word/document.xml, streamed through defusedxml (no DTD), at most MAX_TEXT_CHARS.
    Raises OfficeFileRefused (archive over its limits), TextTooLarge, or a parser error (damaged file)."""
    import defusedxml.sax

    zf = office_zip.open_zip(data, _DOCX_LIMITS)
    with zf:
        office_zip.check_sizes(zf, {"word/document.xml"}, _DOCX_LIMITS)
        handler = _Paragraphs()
        parser = defusedxml.sax.make_parser()
        parser.forbid_dtd = True  # type: ignore[attr-defined]  # Word never writes one; refuse it outright
        parser.setFeature("http://xml.org/sax/features/namespaces", True)
        parser.setContentHandler(handler)
        for chunk in office_zip.chunks(zf, "word/document.xml", _MAX_DOCX_XML):
            parser.feed(chunk)  # type: ignore[attr-defined]
        parser.close()  # type: ignore[attr-defined]
    return "\n".join(handler.paragraphs)


class _Paragraphs(ContentHandler):
    """Collects w:p paragraphs (w:t text, w:tab, w:br/w:cr breaks), refusing more than MAX_TEXT_CHARS."""

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self._parts: list[str] = []
        self._in_t = False
        self._length = 0

    def _add(self, text: str) -> None:
        self._length += len(text)
        if self._length > MAX_TEXT_CHARS:
            raise TextTooLarge(f"more than {MAX_TEXT_CHARS:,} characters of text")
        self._parts.append(text)

    def startElementNS(self, name: tuple[str | None, str], _qname: str | None, _attrs: object) -> None:
        if name[0] != _W[1:-1]:
            return
        if name[1] == "t":
            self._in_t = True
        elif name[1] == "tab":
            self._add("\t")
        elif name[1] in ("br", "cr"):
            self._add("\n")

    def endElementNS(self, name: tuple[str | None, str], _qname: str | None) -> None:
        if name[0] != _W[1:-1]:
            return
        if name[1] == "t":
            self._in_t = False
        elif name[1] == "p":
            self.paragraphs.append("".join(self._parts))
            self._parts = []

    def characters(self, content: str) -> None:
        if self._in_t:
            self._add(content)


_CJK_GAP = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[^\S\f]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)  # whitespace but the page break


def normalise_for_index(text: str) -> str:
    """Join Chinese text that PDF layout split across lines, so a phrase matches across the break."""
    return _SPACES.sub(" ", _CJK_GAP.sub("", text))
