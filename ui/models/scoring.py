"""Tables of the scoring page: an expert's own cases, and (for the office) each member's sheet on a case."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewdesk.services.scoring import MyCase
from ui.models.base import Index, RowsModel
from ui.models.cases import case_type_label
from ui.qt import QCoreApplication, Qt


def seat_label(role: str) -> str:
    labels = {
        "leader": QCoreApplication.translate("ScoringLabels", "Leader"),
        "member": QCoreApplication.translate("ScoringLabels", "Member"),
    }
    return labels.get(role, role)


def sheet_status_label(status: str) -> str:
    labels = {
        "uncertified": QCoreApplication.translate("ScoringLabels", "Not started"),
        "draft": QCoreApplication.translate("ScoringLabels", "Draft"),
        "submitted": QCoreApplication.translate("ScoringLabels", "Submitted"),
        "not_submitted": QCoreApplication.translate("ScoringLabels", "Not submitted"),
    }
    return labels.get(status, status)


def points_text(value: float | None, places: int | None = None) -> str:
    """A number of points; with `places` (the rubric's, RubricDef.decimals) as the score sheet writes it."""
    if value is None:
        return ""
    return f"{value:g}" if places is None else f"{value:.{places}f}"


class MyCasesModel(RowsModel[MyCase]):
    """The acting expert's panel cases (scoring.my_cases)."""

    CASE, TITLE, TYPE, ROLE, STATUS, TOTAL = range(6)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("MyCasesModel", "Case"),
            QCoreApplication.translate("MyCasesModel", "Title"),
            QCoreApplication.translate("MyCasesModel", "Type"),
            QCoreApplication.translate("MyCasesModel", "My role"),
            QCoreApplication.translate("MyCasesModel", "My sheet"),
            QCoreApplication.translate("MyCasesModel", "Total (grade)"),
        ]

    def row_of(self, campaign_id: str, case_id: int) -> int:
        return next(
            (n for n, r in enumerate(self._rows) if r.case_id == case_id and r.campaign_id == campaign_id), -1
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == self.CASE:
            return f"{row.external_id}\n{row.case_number}" if row.case_number else row.external_id
        if col == self.TITLE:
            return row.title
        if col == self.TYPE:
            return case_type_label(row.case_type)
        if col == self.ROLE:
            return seat_label(row.role)
        if col == self.STATUS:
            return sheet_status_label(row.status)
        if col == self.TOTAL:
            if row.total is None:
                return ""
            return f"{points_text(row.total)}（{row.grade}）" if row.grade else points_text(row.total)
        return None


@dataclass(frozen=True)
class MemberSheet:
    """One panel member and the state of their sheet (no sheet yet: status 'uncertified')."""

    external_id: str
    name: str
    role: str
    status: str
    version: int | None
    total: float | None
    grade: str | None
    places: int | None = None  # the decimals of the sheet's rubric: 99.0 beside 98.5, as the sheets show them


class MemberSheetsModel(RowsModel[MemberSheet]):
    """Each member's sheet on one case, for the office and observers."""

    EXPERT, ROLE, STATUS, VERSION, TOTAL, GRADE = range(6)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("MemberSheetsModel", "Expert"),
            QCoreApplication.translate("MemberSheetsModel", "Role"),
            QCoreApplication.translate("MemberSheetsModel", "Sheet"),
            QCoreApplication.translate("MemberSheetsModel", "Version"),
            QCoreApplication.translate("MemberSheetsModel", "Total"),
            QCoreApplication.translate("MemberSheetsModel", "Grade"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == self.EXPERT:
            return f"{row.name}（{row.external_id}）"
        if col == self.ROLE:
            return seat_label(row.role)
        if col == self.STATUS:
            return sheet_status_label(row.status)
        if col == self.VERSION:
            return "" if row.version is None else str(row.version)
        if col == self.TOTAL:
            return points_text(row.total, row.places)
        if col == self.GRADE:
            return row.grade or ""
        return None


@dataclass(frozen=True)
class PanelCase:
    case_id: int
    external_id: str
    case_type: str
    unit_name: str
    members: int


class PanelCasesModel(RowsModel[PanelCase]):
    """The campaign's cases that have a panel (office view)."""

    CASE, TYPE, UNIT, MEMBERS = range(4)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("PanelCasesModel", "Case"),
            QCoreApplication.translate("PanelCasesModel", "Type"),
            QCoreApplication.translate("PanelCasesModel", "Handling unit"),
            QCoreApplication.translate("PanelCasesModel", "Members"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.CASE: row.external_id,
            self.TYPE: case_type_label(row.case_type),
            self.UNIT: row.unit_name,
            self.MEMBERS: str(row.members),
        }.get(index.column())
