"""Open the workspace with the recovery code and set a new password for one account."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget, Signal
from ui.widgets.common import BusyBar, MessageLine, PasswordEdit, note
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace


def recover_workspace(folder: Path, code: str, username: str, new_password: str) -> OpenWorkspace:
    from reviewdesk.workspace import Workspace

    return Workspace(folder).recover(code, username, new_password)


class RecoveryDialog(QDialog):
    opened = Signal(object)

    def __init__(self, folder: Path, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Use the recovery code"))
        self.setMinimumWidth(520)

        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("as printed at setup; case, spaces and dashes do not matter"))
        self.username = QLineEdit(username)
        self.password = PasswordEdit()
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = PasswordEdit()

        form = QFormLayout()
        form.addRow(self.tr("Recovery &code:"), self.code)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&New password:"), self.password)
        form.addRow(self.tr("&Repeat new password:"), self.repeat)

        self.message = MessageLine()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set password and log in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "The recovery code is the long code shown and printed once when the workspace was set "
                    "up. With it you can open the workspace and give an account a new password. Keep the "
                    "printed code locked away afterwards."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.code.setFocus()

    def submit(self) -> None:
        code = self.code.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        if not code:
            self.message.show_error(self.tr("Enter the recovery code."))
            self.code.setFocus()
            return
        if not username:
            self.message.show_error(self.tr("Enter the user name whose password is to be set."))
            self.username.setFocus()
            return
        if not password:
            self.message.show_error(self.tr("Enter the new password."))
            self.password.setFocus()
            return
        if password != self.repeat.text():
            self.message.show_error(self.tr("The two new passwords differ. Type them again."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self.message.clear_message()
        self._set_busy(True)
        folder = self.folder
        run_job(lambda: recover_workspace(folder, code, username, password), self, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.code, self.username, self.password, self.repeat, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self.busy.start(self.tr("Checking the recovery code…"))
        else:
            self.busy.stop()

    def _done(self, ws: object) -> None:
        self._set_busy(False)
        self.accept()
        self.opened.emit(ws)

    def _failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(error_text(err))
