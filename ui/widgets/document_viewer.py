"""Show a case document inside the app, from memory only: nothing of it is ever written to disk.

PDF pages are rendered by pypdfium2 straight from the bytes and copied into a QImage (no Pillow, no temp
file); images load with `QImage.fromData`; Word documents and plain text show as text. Everything else gets
a message saying how to read it (an administrator can export it).

PDFium is not thread-safe: pages are rendered on the UI thread only, and the import wizard (which reads PDF
text on a worker) is modal, so the two never run at once.

Pages without a text layer (scans, pictures) that OCR has read come with their recognised text and line boxes
(`services.ocr.recognised_pages`, read by the dialog's worker): a search term is highlighted there from the
line boxes, and "copy page text" copies the text layer or, without one, the recognised text.

On a page with text (its layer, or what OCR read) the reader selects whole lines with the mouse: a click takes
the line under it, a drag the lines from there to where the button is let go (in reading order), Ctrl+A all of
the page's; Ctrl+C copies them and a new reading mark takes them as its passage (`passage_for_mark`). Lines, not
characters: OCR keeps one box per line, and a text layer's lines are PDFium's rectangles of its text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reviewdesk import file_paths
from reviewdesk.casefiles import pdfium
from reviewdesk.casefiles.text import DOCX, PDF, decode_text, docx_text
from reviewdesk.ocr.engine import Line
from reviewdesk.ocr.term_boxes import Box, lines_with_term, term_occurrences
from ui import file_dialogs
from ui.models.cases import media_type_label, size_text, text_status_label
from ui.path_messages import path_message
from ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QImage,
    QKeySequence,
    QLabel,
    QPixmap,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSpinBox,
    QStackedWidget,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import reading_marks_panel
from ui.widgets.common import BusyBar, MessageLine, inform
from ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from reviewdesk.services.cases import DocumentInfo
    from reviewdesk.services.ocr import RecognisedPage
    from reviewdesk.workspace import OpenWorkspace

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MAX_PIXELS = 40_000_000  # a rendered page never exceeds ~160 MB of RGBX, whatever the zoom
SCREEN_DPI = 96
HIGHLIGHT = "#ffe14d"  # the search term, as a highlighter pen marks it
SELECTED = "#a8c8ff"  # selected lines, the blue of a text selection
NEAR = 0.012  # a click this close to a line (fraction of the page) takes it; farther off clears the selection


class PageCanvas(QLabel):
    """The label the page is drawn on; its mouse events go to `on_mouse` (the viewer's line selection), the
    label's own handling when that returns False. A subclass rather than an event filter on the label: a
    Python event filter is still called while its owner is being destroyed, and a call into a half-destroyed
    widget can crash the process."""

    def __init__(self, on_mouse: Callable[[Any], bool]) -> None:
        super().__init__()
        self._on_mouse = on_mouse

    def mousePressEvent(self, event: Any) -> None:
        if not self._on_mouse(event):
            super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: Any) -> None:
        if not self._on_mouse(event):
            super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: Any) -> None:
        if not self._on_mouse(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: Any) -> None:
        if not self._on_mouse(event):
            super().mouseReleaseEvent(event)


def _fill_boxes(painter: Any, image: QImage, boxes: Sequence[Box], colour: str, pad: int) -> None:
    """Fill boxes given as fractions of the page (origin top left) on `image`, `pad` pixels wider each way."""
    from ui.qt import QColor, QRectF

    width, height = image.width(), image.height()
    for x0, y0, x1, y1 in boxes:
        painter.fillRect(QRectF(x0 * width - pad, y0 * height - pad, (x1 - x0) * width + 2 * pad,
                                (y1 - y0) * height + 2 * pad), QColor(colour))


def render_pdf_page(page: Any, scale: float) -> QImage:
    """One pypdfium2 page as a QImage: RGBX bytes from PDFium, copied so Qt owns the pixels."""
    width, height = page.get_size()
    if width * height * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / (width * height)) ** 0.5
    bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True)
    try:
        view = memoryview(bitmap.buffer).cast("B")
        image = QImage(view, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
        return image.copy()  # detach from the PDFium buffer before it is freed
    finally:
        bitmap.close()


def read_for_viewer(ws: OpenWorkspace, document_id: int) -> tuple[DocumentInfo, bytes, list[RecognisedPage]]:
    """On a worker: the document and, for a PDF or picture, what OCR has read of its pages (for the highlight
    and "copy page text"; none while its pages wait in the queue)."""
    from reviewdesk.ocr.pages import ocr_candidate
    from reviewdesk.services.cases import document_bytes
    from reviewdesk.services.ocr import recognised_pages

    info, data = document_bytes(ws, document_id)
    recognised = recognised_pages(ws, document_id) if ocr_candidate(info.media_type) else []
    return info, data, recognised


def _close_all(documents: list[Any]) -> None:
    with pdfium.LOCK:
        for doc in documents:
            doc.close()


class DocumentViewer(QWidget):
    """Shows one document. `show_document(info, data)` loads it; `clear()` forgets it."""

    KIND_NONE, KIND_PDF, KIND_IMAGE, KIND_TEXT, KIND_UNSUPPORTED = range(5)

    page_changed = Signal(int, int)  # current page (1-based), pages
    selection_changed = Signal(int)  # lines selected on the page shown (0: none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: DocumentInfo | None = None
        self.kind = self.KIND_NONE
        self._pdf: Any = None
        # If the widget is deleted without clear() (its window was destroyed), PDFium's copy is closed then,
        # not at some later garbage collection. The holder, not self, is captured: self is gone by then.
        self._open_pdf_holder: list[Any] = []
        holder = self._open_pdf_holder
        self.destroyed.connect(lambda _obj=None: _close_all(holder))
        self._image = QImage()  # the source image (image files) or the rendered page (PDF)
        self._page = 0
        self._pages = 0
        self.zoom = 1.0
        self.fit_width = True
        # A search term to show: where it is, per page (PDF: page index → rectangles in PDF points).
        self.find_term = ""
        self._found: dict[int, list[tuple[float, float, float, float]]] = {}
        self._layer_hits = 0  # occurrences in the PDF text layer (one may take several rectangles)
        # What OCR read of pages without a text layer (page index → page), and the term's place in it
        # (page index → boxes as fractions of the page, origin top left: they fit any rendering of it).
        self._recognised: dict[int, RecognisedPage] = {}
        self._ocr_found: dict[int, list[Box]] = {}
        self._ocr_hits = 0  # occurrences in recognised text (one that runs on to the next line takes two boxes)
        self._layer_text: dict[int, str] = {}  # PDF text layer per page index, read when first asked
        self._layer_lines: dict[int, list[Line]] = {}  # its lines with their boxes, read when first selected
        self._selected: tuple[int, int] | None = None  # lines selected on the page shown: anchor, end
        self._dragging = False
        self._shown = QImage()  # the page as on the canvas before the selection is painted over it
        self.marks_take_selection = False  # an expert's window: a new reading mark takes the selection

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 3px;")
        self.notice.hide()

        # Page image (PDF, images).
        self.canvas = PageCanvas(self._canvas_mouse)
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.canvas.setBackgroundRole(self.canvas.backgroundRole())
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #e6e6e6; }")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Text (DOCX, plain text).
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.text.setFont(font)
        # Message (nothing loaded, unsupported type).
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.stack = QStackedWidget()
        for widget in (self.message, self.scroll, self.text):
            self.stack.addWidget(widget)

        # Tool row: pages and zoom.
        self.prev_button = QToolButton()
        self.prev_button.setText(self.tr("◀ Previous page"))
        self.prev_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.prev_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Next page ▶"))
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_of = QLabel()
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+minus)"))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl+plus)"))
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.setToolTip(self.tr("Fit the page to the window width (Ctrl+0 for actual size)"))
        self.copy_button = QToolButton()
        self.copy_button.setText(self.tr("Copy page text"))
        self.copy_button.clicked.connect(self.copy_page_text)
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.toggled.connect(self.set_fit_width)
        self.tools = QWidget()
        tools = QHBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.prev_button)
        tools.addWidget(QLabel(self.tr("Page")))
        tools.addWidget(self.page_box)
        tools.addWidget(self.page_of)
        tools.addWidget(self.next_button)
        tools.addWidget(self.copy_button)
        tools.addStretch(1)
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.zoom_in_button)
        tools.addWidget(self.fit_button)

        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+0"), self.actual_size),
            (QKeySequence(Qt.Key.Key_PageDown), self.next_page),
            (QKeySequence(Qt.Key.Key_PageUp), self.previous_page),
            (QKeySequence("Ctrl+Shift+C"), self.copy_page_text),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # On the page only: the text view (Word, plain text) copies and selects its own way. (No Esc to clear:
        # Esc closes the viewer window; a click off the lines clears the selection.)
        for keys, slot in (
            (QKeySequence.StandardKey.Copy, self.copy_selection),
            (QKeySequence.StandardKey.SelectAll, self.select_all_lines),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.scroll)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tools)
        layout.addWidget(self.notice)
        self.copy_message = MessageLine()  # what "copy page text" put on the clipboard
        layout.addWidget(self.copy_message)
        layout.addWidget(self.stack, 1)
        self.clear()

    # -- loading -----------------------------------------------------------------------------------------
    def show_document(
        self, info: DocumentInfo, data: bytes, *, find: str = "", page: int | None = None,
        recognised: Sequence[RecognisedPage] = (),
    ) -> None:
        """Show the document; with `find`, highlight that term and open at the page of its first occurrence
        (from `page`, 1-based, the search hit's page, on). `recognised`: what OCR read of its pages without a
        text layer (PDF, image), where the term is found too and whose text "copy page text" copies."""
        self.clear()
        self.info = info
        self.find_term = " ".join(find.split())
        self._recognised = {p.page - 1: p for p in recognised if p.page >= 1}
        media = info.media_type
        if media == PDF:
            self._open_pdf(data, page)
        elif media.startswith("image/"):
            image = QImage.fromData(data)
            if image.isNull():
                self._unsupported(
                    self.tr(
                        "This image could not be read. It may be damaged or in a format this computer cannot show."
                    )
                )
            else:
                self.kind = self.KIND_IMAGE
                self._pages = 1
                # Qt and the OCR (Pillow) both read the pixels as stored (no EXIF turn), so the boxes fit.
                if self.find_term:
                    self._ocr_found = self._find_in_recognised(self.find_term)
                    if self._ocr_found:
                        image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
                        self._mark_hits(image, 0.0, 0.0)
                    self._say_found([])
                self._image = image
                self.stack.setCurrentWidget(self.scroll)
                self._update_tools()
                self._show_image()
                self._scroll_to_first_hit()
        elif media == DOCX:
            try:
                text = docx_text(data)
            except Exception:
                self._unsupported(
                    self.tr("The text of this Word document could not be read. It may be damaged.")
                )
                return
            self._show_text(
                text,
                self.tr("Word document shown as plain text: layout, tables and pictures are not shown."),
            )
        elif media == "text/plain":
            self._show_text(decode_text(data), None)
        else:
            self._unsupported(
                self.tr(
                    "Files of this kind ({kind}) cannot be shown inside ReviewDesk. An administrator can export "
                    "the file and open it with the program it belongs to."
                ).format(kind=media_type_label(media))
            )

    def _open_pdf(self, data: bytes, page: int | None = None) -> None:
        import pypdfium2

        from reviewdesk.casefiles import pdf_scan

        # A stream that inflates past the text budget would take PDFium past it too when it draws the page.
        if pdf_scan.problem(data) is not None:
            self._unsupported(
                self.tr(
                    "This PDF holds parts that unpack to far more data than a case file needs, so ReviewDesk "
                    "does not draw it. An administrator can export the file and check it on another machine."
                )
            )
            return
        try:
            with pdfium.LOCK:
                self._pdf = pypdfium2.PdfDocument(data)
                self._open_pdf_holder.append(self._pdf)
                self._pages = len(self._pdf)
        except Exception:
            self._pdf = None
            self._unsupported(
                self.tr("This PDF could not be opened. It may be damaged or protected by a password.")
            )
            return
        self.kind = self.KIND_PDF
        if self.info is not None and self.info.text_status == "scanned":
            self._set_notice(
                self.tr(
                    "Scanned document (no text layer): the pages are shown as pictures, and full-text search "
                    "does not find words in it."
                )
            )
        self.stack.setCurrentWidget(self.scroll)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, self._pages))
        self.page_box.setValue(1)
        self.page_box.blockSignals(False)
        self._page = 0
        start = 0
        if self.find_term:
            self._found = self._find_in_pdf(self.find_term)
            self._ocr_found = self._find_in_recognised(self.find_term)
            hint = (page or 1) - 1
            hits = sorted(set(self._found) | set(self._ocr_found))
            later = [i for i in hits if i >= hint]
            start = later[0] if later else min(hits, default=0)
            self._say_found(sorted(i + 1 for i in self._found))
        if start:
            self.go_to_page(start)
        else:
            self._render_page()
        self._scroll_to_first_hit()

    def _show_text(self, text: str, notice: str | None) -> None:
        self.kind = self.KIND_TEXT
        self.text.setPlainText(text)
        self.stack.setCurrentWidget(self.text)
        if notice:
            self._set_notice(notice)
        if self.find_term:
            self._highlight_text(self.find_term)
        self._update_tools()

    # -- the search term ---------------------------------------------------------------------------------
    def _find_in_pdf(self, term: str) -> dict[int, list[tuple[float, float, float, float]]]:
        """Every occurrence of `term` in the text layer, as rectangles (left, bottom, right, top) per page."""
        found: dict[int, list[tuple[float, float, float, float]]] = {}
        with pdfium.LOCK:
            for index in range(self._pages):
                page = self._pdf[index]
                textpage = page.get_textpage()
                try:
                    searcher = textpage.search(term, match_case=False)
                    while (hit := searcher.get_next()) is not None:
                        start, count = hit
                        self._layer_hits += 1
                        for r in range(textpage.count_rects(start, count)):
                            found.setdefault(index, []).append(tuple(textpage.get_rect(r)))
                    searcher.close()
                finally:
                    textpage.close()
                    page.close()
        return found

    def _find_in_recognised(self, term: str) -> dict[int, list[Box]]:
        """Every occurrence of `term` in the recognised lines (also one running from a line into the next),
        as boxes per page index."""
        found: dict[int, list[Box]] = {}
        self._ocr_hits = 0
        for index, page in self._recognised.items():
            if index < self._pages and (occurrences := term_occurrences(page.lines, term)):
                found[index] = [box for pieces in occurrences for _line, box in pieces]
                self._ocr_hits += len(occurrences)
        return found

    def _highlight_text(self, term: str) -> None:
        """Mark every occurrence in a Word or text document and put the cursor on the first."""
        from ui.qt import QColor, QTextCursor, QTextEdit

        selections = []
        document = self.text.document()
        cursor = document.find(term)
        first = QTextCursor(cursor)
        while not cursor.isNull():
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(HIGHLIGHT))
            selection.cursor = cursor
            selections.append(selection)
            cursor = document.find(term, cursor)
        self.text.setExtraSelections(selections)
        if not first.isNull():
            self.text.setTextCursor(first)
            self.text.centerCursor()
        self._say_found(None, count=len(selections))

    def found_pages(self) -> list[int]:
        """1-based pages where the search term is (PDF text layer, recognised text of a PDF or image)."""
        return sorted(i + 1 for i in set(self._found) | set(self._ocr_found))

    def highlight_count(self) -> int:
        """Occurrences marked: in the text view (Word, plain text), a PDF's text layer and recognised text."""
        return len(self.text.extraSelections()) + self._layer_hits + self.recognised_hit_count()

    def recognised_hit_count(self) -> int:
        """Occurrences marked in recognised text (from OCR line boxes)."""
        return self._ocr_hits

    @staticmethod
    def _page_list(pages: list[int]) -> str:
        return "、".join(str(p) for p in pages[:12]) + ("…" if len(pages) > 12 else "")

    def _say_found(self, pages: list[int] | None, count: int = 0) -> None:
        term = self.find_term
        parts = []
        if pages:
            parts.append(
                self.tr("“{term}” is marked in yellow on page(s) {pages}.").format(
                    term=term, pages=self._page_list(pages)
                )
            )
        elif count:
            parts.append(self.tr("“{term}” is marked in yellow ({n} place(s)).").format(term=term, n=count))
        if self._ocr_found:
            n = self.recognised_hit_count()
            if self.kind == self.KIND_PDF:
                where = self._page_list(sorted(i + 1 for i in self._ocr_found))
                parts.append(
                    self.tr("Found {n} time(s) in the recognised text, on page(s) {pages}, marked in yellow. "
                            "Recognised text may hold misreadings.").format(n=n, pages=where)
                )
            else:
                parts.append(
                    self.tr("Found {n} time(s) in the recognised text, marked in yellow. Recognised text may "
                            "hold misreadings.").format(n=n)
                )
        if not parts:
            parts.append(
                self.tr("“{term}” was not found in the text of this document (it may be split across "
                        "lines, or be part of a picture).").format(term=term)
            )
        elif self._pages > 1 and len(self.found_pages()) > 0:
            parts[-1] += self.tr(" Page Down / Page Up turn the pages.")
        text = "\n".join(parts)
        self._set_notice(text if not self.notice.text() else self.notice.text() + "\n" + text)

    def _scroll_to_first_hit(self) -> None:
        rects = self._found.get(self._page)
        if rects and self._pdf is not None and not self._image.isNull():
            with pdfium.LOCK:
                height = self._pdf[self._page].get_height()
            top = max(r[3] for r in rects[:1])
            scale = self._image.height() / self._image.devicePixelRatio() / height
            self.scroll.verticalScrollBar().setValue(max(0, int((height - top) * scale) - 80))
            return
        boxes = self._ocr_found.get(self._page)
        pixmap = self.canvas.pixmap()
        if boxes and pixmap is not None and not pixmap.isNull():
            shown = pixmap.height() / pixmap.devicePixelRatio()  # the canvas is aligned to the top
            self.scroll.verticalScrollBar().setValue(max(0, int(boxes[0][1] * shown) - 80))

    def _mark_hits(self, image: QImage, page_width: float, page_height: float) -> None:
        """Yellow boxes over the term's occurrences on the page just rendered (in pixels of `image`): the text
        layer's rectangles (PDF points, origin bottom left, page `page_width` × `page_height`) and the
        recognised lines' parts (fractions of the page, origin top left)."""
        rects = self._found.get(self._page, []) if page_width > 0 else []
        boxes = self._ocr_found.get(self._page, [])
        if not rects and not boxes:
            return
        from ui.qt import QColor, QPainter, QRectF

        painter = QPainter(image)
        try:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
            if rects:
                scale = image.width() / page_width
                for left, bottom, right, top in rects:
                    painter.fillRect(QRectF(left * scale - 1, (page_height - top) * scale - 1,
                                            (right - left) * scale + 2, (top - bottom) * scale + 2),
                                     QColor(HIGHLIGHT))
            _fill_boxes(painter, image, boxes, HIGHLIGHT, 1)
        finally:
            painter.end()

    # -- the page's text ---------------------------------------------------------------------------------
    def page_text(self, index: int | None = None) -> tuple[str, bool]:
        """The text of a page (the current one by default): its PDF text layer when it has one, else what OCR
        read of it (then the second value is True); ("", False) when it has neither (or is not read yet)."""
        index = self._page if index is None else index
        if self.kind == self.KIND_PDF and self._pdf is not None and 0 <= index < self._pages:
            if index not in self._layer_text:
                with pdfium.LOCK:
                    page = self._pdf[index]
                    try:
                        textpage = page.get_textpage()
                        layer = textpage.get_text_range()
                        textpage.close()
                    except Exception:  # a damaged text layer: treat the page as a picture
                        layer = ""
                    finally:
                        page.close()
                self._layer_text[index] = layer.replace("\r\n", "\n").replace("\f", "\n")
            if self._layer_text[index].strip():
                return self._layer_text[index], False
        elif self.kind != self.KIND_IMAGE:
            return "", False
        recognised = self._recognised.get(index)
        if recognised is not None and recognised.text.strip():
            return recognised.text, True
        return "", False

    def copy_page_text(self) -> None:
        """Put the current page's text on the clipboard and say what was copied."""
        if self.kind not in (self.KIND_PDF, self.KIND_IMAGE):
            return
        text, recognised = self.page_text()
        if not text.strip():
            return
        QApplication.clipboard().setText(text)
        number = self._page + 1
        if self.kind == self.KIND_IMAGE:
            said = self.tr("Copied the text of the picture (recognised text).")
        elif recognised:
            said = self.tr("Copied the text of page {page} (recognised text).").format(page=number)
        else:
            said = self.tr("Copied the text of page {page}.").format(page=number)
        self.copy_message.show_ok(said)

    # -- selecting lines ---------------------------------------------------------------------------------
    def page_lines(self, index: int | None = None) -> list[Line]:
        """The lines of a page that can be selected, in reading order: its text layer's, else what OCR read;
        none for a page with neither (or a document without pages shown as pictures)."""
        index = self._page if index is None else index
        text, recognised = self.page_text(index)
        if not text.strip():
            return []
        if recognised:
            return [line for line in self._recognised[index].lines if line.text.strip()]
        if index not in self._layer_lines:
            self._layer_lines[index] = self._read_layer_lines(index)
        return self._layer_lines[index]

    def _read_layer_lines(self, index: int) -> list[Line]:
        """A PDF page's text layer as lines: PDFium's rectangles of its text (one per line, or per run of one
        line) and the text inside each, as fractions of the page, origin top left."""
        lines: list[Line] = []
        with pdfium.LOCK:
            page = self._pdf[index]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    for r in range(textpage.count_rects(0, -1)):
                        left, bottom, right, top = textpage.get_rect(r)
                        words = textpage.get_text_bounded(left, bottom, right, top)
                        words = " ".join(words.split())
                        if words and width > 0 and height > 0:
                            box = (max(0.0, left / width), max(0.0, 1 - top / height),
                                   min(1.0, right / width), min(1.0, 1 - bottom / height))
                            lines.append(Line(words, 1.0, box))
                finally:
                    textpage.close()
            except Exception:  # a damaged text layer: nothing to select, as nothing to search
                lines = []
            finally:
                page.close()
        return lines

    def selected_lines(self) -> list[Line]:
        """The lines selected on the page shown, in reading order."""
        if self._selected is None:
            return []
        lines = self.page_lines()
        low, high = sorted(self._selected)
        return lines[low : high + 1]

    def selected_text(self) -> str:
        """The selected lines' text, one line each ("" with none selected)."""
        return "\n".join(line.text for line in self.selected_lines())

    def _set_selection(self, selection: tuple[int, int] | None, *, repaint: bool = True) -> None:
        if selection == self._selected:
            return
        self._selected = selection
        if repaint:
            self._paint_canvas()
        self.selection_changed.emit(len(self.selected_lines()))

    def select_all_lines(self) -> None:
        lines = self.page_lines() if self.kind in (self.KIND_PDF, self.KIND_IMAGE) else []
        if lines:
            self._set_selection((0, len(lines) - 1))
            self._say_selected()

    def clear_selection(self) -> None:
        self._set_selection(None)

    def _say_selected(self) -> None:
        count = len(self.selected_lines())
        if count and self.marks_take_selection:
            self.copy_message.show_ok(
                self.tr("{n} line(s) selected. Ctrl+C copies them; a new mark takes them as its passage.").format(
                    n=count
                )
            )
        elif count:
            self.copy_message.show_ok(self.tr("{n} line(s) selected. Ctrl+C copies them.").format(n=count))
        else:
            self.copy_message.clear_message()

    def copy_selection(self) -> None:
        """Put the selected lines on the clipboard and say so (nothing selected: nothing changes)."""
        text = self.selected_text()
        if not text:
            return
        QApplication.clipboard().setText(text)
        count = len(self.selected_lines())
        if self.page_text()[1]:
            said = self.tr("Copied {n} selected line(s) (recognised text).").format(n=count)
        else:
            said = self.tr("Copied {n} selected line(s).").format(n=count)
        self.copy_message.show_ok(said)

    def passage_for_mark(self) -> str:
        """What a new mark on the page shown offers as its passage: the selected lines; else the page's lines
        that hold the search term; else (Word, plain text) the text selected there; else nothing."""
        if self.kind == self.KIND_TEXT:
            return self.text.textCursor().selectedText().replace("\u2029", "\n").strip()
        if self.kind not in (self.KIND_PDF, self.KIND_IMAGE):
            return ""
        if selected := self.selected_text():
            return selected
        if self.find_term:
            lines = self.page_lines()
            return "\n".join(lines[i].text for i in lines_with_term(lines, self.find_term))
        return ""

    def _page_point(self, x: float, y: float) -> tuple[float, float] | None:
        """A point of the canvas as fractions of the page shown on it (the pixmap is centred, at the top)."""
        pixmap = self.canvas.pixmap()
        if pixmap is None or pixmap.isNull():
            return None
        size = pixmap.deviceIndependentSize()
        if size.width() <= 0 or size.height() <= 0:
            return None
        area = self.canvas.contentsRect()
        left = area.left() + max(0, (area.width() - round(size.width())) // 2)
        return (x - left) / size.width(), (y - area.top()) / size.height()

    @staticmethod
    def _line_at(lines: list[Line], point: tuple[float, float], *, near: float | None) -> int | None:
        """The line under the point, or the nearest: first by height (the row the pointer is in), then
        across. With `near`, None when the nearest is farther off than that."""
        fx, fy = point
        best: tuple[float, float, int] | None = None
        for number, line in enumerate(lines):
            x0, y0, x1, y1 = line.box
            key = (max(0.0, y0 - fy, fy - y1), max(0.0, x0 - fx, fx - x1), number)
            if best is None or key < best:
                best = key
        if best is None or (near is not None and (best[0] > near or best[1] > near)):
            return None
        return best[2]

    def _canvas_mouse(self, event: Any) -> bool:
        """Mouse on the page: a press takes the line under it (or clears the selection off the lines), a drag
        extends the selection to the line the pointer is nearest. True: the event was used."""
        if self.kind not in (self.KIND_PDF, self.KIND_IMAGE):
            return False
        kind = event.type()
        left = Qt.MouseButton.LeftButton
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) and event.button() == left:
            self.scroll.setFocus(Qt.FocusReason.MouseFocusReason)  # so Ctrl+C reaches the page's shortcut
            lines = self.page_lines()
            point = self._page_point(event.position().x(), event.position().y())
            hit = None if point is None else self._line_at(lines, point, near=NEAR)
            if hit is not None and event.modifiers() & Qt.KeyboardModifier.ShiftModifier and self._selected:
                self._set_selection((self._selected[0], hit))
            else:
                self._set_selection(None if hit is None else (hit, hit))
            self._dragging = hit is not None
            if hit is None:  # what is selected is said on release: the line showing it would move the page
                self._say_selected()
            return True
        if kind == QEvent.Type.MouseMove and self._dragging and event.buttons() & left:
            point = self._page_point(event.position().x(), event.position().y())
            hit = None if point is None else self._line_at(self.page_lines(), point, near=None)
            if hit is not None and self._selected is not None:
                self._set_selection((self._selected[0], hit))
            return True
        if kind == QEvent.Type.MouseButtonRelease and event.button() == left and self._dragging:
            self._dragging = False
            self._say_selected()
            return True
        return False

    def _unsupported(self, message: str) -> None:
        self.kind = self.KIND_UNSUPPORTED
        self.message.setText(message)
        self.stack.setCurrentWidget(self.message)
        self._update_tools()

    def _set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.show()

    def clear(self) -> None:
        """Forget the document: close PDFium's copy, drop images and text."""
        if self._pdf is not None:
            with pdfium.LOCK:
                self._pdf.close()
        self._pdf = None
        self._open_pdf_holder.clear()
        self._image = QImage()
        self.canvas.clear()
        self.text.clear()
        self.notice.clear()
        self.notice.hide()
        self.info = None
        self.kind = self.KIND_NONE
        self.find_term = ""
        self._found = {}
        self._layer_hits = 0
        self._recognised = {}
        self._ocr_found = {}
        self._ocr_hits = 0
        self._layer_text = {}
        self._layer_lines = {}
        self._shown = QImage()
        self._dragging = False
        self._set_selection(None, repaint=False)
        self.copy_message.clear_message()
        self.text.setExtraSelections([])
        self._page = self._pages = 0
        self.message.setText(self.tr("No document open."))
        self.stack.setCurrentWidget(self.message)
        self._update_tools()

    def holds_data(self) -> bool:
        return (
            self.info is not None
            or self._pdf is not None
            or not self._image.isNull()
            or bool(self.text.toPlainText())
            or (self.canvas.pixmap() is not None and not self.canvas.pixmap().isNull())
        )

    # -- pages and zoom ----------------------------------------------------------------------------------
    @property
    def page_index(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return self._pages

    def rendered_image(self) -> QImage:
        """The picture now shown (rendered PDF page or image), for tests and printing."""
        return self._image

    def go_to_page(self, index: int) -> None:
        if self.kind != self.KIND_PDF or not 0 <= index < self._pages or index == self._page:
            return
        self._page = index
        self.copy_message.clear_message()  # it named the page copied before
        self._dragging = False
        self._set_selection(None, repaint=False)  # the new page is painted below
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self._render_page()
        self.scroll.verticalScrollBar().setValue(0)
        self._scroll_to_first_hit()

    def next_page(self) -> None:
        self.go_to_page(self._page + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._page - 1)

    def _effective_zoom(self) -> float:
        if not self.fit_width:
            return self.zoom
        width = self._source_width()
        if width <= 0:
            return self.zoom
        available = max(200, self.scroll.viewport().width() - 24)
        return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], available / width))

    def _source_width(self) -> float:
        """Width at 100 % in screen pixels."""
        if self.kind == self.KIND_PDF and self._pdf is not None:
            return self._pdf[self._page].get_width() * SCREEN_DPI / 72
        if self.kind == self.KIND_IMAGE:
            return float(self._image.width())
        return 0.0

    def set_zoom(self, zoom: float) -> None:
        if self.kind not in (self.KIND_PDF, self.KIND_IMAGE):
            return
        self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        self.fit_button.blockSignals(True)
        self.fit_button.setChecked(False)
        self.fit_button.blockSignals(False)
        self.fit_width = False
        self._refresh()

    def zoom_in(self) -> None:
        current = self._effective_zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > current + 0.001), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self._effective_zoom()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current - 0.001), ZOOM_STEPS[0]))

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def set_fit_width(self, on: bool) -> None:
        self.fit_width = on
        if on:
            self._refresh()

    def _refresh(self) -> None:
        if self.kind == self.KIND_PDF:
            self._render_page()
        elif self.kind == self.KIND_IMAGE:
            self._show_image()

    def _render_page(self) -> None:
        if self._pdf is None:
            return
        zoom = self._effective_zoom()
        ratio = self.devicePixelRatioF()
        with pdfium.LOCK:
            page = self._pdf[self._page]
            try:
                image = render_pdf_page(page, zoom * SCREEN_DPI / 72 * ratio)
                width, height = page.get_size()
            finally:
                page.close()
        self._mark_hits(image, width, height)
        image.setDevicePixelRatio(ratio)
        self._image = self._shown = image
        self._paint_canvas()
        self._update_tools()
        self.page_changed.emit(self._page + 1, self._pages)

    def _show_image(self) -> None:
        zoom = self._effective_zoom()
        if abs(zoom - 1.0) < 0.001:
            self._shown = self._image
        else:
            size = self._image.size() * zoom
            self._shown = self._image.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self._paint_canvas()
        self._update_tools()

    def _paint_canvas(self) -> None:
        """The page as shown (`_shown`) on the canvas, the selected lines painted over a copy of it."""
        lines = self.selected_lines()
        if not lines or self._shown.isNull():
            self.canvas.setPixmap(QPixmap.fromImage(self._shown))
            return
        from ui.qt import QPainter

        image = self._shown.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(self._shown.devicePixelRatio())
        painter = QPainter(image)
        try:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
            _fill_boxes(painter, image, [line.box for line in lines], SELECTED, 2)
        finally:
            painter.end()
        self.canvas.setPixmap(QPixmap.fromImage(image))

    def _update_tools(self) -> None:
        paged = self.kind == self.KIND_PDF
        zoomable = self.kind in (self.KIND_PDF, self.KIND_IMAGE)
        for widget in (self.prev_button, self.next_button, self.page_box, self.page_of):
            widget.setVisible(paged)
        for widget in (self.zoom_in_button, self.zoom_out_button, self.zoom_label, self.fit_button):
            widget.setVisible(zoomable)
        self.tools.setVisible(paged or zoomable)
        self.copy_button.setVisible(zoomable)
        if zoomable:
            has_text = bool(self.page_text()[0].strip())
            self.copy_button.setEnabled(has_text)
            self.copy_button.setToolTip(
                self.tr("Copy the text of this page to the clipboard (Ctrl+Shift+C)")
                if has_text
                else self.tr("This page has no text layer and no recognised text (yet) to copy.")
            )
        if paged:
            self.page_of.setText(self.tr("of {pages}").format(pages=self._pages))
            self.prev_button.setEnabled(self._page > 0)
            self.next_button.setEnabled(self._page + 1 < self._pages)
        if zoomable:
            self.zoom_label.setText(f"{round(self._effective_zoom() * 100)}%")

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.fit_width and self.kind in (self.KIND_PDF, self.KIND_IMAGE):
            self._refresh()


