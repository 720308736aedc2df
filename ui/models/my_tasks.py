"""The expert's to-do list on the home page (services.my_tasks)."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.my_tasks import Task
from ui.models.base import Index, RowsModel
from ui.models.scoring import seat_label
from ui.qt import QBrush, QColor, QCoreApplication, Qt


def task_label(task: Task) -> str:
    if task.kind == "declare":
        return QCoreApplication.translate("MyTasks", "Read and sign the recusal statement")
    if task.kind == "score":
        return QCoreApplication.translate("MyTasks", "Fill in and submit the score sheet")
    if task.kind == "conclude":
        return QCoreApplication.translate("MyTasks", "Deliberate and record the panel's conclusion (you lead)")
    if task.submitted < task.members:
        return QCoreApplication.translate("MyTasks", "Deliberation: waiting for the other members' sheets")
    return QCoreApplication.translate("MyTasks", "Deliberation: the panel is ready, the leader records it")


def due_label(task: Task) -> str:
    """The campaign's scoring deadline as the expert reads it: the date, and whether it is close or past."""
    if task.deadline is None:
        return ""
    if task.due == "overdue":
        return QCoreApplication.translate("MyTasks", "{date} (overdue)").format(date=task.deadline)
    if task.due == "soon":
        return QCoreApplication.translate("MyTasks", "{date} (due soon)").format(date=task.deadline)
    return task.deadline


OVERDUE = QColor("#b00020")


class MyTasksModel(RowsModel[Task]):
    TASK, CASE, TITLE, ROLE, PANEL, DUE = range(6)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("MyTasks", "To do"),
            QCoreApplication.translate("MyTasks", "Case"),
            QCoreApplication.translate("MyTasks", "Title"),
            QCoreApplication.translate("MyTasks", "My role"),
            QCoreApplication.translate("MyTasks", "Sheets in"),
            QCoreApplication.translate("MyTasks", "Scoring due by"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and col == self.DUE and row.due == "overdue":
            return QBrush(OVERDUE)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.TASK:
            return task_label(row)
        if col == self.CASE:
            return row.external_id
        if col == self.TITLE:
            return row.title
        if col == self.ROLE:
            return seat_label(row.role)
        if col == self.PANEL:
            return QCoreApplication.translate("MyTasks", "{done} of {members}").format(
                done=row.submitted, members=row.members
            )
        if col == self.DUE:
            return due_label(row)
        return None
