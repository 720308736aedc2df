"""The trusted issuers table: offices whose signed case packages this workstation accepts. A handful of rows."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.keys import IssuerInfo
from ui.models.base import Index, RowsModel
from ui.models.labels import when
from ui.qt import Qt


class IssuersModel(RowsModel[IssuerInfo]):
    NAME, KEY_ID, ADDED_AT, ADDED_BY = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Issuing office"), self.tr("Key ID"), self.tr("Added"), self.tr("Added by")]

    def row_of(self, key_id: str) -> int:
        for row, issuer in enumerate(self._rows):
            if issuer.key_id == key_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        issuer = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return issuer.name
            if col == self.KEY_ID:
                return issuer.key_id
            if col == self.ADDED_AT:
                return when(issuer.added_at)
            if col == self.ADDED_BY:
                return issuer.added_by
        if role == Qt.ItemDataRole.ToolTipRole and col == self.KEY_ID:
            return self.tr("Public key: {key}").format(key=issuer.public_key)
        return None