class DocumentViewerDialog(QDialog):
    """A window for one document: loads it off the UI thread, shows it, and (admins) exports it."""

    loaded = Signal()

    def __init__(
        self, ws: OpenWorkspace, document_id: int, parent: QWidget | None = None, *, find: str = "",
        page: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws: OpenWorkspace | None = ws
        self.document_id = document_id
        self.find, self.start_page = find, page  # a search hit: the term to mark, the page it is on
        self.setWindowTitle(self.tr("Document"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, 900, 760)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setStyleSheet("color: #555;")
        self.viewer = DocumentViewer()
        self.busy = BusyBar()
        self.message = MessageLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.export_button: QPushButton | None = None
        if ws.actor.role.value == "admin":
            self.export_button = self.buttons.addButton(
                self.tr("&Export…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.export_button.setToolTip(
                self.tr(
                    "Save a copy of this file in a folder you choose. The export is recorded in the audit log."
                )
            )
            self.export_button.setEnabled(False)
            self.export_button.clicked.connect(self.choose_export_path)
        # An expert's private reading marks of this document, beside the page (no panel for other roles).
        self.marks_panel = reading_marks_panel.for_expert(ws, document_id)
        if self.marks_panel is not None:
            self.viewer.page_changed.connect(self.marks_panel.set_page)
            self.viewer.selection_changed.connect(self.marks_panel.set_selected_lines)
            self.marks_panel.passage_source = self.viewer.passage_for_mark
            self.viewer.marks_take_selection = True
            self.marks_panel.page_requested.connect(lambda page: self.viewer.go_to_page(page - 1))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        if self.marks_panel is None:
            layout.addWidget(self.viewer, 1)
        else:
            layout.addWidget(reading_marks_panel.beside(self.viewer, self.marks_panel), 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        from ui.worker import run_job

        if self.ws is None:
            return
        ws, document_id = self.ws, self.document_id
        self.busy.start(self.tr("Opening the document…"))
        run_job(lambda: read_for_viewer(ws, document_id), self, self._loaded, self._failed)

    def _loaded(self, result: tuple[DocumentInfo, bytes, list[RecognisedPage]]) -> None:
        self.busy.stop()
        if self.ws is None:
            return
        info, data, recognised = result
        self.setWindowTitle(info.title)
        self.title.setText(info.title)
        parts = [media_type_label(info.media_type), size_text(info.size), text_status_label(info.text_status)]
        if info.page_count:
            parts.insert(2, self.tr("%n page(s)", "", info.page_count))
        self.details.setText(" · ".join(parts))
        self.viewer.show_document(info, data, find=self.find, page=self.start_page, recognised=recognised)
        del data
        if self.export_button is not None:
            self.export_button.setEnabled(True)
        self.viewer.scroll.setFocus()
        self.loaded.emit()

    def _failed(self, err: BaseException) -> None:
        from ui.i18n import error_text

        self.busy.stop()
        self.message.show_error(error_text(err))

    # -- export (admin, audited by the service) ----------------------------------------------------------
    def choose_export_path(self) -> None:
        if self.viewer.info is None:
            return
        from pathlib import PurePosixPath

        dialog = file_dialogs.build(self, self.tr("Export the document"), file_dialogs.Mode.SAVE)
        dialog.selectFile(PurePosixPath(self.viewer.info.path).name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.export_to)
        dialog.open()

    def export_to(self, path: str) -> None:

        from reviewdesk.services.cases import export_document
        from ui.worker import run_job

        if not path or self.ws is None:
            return
        check = file_paths.output_file(path, overwrite=True)
        if check.path is None:
            self.message.show_error(path_message(check))
            return
        ws, document_id, target = self.ws, self.document_id, check.path
        self.busy.start(self.tr("Exporting…"))
        run_job(lambda: export_document(ws, document_id, target), self, self._exported, self._failed)

    def _exported(self, path: object) -> None:
        self.busy.stop()
        self.message.show_ok(
            self.tr("Saved to {path}. The export is recorded in the audit log.").format(path=path)
        )
        inform(
            self,
            self.tr("Document exported"),
            self.tr("The file was saved to:\n{path}\n\nKeep it safe: it is not encrypted there.").format(
                path=path
            ),
        )

    def teardown(self) -> None:
        self.viewer.clear()
        if self.marks_panel is not None:
            self.marks_panel.teardown()
        self.ws = None

    def done(self, result: int) -> None:
        self.teardown()
        super().done(result)
