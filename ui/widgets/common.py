"""Small widgets every window uses: password fields, the message line, the busy bar, non-blocking boxes.

Message boxes here never use `exec()`: a nested event loop would let the idle lock tear a page down under
the caller's feet. They open window-modal and report through a callback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reviewdesk.resources import resources_dir
from ui.qt import (
    QAbstractItemView,
    QApplication,
    QFont,
    QHeaderView,
    QIcon,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    Qt,
    QTableView,
    QWidget,
)

ERROR_STYLE = "color: #b3261e;"


def row_table(model: object, parent: QWidget | None = None) -> QTableView:
    """A read-only table that selects one whole row, with alternating colours and no row numbers."""
    table = QTableView(parent)
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fit_columns(table: QTableView, padding: int = 24) -> None:
    """Columns as wide as their contents plus some air; the last one stretches."""
    table.resizeColumnsToContents()
    for col in range(table.model().columnCount() - 1):
        table.setColumnWidth(col, table.columnWidth(col) + padding)


def select_row(table: QTableView, row: int) -> None:
    """Select a whole row and scroll to it (no-op for row < 0)."""
    if row < 0:
        return
    index = table.model().index(row, 0)
    table.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(index)


OK_STYLE = "color: #1b5e20;"


class PasswordEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.setMaxLength(256)


class MessageLine(QLabel):
    """A line under a form that says what went wrong (red) or what happened (green). Hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)
        self.setAccessibleName(text)
        self.show()

    def show_ok(self, text: str) -> None:
        self.setStyleSheet(OK_STYLE)
        self.setText(text)
        self.setAccessibleName(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class BusyBar(QProgressBar):
    """An indeterminate progress bar with a caption, shown while a background job runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(True)
        self.setMaximumHeight(22)
        self.hide()

    def start(self, text: str) -> None:
        self.setFormat(text)
        self.setAccessibleName(text)
        self.show()
        if QApplication.overrideCursor() is None:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def stop(self) -> None:
        self.hide()
        while QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


class SteadyProgress(QProgressDialog):
    """Progress of work that cannot stop half-way (one transaction, or numbers already issued): Esc and
    closing the window are ignored; the dialog closes when the work ends."""

    def reject(self) -> None:
        pass

    def closeEvent(self, event: Any) -> None:
        event.ignore()


def icon(name: str) -> QIcon:
    """An icon shipped in resources/icons (SVG)."""
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def heading(text: str, scale: float = 1.5) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def note(text: str) -> QLabel:
    """A wrapped explanatory paragraph."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def inform(
    parent: QWidget,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    detail: str | None = None,
    technical: str | None = None,
    on_close: Callable[[], None] | None = None,
) -> QMessageBox:
    """`detail` is shown under the text; `technical` (a parser's English reason, a manifest field) only
    behind the box's "show details" button, for whoever the coordinator forwards it to."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)
    if technical:
        box.setDetailedText(technical)
    if on_close is not None:
        box.finished.connect(lambda _result: on_close())
    box.open()
    return box


def warn(parent: QWidget, title: str, text: str) -> QMessageBox:
    return inform(parent, title, text, icon=QMessageBox.Icon.Warning)


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    yes_text: str,
    on_yes: Callable[[], None],
    *,
    detail: str | None = None,
    technical: str | None = None,
) -> QMessageBox:
    """Ask before something that is hard to undo. The safe choice (Cancel) is the default button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)
    if technical:
        box.setDetailedText(technical)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)

    def done(_result: int) -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(done)
    box.open()
    return box
