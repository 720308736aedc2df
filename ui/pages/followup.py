"""移送整改: the follow-up registers of the session's campaign, a tab each (整改台账, 线索移送, 异议复核, 专项整治),
and the data collision screening (数据碰撞).

The tabs are one list, `TABS` (title, factory, roles): a register another module builds is added there. Each
tab reads its rows on the worker through its services, which decide who may read and change what; a tab a role
cannot read is not built, and buttons of changes the role cannot make are hidden."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.pages.job_page import JobPage
from ui.qt import QCoreApplication, QLabel, QTabWidget, QVBoxLayout, QWidget
from ui.widgets.common import BusyBar, MessageLine, heading

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace

ADMIN, EXPERT, OBSERVER = "admin", "expert", "observer"
OFFICE = frozenset({ADMIN, OBSERVER})


@dataclass(frozen=True)
class Tab:
    key: str
    title: Callable[[], str]
    factory: Callable[[FollowupPage], QWidget]
    roles: frozenset[str]


def _rectification(page: FollowupPage) -> QWidget:
    from ui.pages.followup_tabs import RectificationTab

    return RectificationTab(page)


def _referrals(page: FollowupPage) -> QWidget:
    from ui.pages.followup_tabs import ReferralsTab

    return ReferralsTab(page)


def _objections(page: FollowupPage) -> QWidget:
    from ui.pages.followup_tabs import ObjectionsTab

    return ObjectionsTab(page)


def _specials(page: FollowupPage) -> QWidget:
    from ui.pages.followup_tabs import SpecialsTab

    return SpecialsTab(page)


def _collision(page: FollowupPage) -> QWidget:
    from ui.pages.collision_tab import CollisionRegister

    return CollisionRegister(page)


# Experts see only the objections of their own panels (the panel leader records the 复核); never referrals.
TABS: list[Tab] = [
    Tab(
        "rectification",
        lambda: QCoreApplication.translate("FollowupPage", "Rectification items"),
        _rectification,
        OFFICE,
    ),
    Tab("referral", lambda: QCoreApplication.translate("FollowupPage", "Clue referrals"), _referrals, OFFICE),
    Tab(
        "objection",
        lambda: QCoreApplication.translate("FollowupPage", "Objections and re-checks"),
        _objections,
        OFFICE | {EXPERT},
    ),
    Tab(
        "special",
        lambda: QCoreApplication.translate("FollowupPage", "Special rectifications"),
        _specials,
        OFFICE,
    ),
    # Admins screen and decide; observers see the per-unit counts only (the tab hides the rest).
    Tab("collision", lambda: QCoreApplication.translate("FollowupPage", "Data collision"), _collision, OFFICE),
]


class FollowupPage(JobPage):
    key = "referrals"
    help_anchor = "referrals"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.role = ws.actor.role.value
        self.can_edit = self.role == ADMIN
        self.campaign: str | None = None
        self.busy = BusyBar()
        self.message = MessageLine()
        self.campaign_label = QLabel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.registers: dict[str, QWidget] = {}
        for tab in TABS:
            if self.role in tab.roles:
                widget = tab.factory(self)
                widget.setObjectName(f"followup-{tab.key}")
                self.registers[tab.key] = widget
                self.tabs.addTab(widget, tab.title())
        self.tabs.currentChanged.connect(lambda _i: self.activate())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(heading(self.tr("Referral & rectification"), 1.3))
        layout.addWidget(self.campaign_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)

    # -- the session's campaign ---------------------------------------------------------------------------------
    def follow_campaign(self, campaign_id: str | None) -> None:
        if campaign_id == self.campaign:
            return
        self.campaign = campaign_id
        self.campaign_label.setText(
            self.tr("Campaign {id} (chosen in the window's header)").format(id=campaign_id)
            if campaign_id
            else self.tr("No campaign yet.")
        )
        for widget in self.registers.values():
            widget.stale = True  # type: ignore[attr-defined]
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        """The tab shown reads its rows when first shown and after the campaign changed."""
        widget = self.tabs.currentWidget()
        if widget is not None and getattr(widget, "stale", False):
            widget.refresh()  # type: ignore[attr-defined]

    def register(self, key: str) -> QWidget | None:
        return self.registers.get(key)

    def open_filtered(self, key: str, due: str) -> None:
        """From the home page's due counts: that register, filtered on due soon or overdue."""
        widget = self.registers.get(key)
        if widget is None:
            return
        self.tabs.setCurrentWidget(widget)
        widget.filter_due(due)  # type: ignore[attr-defined]

    def _update_buttons(self) -> None:
        for widget in self.registers.values():
            update = getattr(widget, "update_buttons", None)
            if update is not None:
                update()

    def teardown(self) -> None:
        for widget in self.registers.values():
            forget = getattr(widget, "teardown", None)
            if forget is not None:
                forget()
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or any(
            getattr(w, "holds_data", lambda: False)() for w in self.registers.values()
        )
