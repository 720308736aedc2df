"""Ask for the reason of a decision that goes into the record (recusal decisions, panel changes)."""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QComboBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget
from ui.widgets.common import note


class ReasonDialog(QDialog):
    """A required reason, and optionally a choice (e.g. the expert to put in). OK stays off until both are given."""

    def __init__(
        self,
        title: str,
        text: str,
        ok_text: str,
        on_ok: Callable[[str, object], None],
        parent: QWidget | None = None,
        *,
        choices: list[tuple[str, object]] | None = None,
        choice_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._on_ok = on_ok
        layout = QVBoxLayout(self)
        layout.addWidget(note(text))
        self.choice: QComboBox | None = None
        if choices is not None:
            layout.addWidget(QLabel(choice_label))
            self.choice = QComboBox()
            self.choice.addItem(self.tr("— choose —"), None)
            for label, value in choices:
                self.choice.addItem(label, value)
            self.choice.currentIndexChanged.connect(self._update)
            layout.addWidget(self.choice)
        layout.addWidget(QLabel(self.tr("Reason (goes into the record):")))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.textChanged.connect(self._update)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _value(self) -> object:
        return self.choice.currentData() if self.choice is not None else None

    def _update(self) -> None:
        ready = bool(self.reason.toPlainText().strip()) and (self.choice is None or self._value() is not None)
        self.ok.setEnabled(ready)

    def _accept(self) -> None:
        if not self.ok.isEnabled():
            return
        self.accept()
        self._on_ok(self.reason.toPlainText().strip(), self._value())
