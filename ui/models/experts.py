"""The expert pool table. It keeps the ids of the current list and looks rows up by id (a pool has tens
of experts, so the rows of one `list_experts` call are cached by id rather than fetched one by one)."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.experts import ExpertRow
from ui.models.base import NO_PARENT, HeadedTableModel, Index
from ui.qt import QBrush, QColor, QCoreApplication, Qt

CONTEXT = "ExpertLabels"


def profession_label(key: str) -> str:
    labels = {
        "judge": QCoreApplication.translate(CONTEXT, "Judge"),
        "prosecutor": QCoreApplication.translate(CONTEXT, "Prosecutor"),
        "police": QCoreApplication.translate(CONTEXT, "Police officer"),
        "lawyer": QCoreApplication.translate(CONTEXT, "Lawyer"),
        "academic": QCoreApplication.translate(CONTEXT, "Academic"),
        "other": QCoreApplication.translate(CONTEXT, "Other"),
    }
    return labels.get(key, key)


def specialty_label(key: str) -> str:
    labels = {
        "criminal": QCoreApplication.translate(CONTEXT, "Criminal"),
        "civil": QCoreApplication.translate(CONTEXT, "Civil"),
        "administrative": QCoreApplication.translate(CONTEXT, "Administrative"),
        "enforcement": QCoreApplication.translate(CONTEXT, "Enforcement"),
        "public_security": QCoreApplication.translate(CONTEXT, "Public security"),
        "petition": QCoreApplication.translate(CONTEXT, "Petition"),
    }
    return labels.get(key, key)


def relation_kinds() -> list[tuple[str, str]]:
    """(key, label) of the relation kinds, in the order the editor offers them."""
    return [
        ("near_relative", QCoreApplication.translate(CONTEXT, "Near relative")),
        ("former_colleague", QCoreApplication.translate(CONTEXT, "Former colleague")),
        ("business_interest", QCoreApplication.translate(CONTEXT, "Business interest")),
        ("counsel_for", QCoreApplication.translate(CONTEXT, "Counsel for")),
        ("other", QCoreApplication.translate(CONTEXT, "Other relation")),
    ]


def relation_label(key: str) -> str:
    return dict(relation_kinds()).get(key, key)


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
                self.SPECIALTIES: "、".join(specialty_label(s) for s in r.specialties), self.TAGS: "、".join(r.tags),
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
