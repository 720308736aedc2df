"""Account management (administrators only): list, add, reset password, disable, enable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.dialogs.accounts import AddUserDialog, SetPasswordDialog
from ui.i18n import error_text
from ui.models.users import UsersModel
from ui.pages.base import Page
from ui.qt import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import MessageLine, confirm, fit_columns, heading, note, row_table, select_row
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.services.users import UserInfo
    from reviewdesk.workspace import OpenWorkspace


class UsersPage(Page):
    key = "users"
    help_anchor = "accounts"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.model = UsersModel(self)
        self.table = row_table(self.model)
        self.table.doubleClicked.connect(lambda _index: self.reset_password())

        self.add_button = QPushButton(self.tr("&Add account…"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.disable_button = QPushButton(self.tr("&Disable…"))
        self.enable_button = QPushButton(self.tr("&Enable…"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button.clicked.connect(self.disable_user)
        self.enable_button.clicked.connect(self.enable_user)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.disable_button, self.enable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)

        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Accounts"), 1.4))
        layout.addWidget(
            note(
                self.tr(
                    "Everyone who uses this workspace has an account of their own. Experts score cases, "
                    "observers only read, auditors read the audit log. A disabled account cannot log in; "
                    "its history stays."
                )
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._loaded = False
        self._update_buttons()

    # -- data --------------------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import users

        current = select or (self.selected().username if self.selected() else None)
        self.load_in_background(
            users.list_users,
            lambda rows: self._show_rows(rows, current),
            lambda err: self.message.show_error(error_text(err)),
            kind="users",
        )

    def _show_rows(self, rows: list[UserInfo], current: str | None) -> None:
        self.model.set_rows(rows)
        self._loaded = True
        fit_columns(self.table)
        if current:
            select_row(self.table, self.model.row_of(current))
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None and not user.disabled)
        self.disable_button.setEnabled(
            user is not None
            and not user.disabled
            and self.ws is not None
            and user.username != self.ws.actor.username
        )
        self.enable_button.setEnabled(user is not None and user.disabled)

    def teardown(self) -> None:
        self.model.clear()
        self.message.clear_message()
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or self.model.rowCount() > 0

    # -- actions -----------------------------------------------------------------------------------------
    def add_user(self) -> None:
        if self.ws is None:
            return
        dialog = AddUserDialog(self.ws, self)
        dialog.succeeded.connect(self._added)
        dialog.open()

    def _added(self, info: object) -> None:
        username = getattr(info, "username", "")
        self.refresh(select=username)
        self.message.show_ok(self.tr("Account {user} added.").format(user=username))

    def reset_password(self) -> None:
        user = self.selected()
        if self.ws is None or user is None or user.disabled:
            return
        from reviewdesk.services import users

        ws, name = self.ws, user.username
        dialog = SetPasswordDialog(
            self.tr("Reset password of {user}").format(user=name),
            self.tr(
                "Use this when {name} ({user}) has forgotten the password. Tell them the new password in "
                "person and ask them to change it after logging in."
            ).format(name=user.display_name, user=name),
            self.tr("Reset password"),
            lambda password: users.reset_password(ws, name, password),
            self,
        )
        dialog.succeeded.connect(
            lambda _r: self._after(name, self.tr("The password of {user} was reset.").format(user=name))
        )
        dialog.open()

    def disable_user(self) -> None:
        user = self.selected()
        if self.ws is None or user is None or user.disabled:
            return
        name = user.username
        confirm(
            self,
            self.tr("Disable account"),
            self.tr("Disable the account {user} ({name})?").format(user=name, name=user.display_name),
            self.tr("Disable"),
            lambda: self._run_disable(name),
            detail=self.tr(
                "The person can no longer log in. Everything they did stays in the workspace and in the "
                "audit log. You can enable the account again later with a new password."
            ),
        )

    def _run_disable(self, name: str) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import users

        ws = self.ws
        self.disable_button.setEnabled(False)
        run_job(
            lambda: users.disable_user(ws, name),
            self,
            lambda _r: self._after(name, self.tr("Account {user} disabled.").format(user=name)),
            self._failed,
        )

    def enable_user(self) -> None:
        user = self.selected()
        if self.ws is None or user is None or not user.disabled:
            return
        from reviewdesk.services import users

        ws, name = self.ws, user.username
        dialog = SetPasswordDialog(
            self.tr("Enable account {user}").format(user=name),
            self.tr(
                "A disabled account has no password any more. Choose a new one for {name} ({user}) and "
                "tell it to them in person."
            ).format(name=user.display_name, user=name),
            self.tr("Enable account"),
            lambda password: users.enable_user(ws, name, password),
            self,
        )
        dialog.succeeded.connect(
            lambda _r: self._after(name, self.tr("Account {user} enabled.").format(user=name))
        )
        dialog.open()

    def _after(self, name: str, text: str) -> None:
        self.refresh(select=name)
        self.message.show_ok(text)

    def _failed(self, err: BaseException) -> None:
        self._update_buttons()
        self.message.show_error(error_text(err))
