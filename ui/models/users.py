"""The accounts table. A workspace has tens of accounts, so the model holds them all."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.users import UserInfo
from ui.models.base import NO_PARENT, Index
from ui.models.labels import role_label, when
from ui.qt import QAbstractTableModel, QBrush, QColor, Qt


class UsersModel(QAbstractTableModel):
    USERNAME, DISPLAY, ROLE, STATUS, CREATED, PASSWORD = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[UserInfo] = []

    def headers(self) -> list[str]:
        return [
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Created"),
            self.tr("Password last set"),
        ]

    def set_users(self, users: list[UserInfo]) -> None:
        self.beginResetModel()
        self._rows = list(users)
        self.endResetModel()

    def clear(self) -> None:
        self.set_users([])

    def user_at(self, row: int) -> UserInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, username: str) -> int:
        for row, user in enumerate(self._rows):
            if user.username == username:
                return row
        return -1

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1
