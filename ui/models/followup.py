"""The 移送整改 registers as tables. Each model holds the ordered ids of its filter and the rows shown; the
rectification register (the large one: one row per problem) fetches its rows in blocks by id as the view asks
(rectification.items_by_id), the others are read whole (a campaign has a handful of referrals, objections and
special rectifications) but are still addressed by id, so a selection survives a reload."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ui.models.base import NO_PARENT, HeadedTableModel, Index, RowBlocks
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


# -- words for codes ------------------------------------------------------------------------------------------
def item_status_label(status: str) -> str:
    return {
        "open": QCoreApplication.translate("FollowupLabels", "Open"),
        "reported": QCoreApplication.translate("FollowupLabels", "Reported fixed"),
        "verified": QCoreApplication.translate("FollowupLabels", "Verified by re-check"),
        "closed": QCoreApplication.translate("FollowupLabels", "Closed off"),
        "sent_back": QCoreApplication.translate("FollowupLabels", "Sent back"),
    }.get(status, status)


def referral_status_label(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("FollowupLabels", "Not yet sent"),
        "sent": QCoreApplication.translate("FollowupLabels", "Sent, awaiting feedback"),
        "feedback": QCoreApplication.translate("FollowupLabels", "Feedback received"),
    }.get(status, status)


def objection_status_label(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("FollowupLabels", "Awaiting re-check"),
        "upheld": QCoreApplication.translate("FollowupLabels", "Upheld"),
        "changed": QCoreApplication.translate("FollowupLabels", "Changed"),
    }.get(status, status)


def special_status_label(status: str) -> str:
    return {
        "open": QCoreApplication.translate("FollowupLabels", "In progress"),
        "closed": QCoreApplication.translate("FollowupLabels", "Closed"),
    }.get(status, status)


def outcome_label(outcome: str | None) -> str:
    return {
        "investigated": QCoreApplication.translate("FollowupLabels", "Case filed for investigation"),
        "punished": QCoreApplication.translate("FollowupLabels", "Disciplinary sanction"),
        "not_filed": QCoreApplication.translate("FollowupLabels", "Not filed"),
        "other": QCoreApplication.translate("FollowupLabels", "Other"),
    }.get(outcome or "", outcome or "")


def finding_label(finding: str | None) -> str:
    return {
        "fixed": QCoreApplication.translate("FollowupLabels", "Fixed"),
        "partly": QCoreApplication.translate("FollowupLabels", "Partly fixed"),
        "not_fixed": QCoreApplication.translate("FollowupLabels", "Not fixed"),
    }.get(finding or "", finding or "")


def due_label(due: str | None) -> str:
    return {
        "due_soon": QCoreApplication.translate("FollowupLabels", "Due soon"),
        "overdue": QCoreApplication.translate("FollowupLabels", "Overdue"),
    }.get(due or "", "")


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
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
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

    def __init__(
        self, fetch: Callable[[list[int]], list[ItemView]] | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self._cache: RowBlocks[ItemView] = RowBlocks(
            self._read, self._read_failed, self.BLOCK, self.CACHED_BLOCKS
        )
        self.blocks_fetched = self._cache.fetched

    def columns(self) -> list[tuple[str, Callable[[ItemView], str]]]:
        return [
            (QCoreApplication.translate("FollowupLabels", "Problem no."), lambda r: r.number),
            (
                QCoreApplication.translate("FollowupLabels", "Case"),
                lambda r: r.case_number or r.case_external_id,
            ),
            (
                QCoreApplication.translate("FollowupLabels", "Unit"),
                lambda r: r.responsible_unit or r.unit_code,
            ),
            (QCoreApplication.translate("FollowupLabels", "Type"), lambda r: r.kind),
            (QCoreApplication.translate("FollowupLabels", "Problem"), lambda r: r.description),
            (QCoreApplication.translate("FollowupLabels", "Deadline"), lambda r: r.deadline),
            (
                QCoreApplication.translate("FollowupLabels", "Status"),
                lambda r: item_status_label(r.status) + (" ⚑" if r.needs_review else ""),
            ),
            (QCoreApplication.translate("FollowupLabels", "Due"), lambda r: due_label(r.due)),
        ]

    def due_of(self, row: ItemView) -> str | None:
        return row.due

    def _forget(self) -> None:
        self._cache.forget()

    def row(self, row_id: int) -> ItemView | None:
        return self.row_at(self.row_of(row_id))

    def row_at(self, row: int) -> ItemView | None:
        return self._cache.row(self._ids, row)

    def _read(self, ids: list[int]) -> dict[int, ItemView]:
        return {r.id: r for r in self.fetch(ids)} if self.fetch is not None else {}

    def _read_failed(self, err: BaseException) -> None:
        from ui.i18n import error_text

        self.load_failed.emit(error_text(err))


# -- 线索移送台账 ---------------------------------------------------------------------------------------------------
class ReferralsModel(HeldRowsModel["ReferralView"]):
    def columns(self) -> list[tuple[str, Callable[[ReferralView], str]]]:
        return [
            (
                QCoreApplication.translate("FollowupLabels", "Letter no."),
                lambda r: r.letter_number or QCoreApplication.translate("FollowupLabels", "(not issued)"),
            ),
            (
                QCoreApplication.translate("FollowupLabels", "Case"),
                lambda r: r.case_number or r.case_external_id,
            ),
            (QCoreApplication.translate("FollowupLabels", "Unit"), lambda r: r.unit_code),
            (
                QCoreApplication.translate("FollowupLabels", "Persons concerned"),
                lambda r: "、".join(p.get("name", "") for p in r.persons),
            ),
            (QCoreApplication.translate("FollowupLabels", "Receiving body"), lambda r: r.receiving_body),
            (
                QCoreApplication.translate("FollowupLabels", "Feedback due"),
                lambda r: r.feedback_deadline or "",
            ),
            (
                QCoreApplication.translate("FollowupLabels", "Status"),
                lambda r: referral_status_label(r.status) + (" ⚑" if r.needs_review else ""),
            ),
            (QCoreApplication.translate("FollowupLabels", "Outcome"), lambda r: outcome_label(r.outcome)),
            (QCoreApplication.translate("FollowupLabels", "Due"), lambda r: due_label(r.due)),
        ]

    def due_of(self, row: ReferralView) -> str | None:
        return row.due


# -- 异议复核 -------------------------------------------------------------------------------------------------------
class ObjectionsModel(HeldRowsModel["ObjectionView"]):
    def columns(self) -> list[tuple[str, Callable[[ObjectionView], str]]]:
        return [
            (QCoreApplication.translate("FollowupLabels", "No."), lambda r: str(r.id)),
            (QCoreApplication.translate("FollowupLabels", "Case"), lambda r: r.case_external_id),
            (QCoreApplication.translate("FollowupLabels", "Objector"), lambda r: r.objector),
            (QCoreApplication.translate("FollowupLabels", "Received"), lambda r: r.received_on),
            (
                QCoreApplication.translate("FollowupLabels", "Deadline"),
                lambda r: (
                    r.deadline
                    + (QCoreApplication.translate("FollowupLabels", " (late, admitted)") if r.late else "")
                ),
            ),
            (QCoreApplication.translate("FollowupLabels", "Grounds"), lambda r: r.grounds),
            (
                QCoreApplication.translate("FollowupLabels", "Status"),
                lambda r: objection_status_label(r.status),
            ),
            (
                QCoreApplication.translate("FollowupLabels", "Re-issued opinion"),
                lambda r: r.reissued_number or "",
            ),
        ]


# -- 专项整治 -------------------------------------------------------------------------------------------------------
class SpecialsModel(HeldRowsModel["SpecialView"]):
    def __init__(self, due: Callable[[SpecialView], str | None] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.due = due or (lambda _r: None)

    def columns(self) -> list[tuple[str, Callable[[SpecialView], str]]]:
        return [
            (QCoreApplication.translate("FollowupLabels", "Title"), lambda r: r.title),
            (QCoreApplication.translate("FollowupLabels", "Problem category"), lambda r: r.category),
            (QCoreApplication.translate("FollowupLabels", "Cases"), lambda r: str(len(r.case_ids))),
            (QCoreApplication.translate("FollowupLabels", "Units"), lambda r: "、".join(r.units)),
            (QCoreApplication.translate("FollowupLabels", "Items"), lambda r: str(len(r.items))),
            (QCoreApplication.translate("FollowupLabels", "Deadline"), lambda r: r.deadline),
            (
                QCoreApplication.translate("FollowupLabels", "Status"),
                lambda r: special_status_label(r.status),
            ),
            (QCoreApplication.translate("FollowupLabels", "Due"), lambda r: due_label(self.due(r))),
        ]

    def due_of(self, row: SpecialView) -> str | None:
        return self.due(row)
