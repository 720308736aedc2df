"""Review campaigns on the home page (a handful per year)."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.campaigns import CampaignInfo
from ui.models.base import Index, RowsModel
from ui.models.labels import level_label, status_label
from ui.qt import Qt


class CampaignsModel(RowsModel[CampaignInfo]):
    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Campaign"),
            self.tr("Year"),
            self.tr("Regional exclusion"),
            self.tr("Experts per panel"),
            self.tr("Status"),
        ]

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
