"""Account dialogs: change my password, set someone's password (reset or re-enable), add an account.

Each runs its service on a worker (every password change wraps the data key with Argon2id) and stays open
with the error in red if the core refuses, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ui.i18n import error_text
from ui.models.labels import role_label
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import BusyBar, MessageLine, PasswordEdit, note
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace

ROLES = ("expert", "observer", "auditor", "admin")


class _FormDialog(QDialog):
    """A form, a message line, a busy bar and OK/Cancel; `submit` validates and calls `start`."""

    succeeded = Signal(object)

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.message = MessageLine()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.buttons)
        self._inputs: list[QWidget] = []
        self._busy_text = ""

    def ok_button_text(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)

    def add_row(self, label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)
        self._inputs.append(widget)

    def add_note(self, text: str) -> None:
        self.layout_.insertWidget(0, note(text))

    def submit(self) -> None:
        raise NotImplementedError

    def start(self, fn: Callable[[], Any], busy_text: str) -> None:
        self.message.clear_message()
        self._set_busy(True, busy_text)
        run_job(fn, self, self._done, self._failed)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for widget in [*self._inputs, self.buttons]:
            widget.setEnabled(not busy)
        if busy:
            self.busy.start(text)
        else:
            self.busy.stop()

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.accept()
        self.succeeded.emit(result)

    def _failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(error_text(err))

    def reject(self) -> None:
        if self.busy.isVisible():  # the change is under way; let it finish
            return
        super().reject()

    def passwords_match(self, password: QLineEdit, repeat: QLineEdit) -> bool:
        if not password.text():
            self.message.show_error(self.tr("Enter the new password."))
            password.setFocus()
            return False
        if password.text() != repeat.text():
            self.message.show_error(self.tr("The two new passwords differ. Type them again."))
            repeat.clear()
            repeat.setFocus()
            return False
        return True


class ChangePasswordDialog(_FormDialog):
    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change my password"), parent)
        self.ws = ws
        self.old = PasswordEdit()
        self.new = PasswordEdit()
        self.new.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = PasswordEdit()
        self.add_row(self.tr("&Current password:"), self.old)
        self.add_row(self.tr("&New password:"), self.new)
        self.add_row(self.tr("&Repeat new password:"), self.repeat)
        self.add_note(
            self.tr("Your account {user}. After the change, log in with the new password.").format(
                user=ws.actor.username
            )
        )
        self.ok_button_text(self.tr("Change password"))
        self.old.setFocus()

    def submit(self) -> None:
        if not self.old.text():
            self.message.show_error(self.tr("Enter your current password."))
            self.old.setFocus()
            return
        if not self.passwords_match(self.new, self.repeat):
            return
        from reviewdesk.services import users

        ws, old, new = self.ws, self.old.text(), self.new.text()
        self.start(lambda: users.change_own_password(ws, old, new), self.tr("Changing the password…"))


class SetPasswordDialog(_FormDialog):
    """Admin gives an account a new password: a reset, or re-enabling a disabled account."""

    def __init__(
        self,
        title: str,
        explanation: str,
        ok_text: str,
        action: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._action = action
        self.new = PasswordEdit()
        self.new.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = PasswordEdit()
        self.add_row(self.tr("&New password:"), self.new)
        self.add_row(self.tr("&Repeat new password:"), self.repeat)
        self.add_note(explanation)
        self.ok_button_text(ok_text)
        self.new.setFocus()

    def submit(self) -> None:
        if not self.passwords_match(self.new, self.repeat):
            return
        password, action = self.new.text(), self._action
        self.start(lambda: action(password), self.tr("Saving the new password…"))


class AddUserDialog(_FormDialog):
    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add account"), parent)
        self.ws = ws
        self.username = QLineEdit()
        self.username.setMaxLength(32)
        self.username.setPlaceholderText(self.tr("letters and digits, e.g. zhanghua"))
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(128)
        self.display_name.setPlaceholderText(self.tr("e.g. Zhang Hua"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.password = PasswordEdit()
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = PasswordEdit()
        self.add_row(self.tr("&User name:"), self.username)
        self.add_row(self.tr("Full &name:"), self.display_name)
        self.add_row(self.tr("R&ole:"), self.role)
        self.add_row(self.tr("Initial &password:"), self.password)
        self.add_row(self.tr("&Repeat password:"), self.repeat)
        self.add_note(
            self.tr(
                "Give the person the user name and initial password in person, and ask them to change the "
                "password at their first log-in (menu File → Change my password)."
            )
        )
        self.ok_button_text(self.tr("Add account"))
        self.username.setFocus()

    def submit(self) -> None:
        if not self.username.text().strip():
            self.message.show_error(self.tr("Enter a user name."))
            self.username.setFocus()
            return
        if not self.passwords_match(self.password, self.repeat):
            return
        from reviewdesk.services import users

        ws = self.ws
        args = (
            self.username.text().strip(),
            self.display_name.text().strip(),
            str(self.role.currentData()),
            self.password.text(),
        )
        self.start(lambda: users.add_user(ws, *args), self.tr("Adding the account…"))
