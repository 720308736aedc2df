"""The case list. It holds only the ordered ids of the current filter and sort; rows are fetched in blocks
as the view asks for them (Anki's browser table, calibre's library model), so 100,000 cases open at once.

Also the words for the codes a case carries (types, petition flags, document text status).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ui.models.base import NO_PARENT, Index, RowBlocks
from ui.qt import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

if TYPE_CHECKING:
    from reviewdesk.services.cases import CaseFilter, CaseRow
    from reviewdesk.workspace import OpenWorkspace


# -- words for codes -------------------------------------------------------------------------------------
def case_type_label(code: str) -> str:
    labels = {
        "criminal": QCoreApplication.translate("CaseLabels", "Criminal"),
        "civil": QCoreApplication.translate("CaseLabels", "Civil"),
        "administrative": QCoreApplication.translate("CaseLabels", "Administrative"),
        "enforcement": QCoreApplication.translate("CaseLabels", "Enforcement"),
        "public_security": QCoreApplication.translate("CaseLabels", "Public security"),
        "petition": QCoreApplication.translate("CaseLabels", "Petition"),
    }
    return labels.get(code, code)


def case_types() -> list[tuple[str, str]]:
    """(code, label) in the order offices list them."""
    codes = ("criminal", "civil", "administrative", "enforcement", "public_security", "petition")
    return [(code, case_type_label(code)) for code in codes]


def flag_label(flag: str) -> str:
    labels = {
        "unenforced": QCoreApplication.translate("CaseLabels", "Long unenforced"),
        "unresolved": QCoreApplication.translate("CaseLabels", "Unresolved"),
        "repeated": QCoreApplication.translate("CaseLabels", "Repeated petitions"),
        "petition": QCoreApplication.translate("CaseLabels", "Petition-related"),
    }
    return labels.get(flag, flag)


def text_status_label(status: str) -> str:
    labels = {
        "text": QCoreApplication.translate("CaseLabels", "Text searchable"),
        "scanned": QCoreApplication.translate("CaseLabels", "Scanned (no text layer)"),
        "ocr": QCoreApplication.translate("CaseLabels", "Text recognised (OCR)"),
        "none": QCoreApplication.translate("CaseLabels", "No text (not searchable)"),
        "too_large": QCoreApplication.translate("CaseLabels", "Too large to index"),
        "error": QCoreApplication.translate("CaseLabels", "Text could not be read"),
        "pending": QCoreApplication.translate("CaseLabels", "Not yet read"),
    }
    return labels.get(status, status)


def media_type_label(media_type: str) -> str:
    labels = {
        "application/pdf": "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": QCoreApplication.translate(
            "CaseLabels", "Word document"
        ),
        "text/plain": QCoreApplication.translate("CaseLabels", "Text"),
    }
    if media_type in labels:
        return labels[media_type]
    if media_type.startswith("image/"):
        return QCoreApplication.translate("CaseLabels", "Image ({kind})").format(
            kind=media_type.split("/", 1)[1].upper()
        )
    return media_type


def size_text(size: int) -> str:
    """Sizes as Explorer shows them (KB, MB), never below 1 KB for a non-empty file."""
    if size < 1024:
        return "0 KB" if size == 0 else "1 KB"
    if size < 1024 * 1024:
        return f"{(size + 1023) // 1024:,} KB"
    if size < 1024**3:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024**3:.2f} GB"


# -- the table -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    key: str  # the service's sort key, "" when the column cannot be sorted
    field: str


COLUMNS: tuple[Column, ...] = (
    Column("external_id", "external_id"),
    Column("case_number", "case_number"),
    Column("title", "title"),
    Column("case_type", "case_type"),
    Column("unit_name", "unit_name"),
    Column("region_code", "region_code"),
    Column("petition_count", "petition_count"),
    Column("", "flags"),
)


class CaseTableModel(QAbstractTableModel):
    """Ids of the current query in order; rows fetched `BLOCK` at a time, the last `CACHED_BLOCKS` kept."""

    EXTERNAL_ID, CASE_NUMBER, TITLE, TYPE, UNIT, REGION, PETITIONS, FLAGS = range(8)
    BLOCK = 200
    CACHED_BLOCKS = 8
    CaseIdRole = Qt.ItemDataRole.UserRole + 1

    load_failed = Signal(str)  # a block could not be read (the message to show)

    def __init__(self, ws: OpenWorkspace | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._ids: list[int] = []
        self._cache: RowBlocks[CaseRow] = RowBlocks(self._read, self._read_failed, self.BLOCK, self.CACHED_BLOCKS)
        self._blocks = self._cache.blocks
        self._filter: CaseFilter | None = None
        self.sort_key = "external_id"
        self.sort_column = self.EXTERNAL_ID
        self.descending = False
        self.blocks_fetched = self._cache.fetched  # block numbers read from the store, in order (tests, tuning)

    def headers(self) -> list[str]:
        return [
            self.tr("Case ID"),
            self.tr("Case number"),
            self.tr("Case name"),
            self.tr("Type"),
            self.tr("Handling unit"),
            self.tr("Region"),
            self.tr("Petitions"),
            self.tr("Flags"),
        ]

    # -- loading -----------------------------------------------------------------------------------------
    def load(self, flt: CaseFilter | None = None) -> None:
        """Run the query (service errors propagate to the caller, which shows them)."""
        from reviewdesk.services.cases import CaseFilter, case_ids

        if flt is not None:
            self._filter = flt
        if self.ws is None:
            self.clear()
            return
        ids = case_ids(self.ws, self._filter or CaseFilter(), sort=self.sort_key, descending=self.descending)
        self.beginResetModel()
        self._ids = ids
        self._cache.forget()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._ids = []
        self._cache.forget()
        self.endResetModel()

    def teardown(self) -> None:
        """Forget the workspace and every row (the app is locking)."""
        self.clear()
        self._filter = None
        self.ws = None

    def holds_rows(self) -> bool:
        return bool(self._ids or self._blocks)

    def cached_rows(self) -> int:
        return self._cache.rows_held()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or not COLUMNS[column].key:
            return  # the flags column has no order; the view keeps showing the previous one
        self.sort_key = COLUMNS[column].key
        self.sort_column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.ws is None or self._filter is None:
            return  # not loaded yet: the first load() uses this order
        try:
            self.load()
        except Exception as err:
            from ui.i18n import error_text

            self.load_failed.emit(error_text(err))

    # -- lookups -----------------------------------------------------------------------------------------
    def case_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return -1

    def case_at(self, row: int) -> CaseRow | None:
        return self._cache.row(self._ids, row)

    def _read(self, ids: list[int]) -> dict[int, CaseRow]:
        from reviewdesk.services.cases import case_rows

        return case_rows(self.ws, ids) if self.ws is not None else {}

    def _read_failed(self, err: BaseException) -> None:
        from ui.i18n import error_text

        self.load_failed.emit(error_text(err))

    # -- Qt model ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.CaseIdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == self.PETITIONS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self.case_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (self.TITLE, self.CASE_NUMBER, self.UNIT, self.FLAGS):
                return self._display(row, col)
            return None
        return self._display(row, col)

    def _display(self, row: CaseRow, col: int) -> str | int:
        if col == self.EXTERNAL_ID:
            return row.external_id
        if col == self.CASE_NUMBER:
            return row.case_number
        if col == self.TITLE:
            return row.title
        if col == self.TYPE:
            return case_type_label(row.case_type)
        if col == self.UNIT:
            return row.unit_name
        if col == self.REGION:
            return row.region_code
        if col == self.PETITIONS:
            return row.petition_count
        if row.petition_count > 0 and not row.flags:
            return flag_label("petition")
        return QCoreApplication.translate("CaseLabels", ", ").join(flag_label(flag) for flag in row.flags)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if COLUMNS[section].key:
                return self.tr("Click to sort by this column; click again to reverse")
            return None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def index_of(self, case_id: int, column: int = 0) -> QModelIndex:
        row = self.row_of(case_id)
        return self.index(row, column) if row >= 0 else QModelIndex()
