"""Tables of the statistics page: results by unit, by case type, and the problem categories (reports.campaign_stats)."""

from __future__ import annotations

from typing import Any

from reviewdesk.documents.statistics import CategoryStats, GroupStats
from ui.models.base import Index, RowsModel
from ui.models.cases import case_type_label
from ui.qt import QCoreApplication, Qt


def percent(share: float) -> str:
    """0.5 → 50%, 0.125 → 12.5% (as offices write shares)."""
    value = round(share * 100, 1)
    return f"{value:g}%"


def score_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class GroupStatsModel(RowsModel[GroupStats]):
    """Cases, conclusions, wrong and flawed cases and the mean score of one group (a unit or a case type)."""

    LABEL, CASES, CONCLUDED, WRONG, FLAWED, MEAN = range(6)

    def first_header(self) -> str:
        raise NotImplementedError

    def label(self, row: GroupStats) -> str:
        return row.label

    def headers(self) -> list[str]:
        return [
            self.first_header(),
            QCoreApplication.translate("GroupStatsModel", "Cases drawn"),
            QCoreApplication.translate("GroupStatsModel", "Concluded"),
            QCoreApplication.translate("GroupStatsModel", "Wrong cases"),
            QCoreApplication.translate("GroupStatsModel", "Flawed cases"),
            QCoreApplication.translate("GroupStatsModel", "Mean score"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.LABEL:
            return int(RIGHT)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            self.LABEL: self.label(row),
            self.CASES: str(row.cases),
            self.CONCLUDED: str(row.concluded),
            self.WRONG: str(row.wrong),
            self.FLAWED: str(row.flawed),
            self.MEAN: score_text(row.mean_score),
        }
        return values.get(col)


class UnitStatsModel(GroupStatsModel):
    def first_header(self) -> str:
        return QCoreApplication.translate("GroupStatsModel", "Handling unit")


class TypeStatsModel(GroupStatsModel):
    def first_header(self) -> str:
        return QCoreApplication.translate("GroupStatsModel", "Case type")

    def label(self, row: GroupStats) -> str:
        return case_type_label(row.key)


class CategoryStatsModel(RowsModel[CategoryStats]):
    """Problem categories of the findings, most cases first."""

    CATEGORY, CASES, FINDINGS, SHARE = range(4)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("CategoryStatsModel", "Problem category"),
            QCoreApplication.translate("CategoryStatsModel", "Cases"),
            QCoreApplication.translate("CategoryStatsModel", "Findings"),
            QCoreApplication.translate("CategoryStatsModel", "Share of concluded cases"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.CATEGORY:
            return int(RIGHT)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            self.CATEGORY: row.category,
            self.CASES: str(row.cases),
            self.FINDINGS: str(row.findings),
            self.SHARE: percent(row.share),
        }
        return values.get(col)
