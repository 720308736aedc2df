"""The opinions table: a campaign's cases with their conclusion and opinion number (documents.opinion_list)."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.documents import OpinionRow
from ui.models.base import Index, RowsModel
from ui.qt import QBrush, QColor, QCoreApplication, Qt

MUTED = QColor("#6b6b6b")  # cases without a conclusion (no opinion yet)


def outcome_label(outcome: str | None) -> str:
    labels = {
        "wrong": QCoreApplication.translate("OpinionLabels", "Wrong case"),
        "flawed": QCoreApplication.translate("OpinionLabels", "Flawed case"),
        "none": QCoreApplication.translate("OpinionLabels", "No problem"),
    }
    return "" if outcome is None else labels.get(outcome, outcome)


def concluded_label(concluded: bool) -> str:
    if concluded:
        return QCoreApplication.translate("OpinionLabels", "Concluded")
    return QCoreApplication.translate("OpinionLabels", "Not concluded")


class OpinionsModel(RowsModel[OpinionRow]):
    """One row per case of the campaign the acting user may see."""

    CASE, NUMBER, TITLE, UNIT, LEADER, CONCLUDED, GRADE, OUTCOME, DOC_NUMBER = range(9)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("OpinionsModel", "Case ID"),
            QCoreApplication.translate("OpinionsModel", "Case number"),
            QCoreApplication.translate("OpinionsModel", "Case name"),
            QCoreApplication.translate("OpinionsModel", "Handling unit"),
            QCoreApplication.translate("OpinionsModel", "Panel leader"),
            QCoreApplication.translate("OpinionsModel", "Deliberation"),
            QCoreApplication.translate("OpinionsModel", "Grade"),
            QCoreApplication.translate("OpinionsModel", "Conclusion"),
            QCoreApplication.translate("OpinionsModel", "Document number"),
        ]

    def row_of(self, case_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.case_id == case_id), -1)

    def rows(self) -> list[OpinionRow]:
        return list(self._rows)

    def concluded_count(self) -> int:
        return sum(1 for r in self._rows if r.concluded)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if row.concluded else QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole:  # columns the page may elide
            return {self.NUMBER: row.case_number, self.TITLE: row.title, self.UNIT: row.unit_name}.get(index.column())
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            self.CASE: row.external_id,
            self.NUMBER: row.case_number,
            self.TITLE: row.title,
            self.UNIT: row.unit_name,
            self.LEADER: row.leader,
            self.CONCLUDED: concluded_label(row.concluded),
            self.GRADE: row.grade or "",
            self.OUTCOME: outcome_label(row.outcome),
            self.DOC_NUMBER: row.number or "",
        }
        return values.get(index.column())
