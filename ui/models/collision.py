"""The collision results table: it holds the match ids of the current filter and fetches rows a page at a
time as the view asks for them (a campaign's matches can run to thousands)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ui.models.base import NO_PARENT, HeadedTableModel, Index
from ui.qt import QCoreApplication, Qt

if TYPE_CHECKING:
    from reviewdesk.collision.results import MatchRow

PAGE = 200
Fetch = Callable[[list[int]], dict[int, "MatchRow"]]


def _t(text: str) -> str:
    return QCoreApplication.translate("CollisionModel", text)


class CollisionModel(HeadedTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._rows: dict[int, MatchRow] = {}
        self._fetch: Fetch | None = None

    def headers(self) -> list[str]:
        return [_t("State"), _t("Unit"), _t("Officer"), _t("Identity number"), _t("Company"), _t("Status"),
                _t("Role"), _t("Found by"), _t("Situation"), _t("Evidence")]

    def set_ids(self, ids: list[int], fetch: Fetch | None) -> None:
        self.beginResetModel()
        self._ids, self._rows, self._fetch = list(ids), {}, fetch
        self.endResetModel()

    def clear(self) -> None:
        self.set_ids([], None)

    def holds_rows(self) -> bool:
        return bool(self._ids or self._rows)

    def refresh_row(self, row: MatchRow) -> None:
        """One row changed (a decision): replace it in place."""
        if row.id in self._rows:
            self._rows[row.id] = row
            at = self._ids.index(row.id)
            self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def row_at(self, row: int) -> MatchRow | None:
        if not 0 <= row < len(self._ids):
            return None
        match_id = self._ids[row]
        if match_id not in self._rows and self._fetch is not None:
            start = row - row % PAGE
            self._rows.update(self._fetch(self._ids[start:start + PAGE]))
        return self._rows.get(match_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        from reviewdesk.collision.results import BASIS_ZH, STATE_ZH
        from reviewdesk.collision.vocab import ROLE_ZH

        if role == Qt.ItemDataRole.ToolTipRole:
            return r.rule_basis
        values = (STATE_ZH[r.state], r.unit_name, r.officer_name, r.officer_id_masked, r.company,
                  r.company_status + (f" {r.status_on}" if r.status_on else ""),
                  r.post if r.post else ROLE_ZH[r.role], BASIS_ZH[r.basis], r.wording, r.evidence)
        return values[index.column()] if 0 <= index.column() < len(values) else None
