"""The 移送整改 registers as tables. Each model holds the ordered ids of its filter and the rows shown; the
rectification register (the large one: one row per problem) fetches its rows in blocks by id as the view asks
(rectification.items_by_id), the others are read whole (a campaign has a handful of referrals, objections and
special rectifications) but are still addressed by id, so a selection survives a reload."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ui.models.base import NO_PARENT, HeadedTableModel, Index
from ui.qt import QBrush, QColor, QCoreApplication, Qt, Signal

if TYPE_CHECKING:
    from reviewdesk.services.objections import ObjectionView
    from reviewdesk.services.rectification import ItemView
    from reviewdesk.services.referrals import ReferralView
    from reviewdesk.services.special import SpecialView

Row = TypeVar("Row")
OVERDUE = QColor("#b3261e")
DUE_SOON = QColor("#8a5a00")
IdRole = Qt.ItemDataRole.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("FollowupLabels", text)


# -- words for codes ------------------------------------------------------------------------------------------
def item_status_label(status: str) -> str:
    return {
        "open": _t("Open"), "reported": _t("Reported fixed"), "verified": _t("Verified by re-check"),
        "closed": _t("Closed off"), "sent_back": _t("Sent back"),
    }.get(status, status)


def referral_status_label(status: str) -> str:
    return {"draft": _t("Not yet sent"), "sent": _t("Sent, awaiting feedback"),
            "feedback": _t("Feedback received")}.get(status, status)


def objection_status_label(status: str) -> str:
    return {"pending": _t("Awaiting re-check"), "upheld": _t("Upheld"), "changed": _t("Changed")}.get(status, status)


def special_status_label(status: str) -> str:
    return {"open": _t("Open"), "closed": _t("Closed")}.get(status, status)


def outcome_label(outcome: str | None) -> str:
    return {"investigated": _t("Case filed for investigation"), "punished": _t("Disciplinary sanction"),
            "not_filed": _t("Not filed"), "other": _t("Other")}.get(outcome or "", outcome or "")


def finding_label(finding: str | None) -> str:
    return {"fixed": _t("Fixed"), "partly": _t("Partly fixed"),
            "not_fixed": _t("Not fixed")}.get(finding or "", finding or "")


def due_label(due: str | None) -> str:
    return {"due_soon": _t("Due soon"), "overdue": _t("Overdue")}.get(due or "", "")


def due_brush(due: str | None) -> QBrush | None:
    return QBrush(OVERDUE) if due == "overdue" else QBrush(DUE_SOON) if due == "due_soon" else None


# -- the shared id-based table --------------------------------------------------------------------------------
class IdTableModel(HeadedTableModel, Generic[Row]):
    """Ordered ids; `row(id)` gives the row to show. Subclasses give `columns()` as (header, value) pairs and
    may colour a row by what is due."""

    load_failed = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []

    def columns(self) -> list[tuple[str, Callable[[Row], str]]]:
        raise NotImplementedError

    def headers(self) -> list[str]:
        return [header for header, _value in self.columns()]

    def row(self, row_id: int) -> Row | None:
        raise NotImplementedError

    def due_of(self, _row: Row) -> str | None:
        return None

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._forget()
        self.endResetModel()

    def _forget(self) -> None:
        """Drop the rows held for the old ids."""

    def clear(self) -> None:
        self.set_ids([])

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: int | None) -> int:
        try:
            return self._ids.index(row_id) if row_id is not None else -1
        except ValueError:
            return -1

    def row_at(self, row: int) -> Row | None:
        row_id = self.id_at(row)
        return None if row_id is None else self.row(row_id)

    def holds_rows(self) -> bool:
        return bool(self._ids)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.row_at(index.row())
        columns = self.columns()
        if row is None or not 0 <= index.column() < len(columns):
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return due_brush(self.due_of(row))
        return columns[index.column()][1](row)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class HeldRowsModel(IdTableModel[Row]):
    """Rows read whole by the page (small registers), addressed by their `id`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, Row] = {}

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._ids = [r.id for r in rows]  # type: ignore[attr-defined]
        self._rows = {r.id: r for r in rows}  # type: ignore[attr-defined]
        self.endResetModel()

    def _forget(self) -> None:
        self._rows = {}

    def row(self, row_id: int) -> Row | None:
        return self._rows.get(row_id)


