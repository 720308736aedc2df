"""The expert's reading marks (私人标注) on the document open in the viewer: a narrow panel beside the page.

Thin over services.reading_marks: it lists the expert's own marks of this document, marks the page shown, edits
a note, removes a mark after asking, and a double-click turns the viewer to the mark's page. A new mark's
passage is offered by the viewer (`passage_source`: the lines selected on the page, or those holding the search
term), and the expert may change it before saving. Only experts mark;
the dialog builds the panel for them alone (`for_expert`). What the service refuses is said in the user's
language (ui.i18n.error_text), and the dialog stays open so nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import MessageLine, confirm

if TYPE_CHECKING:
    from collections.abc import Callable

    from reviewdesk.services.reading_marks import MarkInfo
    from reviewdesk.workspace import OpenWorkspace

SHOWN = 24  # characters of the note on a list line; the tooltip holds it all
MARK_ID = Qt.ItemDataRole.UserRole


def for_expert(ws: OpenWorkspace, document_id: int, parent: QWidget | None = None) -> ReadingMarksPanel | None:
    """The panel for an expert's viewer; None for every other role (they have no marks to make)."""
    from reviewdesk.store.models import Role

    return ReadingMarksPanel(ws, document_id, parent) if ws.actor.role == Role.EXPERT else None


