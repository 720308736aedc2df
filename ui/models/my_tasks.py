"""The expert's to-do list on the home page (services.my_tasks)."""

from __future__ import annotations

from typing import Any

from reviewdesk.services.my_tasks import Task
from ui.models.base import Index, RowsModel
from ui.models.scoring import seat_label
from ui.qt import QCoreApplication, Qt


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


class MyTasksModel(RowsModel[Task]):
    TASK, CASE, TITLE, ROLE, PANEL = range(5)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("MyTasks", "To do"),
            QCoreApplication.translate("MyTasks", "Case"),
            QCoreApplication.translate("MyTasks", "Title"),
            QCoreApplication.translate("MyTasks", "My role"),
            QCoreApplication.translate("MyTasks", "Sheets in"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
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
        return None
