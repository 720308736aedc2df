"""Settings: auto-lock time (workspace setting, administrators change it), language (this computer), my account."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui import i18n
from ui.i18n import error_text
from ui.models.labels import role_label
from ui.pages.base import Page
from ui.qt import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.backup_box import BackupBox
from ui.widgets.common import MessageLine, heading, note
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace


class SettingsPage(Page):
    key = "settings"
    help_anchor = "settings"
    idle_minutes_changed = Signal(int)
    change_password_requested = Signal()
    restore_requested = Signal(object, str)  # (backup file, password in it): the app closes and restores

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        from reviewdesk.store.models import Role

        self.is_admin = ws.actor.role == Role.ADMIN

        # Workspace: auto-lock.
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setEnabled(self.is_admin)
        self.save_idle = QPushButton(self.tr("&Save"))
        self.save_idle.clicked.connect(self.save_idle_minutes)
        self.save_idle.setVisible(self.is_admin)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_minutes)
        idle_row.addWidget(self.save_idle)
        idle_row.addStretch(1)
        self.idle_message = MessageLine()
        ws_box = QGroupBox(self.tr("Workspace (applies to every user)"))
        ws_form = QFormLayout(ws_box)
        idle_label = QLabel(self.tr("Lock after &no use for:"))
        idle_label.setBuddy(self.idle_minutes)
        ws_form.addRow(idle_label, idle_row)
        ws_form.addRow(
            "",
            note(
                self.tr(
                    "After this time without keyboard or mouse input the workspace locks and asks for "
                    "the password again."
                )
                if self.is_admin
                else self.tr("Only an administrator can change this.")
            ),
        )
        ws_form.addRow("", self.idle_message)
        folder = QLabel(str(ws.workspace.folder))
        folder.setWordWrap(True)
        ws_form.addRow(self.tr("Workspace folder:"), folder)

        # This computer: language.
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.saved_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_message = MessageLine()
        pc_box = QGroupBox(self.tr("This computer"))
        pc_form = QFormLayout(pc_box)
        pc_form.addRow(self.tr("&Language:"), self.language)
        pc_form.addRow("", note(self.tr("A new language applies the next time ReviewDesk starts.")))
        pc_form.addRow("", self.language_message)

        # My account.
        me_box = QGroupBox(self.tr("My account"))
        me_form = QFormLayout(me_box)
        me_form.addRow(self.tr("User name:"), QLabel(ws.actor.username))
        me_form.addRow(self.tr("Full name:"), QLabel(ws.actor.display_name))
        me_form.addRow(self.tr("Role:"), QLabel(role_label(ws.actor.role.value)))
        change = QPushButton(self.tr("Change my &password…"))
        change.clicked.connect(self.change_password_requested)
        row = QHBoxLayout()
        row.addWidget(change)
        row.addStretch(1)
        me_form.addRow("", row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Settings"), 1.4))
        layout.addWidget(ws_box)
        layout.addWidget(pc_box)
        layout.addWidget(me_box)
        self.backup_box: BackupBox | None = None
        if self.is_admin:  # backups hold every account's key slot and all data: the office's job
            self.backup_box = BackupBox(ws)
            self.backup_box.restore_requested.connect(self.restore_requested)
            layout.addWidget(self.backup_box)
        layout.addStretch(1)
        self._loaded = False

    def activate(self) -> None:
        if self._loaded or self.ws is None:
            return
        from reviewdesk.services import settings

        try:
            values = settings.get_settings(self.ws)
        except Exception as err:
            self.idle_message.show_error(error_text(err))
            return
        self.idle_minutes.setValue(int(values["idle_lock_minutes"]))
        self._loaded = True

    def save_idle_minutes(self) -> None:
        if self.ws is None or not self.is_admin:
            return
        from reviewdesk.services import settings

        ws, value = self.ws, self.idle_minutes.value()
        self.save_idle.setEnabled(False)
        run_job(lambda: settings.set_setting(ws, "idle_lock_minutes", value), self, self._saved, self._failed)

    def _saved(self, value: object) -> None:
        self.save_idle.setEnabled(True)
        minutes = int(value) if isinstance(value, int) else self.idle_minutes.value()
        self.idle_message.show_ok(
            self.tr("Saved: the workspace now locks after {minutes} minutes without use.").format(
                minutes=minutes
            )
        )
        self.idle_minutes_changed.emit(minutes)

    def _failed(self, err: BaseException) -> None:
        self.save_idle.setEnabled(True)
        self.idle_message.show_error(error_text(err))

    def _language_chosen(self, _index: int) -> None:
        code = str(self.language.currentData())
        i18n.save_language(code)
        if code == i18n.current_language():
            self.language_message.clear_message()
        else:
            self.language_message.show_ok(
                self.tr("Saved. Restart ReviewDesk to see it in {language}.").format(
                    language=i18n.LANGUAGES[code]
                )
            )

    def teardown(self) -> None:
        if self.backup_box is not None:
            self.backup_box.teardown()
        super().teardown()
