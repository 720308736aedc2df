"""Review campaigns on the home page (a handful per year)."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.campaign_progress import Progress
from reviewdesk.services.campaigns import CampaignInfo
from ui.models.base import Index, RowsModel
from ui.models.labels import level_label, status_label
from ui.qt import QCoreApplication, Qt


def progress_label(progress: Progress) -> str:
    """The stage in words, with the counts that make it (e.g. 评查中（已合议 4/42 件）)."""
    if progress.stage == "planning":
        return QCoreApplication.translate("CampaignStage", "Planning")
    if progress.stage == "drawn":
        return QCoreApplication.translate("CampaignStage", "{cases} cases chosen, panels not drawn yet").format(cases=progress.cases)
    if progress.stage == "concluded":
        return QCoreApplication.translate("CampaignStage", "All {cases} cases concluded").format(cases=progress.cases)
    return QCoreApplication.translate("CampaignStage", "Under review ({concluded} of {cases} cases concluded)").format(
        concluded=progress.concluded, cases=progress.cases
    )


class CampaignsModel(RowsModel[CampaignInfo]):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._progress: dict[str, Progress] = {}

    def set_progress(self, progress: dict[str, Progress]) -> None:
        """The stage of each campaign counted from its data; without it the column shows the stored status."""
        self.beginResetModel()
        self._progress = dict(progress)
        self.endResetModel()

    def clear(self) -> None:
        self._progress = {}
        super().clear()

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
            progress_label(self._progress.get(c.id, Progress(0, 0, 0))) if self._progress else status_label(c.status),
        ]
        return values[index.column()] if 0 <= index.column() < len(values) else None
