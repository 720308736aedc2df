"""The expert pool table. It keeps the ids of the current list and looks rows up by id (a pool has tens
of experts, so the rows of one `list_experts` call are cached by id rather than fetched one by one)."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.experts import ExpertRow
from ui.models.base import NO_PARENT, HeadedTableModel, Index
from ui.models.cases import case_type_label
from ui.models.labels import profession_label
from ui.qt import QBrush, QColor, Qt


class ExpertsModel(HeadedTableModel):
    ID, NAME, PROFESSION, UNIT, REGION, SPECIALTIES, TAGS, AVAILABLE = range(8)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._by_id: dict[int, ExpertRow] = {}

    def headers(self) -> list[str]:
        return [self.tr("ID"), self.tr("Name"), self.tr("Profession"), self.tr("Unit"), self.tr("Region"),
                self.tr("Specialties"), self.tr("Tags"), self.tr("Available")]

    def set_rows(self, rows: list[ExpertRow]) -> None:
        self.beginResetModel()
        self._ids = [r.id for r in rows]
        self._by_id = {r.id: r for r in rows}
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_at(self, row: int) -> ExpertRow | None:
        expert_id = self.id_at(row)
        return None if expert_id is None else self._by_id.get(expert_id)

    def row_of(self, expert_id: int) -> int:
        return self._ids.index(expert_id) if expert_id in self._by_id else -1

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                self.ID: r.external_id, self.NAME: r.name, self.PROFESSION: profession_label(r.profession),
                self.UNIT: r.unit_name or r.unit_code, self.REGION: r.region_code,
                self.SPECIALTIES: "、".join(case_type_label(s) for s in r.specialties), self.TAGS: "、".join(r.tags),
                self.AVAILABLE: self.tr("Yes") if r.available else self.tr("No"),
            }
            return values.get(col)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.AVAILABLE and not r.available:
            return r.availability_note or None
        if role == Qt.ItemDataRole.ForegroundRole and not r.available:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None