# -- 整改台账 -----------------------------------------------------------------------------------------------------
class RectificationModel(IdTableModel["ItemView"]):
    """The rectification register: ids from rectification.item_ids, rows `BLOCK` at a time by id."""

    BLOCK = 200
    CACHED_BLOCKS = 8

    def __init__(self, fetch: Callable[[list[int]], list[ItemView]] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self._blocks: OrderedDict[int, dict[int, ItemView]] = OrderedDict()
        self.blocks_fetched: list[int] = []

    def columns(self) -> list[tuple[str, Callable[[ItemView], str]]]:
        return [
            (_t("Problem no."), lambda r: r.number),
            (_t("Case"), lambda r: r.case_number or r.case_external_id),
            (_t("Unit"), lambda r: r.responsible_unit or r.unit_code),
            (_t("Type"), lambda r: r.kind),
            (_t("Problem"), lambda r: r.description),
            (_t("Deadline"), lambda r: r.deadline),
            (_t("Status"), lambda r: item_status_label(r.status) + (" ⚑" if r.needs_review else "")),
            (_t("Due"), lambda r: due_label(r.due)),
        ]

    def due_of(self, row: ItemView) -> str | None:
        return row.due

    def _forget(self) -> None:
        self._blocks.clear()
        self.blocks_fetched.clear()

    def forget_row(self, item_id: int) -> None:
        """The item changed: read it again when next shown."""
        row = self.row_of(item_id)
        if row < 0:
            return
        self._blocks.pop(row // self.BLOCK, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row(self, row_id: int) -> ItemView | None:
        at = self.row_of(row_id)
        if at < 0:
            return None
        number = at // self.BLOCK
        block = self._blocks.get(number)
        if block is None:
            block = self._fetch(number)
        else:
            self._blocks.move_to_end(number)
        return block.get(row_id)

    def row_at(self, row: int) -> ItemView | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // self.BLOCK
        block = self._blocks.get(number)
        if block is None:
            block = self._fetch(number)
        return block.get(self._ids[row])

    def _fetch(self, number: int) -> dict[int, ItemView]:
        wanted = self._ids[number * self.BLOCK: (number + 1) * self.BLOCK]
        block: dict[int, ItemView] = {}
        if self.fetch is not None:
            try:
                block = {r.id: r for r in self.fetch(wanted)}
            except Exception as err:  # data() must not raise; say it once per block
                from ui.i18n import error_text

                self.load_failed.emit(error_text(err))
        self.blocks_fetched.append(number)
        self._blocks[number] = block
        while len(self._blocks) > self.CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return block


# -- 线索移送台账 ---------------------------------------------------------------------------------------------------
class ReferralsModel(HeldRowsModel["ReferralView"]):
    def columns(self) -> list[tuple[str, Callable[[ReferralView], str]]]:
        return [
            (_t("Letter no."), lambda r: r.letter_number or _t("(not issued)")),
            (_t("Case"), lambda r: r.case_number or r.case_external_id),
            (_t("Unit"), lambda r: r.unit_code),
            (_t("Persons concerned"), lambda r: "、".join(p.get("name", "") for p in r.persons)),
            (_t("Receiving body"), lambda r: r.receiving_body),
            (_t("Feedback due"), lambda r: r.feedback_deadline or ""),
            (_t("Status"), lambda r: referral_status_label(r.status) + (" ⚑" if r.needs_review else "")),
            (_t("Outcome"), lambda r: outcome_label(r.outcome)),
            (_t("Due"), lambda r: due_label(r.due)),
        ]

    def due_of(self, row: ReferralView) -> str | None:
        return row.due


# -- 异议复核 -------------------------------------------------------------------------------------------------------
class ObjectionsModel(HeldRowsModel["ObjectionView"]):
    def columns(self) -> list[tuple[str, Callable[[ObjectionView], str]]]:
        return [
            (_t("No."), lambda r: str(r.id)),
            (_t("Case"), lambda r: r.case_external_id),
            (_t("Objector"), lambda r: r.objector),
            (_t("Received"), lambda r: r.received_on),
            (_t("Deadline"), lambda r: r.deadline + (_t(" (late, admitted)") if r.late else "")),
            (_t("Grounds"), lambda r: r.grounds),
            (_t("Status"), lambda r: objection_status_label(r.status)),
            (_t("Re-issued opinion"), lambda r: r.reissued_number or ""),
        ]


# -- 专项整治 -------------------------------------------------------------------------------------------------------
class SpecialsModel(HeldRowsModel["SpecialView"]):
    def __init__(self, due: Callable[[SpecialView], str | None] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.due = due or (lambda _r: None)

    def columns(self) -> list[tuple[str, Callable[[SpecialView], str]]]:
        return [
            (_t("Title"), lambda r: r.title),
            (_t("Problem category"), lambda r: r.category),
            (_t("Cases"), lambda r: str(len(r.case_ids))),
            (_t("Units"), lambda r: "、".join(r.units)),
            (_t("Items"), lambda r: str(len(r.items))),
            (_t("Deadline"), lambda r: r.deadline),
            (_t("Status"), lambda r: special_status_label(r.status)),
            (_t("Due"), lambda r: due_label(self.due(r))),
        ]

    def due_of(self, row: SpecialView) -> str | None:
        return self.due(row)
