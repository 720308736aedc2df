"""Page images for OCR, in memory only, within the memory bounds the viewer and importer keep.

A PDF is refused before PDFium parses it when its streams would inflate past `pdf_scan`'s budget; each page
is rendered at OCR_DPI and handed on as its red channel (red seals, 公章, pressed over the text fade to near
white there while black and blue ink stay dark: read in plain grey, a seal's strokes hide the words under it), scaled down so that no page bitmap exceeds MAX_PIXELS (the viewer's
bound), and a page with a text layer is handed back as text, not rendered. An image file is opened by Pillow
and refused past MAX_PIXELS before its pixels are decoded.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reviewdesk.casefiles import pdf_scan, pdfium
from reviewdesk.casefiles.text import IMAGE_TYPES, PDF

OCR_DPI = 200  # RapidOCR scales pages to 2,000 px on the long side anyway: A4 at 200 dpi is 2,339
MAX_PIXELS = 40_000_000  # as ui/widgets/document_viewer.py: a page's bitmap at most 120 MB (BGR)
MAX_PAGE_POINTS = 14_400  # PDF's own page-size limit (200 inches)
PAPER = 196  # red-channel level taken as paper white (see _paper_white)


class PagesRefused(ValueError):
    """The document cannot be rendered within the memory bounds (or is damaged); the message says why."""


@dataclass
class Page:
    number: int  # 1-based
    text_layer: str  # the page's own text ("" for a scanned page or an image)
    image: Any = None  # numpy array (height × width, uint8: the red channel) when the page needs OCR


def ocr_candidate(media_type: str) -> bool:
    return media_type == PDF or media_type in IMAGE_TYPES


def pages(media_type: str, data: bytes, *, skip: frozenset[int] = frozenset()) -> Iterator[Page]:
    """Each page of the document in order; pages in `skip` (already recognised) come without image."""
    if media_type in IMAGE_TYPES:
        yield Page(1, "", None if 1 in skip else _image(data))
        return
    if media_type != PDF:
        raise PagesRefused(f"{media_type} has no pages to recognise")
    yield from _pdf_pages(data, skip)


def _check_pdf(data: bytes) -> None:
    reason = pdf_scan.problem(data)
    if reason is not None:
        raise PagesRefused(f"not rendered: {reason}")


def _pdf_pages(data: bytes, skip: frozenset[int]) -> Iterator[Page]:
    import pypdfium2

    _check_pdf(data)
    with pdfium.LOCK:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as err:
            raise PagesRefused(f"not a readable PDF: {err}") from None
        count = len(pdf)
    try:
        for index in range(count):
            # The lock is held per page, not for the whole file: the viewer renders between two OCR pages.
            with pdfium.LOCK:
                page = pdf[index]
                try:
                    textpage = page.get_textpage()
                    layer = textpage.get_text_range()
                    textpage.close()
                    image = _render(page) if not layer.strip() and index + 1 not in skip else None
                except pypdfium2.PdfiumError as err:
                    raise PagesRefused(f"page {index + 1}: {err}") from None
                finally:
                    page.close()
            yield Page(index + 1, layer.replace("\r\n", "\n").replace("\f", "\n"), image)
    finally:
        with pdfium.LOCK:
            pdf.close()


def _render(page: Any) -> Any:
    width, height = page.get_size()
    if not (0 < width <= MAX_PAGE_POINTS and 0 < height <= MAX_PAGE_POINTS):
        raise PagesRefused(f"page size {width:.0f} × {height:.0f} pt is outside PDF's limits")
    scale = OCR_DPI / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / (width * height)) ** 0.5
    bitmap = page.render(scale=scale)  # BGR
    try:
        return _paper_white(bitmap.to_numpy()[:, :, 2])  # the red channel, a copy PDFium does not free
    finally:
        bitmap.close()


def _image(data: bytes) -> Any:
    import numpy
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.width * im.height > MAX_PIXELS:
                raise PagesRefused(f"image of {im.width} × {im.height} pixels is over {MAX_PIXELS:,}")
            return _paper_white(numpy.asarray(im.convert("RGB"))[:, :, 0])  # red channel, as for PDF pages
    except PagesRefused:
        raise
    except Exception as err:  # Pillow raises many kinds for damaged files
        raise PagesRefused(f"image could not be read: {type(err).__name__}") from None


def _paper_white(red: Any) -> Any:
    """Levels: everything from PAPER up becomes white. A seal's strokes (red ≈ 165–200 in the red channel) and
    grey paper go; ink (< 60) stays. In the bench, a line under a seal was lost without it (94.5 % → 99.4 %)."""
    import numpy

    return numpy.minimum(red.astype(numpy.uint16) * 255 // PAPER, 255).astype(numpy.uint8)
