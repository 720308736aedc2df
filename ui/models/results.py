"""Received results (office side): one row per case with its status, and a conflict's differing fields with
each source's value side by side (reviewdesk.services.results.received / conflicts)."""

from __future__ import annotations

import json
import re
from typing import Any

from reviewdesk.results.merge import ReceivedCase, ResultConflict, Source
from ui.models.base import NO_PARENT, HeadedTableModel, Index, RowsModel
from ui.models.labels import when
from ui.models.opinions import outcome_label
from ui.qt import QBrush, QColor, QCoreApplication, Qt

CONFLICT = QColor("#b3261e")
MAX_CELL = 120  # longer values (a findings list, a panel) are cut in the cell; the tooltip has them whole
_SHEET = re.compile(r"^sheets\[(?P<expert>[^\]]+)\](?:\.(?P<rest>.+))?$")


def status_label(status: str) -> str:
    labels = {
        "consistent": QCoreApplication.translate("ResultsModel", "Consistent"),
        "conflict": QCoreApplication.translate("ResultsModel", "Conflict"),
    }
    return labels.get(status, status)


def source_label(source: Source) -> str:
    """Who sent a result: the workstation's name, its key id and when the package was made."""
    return QCoreApplication.translate("ResultsModel", "{issuer}\nkey {key}\npackage of {time}").format(
        issuer=source.issuer_name, key=source.key_id, time=when(source.created_at))


def _part_label(part: str) -> str:
    labels = {
        "case_number": QCoreApplication.translate("ResultFields", "Case number"),
        "panel": QCoreApplication.translate("ResultFields", "Panel"),
        "conclusion": QCoreApplication.translate("ResultFields", "Panel conclusion"),
        "opinion": QCoreApplication.translate("ResultFields", "Review opinion"),
        "number": QCoreApplication.translate("ResultFields", "Document number"),
        "files": QCoreApplication.translate("ResultFields", "Opinion files"),
        "grade": QCoreApplication.translate("ResultFields", "Grade"),
        "computed_grade": QCoreApplication.translate("ResultFields", "Grade by score"),
        "grade_reason": QCoreApplication.translate("ResultFields", "Reason for the grade"),
        "score": QCoreApplication.translate("ResultFields", "Score"),
        "consolidation": QCoreApplication.translate("ResultFields", "Score method"),
        "outcome": QCoreApplication.translate("ResultFields", "Conclusion"),
        "veto_kept": QCoreApplication.translate("ResultFields", "Veto kept"),
        "findings": QCoreApplication.translate("ResultFields", "Problems found"),
        "majority_view": QCoreApplication.translate("ResultFields", "Majority view"),
        "minority_view": QCoreApplication.translate("ResultFields", "Minority view"),
        "actions": QCoreApplication.translate("ResultFields", "Follow-up"),
        "version": QCoreApplication.translate("ResultFields", "Version"),
        "concluded_by": QCoreApplication.translate("ResultFields", "Concluded by"),
        "concluded_at": QCoreApplication.translate("ResultFields", "Concluded at"),
        "total": QCoreApplication.translate("ResultFields", "Total score"),
        "veto": QCoreApplication.translate("ResultFields", "Veto item"),
        "items": QCoreApplication.translate("ResultFields", "Deductions"),
        "comment": QCoreApplication.translate("ResultFields", "Comment"),
        "rubric": QCoreApplication.translate("ResultFields", "Rubric"),
        "submitted_at": QCoreApplication.translate("ResultFields", "Submitted at"),
    }
    return labels.get(part, part)


def field_label(path: str) -> str:
    """conclusion.grade → 合议结论 · 等次; sheets[EXP-0001].total → 评分表（EXP-0001） · 总分."""
    match = _SHEET.match(path)
    if match:
        sheet = QCoreApplication.translate("ResultFields", "Score sheet ({expert})").format(
            expert=match.group("expert"))
        rest = match.group("rest")
        return sheet if rest is None else f"{sheet} · {' · '.join(_part_label(p) for p in rest.split('.'))}"
    return " · ".join(_part_label(part) for part in path.split("."))


def value_text(path: str, value: Any) -> str:
    """A received value as the coordinator reads it (a missing one says so)."""
    if value is None:
        return QCoreApplication.translate("ResultFields", "(none)")
    if isinstance(value, bool):
        return (QCoreApplication.translate("ResultFields", "yes") if value
                else QCoreApplication.translate("ResultFields", "no"))
    if path.endswith("outcome") and isinstance(value, str):
        return outcome_label(value)
    if path.endswith("_at") and isinstance(value, str):
        return when(value)
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


class ReceivedModel(RowsModel[ReceivedCase]):
    """One row per case results were received for; conflicts in red."""

    CASE, NUMBER, SOURCES, STATUS, GRADE, OUTCOME = range(6)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ResultsModel", "Case ID"),
            QCoreApplication.translate("ResultsModel", "Case number"),
            QCoreApplication.translate("ResultsModel", "Sources"),
            QCoreApplication.translate("ResultsModel", "Status"),
            QCoreApplication.translate("ResultsModel", "Grade"),
            QCoreApplication.translate("ResultsModel", "Conclusion"),
        ]

    def rows(self) -> list[ReceivedCase]:
        return list(self._rows)

    def row_of(self, case_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.case_id == case_id), -1)

    def conflict_count(self) -> int:
        return sum(1 for r in self._rows if r.status == "conflict")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(CONFLICT) if row.status == "conflict" and index.column() == self.STATUS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.SOURCES:
                return "\n\n".join(source_label(s) for s in row.sources)
            if index.column() == self.STATUS and row.status == "conflict":
                return QCoreApplication.translate(
                    "ResultsModel", "The sources disagree: choose the case to see the differing fields.")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        conclusion = (row.result or {}).get("conclusion") or {}
        values = {
            self.CASE: row.case_id,
            self.NUMBER: row.case_number,
            self.SOURCES: str(len(row.sources)),
            self.STATUS: status_label(row.status),
            self.GRADE: conclusion.get("grade", ""),
            self.OUTCOME: outcome_label(conclusion.get("outcome")),
        }
        return values.get(index.column())


class ConflictModel(HeadedTableModel):
    """A conflict's differing fields: the field, then one column per source (oldest package first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.conflict: ResultConflict | None = None

    def set_conflict(self, conflict: ResultConflict | None) -> None:
        self.beginResetModel()
        self.conflict = conflict
        self.endResetModel()

    def clear(self) -> None:
        self.set_conflict(None)

    def headers(self) -> list[str]:
        sources = self.conflict.sources if self.conflict is not None else []
        return [QCoreApplication.translate("ResultsModel", "Field")] + [source_label(s) for s in sources]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() or self.conflict is None else len(self.conflict.fields)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.conflict is None or not index.isValid() or index.row() >= len(self.conflict.fields):
            return None
        difference = self.conflict.fields[index.row()]
        column = index.column()
        if column == 0:
            text = field_label(difference.field)
            full = f"{text}\n{difference.field}"
        elif 0 < column <= len(difference.values):
            full = text = value_text(difference.field, difference.values[column - 1].value)
        else:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cut(text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return full
        return None
