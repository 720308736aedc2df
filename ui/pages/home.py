"""The first page after log-in: who is logged in, an expert's tasks, the campaigns.

An expert's tasks (declarations to sign, sheets to fill, deliberations waiting) open the scoring page on that
case: double-click or Enter on a row, or the Open button (`task_opened`, wired by the main window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.models.campaigns import CampaignsModel
from ui.models.labels import role_label
from ui.models.my_tasks import MyTasksModel
from ui.pages.base import Page
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import MessageLine, fit_columns, heading, note, row_table, select_row
from ui.widgets.due_box import DueBox

if TYPE_CHECKING:
    from reviewdesk.services.campaigns import CampaignInfo
    from reviewdesk.workspace import OpenWorkspace


def _campaigns(ws: OpenWorkspace) -> list[CampaignInfo]:
    from reviewdesk.services import campaigns

    return campaigns.list_campaigns(ws)


class HomePage(Page):
    key = "home"
    help_anchor = "home"
    task_opened = Signal(str, int, str)  # campaign, case id, task kind
    due_opened = Signal(str, str)  # register (rectification | referral | special), due_soon | overdue

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        actor = ws.actor
        self.greeting = heading(
            self.tr("Welcome, {name}").format(name=actor.display_name or actor.username), 1.5
        )
        self.who = QLabel(
            self.tr("Logged in as {user} · {role}").format(
                user=actor.username, role=role_label(actor.role.value)
            )
        )
        self.model = CampaignsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = note(self.tr("No review campaign has been set up yet."))
        self.empty.hide()
        self.message = MessageLine()
        self.is_expert = actor.role.value == "expert"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.greeting)
        layout.addWidget(self.who)
        layout.addSpacing(8)
        if self.is_expert:
            self._build_tasks(layout)
        self.due_box: DueBox | None = None
        if actor.role.value in ("admin", "observer"):  # the registers' readers (followup_settings.READERS)
            self.due_box = DueBox()
            self.due_box.opened.connect(self.due_opened)
            layout.addWidget(self.due_box)
        layout.addWidget(heading(self.tr("Review campaigns"), 1.15))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(
            note(
                self.tr(
                    "Use the list on the left to move between areas. Press Ctrl+L to lock the workspace "
                    "when you leave your desk; it also locks by itself after a while without use."
                )
            )
        )
        self._loaded = False
        self._due_shown = False

    def _build_tasks(self, layout: QVBoxLayout) -> None:
        self.tasks = MyTasksModel(self)
        self.tasks_table = row_table(self.tasks)
        self.tasks_table.setObjectName("my-tasks")
        self.tasks_table.setAccessibleName(self.tr("My tasks"))
        self.tasks_table.activated.connect(lambda _index: self.open_task())  # double-click or Enter
        self.tasks_table.selectionModel().selectionChanged.connect(lambda *_: self._task_chosen())
        self.tasks_empty = note(self.tr("Nothing to do for you right now: every sheet of yours is submitted."))
        self.tasks_empty.hide()
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_task)
        row = QHBoxLayout()
        row.addWidget(note(self.tr("Double-click a task (or choose it and press Open) to go to it.")), 1)
        row.addWidget(self.open_button)
        layout.addWidget(heading(self.tr("My tasks"), 1.15))
        layout.addWidget(self.tasks_table, 2)
        layout.addWidget(self.tasks_empty)
        layout.addLayout(row)
        layout.addSpacing(8)

    def _task_chosen(self) -> None:
        self.open_button.setEnabled(bool(self.tasks_table.selectionModel().selectedRows()))

    def open_task(self) -> None:
        rows = self.tasks_table.selectionModel().selectedRows()
        task = self.tasks.row_at(rows[0].row()) if rows else None
        if task is not None:
            self.task_opened.emit(task.campaign_id, task.case_id, task.kind)

    def load_tasks(self) -> None:
        """Read the expert's tasks again (each time the page is shown: they change as the expert works)."""
        if self.ws is None or not self.is_expert:
            return
        from reviewdesk.services import my_tasks

        try:
            rows = my_tasks.my_tasks(self.ws)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.tasks.set_rows(rows)
        fit_columns(self.tasks_table)
        self.tasks_empty.setVisible(not rows)
        if rows:
            select_row(self.tasks_table, 0)
        self._task_chosen()

    def follow_campaign(self, campaign_id: str | None) -> None:
        """What is due is counted for the session's campaign."""
        if self.due_box is not None and campaign_id != self.due_box.campaign_id:
            self.due_box.campaign_id = campaign_id
            if self._due_shown:
                self.load_due()

    def load_due(self) -> None:
        """The due counts per register, read on the worker (each time the page is shown: deadlines move)."""
        box = self.due_box
        if box is None or self.ws is None or box.campaign_id is None:
            return
        campaign = box.campaign_id

        def fetch(ws: OpenWorkspace) -> tuple[dict[str, dict[str, int]], str]:
            from reviewdesk import clock
            from reviewdesk.followup.workdays import calendar_note, soon_limit
            from reviewdesk.services.due import due_counts
            from reviewdesk.services.followup_settings import get_settings

            today = clock.now().date()
            # "Due soon" counted into a year the statutory calendar does not know: Monday to Friday, and said.
            note = calendar_note(today, soon_limit(today, get_settings(ws, campaign)["due_soon_days"]))
            return due_counts(ws, campaign, today=today), note

        self._due_shown = True
        self.load_in_background(fetch, lambda got: box.show_counts(*got), self._failed, kind="due")

    def activate(self) -> None:
        self.load_tasks()
        if self.ws is None:
            return
        if self._loaded:
            self._load_progress()
        elif not self.is_loading():
            self.load_in_background(_campaigns, self._show_campaigns, self._failed)
        self.load_due()  # after the campaigns' read started (that one runs only while nothing else loads)

    def _show_campaigns(self, rows: list[CampaignInfo]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self._loaded = True
        self._load_progress()

    def _load_progress(self) -> None:
        """The campaigns' stages, counted again each time the page is shown (they move as the work goes on)."""
        from reviewdesk.services.campaign_progress import campaign_progress

        try:
            self.model.set_progress(campaign_progress(self.ws))
        except Exception as err:  # the list stands without the stages
            self.message.show_error(error_text(err))

    def _failed(self, err: BaseException) -> None:
        self.message.show_error(error_text(err))

    def teardown(self) -> None:
        self.model.clear()
        if self.is_expert:
            self.tasks.clear()
        self.greeting.clear()
        self.who.clear()
        if self.due_box is not None:
            self.due_box.clear()
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or self.model.rowCount() > 0 or (self.is_expert and self.tasks.rowCount() > 0)
