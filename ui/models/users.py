"""The accounts table. A workspace has tens of accounts, so the model holds them all."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.users import UserInfo
from ui.models.base import Index, RowsModel
from ui.models.labels import role_label, when
from ui.qt import QBrush, QColor, Qt


class UsersModel(RowsModel[UserInfo]):
    USERNAME, DISPLAY, ROLE, STATUS, CREATED, PASSWORD = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Created"),
            self.tr("Password last set"),
        ]

    def row_of(self, username: str) -> int:
        for row, user in enumerate(self._rows):
            if user.username == username:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        user = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.USERNAME:
                return user.username
            if col == self.DISPLAY:
                return user.display_name
            if col == self.ROLE:
                return role_label(user.role)
            if col == self.STATUS:
                return self.tr("Disabled") if user.disabled else self.tr("Active")
            if col == self.CREATED:
                return when(user.created_at)
            if col == self.PASSWORD:
                return when(user.password_changed_at)
        if role == Qt.ItemDataRole.ForegroundRole and user.disabled:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.STATUS and user.disabled:
            return self.tr("This account cannot log in. Select it and press Enable to let it in again.")
        return None
