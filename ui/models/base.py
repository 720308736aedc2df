"""Shared bits of the table models."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the default `parent` argument of rowCount/columnCount

Row = TypeVar("Row")


class HeadedTableModel(QAbstractTableModel):
    """Column headers from `headers()` (translated at call time), numbered rows."""

    def headers(self) -> list[str]:
        raise NotImplementedError

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1


class RowsModel(HeadedTableModel, Generic[Row]):
    """A small table held whole in memory (accounts, campaigns): rows replaced at once, cleared on lock."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)


class RowBlocks(Generic[Row]):
    """The rows of a long id list, read `size` ids at a time as a view asks for them, the last `kept` blocks
    held (Anki's browser table, calibre's library model): 100,000 rows open at once. `fetch(ids)` gives
    {id: row}; a failed read is reported once per block through `failed(error)` and shows empty rows."""

    def __init__(self, fetch: Callable[[list[int]], dict[int, Row]], failed: Callable[[BaseException], None],
                 size: int, kept: int) -> None:
        self.fetch, self.failed, self.size, self.kept = fetch, failed, size, kept
        self.blocks: OrderedDict[int, dict[int, Row]] = OrderedDict()
        self.fetched: list[int] = []  # block numbers read, in order (tests, tuning)

    def row(self, ids: list[int], at: int) -> Row | None:
        if not 0 <= at < len(ids):
            return None
        number = at // self.size
        block = self.blocks.get(number)
        if block is None:
            block = {}
            try:
                block = self.fetch(ids[number * self.size : (number + 1) * self.size])
            except Exception as err:  # data() must not raise
                self.failed(err)
            self.fetched.append(number)
            self.blocks[number] = block
            while len(self.blocks) > self.kept:
                self.blocks.popitem(last=False)
        else:
            self.blocks.move_to_end(number)
        return block.get(ids[at])

    def forget(self, at: int | None = None) -> None:
        """Drop every block (a new id list), or the one holding row `at` (that row changed)."""
        if at is None:
            self.blocks.clear()
            self.fetched.clear()
        else:
            self.blocks.pop(at // self.size, None)

    def rows_held(self) -> int:
        return sum(len(block) for block in self.blocks.values())
