"""Preview a produced document (PDF bytes held in memory): every page one under the other, zoom, print.

Pages are rendered by PDFium on the UI thread (it is not thread-safe) with `render_pdf_page`, the same
routine the case-file viewer uses. Closing the dialog drops the bytes and the page images.
"""

from __future__ import annotations

from typing import Any

from reviewdesk.casefiles import pdfium
from ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    QShortcut,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import MessageLine
from ui.widgets.document_viewer import SCREEN_DPI, ZOOM_STEPS, render_pdf_page
from ui.widgets.screen_fit import fit_to_screen


class PdfPreviewDialog(QDialog):
    """`PdfPreviewDialog(data, title, parent)`; `open()` it. Esc or 关闭 closes it."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: bytes | None = data
        self._pdf: Any = None
        self.title = title
        self.zoom = 1.0
        self.pages: list[QLabel] = []
        self.setWindowTitle(self.tr("Preview — {title}").format(title=title))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, 860, 900)  # 打印 and 关闭 stay on a 1366×768 screen

        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Smaller (Ctrl+-)"))
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Larger (Ctrl++)"))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setMinimumWidth(36)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(56)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label = QLabel()
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Zoom:")))
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.zoom_in_button)
        tools.addSpacing(16)
        tools.addWidget(self.count_label)
        tools.addStretch(1)
        for keys, slot in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), self.zoom_in),
                           ((QKeySequence.StandardKey.ZoomOut,), self.zoom_out)):
            for key in keys:
                QShortcut(QKeySequence(key), self, activated=slot)

        self.sheet = QWidget()
        self.sheet_layout = QVBoxLayout(self.sheet)
        self.sheet_layout.setSpacing(12)
        self.sheet_layout.setContentsMargins(16, 16, 16, 16)
        self.sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: #e6e6e6; }")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.message = MessageLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.buttons.rejected.connect(self.reject)
        self.print_button: QPushButton = self.buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setToolTip(self.tr("Choose a printer and the pages to print (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_document)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._open()

    # -- pages ---------------------------------------------------------------------------------------------
    def _open(self) -> None:
        import pypdfium2

        try:
            with pdfium.LOCK:
                self._pdf = pypdfium2.PdfDocument(self._data)
        except Exception:
            self._pdf = None
            self.message.show_error(self.tr("The document could not be shown: the PDF could not be read."))
            self.print_button.setEnabled(False)
            return
        self._render()
        self.scroll.setFocus()

    def page_count(self) -> int:
        return len(self.pages)

    def _render(self) -> None:
        """(Re)draw every page at the current zoom; the labels are reused so the scroll position stays."""
        if self._pdf is None:
            return
        ratio = self.devicePixelRatioF() or 1.0
        scale = self.zoom * SCREEN_DPI / 72 * ratio
        with pdfium.LOCK:
            total = len(self._pdf)
            for index in range(total):
                page = self._pdf[index]
                try:
                    image = render_pdf_page(page, scale)
                finally:
                    page.close()
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                if index >= len(self.pages):
                    label = QLabel()
                    label.setStyleSheet("background: white; border: 1px solid #b0b0b0;")
                    label.setAccessibleName(self.tr("Page {number}").format(number=index + 1))
                    self.sheet_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
                    self.pages.append(label)
                self.pages[index].setPixmap(pixmap)
        self.count_label.setText(self.tr("%n page(s)", "", total))
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_STEPS[-1])

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._render()
        finally:
            QApplication.restoreOverrideCursor()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-6), ZOOM_STEPS[0]))

    # -- printing --------------------------------------------------------------------------------------------
    def print_document(self) -> None:
        from ui.printing import PrintFailed, print_pdf

        if self._data is None:
            return
        try:
            printed = print_pdf(self, self._data, self.title)
        except PrintFailed:
            self.message.show_error(
                self.tr("The printer could not be started. Check that it is switched on and connected, then try "
                        "again.")
            )
            return
        if printed:
            self.message.show_ok(self.tr("Sent to the printer."))

    # -- closing ---------------------------------------------------------------------------------------------
    def clear(self) -> None:
        """Forget the document: pixmaps, PDFium's copy and the bytes."""
        for label in self.pages:
            label.clear()
        if self._pdf is not None:
            with pdfium.LOCK:
                self._pdf.close()
            self._pdf = None
        self._data = None

    def done(self, result: int) -> None:
        self.clear()
        super().done(result)
