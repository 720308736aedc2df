"""Backup and restore on the Settings page (administrators only).

A backup runs on a worker with a progress bar and says where the file went. A restore asks twice — first what
will be replaced (the backup's date, whether it is this workspace's), then once more — and asks for the
password in the backup; the app then closes the workspace and restores it (ui/app.py, `restore_requested`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewdesk.services import maintenance
from ui import file_dialogs
from ui.i18n import error_text
from ui.models.labels import when
from ui.qt import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import BusyBar, MessageLine, confirm, note
from ui.widgets.file_places import remember_folder, start_folder
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace

FOLDER_KIND = "backup"


class BackupBox(QGroupBox):
    restore_requested = Signal(object, str)  # (backup path, password in the backup)

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backup and restore"))
        self.setObjectName("backup-box")
        self.ws: OpenWorkspace | None = ws
        self.running = False
        self.backup_button = QPushButton(self.tr("&Back up now…"))
        self.backup_button.clicked.connect(self.start_backup)
        self.restore_button = QPushButton(self.tr("&Restore from a backup…"))
        self.restore_button.clicked.connect(self.start_restore)
        self.busy = BusyBar()
        self.message = MessageLine()
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "A backup is one encrypted file (.rdbak) holding all the data of this workspace. Make one at the "
                    "end of each working day and keep it on a USB stick stored apart from this computer."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)

    # -- backup --------------------------------------------------------------------------------------------
    def start_backup(self) -> None:
        if self.ws is None or self.running:
            return
        from reviewdesk.store.backup import stamp

        suggested = start_folder(FOLDER_KIND) / f"reviewdesk-{stamp()[:15]}.rdbak"
        path, _chosen = file_dialogs.save_file(
            self, self.tr("Save the backup as"), str(suggested), self.tr("ReviewDesk backups (*.rdbak)")
        )
        if not path:
            return
        dest = Path(path)
        if dest.suffix.lower() != ".rdbak":
            dest = dest.with_name(dest.name + ".rdbak")
        remember_folder(FOLDER_KIND, dest)
        ws = self.ws
        self._busy(self.tr("Writing the backup…"))
        run_job(lambda: maintenance.backup(ws, dest), self, self._backed_up, self._failed)

    def _backed_up(self, path: object) -> None:
        self._idle()
        written = Path(str(path))
        size = written.stat().st_size / (1 << 20) if written.is_file() else 0.0
        self.message.show_ok(
            self.tr("Backup saved: {path} ({size:.1f} MB). Keep it in a safe place.").format(path=written, size=size)
        )

    # -- restore -------------------------------------------------------------------------------------------
    def start_restore(self) -> None:
        if self.ws is None or self.running:
            return
        path, _chosen = file_dialogs.open_file(
            self,
            self.tr("Choose the backup to restore"),
            str(start_folder(FOLDER_KIND)),
            self.tr("ReviewDesk backups (*.rdbak)"),
        )
        if not path:
            return
        source = Path(path)
        remember_folder(FOLDER_KIND, source)
        try:
            info = maintenance.describe_backup(self.ws, source)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        folder = self.ws.workspace.folder
        text = self.tr(
            "Restoring replaces ALL data of this workspace ({folder}) with the backup made on {when}: every "
            "case, score sheet, conclusion, opinion, account and audit entry since then is replaced by the "
            "state of that day. The current data are not deleted: they are moved aside into a folder named "
            "\"replaced-…\" inside the workspace folder."
        ).format(folder=folder, when=when(info.created_at) or self.tr("an unknown date"))
        if not info.same_workspace:
            text += "\n\n" + self.tr(
                "Careful: this backup was made from ANOTHER workspace, not from this one."
            )
        confirm(
            self,
            self.tr("Restore from a backup?"),
            text,
            self.tr("Continue…"),
            lambda: self._confirm_again(source, info),
        )

    def _confirm_again(self, source: Path, info: maintenance.BackupInfo) -> None:
        confirm(
            self,
            self.tr("Really replace the data?"),
            self.tr(
                "Last question: replace the data of this workspace with the backup of {when}? Work done after "
                "that moment will no longer be in the workspace."
            ).format(when=when(info.created_at)),
            self.tr("Replace with the backup"),
            lambda: self._ask_password(source),
        )

    def _ask_password(self, source: Path) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Password in the backup"))
        dialog.setLabelText(
            self.tr(
                "Your password as it was when the backup was made (user {user}). The workspace closes while it "
                "is restored and opens again by itself:"
            ).format(
                user=self.ws.actor.username if self.ws is not None else ""
            )
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setObjectName("restore-password")
        dialog.setOkButtonText(self.tr("Restore"))
        dialog.resize(460, dialog.sizeHint().height())
        dialog.textValueSelected.connect(lambda password: self._restore(source, password))
        dialog.open()

    def _restore(self, source: Path, password: str) -> None:
        if not password:
            self.message.show_error(self.tr("No password given: nothing was restored."))
            return
        self._busy(self.tr("Restoring…"))
        self.restore_requested.emit(source, password)

    # -- state ---------------------------------------------------------------------------------------------
    def _busy(self, text: str) -> None:
        self.running = True
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.message.clear_message()
        self.busy.start(text)

    def _idle(self) -> None:
        self.running = False
        self.backup_button.setEnabled(True)
        self.restore_button.setEnabled(True)
        self.busy.stop()

    def _failed(self, err: BaseException) -> None:
        self._idle()
        self.message.show_error(error_text(err))

    def teardown(self) -> None:
        self.ws = None
        self.message.clear_message()
