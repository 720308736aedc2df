"""What the conclusion and interview dialogs share: save on a worker, close with the result on success, and on a
refusal show the core's message and put the cursor on the field it names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reviewdesk.errors import ValidationError
from ui.models.deliberation import form_error_text
from ui.qt import QDialog, QPushButton
from ui.widgets.common import BusyBar, MessageLine
from ui.worker import run_job


class SavingForm(QDialog):
    """Subclasses create `message`, `busy` and `save_button`, and say where each field is (`_focus`)."""

    message: MessageLine
    busy: BusyBar
    save_button: QPushButton
    result_view: Any = None

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
