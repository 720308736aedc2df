"""What the conclusion and interview dialogs share: save on a worker, close with the result on success, and on a
refusal show the core's message and put the cursor on the field it names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reviewdesk.errors import ValidationError
from ui.models.deliberation import form_error_text
from ui.qt import QDialog, QFormLayout, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget
from ui.widgets.common import BusyBar, MessageLine, heading
from ui.worker import run_job


def quiet_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)  # Enter in a field must never save by accident
    return button


class SavingForm(QDialog):
    """Subclasses build their form, call `lay_out`, and define `save` and where each field is (`_focus`)."""

    message: MessageLine
    busy: BusyBar
    save_button: QPushButton
    result_view: Any = None

    def lay_out(self, title: str, form: QFormLayout, save_text: str, cancel_text: str) -> None:
        """The title, the form in a scroll area, the message line and busy bar, then Save and Cancel."""
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.message = MessageLine()
        self.busy = BusyBar()
        self.save_button = quiet_button(save_text)
        self.cancel_button = quiet_button(cancel_text)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 1.3))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)

    def save(self) -> None:
        raise NotImplementedError

    def save_in_background(self, work: Callable[[], Any], busy_text: str) -> None:
        self.message.clear_message()
        self.save_button.setEnabled(False)
        self.busy.start(busy_text)
        self._job = run_job(work, self, self._saved, self._failed)

    def _saved(self, result: Any) -> None:
        self._job = None
        self.busy.stop()
        self.save_button.setEnabled(True)
        self.result_view = result
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._job = None
        self.busy.stop()
        self.save_button.setEnabled(True)
        self.message.show_error(form_error_text(err))
        if isinstance(err, ValidationError):
            self._focus(err.field)

    def _focus(self, field: str) -> None:
        raise NotImplementedError