class MarkDialog(QDialog):
    """The note (and, for a new mark, the passage) of a mark. `save(note, passage)` stores it and returns
    None, or the message saying why not; the dialog then stays open with what was typed."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        page: int,
        save: Callable[[str, str], str | None],
        *,
        note: str = "",
        passage: str = "",
        passage_editable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save = save
        where = QLabel(self.tr("Page {page}").format(page=page))
        self.note = QPlainTextEdit(note)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What you noticed on this page (only you can see it)"))
        self.passage = QPlainTextEdit(passage)
        self.passage.setAccessibleName(self.tr("Passage"))
        self.passage.setPlaceholderText(self.tr("Optional: the words you mark, copied from the page"))
        self.passage.setReadOnly(not passage_editable)
        self.passage.setMaximumHeight(self.passage.fontMetrics().lineSpacing() * 4 + 12)
        self.message = MessageLine()
        for edit in (self.note, self.passage):  # the refusal was about what is being changed now
            edit.textChanged.connect(self.message.clear_message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(QLabel(self.tr("Note")))
        layout.addWidget(self.note, 1)
        layout.addWidget(QLabel(self.tr("Passage (optional)")))
        layout.addWidget(self.passage)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(420, 300)  # within 911×485 (1366×768 at 150 %)
        self.note.setFocus()

    def accept(self) -> None:
        error = self.save(self.note.toPlainText(), self.passage.toPlainText())
        if error is None:
            super().accept()
        else:
            self.message.show_error(error)


class ReadingMarksPanel(QWidget):
    """Lists the expert's marks of one document and changes them. `set_page` follows the viewer;
    `page_requested` (1-based) asks it to turn to a mark's page; `marks_changed` tells whoever shows marks
    elsewhere (the score form) to read them again."""

    page_requested = Signal(int)
    marks_changed = Signal()

    def __init__(self, ws: OpenWorkspace, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws: OpenWorkspace | None = ws
        self.document_id = document_id
        self.page = 1  # the page the viewer shows (documents without pages are marked on page 1)
        self.selected_lines = 0  # lines the expert selected on that page (the viewer's selection_changed)
        # What a new mark offers as its passage (the viewer's passage_for_mark); none: an empty passage.
        self.passage_source: Callable[[], str] | None = None
        self.marks: list[MarkInfo] = []
        self.dialog: MarkDialog | None = None
        title = QLabel(self.tr("My marks"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(self.tr("Only you can see them."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("My marks on this document"))
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(self._go_to)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.add_button = QPushButton(self.tr("Mark this page"))
        self.add_button.setToolTip(self.tr("Add a note on the page shown (only you can see it)"))
        self.add_button.clicked.connect(self.add_on_page)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = MessageLine()
        changes = QHBoxLayout()
        changes.setContentsMargins(0, 0, 0, 0)
        changes.addWidget(self.edit_button)
        changes.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.add_button)
        layout.addLayout(changes)
        layout.addWidget(self.message)
        self.setMinimumWidth(170)
        self.reload()

    # -- reading ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the marks again. On the UI thread on purpose: one document's marks of one expert are a few
        rows of one indexed query."""
        from reviewdesk.services import reading_marks
        from ui.i18n import error_text

        if self.ws is None:
            return
        try:
            self.marks = reading_marks.my_marks(self.ws, document_id=self.document_id)
        except Exception as err:  # said to the user (error_text logs the unexpected), never a trace
            self.message.show_error(error_text(err))
            self.marks = []
        current = self.selected()
        self.list.clear()
        for mark in self.marks:
            item = QListWidgetItem(self._line(mark))
            item.setData(MARK_ID, mark.id)
            item.setToolTip(self._tooltip(mark))
            self.list.addItem(item)
            if current is not None and mark.id == current.id:
                self.list.setCurrentItem(item)
        if not self.marks:
            empty = QListWidgetItem(self.tr("No marks yet. “Mark this page” adds one."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self._update_buttons()

    def _line(self, mark: MarkInfo) -> str:
        words = " ".join((mark.note or mark.passage).split())
        words = words if len(words) <= SHOWN else words[:SHOWN] + "…"
        return self.tr("Page {page}").format(page=mark.page) + "  " + words

    def _tooltip(self, mark: MarkInfo) -> str:
        parts = [mark.reference or self.tr("Page {page}").format(page=mark.page)]
        if mark.passage:
            parts.append(self.tr("Passage: {text}").format(text=mark.passage))
        if mark.note:
            parts.append(mark.note)
        return "\n".join(parts)

    def selected(self) -> MarkInfo | None:
        item = self.list.currentItem()
        mark_id = item.data(MARK_ID) if item is not None else None
        return next((m for m in self.marks if m.id == mark_id), None)

    def select_mark(self, mark_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(MARK_ID) == mark_id:
                self.list.setCurrentRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- following the viewer --------------------------------------------------------------------------
    def set_page(self, page: int, _pages: int = 0) -> None:
        """The viewer's page changed (its page_changed signal: page, pages)."""
        self.page = max(1, page)
        self._update_add_button()

    def set_selected_lines(self, count: int) -> None:
        """The viewer's selection changed (its selection_changed signal: lines selected)."""
        self.selected_lines = max(0, count)
        self._update_add_button()

    def _update_add_button(self) -> None:
        if self.selected_lines:
            self.add_button.setText(self.tr("Mark the selected lines ({page})").format(page=self.page))
            self.add_button.setToolTip(
                self.tr("Add a note on the page shown, with the selected lines as its passage (only you can "
                        "see it)")
            )
        else:
            self.add_button.setText(self.tr("Mark this page ({page})").format(page=self.page))
            self.add_button.setToolTip(self.tr("Add a note on the page shown (only you can see it)"))

    def _go_to(self, item: QListWidgetItem) -> None:
        mark = next((m for m in self.marks if m.id == item.data(MARK_ID)), None)
        if mark is not None:
            self.page_requested.emit(mark.page)

    # -- changing (each a one-row transaction, audited by the service) -------------------------------------
    def _attempt(self, change: Callable[[], object]) -> str | None:
        """Run a change; None when it was stored, else what to tell the expert. A mark is one row and one
        audit entry, so it is written on the UI thread, as the cases page sets a document's volume."""
        from ui.i18n import error_text

        try:
            change()
        except Exception as err:  # said to the user (error_text logs the unexpected), never a trace
            return error_text(err)
        return None

    def add_on_page(self) -> None:
        from reviewdesk.services import reading_marks

        if self.ws is None:
            return
        ws, document_id, page = self.ws, self.document_id, self.page
        added: list[MarkInfo] = []
        passage = self.passage_source() if self.passage_source is not None else ""

        def save(note: str, passage: str) -> str | None:
            return self._attempt(lambda: added.append(reading_marks.add_mark(ws, document_id, page, note, passage)))

        dialog = MarkDialog(self, self.tr("Mark page {page}").format(page=page), page, save, passage=passage)
        self._open(dialog, added)

    def edit_selected(self) -> None:
        from reviewdesk.services import reading_marks

        mark = self.selected()
        if self.ws is None or mark is None:
            return
        ws = self.ws
        changed: list[MarkInfo] = []

        def save(note: str, _passage: str) -> str | None:
            return self._attempt(lambda: changed.append(reading_marks.update_mark(ws, mark.id, note)))

        dialog = MarkDialog(
            self, self.tr("Edit the mark on page {page}").format(page=mark.page), mark.page, save,
            note=mark.note, passage=mark.passage, passage_editable=False,
        )
        self._open(dialog, changed)

    def _open(self, dialog: MarkDialog, stored: list[MarkInfo]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def closed(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted and stored:
                self.message.clear_message()
                self.reload()
                self.select_mark(stored[-1].id)
                self.marks_changed.emit()

        dialog.finished.connect(closed)
        dialog.open()

    def remove_selected(self) -> None:
        mark = self.selected()
        if self.ws is None or mark is None:
            return
        confirm(
            self,
            self.tr("Remove the mark"),
            self.tr("Remove your mark on page {page}? Its note is deleted and cannot be restored.").format(
                page=mark.page
            ),
            self.tr("Remove"),
            lambda: self._remove(mark.id),
        )

    def _remove(self, mark_id: int) -> None:
        from reviewdesk.services import reading_marks

        if self.ws is None:
            return
        ws = self.ws
        error = self._attempt(lambda: reading_marks.remove_mark(ws, mark_id))
        if error is not None:
            self.message.show_error(error)
            return
        self.message.show_ok(self.tr("The mark was removed."))
        self.reload()
        self.marks_changed.emit()

    def teardown(self) -> None:
        self.ws = None


def beside(viewer: QWidget, panel: ReadingMarksPanel) -> QSplitter:
    """The viewer with the panel to its right, narrow: at 911 logical pixels (1366×768 at 150 %) the page
    keeps about three quarters of the window; the expert may drag the panel shut."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(viewer)
    splitter.addWidget(panel)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    splitter.setCollapsible(0, False)
    splitter.setHandleWidth(max(splitter.handleWidth(), 7))
    splitter.setSizes([660, 220])
    return splitter
