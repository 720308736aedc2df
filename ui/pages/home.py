"""The first page after log-in: who is logged in, the campaigns, and what this version offers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.models.campaigns import CampaignsModel
from ui.models.labels import role_label
from ui.pages.base import Page
from ui.qt import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget
from ui.widgets.common import MessageLine, heading, note

if TYPE_CHECKING:
    from reviewdesk.services.campaigns import CampaignInfo
    from reviewdesk.workspace import OpenWorkspace


def _campaigns(ws: OpenWorkspace) -> list[CampaignInfo]:
    from reviewdesk.services import campaigns

    return campaigns.list_campaigns(ws)


class HomePage(Page):
    key = "home"

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.greeting)
        layout.addWidget(self.who)
        layout.addSpacing(8)
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

    def activate(self) -> None:
        if self._loaded or self.ws is None or self.is_loading():
            return
        self.load_in_background(_campaigns, self._show_campaigns, self._failed)

    def _show_campaigns(self, rows: list[CampaignInfo]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self._loaded = True

    def _failed(self, err: BaseException) -> None:
        self.message.show_error(error_text(err))

    def teardown(self) -> None:
        self.model.clear()
        self.greeting.clear()
        self.who.clear()
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or self.model.rowCount() > 0
