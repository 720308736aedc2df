"""The 回避声明 an expert confirms before scoring a case. Declaring a conflict here records nothing: the expert
is sent to the coordinator, who records the recusal (only the office may take someone off a panel)."""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QCheckBox, QDialog, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from ui.widgets.common import MessageLine, heading, note
from ui.widgets.screen_fit import fit_to_screen


class CertifyDialog(QDialog):
    def __init__(
        self, statement: str, case_label: str, on_confirm: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._on_confirm = on_confirm
        self.setWindowTitle(self.tr("Recusal statement"))
        fit_to_screen(self, 720, 640)
        self.text = QPlainTextEdit(statement)
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.check = QCheckBox(self.tr("I confirm that none of the above grounds for recusal applies to me"))
        self.check.toggled.connect(self._update)
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.conflict_button = QPushButton(self.tr("I have a ground for recusal"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for button in (self.confirm_button, self.conflict_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter must not confirm a legal statement by accident
            button.setDefault(False)
        self.confirm_button.clicked.connect(self._confirm)
        self.conflict_button.clicked.connect(self._conflict)
        self.cancel_button.clicked.connect(self.reject)
        self.message = MessageLine()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Recusal statement"), 1.3))
        layout.addWidget(note(self.tr("Case: {case}").format(case=case_label)))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.check)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflict_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        self._update()

    def _update(self) -> None:
        self.confirm_button.setEnabled(self.check.isChecked())

    def _confirm(self) -> None:
        if not self.check.isChecked():
            return
        self.accept()
        self._on_confirm()

    def _conflict(self) -> None:
        self.check.setChecked(False)
        self.message.show_error(
            self.tr(
                "Do not score this case. Tell the coordinator (the organising office) about the ground for recusal; "
                "the office records it and replaces you on the panel. Nothing has been recorded here."
            )
        )
