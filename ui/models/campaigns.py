"""Review campaigns on the home page (a handful per year)."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.campaigns import CampaignInfo
from ui.models.base import NO_PARENT, Index
from ui.models.labels import level_label, status_label
from ui.qt import QAbstractTableModel, Qt


class CampaignsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CampaignInfo] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Campaign"),
            self.tr("Year"),
            self.tr("Regional exclusion"),
            self.tr("Experts per panel"),
            self.tr("Status"),
        ]

    def set_campaigns(self, rows: list[CampaignInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_campaigns([])

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        values = [
            c.id,
            c.name,
            str(c.year),
            level_label(c.cross_region_level),
            str(c.panel_size),
            status_label(c.status),
        ]
        return values[index.column()] if 0 <= index.column() < len(values) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1
