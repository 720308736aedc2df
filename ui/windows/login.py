"""The login window, which is also the lock screen.

Kept light on purpose: it imports no SQLAlchemy, so the window appears as fast as a bare Qt window allows. Once
it is on screen, a background thread imports the store's modules (about 1 s of SQLAlchemy and the models) while
the user types, so pressing Log in costs the key derivation and little more; if the import has not finished by
then, the log-in job simply waits for it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from reviewdesk.errors import AuthError, ThrottledError
from reviewdesk.locate import FolderState, folder_state
from ui import file_dialogs
from ui.i18n import error_text
from ui.qt import (
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    QShowEvent,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import BusyBar, MessageLine, PasswordEdit, confirm, heading, note, warn
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace


def open_workspace(folder: Path, username: str, password: str) -> OpenWorkspace:
    """Runs on a worker thread: Argon2id, key check, migration if needed, login audit entry."""
    from reviewdesk.workspace import Workspace

    return Workspace(folder).open(username, password)


def _import_store_modules() -> None:
    """What the log-in job and the first page need (Qt-free modules only: this runs off the UI thread)."""
    try:
        import reviewdesk.services.campaigns
        import reviewdesk.services.sessions
        import reviewdesk.services.settings
        import reviewdesk.workspace  # noqa: F401
    except Exception:
        pass  # the log-in job imports them again and reports what went wrong


_warming: threading.Thread | None = None
WARM_UP_DELAY_MS = 150


def warm_up() -> None:
    """Start importing the store's modules in the background, once per process."""
    global _warming
    if _warming is None:
        _warming = threading.Thread(target=_import_store_modules, name="import-store", daemon=False)
        _warming.start()


