"""Print PDF bytes from memory: the print dialog, then each page rendered by PDFium and painted on the printer.

The documents ReviewDesk prints (opinions, score sheets…) are A4 PDFs that carry their own margins, so the
printer works in full-page mode and each page image covers the paper. Nothing is written to disk: the pages
go from the PDF bytes to a QImage to the printer.

PDFium is not thread-safe: call these on the UI thread (or hold `pdfium.LOCK`, as `merge_pdfs` does).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reviewdesk.casefiles import pdfium
from ui.qt import QApplication, QCoreApplication, QPageSize, QPainter, QRectF, Qt, QWidget, print_support
from ui.widgets.document_viewer import render_pdf_page

MAX_DPI = 300  # sharper than any office printer needs; higher only costs memory and time


class PrintFailed(Exception):
    """The printer could not be started (no printer, or it refused the job)."""


def merge_pdfs(parts: list[bytes]) -> bytes:
    """Several PDFs as one (e.g. the three score sheets of a case), made in memory. Safe on a worker thread."""
    if len(parts) == 1:
        return parts[0]
    import pypdfium2

    with pdfium.LOCK:
        merged = pypdfium2.PdfDocument.new()
        sources = [pypdfium2.PdfDocument(data) for data in parts]
        try:
            for source in sources:
                merged.import_pages(source)
            out = io.BytesIO()
            merged.save(out)
            return out.getvalue()
        finally:
            for source in sources:
                source.close()
            merged.close()


def pdf_page_count(data: bytes) -> int:
    import pypdfium2

    with pdfium.LOCK:
        doc = pypdfium2.PdfDocument(data)
        try:
            return len(doc)
        finally:
            doc.close()


def print_pdf(parent: QWidget | None, data: bytes, title: str) -> bool:
    """Let the user choose a printer and pages, then print `data` (PDF bytes). True if pages were sent.

    A4 in full-page mode; each page is rendered at the printer's resolution (at most 300 dpi) and drawn on the
    paper, keeping its proportions. Copies are made here when the printer driver cannot make them.

    The printer and pages come from `ask_printer` (the print dialog); tests replace it with one that points
    the QPrinter at a PDF file. There is no switch in the product that prints to a file.

    Raises PrintFailed when the printer cannot be started.
    """
    import pypdfium2

    qtprint = print_support()
    printer = qtprint.QPrinter(qtprint.QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF pages carry their own margins
    with pdfium.LOCK:
        doc = pypdfium2.PdfDocument(data)
    try:
        pages = len(doc)
        if pages == 0:
            return False
        chosen = ask_printer(printer, parent, pages, title)
        if chosen is None:
            return False
        first, last = chosen
        _paint(printer, doc, first, last)
        return True
    finally:
        with pdfium.LOCK:
            doc.close()


def _print_dialog(printer: Any, parent: QWidget | None, pages: int, title: str) -> tuple[int, int] | None:
    """The system print dialog: (first, last) page to print, or None when the user cancelled."""
    qtprint = print_support()
    printer.setFromTo(1, pages)
    dialog = qtprint.QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print “{title}”").format(title=title))
    dialog.setMinMax(1, pages)
    options = qtprint.QAbstractPrintDialog.PrintDialogOption
    dialog.setOption(options.PrintPageRange, True)
    # Saving to a file is the export buttons' job (they are audited as exports).
    dialog.setOption(options.PrintToFile, False)
    # A modal print dialog is the platform's way; a lock rejects it (the main window rejects dialogs).
    if dialog.exec() != qtprint.QPrintDialog.DialogCode.Accepted:
        return None
    return _chosen_range(printer, pages, qtprint)


ask_printer: Callable[[Any, QWidget | None, int, str], tuple[int, int] | None] = _print_dialog


def _chosen_range(printer: Any, pages: int, qtprint: Any) -> tuple[int, int]:
    if printer.printRange() == qtprint.QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return max(1, printer.fromPage()), min(pages, max(printer.fromPage(), printer.toPage()))
    return 1, pages


def _paint(printer: Any, doc: Any, first: int, last: int) -> None:
    qtprint = print_support()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be started")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        paper = printer.paperRect(qtprint.QPrinter.Unit.DevicePixel)
        started = False
        for _copy in range(copies):
            for index in range(first - 1, last):
                if started and not printer.newPage():
                    raise PrintFailed("the printer refused a new page")
                started = True
                with pdfium.LOCK:
                    page = doc[index]
                    try:
                        image = render_pdf_page(page, dpi / 72)
                    finally:
                        page.close()
                painter.drawImage(_fit(paper, image.width(), image.height()), image)
                del image
    finally:
        painter.end()
        QApplication.restoreOverrideCursor()


def _fit(paper: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle of the page's proportions centred on the paper (the same A4 fills it exactly)."""
    scale = min(paper.width() / width, paper.height() / height)
    w, h = width * scale, height * scale
    return QRectF((paper.width() - w) / 2, (paper.height() - h) / 2, w, h)
