"""First-run setup: where the workspace goes, the first administrator, and the recovery code (shown once).

The workspace is created when the administrator page is committed (Argon2id takes about a second, on a
worker). The recovery code is then shown once, can be printed (rendered from memory straight to the
printer, never to a file), and Finish stays disabled until "I have stored it" is ticked.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reviewdesk.locate import FolderState, folder_state
from ui import file_dialogs
from ui.i18n import error_text
from ui.qt import (
    QCheckBox,
    QCloseEvent,
    QCoreApplication,
    QFont,
    QFontDatabase,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPaintDevice,
    QPushButton,
    Qt,
    QTextDocument,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
    print_support,
)
from ui.widgets.common import BusyBar, MessageLine, PasswordEdit, note, warn
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace

FOLDER_PAGE, ADMIN_PAGE, CODE_PAGE = range(3)


def create_workspace(folder: Path, username: str, display_name: str, password: str) -> tuple[object, str]:
    """Runs on a worker thread."""
    from reviewdesk.workspace import Workspace

    return Workspace(folder).create(username, display_name, password)


class FolderPage(QWizardPage):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to ReviewDesk"))
        self.setSubTitle(
            self.tr(
                "This computer has no workspace yet. Three short steps set one up: the folder, the "
                "administrator account and the recovery code."
            )
        )
        self.folder = QLineEdit(str(folder))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.message = MessageLine()

        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "The workspace is one folder that holds the encrypted database of this review office. "
                    "Choose a folder on this computer's local disk (not a USB stick or network drive) that "
                    "is included in your backups. The folder may be new; it will be created."
                )
            )
        )
        label = QLabel(self.tr("Workspace &folder:"))
        label.setBuddy(self.folder)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _browse(self) -> None:
        start = Path(self.folder.text().strip() or Path.home())
        chosen = file_dialogs.choose_folder(
            self, self.tr("Choose the workspace folder"), str(start if start.exists() else start.parent)
        )
        if chosen:
            self.folder.setText(chosen)

    def chosen(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def validatePage(self) -> bool:
        text = self.folder.text().strip()
        if not text:
            self.message.show_error(self.tr("Enter or choose a folder."))
            return False
        path = self.chosen()
        if not path.is_absolute():
            self.message.show_error(
                self.tr("Give the full path of the folder, e.g. D:\\ReviewDesk\\workspace.")
            )
            return False
        if path.exists() and not path.is_dir():
            self.message.show_error(
                self.tr("{path} is a file, not a folder. Choose a folder.").format(path=path)
            )
            return False
        state = folder_state(path)
        if state is FolderState.COMPLETE:
            self.message.show_error(
                self.tr(
                    "This folder already holds a workspace. Cancel the setup and log in to it, or "
                    "choose another folder."
                )
            )
            return False
        if state is FolderState.INCOMPLETE:
            self.message.show_error(
                self.tr(
                    "This folder holds part of a workspace (an earlier setup was interrupted or a file "
                    "was removed). Choose an empty folder, or restore the workspace from a backup."
                )
            )
            return False
        self.message.clear_message()
        return True


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(
            self.tr(
                "The administrator (the organising office) adds the other accounts later. Choose a "
                "password of at least 8 characters that others cannot guess."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create workspace"))
        self.username = QLineEdit("admin")
        self.username.setMaxLength(32)
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Liu Jianguo"))
        self.display_name.setMaxLength(128)
        self.password = PasswordEdit()
        self.repeat = PasswordEdit()
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("Full &name:"), self.display_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.repeat)
        self.message = MessageLine()
        self.busy = BusyBar()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            note(self.tr("User names use letters, digits, '.', '_' or '-' (for example admin or liu.jg)."))
        )
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self.created: tuple[OpenWorkspace, str] | None = None
        self._working = False

    def validatePage(self) -> bool:
        if self.created is not None:
            return True
        if self._working:
            return False
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self.message.show_error(self.tr("Enter a user name."))
            self.username.setFocus()
            return False
        if not password:
            self.message.show_error(self.tr("Enter a password."))
            self.password.setFocus()
            return False
        if password != self.repeat.text():
            self.message.show_error(self.tr("The two passwords differ. Type them again."))
            self.repeat.clear()
            self.repeat.setFocus()
            return False
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        folder = wizard.folder_page.chosen()
        display = self.display_name.text().strip()
        self.message.clear_message()
        self._set_busy(True)
        run_job(lambda: create_workspace(folder, username, display, password), self, self._done, self._failed)
        return False

    def _set_busy(self, busy: bool) -> None:
        self._working = busy
        for widget in (self.username, self.display_name, self.password, self.repeat):
            widget.setEnabled(not busy)
        wizard = self.wizard()
        if wizard is not None:
            for button in (
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.CommitButton,
                QWizard.WizardButton.CancelButton,
            ):
                wizard.button(button).setEnabled(not busy)
        if busy:
            self.busy.start(self.tr("Creating the encrypted workspace…"))
        else:
            self.busy.stop()

    def _done(self, result: object) -> None:
        self._set_busy(False)
        assert isinstance(result, tuple)
        self.created = result  # type: ignore[assignment]
        self.password.clear()
        self.repeat.clear()
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(error_text(err))


class CodePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(
            self.tr(
                "If every administrator password is forgotten, this code is the only way back into the "
                "workspace. It is shown this once and cannot be displayed again."
            )
        )
        self.code_label = QLabel()
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(14.0, QFont().pointSizeF() * 1.5))
        mono.setBold(True)
        self.code_label.setFont(mono)
        self.code_label.setStyleSheet("padding: 14px; border: 1px solid #999; background: #fffdf3;")
        self.code_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self._print)
        self.stored = QCheckBox(
            self.tr("I have printed or written down the recovery code and stored it safely")
        )
        self.stored.toggled.connect(self.completeChanged)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_label)
        layout.addLayout(row)
        layout.addWidget(
            note(
                self.tr(
                    "Print it or copy it by hand onto paper, and keep it in a locked cabinet apart from this "
                    "computer. Do not save it in a file, e-mail or chat message: anyone with the code and a "
                    "copy of the workspace can open it."
                )
            )
        )
        layout.addStretch(1)
        layout.addWidget(self.stored)
        self.code = ""

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        created = wizard.admin_page.created
        self.code = created[1] if created else ""
        self.code_label.setText(self.code)

    def isComplete(self) -> bool:
        return bool(self.code) and self.stored.isChecked()

    def _print(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        qtprint = print_support()
        printer = qtprint.QPrinter(qtprint.QPrinter.PrinterMode.ScreenResolution)
        dialog = qtprint.QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        dialog.setOption(qtprint.QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        if dialog.exec() != qtprint.QPrintDialog.DialogCode.Accepted:
            return
        admin = wizard.admin_page.username.text().strip()
        render_recovery_sheet(printer, self.code, wizard.folder_page.chosen(), admin)


def recovery_sheet(code: str, folder: Path, admin: str) -> QTextDocument:
    """The printed page, built in memory."""
    title = QCoreApplication.translate("RecoverySheet", "ReviewDesk — workspace recovery code")
    rows = [
        (QCoreApplication.translate("RecoverySheet", "Workspace folder"), str(folder)),
        (QCoreApplication.translate("RecoverySheet", "Administrator"), admin),
        (QCoreApplication.translate("RecoverySheet", "Printed"), datetime.now().strftime("%Y-%m-%d %H:%M")),
    ]
    table = "".join(
        f"<tr><td style='padding:4px 12px 4px 0'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    advice = QCoreApplication.translate(
        "RecoverySheet",
        "With this code an administrator can open the workspace and set a new password when all passwords "
        "are forgotten. Keep this sheet in a locked cabinet. Do not photograph, scan or copy it.",
    )
    doc = QTextDocument()
    doc.setHtml(
        f"<h2>{html.escape(title)}</h2><table>{table}</table>"
        f"<p style='font-family:monospace; font-size:20pt; font-weight:bold; margin:24px 0'>{html.escape(code)}</p>"
        f"<p>{html.escape(advice)}</p>"
    )
    return doc


def render_recovery_sheet(device: QPaintDevice, code: str, folder: Path, admin: str) -> None:
    """Print to a QPrinter (or paint on any device, e.g. a QImage in tests). Nothing is written to disk."""
    doc = recovery_sheet(code, folder, admin)
    if hasattr(device, "pageLayout"):
        doc.print_(device)  # type: ignore[arg-type]
        return
    from ui.qt import QPainter

    painter = QPainter(device)
    try:
        doc.setTextWidth(device.width())
        doc.drawContents(painter)
    finally:
        painter.end()


class SetupWizard(QWizard):
    """Emits `created(OpenWorkspace)` on Finish. Cancel before the workspace exists emits `cancelled`."""

    created = Signal(object)
    cancelled = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ReviewDesk — Set up the workspace"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(640, 420)  # with the title bar, fits 1366×768 at 150 % (911×472)
        self.folder_page = FolderPage(folder)
        self.admin_page = AdminPage()
        self.code_page = CodePage()
        self.setPage(FOLDER_PAGE, self.folder_page)
        self.setPage(ADMIN_PAGE, self.admin_page)
        self.setPage(CODE_PAGE, self.code_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish and open"))
        self._handed_over = False

    def opened_workspace(self) -> OpenWorkspace | None:
        created = self.admin_page.created
        return created[0] if created else None

    def accept(self) -> None:
        ws = self.opened_workspace()
        if ws is None or not self.code_page.isComplete():
            return
        self._handed_over = True
        super().accept()
        self.created.emit(ws)

    def reject(self) -> None:
        if self.opened_workspace() is not None:
            # The workspace exists and the code must not be lost: finishing is the only way on.
            warn(
                self,
                self.tr("Store the recovery code first"),
                self.tr(
                    "The workspace has been created. Print or write down the recovery code, tick the box "
                    "and press Finish."
                ),
            )
            return
        super().reject()
        self.cancelled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.opened_workspace() is not None and not self._handed_over:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
