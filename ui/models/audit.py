"""The audit log table: holds the entry numbers of the current filter and fetches rows as they are shown.

`reviewdesk.services.audit.entry_seqs` returns only the numbers (newest first), so a log of 100,000 entries
opens at once; rows come in blocks of `BLOCK` around the first one the view asks for, and at most
`CACHE_LIMIT` rows stay cached.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ui.models.base import NO_PARENT, Index
from ui.models.labels import action_label, when
from ui.qt import QAbstractTableModel, Qt

if TYPE_CHECKING:
    from reviewdesk.services.audit import AuditFilter, EntryView
    from reviewdesk.workspace import OpenWorkspace


BLOCK = 200
CACHE_LIMIT = 5000


class AuditModel(QAbstractTableModel):
    SEQ, TIME, ACTOR, ACTION, TARGET, DETAILS = range(6)

    def __init__(self, ws: OpenWorkspace | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._seqs: list[int] = []
        self._cache: dict[int, EntryView] = {}
        self.fetches = 0  # how many block reads happened (tests check the laziness)

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Details"),
        ]

    # -- contents ----------------------------------------------------------------------------------------
    def load(self, flt: AuditFilter) -> None:
        from reviewdesk.services import audit

        self.set_seqs(audit.entry_seqs(self._ws, flt) if self._ws is not None else [])

    def set_seqs(self, seqs: list[int]) -> None:
        """Show these entries (their numbers, read elsewhere: the page reads them on the worker)."""
        self.beginResetModel()
        self._seqs = seqs
        self._cache.clear()
        self.endResetModel()

    def clear(self) -> None:
        """Forget everything (the app is locking)."""
        self.beginResetModel()
        self._seqs = []
        self._cache.clear()
        self._ws = None
        self.endResetModel()

    def seq_at(self, row: int) -> int | None:
        return self._seqs[row] if 0 <= row < len(self._seqs) else None

    def row_of(self, seq: int) -> int:
        try:
            return self._seqs.index(seq)
        except ValueError:
            return -1

    def entry(self, row: int) -> EntryView | None:
        seq = self.seq_at(row)
        if seq is None:
            return None
        cached = self._cache.get(seq)
        if cached is not None or self._ws is None:
            return cached
        from reviewdesk.services import audit

        start = max(0, row - BLOCK // 4)
        block = self._seqs[start : start + BLOCK]
        if len(self._cache) + len(block) > CACHE_LIMIT:
            self._cache.clear()
        self._cache.update(audit.entries(self._ws, block))
        self.fetches += 1
        return self._cache.get(seq)

    # -- Qt model ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._seqs)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row, col = index.row(), index.column()
        if col == self.SEQ and role == Qt.ItemDataRole.DisplayRole:
            seq = self.seq_at(row)
            return None if seq is None else str(seq)
        entry = self.entry(row)
        if entry is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.TIME:
                return entry.ts
            if col == self.ACTION:
                return entry.action
            if col == self.DETAILS and entry.details:
                return json.dumps(entry.details, ensure_ascii=False, indent=2)
            return None
        if col == self.TIME:
            return when(entry.ts)
        if col == self.ACTOR:
            return entry.actor
        if col == self.ACTION:
            return action_label(entry.action)
        if col == self.TARGET:
            return entry.target
        if col == self.DETAILS:
            return "; ".join(f"{k}={_short(v)}" for k, v in entry.details.items())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None


def _short(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"