class LoginWindow(QWidget):
    """Emits `opened(OpenWorkspace)` after a successful login or unlock."""

    opened = Signal(object)
    setup_requested = Signal(str)  # a folder without a workspace was chosen: run the setup wizard there
    quit_requested = Signal()

    def __init__(self, folder: Path, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.locked_mode = False
        self._wait_left = 0
        self._closing_for_good = False
        self.setWindowTitle(self.tr("ReviewDesk — Log in"))
        self.setMinimumWidth(520)

        self.title = heading(self.tr("ReviewDesk"), 1.8)
        self.subtitle = note(
            self.tr("Law-enforcement supervision case review. Log in to open the workspace.")
        )

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.change_folder = QPushButton(self.tr("Change…"))
        self.change_folder.setToolTip(self.tr("Open a workspace in another folder, or create a new one"))
        self.change_folder.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.change_folder)

        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.username.setMaxLength(64)
        self.password = PasswordEdit()
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Workspace:"), folder_row)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)

        self.message = MessageLine()
        self.busy = BusyBar()

        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setDefault(True)
        self.login_button.setAutoDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.recovery_button = QPushButton(self.tr("Forgot password? Use recovery code…"))
        self.recovery_button.setFlat(True)
        self.recovery_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.recovery_button.clicked.connect(self._open_recovery)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.clicked.connect(self._quit)

        buttons = QHBoxLayout()
        buttons.addWidget(self.recovery_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q), self, activated=self._quit)

        self._show_folder()
        self.focus_first_empty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once the window is painted (start-up stays as fast as before) and long before a password is typed.
        QTimer.singleShot(WARM_UP_DELAY_MS, warm_up)

    # -- modes -------------------------------------------------------------------------------------------
    def set_locked(self, username: str, reason: str) -> None:
        """Turn into the lock screen: same workspace, user name filled in, password empty."""
        self.locked_mode = True
        self.setWindowTitle(self.tr("ReviewDesk — Locked"))
        self.title.setText(self.tr("The workspace is locked"))
        reasons = {
            "idle": self.tr(
                "It was locked automatically after a period without use. Nothing is shown until you "
                "unlock: enter your password to continue where you were."
            ),
            "manual": self.tr(
                "It was locked on request. Nothing is shown until you unlock: enter your password to "
                "continue where you were."
            ),
            "session": self.tr(
                "It was locked because the computer's session was locked. Nothing is shown until you "
                "unlock: enter your password to continue where you were."
            ),
        }
        self.subtitle.setText(
            reasons.get(
                reason,
                self.tr("Nothing is shown until you unlock: enter your password to continue where you were."),
            )
        )
        self.login_button.setText(self.tr("Unlock"))
        self.change_folder.hide()
        self.username.setText(username)
        self.password.clear()
        self.message.clear_message()
        self.password.setFocus()

    def focus_first_empty(self) -> None:
        (self.password if self.username.text().strip() else self.username).setFocus()

    def _show_folder(self) -> None:
        self.folder_label.setText(str(self.folder))
        self.folder_label.setToolTip(str(self.folder))

    # -- log in ------------------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.busy.isVisible() or not self.login_button.isEnabled():
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self.message.show_error(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        if not password:
            self.message.show_error(self.tr("Enter your password."))
            self.password.setFocus()
            return
        self.message.clear_message()
        self._set_busy(True)
        folder = self.folder
        run_job(lambda: open_workspace(folder, username, password), self, self._opened, self._failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.username,
            self.password,
            self.login_button,
            self.recovery_button,
            self.change_folder,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.busy.start(self.tr("Checking the password and opening the workspace…"))
        else:
            self.busy.stop()

    def _opened(self, ws: object) -> None:
        self._set_busy(False)
        self.password.clear()
        self.message.clear_message()
        self.opened.emit(ws)

    def _failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        if isinstance(err, ThrottledError):
            self._start_wait(err.wait_seconds)
            return
        text = error_text(err)
        if isinstance(err, AuthError):
            text += "\n" + self.tr(
                "Check the user name, the Caps Lock key and the input method (use half-width characters). "
                "If you forgot the password, ask the administrator to reset it or use the recovery code."
            )
        self.message.show_error(text)
        self.password.setFocus()

    def _start_wait(self, seconds: int) -> None:
        self._wait_left = max(1, int(seconds))
        self.login_button.setEnabled(False)
        self._tick_text()
        self._countdown.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self.login_button.setEnabled(True)
            self.message.show_error(self.tr("You may try again now."))
            self.password.setFocus()
            return
        self._tick_text()

    def _tick_text(self) -> None:
        self.message.show_error(
            self.tr(
                "Too many wrong passwords. To protect the workspace, wait {seconds} seconds before the "
                "next try."
            ).format(seconds=self._wait_left)
        )

    # -- other buttons -----------------------------------------------------------------------------------
    def _open_recovery(self) -> None:
        from ui.dialogs.recovery import RecoveryDialog

        dialog = RecoveryDialog(self.folder, self.username.text().strip(), self)
        dialog.opened.connect(self._opened_by_recovery)
        dialog.open()

    def _opened_by_recovery(self, ws: object) -> None:
        self.password.clear()
        self.opened.emit(ws)

    def _choose_folder(self) -> None:
        chosen = file_dialogs.choose_folder(
            self, self.tr("Choose the workspace folder"), str(self.folder.parent)
        )
        if not chosen:
            return
        path = Path(chosen)
        state = folder_state(path)
        if state is FolderState.COMPLETE:
            self.folder = path
            self._show_folder()
            self.message.clear_message()
            self.focus_first_empty()
        elif state is FolderState.INCOMPLETE:
            warn(
                self,
                self.tr("Workspace incomplete"),
                self.tr(
                    "The folder {folder} holds only part of a workspace (setup was interrupted or a file "
                    "was removed). Restore it from a backup, or choose another folder."
                ).format(folder=path),
            )
        else:
            confirm(
                self,
                self.tr("No workspace here"),
                self.tr(
                    "The folder {folder} does not hold a workspace. Create a new workspace there?"
                ).format(folder=path),
                self.tr("Create workspace…"),
                lambda: self.setup_requested.emit(str(path)),
            )

    def _quit(self) -> None:
        self._closing_for_good = True
        self.quit_requested.emit()

    def closeEvent(self, event: object) -> None:
        # Closing the login or lock window means quitting the app (nothing else is visible).
        if not self._closing_for_good:
            self._closing_for_good = True
            self.quit_requested.emit()
        super().closeEvent(event)  # type: ignore[arg-type]
