"""The main window: navigation on the left, one page per area, lock and password actions.

`build(ws)` lists the areas the user's role may see; each page is built when first shown (ui/pages/base.py,
`LazyPages`), so log-in builds Home only. `teardown()` (on lock) closes every dialog, clears and deletes every
page and forgets the workspace, so nothing of the data survives behind the lock screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ui.dialogs.accounts import ChangePasswordDialog
from ui.i18n import error_text
from ui.models.labels import role_label
from ui.pages.base import LazyPages, Page
from ui.pages.placeholder import PlaceholderPage
from ui.qt import (
    QAction,
    QCloseEvent,
    QCoreApplication,
    QDialog,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSize,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    Qt,
    QToolBar,
    QWidget,
    Signal,
)
from ui.widgets.campaign_combo import SessionCampaignCombo
from ui.widgets.common import icon, inform
from ui.widgets.screen_fit import PageScroller, fit_to_screen, scroll_holder

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace
    from ui.widgets.ocr_status import OcrStatus
    from ui.windows.help_window import HelpWindow

ADMIN, EXPERT, OBSERVER, AUDITOR = "admin", "expert", "observer", "auditor"
EVERYONE = frozenset({ADMIN, EXPERT, OBSERVER, AUDITOR})


@dataclass(frozen=True)
class Area:
    key: str
    label: Callable[[], str]
    roles: frozenset[str]
    purpose: Callable[[], str] | None = None  # set for areas still to come (placeholder page)


# One shortcut per area, the same for every role (an area the role lacks simply has none).
OCR_ROLES = ("admin", "expert")  # who runs OCR in the background (services/ocr.py RUNNERS)
NAV_SHORTCUTS = {
    "home": "Ctrl+1",
    "cases": "Ctrl+2",
    "experts": "Ctrl+3",
    "assignment": "Ctrl+4",
    "scoring": "Ctrl+5",
    "opinions": "Ctrl+6",
    "results": "Ctrl+7",
    "statistics": "Ctrl+8",
    "settings": "Ctrl+9",
    "audit": "Ctrl+0",
}

AREAS: list[Area] = [
    Area("home", lambda: QCoreApplication.translate("Navigation", "Home"), EVERYONE),
    # Auditors read the audit log, not case files.
    Area("cases", lambda: QCoreApplication.translate("Navigation", "Cases"), frozenset({ADMIN, EXPERT, OBSERVER})),
    Area("experts", lambda: QCoreApplication.translate("Navigation", "Experts"), frozenset({ADMIN, OBSERVER})),
    Area("assignment", lambda: QCoreApplication.translate("Navigation", "Assignment"), frozenset({ADMIN, OBSERVER})),
    Area(
        "scoring",
        lambda: QCoreApplication.translate("Navigation", "Scoring"),
        # Auditors read the audit log, not score sheets.
        frozenset({ADMIN, EXPERT, OBSERVER}),
    ),
    Area(
        "opinions",
        lambda: QCoreApplication.translate("Navigation", "Opinions"),
        # An expert sees the cases of their own panels only (the service filters); auditors read the log.
        frozenset({ADMIN, EXPERT, OBSERVER}),
    ),
    Area(
        "results",
        lambda: QCoreApplication.translate("Navigation", "Results"),
        # Results packages received from the review laptops: the office imports, observers read.
        frozenset({ADMIN, OBSERVER}),
    ),
    Area(
        "referrals",
        lambda: QCoreApplication.translate("Navigation", "Referral & rectification"),
        # Experts see the objections of their own panels only (the leader records the 复核), never referrals.
        frozenset({ADMIN, OBSERVER, EXPERT}),
    ),
    Area(
        "statistics",
        lambda: QCoreApplication.translate("Navigation", "Statistics"),
        # Campaign-wide tables name every case: the office and observers only (reports.REPORT_READERS).
        frozenset({ADMIN, OBSERVER}),
    ),
    Area("users", lambda: QCoreApplication.translate("Navigation", "Accounts"), frozenset({ADMIN})),
    Area("audit", lambda: QCoreApplication.translate("Navigation", "Audit log"), frozenset({ADMIN, AUDITOR})),
    Area("keys", lambda: QCoreApplication.translate("Navigation", "Keys and trust"), frozenset({ADMIN})),
    Area("settings", lambda: QCoreApplication.translate("Navigation", "Settings"), EVERYONE),
]


class MainWindow(QMainWindow):
    lock_requested = Signal(str)  # reason: "manual"
    quit_requested = Signal()
    idle_minutes_changed = Signal(int)
    restore_requested = Signal(object, str)  # (backup file, password): the controller closes and restores

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws: OpenWorkspace | None = None
        self.pages = LazyPages([], self._build_page)
        self._areas: dict[str, Area] = {}
        self._last_key = "home"
        self._quitting = False
        self.setWindowTitle(self.tr("ReviewDesk"))
        fit_to_screen(self, 1180, 760)
        self.setMinimumSize(760, 420)  # with its title bar, fits 1366×768 at 150 % (911×472 above the taskbar)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Areas"))
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(240)
        # As wide as its labels (not Qt's 256 px default): at 150 % the page needs the width.
        self.nav.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 7px 10px; }")
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._show_row)

        self.lock_action = QAction(icon("lock"), self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(self.tr("Lock the workspace now (Ctrl+L)"))
        self.lock_action.triggered.connect(lambda: self.lock_requested.emit("manual"))
        self.password_action = QAction(icon("key"), self.tr("Change my &password…"), self)
        self.password_action.triggered.connect(self.change_password)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.triggered.connect(self.close)
        self.help_action = QAction(self.tr("&User manual"), self)
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        # Also from the manual itself and from non-modal windows of this one (F1 follows the page shown).
        self.help_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.help_action.setToolTip(self.tr("Open the manual at the topic of this page (F1)"))
        self.help_action.triggered.connect(self.open_help)
        self.help_window: HelpWindow | None = None
        self.ocr_status: OcrStatus | None = None
        self.about_action = QAction(self.tr("&About ReviewDesk"), self)
        self.about_action.triggered.connect(self.about)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.password_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_action)
        self.addAction(self.help_action)  # F1 works whether or not the menu bar is shown
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.lock_action)
        toolbar.addAction(self.password_action)
        toolbar.addSeparator()
        # One campaign for the whole session: every page follows this box (remembered per account).
        self.campaign = SessionCampaignCombo(self._campaign_chosen, self._reload_campaigns)
        self.campaign.setObjectName("session-campaign")
        self.campaign.caption.setContentsMargins(8, 0, 4, 0)
        toolbar.addWidget(self.campaign.caption)
        toolbar.addWidget(self.campaign)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.user_label = QLabel()
        self.user_label.setContentsMargins(8, 0, 12, 0)
        toolbar.addWidget(self.user_label)
        self.addToolBar(toolbar)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)

    # -- building and tearing down -------------------------------------------------------------------
    def areas_for(self, role: str) -> list[Area]:
        return [area for area in AREAS if role in area.roles]

    def build(self, ws: OpenWorkspace, idle_minutes: int) -> None:
        """Create the pages for this user and show the page they were on before the lock (or Home)."""
        self.teardown()
        self.ws = ws
        role = ws.actor.role.value
        self.go_menu.clear()
        self._go_actions: dict[str, QAction] = {}
        areas = self.areas_for(role)
        self._areas = {area.key: area for area in areas}
        # Pages are built when first shown (log-in builds Home only): each imports its own modules.
        self.pages = LazyPages([area.key for area in areas], self._build_page)
        for area in areas:
            item = QListWidgetItem(area.label())
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.nav.addItem(item)
            action = self.go_menu.addAction(area.label())
            self._go_actions[area.key] = action
            if area.key in NAV_SHORTCUTS:
                action.setShortcut(QKeySequence(NAV_SHORTCUTS[area.key]))
            action.triggered.connect(lambda _checked=False, key=area.key: self.show_page(key))
        self.user_label.setText(
            self.tr("{name} · {role}").format(name=ws.actor.display_name, role=role_label(role))
        )
        self.set_idle_minutes(idle_minutes)
        self._load_campaigns()
        self.setWindowTitle(self.tr("ReviewDesk — {folder}").format(folder=ws.workspace.folder.name))
        self.show_page(self._last_key if self._last_key in self.pages else "home")
        if role in OCR_ROLES:  # scanned files are recognised in the background (ui/widgets/ocr_status.py)
            from ui.widgets.ocr_status import OcrStatus

            self.ocr_status = OcrStatus(ws)
            self.statusBar().addPermanentWidget(self.ocr_status)
            self.ocr_status.start_later()

    def set_idle_minutes(self, minutes: int) -> None:
        if self.ws is None:
            return
        self.status_label.setText(
            self.tr(
                "Workspace: {folder} · locks after {minutes} minutes without use · Ctrl+L locks now"
            ).format(folder=self.ws.workspace.folder, minutes=minutes)
        )

    def _build_page(self, key: str) -> Page:
        assert self.ws is not None, "pages exist only while a workspace is open"
        page = self._make_page(self._areas[key], self.ws)
        page.setObjectName(f"page-{key}")
        page.follow_campaign(self.campaign.campaign_id())  # before its first load, which selects it
        self.stack.addWidget(PageScroller(page))  # a page taller than the window (at 150 %) scrolls
        return page

    def _make_page(self, area: Area, ws: OpenWorkspace) -> Page:
        if area.purpose is not None:
            return PlaceholderPage(area.key, area.label(), area.purpose())
        if area.key == "home":
            from ui.pages.home import HomePage

            home = HomePage(ws)
            home.task_opened.connect(self.open_task)
            home.due_opened.connect(self.open_due)
            return home
        if area.key == "cases":
            from ui.pages.cases import CasesPage

            return CasesPage(ws)
        if area.key == "experts":
            from ui.pages.experts import ExpertsPage

            return ExpertsPage(ws)
        if area.key == "assignment":
            from ui.pages.assignment import AssignmentPage

            return AssignmentPage(ws)
        if area.key == "scoring":
            from ui.pages.scoring import ScoringPage

            return ScoringPage(ws)
        if area.key == "opinions":
            from ui.pages.opinions import OpinionsPage

            return OpinionsPage(ws)
        if area.key == "results":
            from ui.pages.results import ResultsPage

            return ResultsPage(ws)
        if area.key == "referrals":
            from ui.pages.followup import FollowupPage

            return FollowupPage(ws)
        if area.key == "statistics":
            from ui.pages.statistics import StatisticsPage

            return StatisticsPage(ws)
        if area.key == "users":
            from ui.pages.users import UsersPage

            return UsersPage(ws)
        if area.key == "audit":
            from ui.pages.audit import AuditPage

            return AuditPage(ws)
        if area.key == "keys":
            from ui.pages.keys import KeysPage

            return KeysPage(ws)
        if area.key == "settings":
            from ui.pages.settings import SettingsPage

            page = SettingsPage(ws)
            page.idle_minutes_changed.connect(self.idle_minutes_changed)
            page.idle_minutes_changed.connect(self.set_idle_minutes)
            page.change_password_requested.connect(self.change_password)
            page.restore_requested.connect(self.restore_requested)
            return page
        raise KeyError(area.key)

    def cancel_jobs(self) -> None:
        """Ask pages to stop long work (an import, OCR) so that a lock does not wait for it to finish."""
        if self.ocr_status is not None:
            self.ocr_status.stop()
        for page in self.pages.built():
            cancel = getattr(page, "cancel_jobs", None)
            if cancel is not None:
                cancel()

    def teardown(self) -> None:
        """Forget everything shown: close dialogs, clear and delete pages, drop the workspace."""
        if self.ocr_status is not None:
            self.ocr_status.stop()
            self.statusBar().removeWidget(self.ocr_status)
            self.ocr_status.deleteLater()
            self.ocr_status = None
        for dialog in self.findChildren(QDialog):
            dialog.reject()
            dialog.deleteLater()
        if self.help_window is not None:
            self.help_window.hide()
        current = self.current_key()
        if current:
            self._last_key = current
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        self.go_menu.clear()
        for page in self.pages.built():
            page.teardown()
            holder = scroll_holder(page)
            self.stack.removeWidget(holder)
            page.setParent(None)
            page.deleteLater()
            holder.deleteLater()
        self.pages = LazyPages([], self._build_page)
        self._areas = {}
        self.ws = None
        self.campaign.fill(())
        self.user_label.clear()
        self.status_label.clear()
        self.setWindowTitle(self.tr("ReviewDesk"))

    # -- the session's campaign ------------------------------------------------------------------------------
    def _load_campaigns(self) -> None:
        """After login: the campaign this account chose last time (else the first with cases for it)."""
        if self.ws is None:
            return
        from reviewdesk.services import settings

        try:
            self.campaign.load_campaigns(self.ws, choose=settings.current_campaign(self.ws))
        except Exception as err:
            self.status_label.setText(error_text(err))
        self.campaign.caption.setVisible(self.campaign.count() > 0)
        self.campaign.setVisible(self.campaign.count() > 0)
        self._tell_pages()

    def _reload_campaigns(self) -> None:
        """The box is opening: campaigns imported since are listed too; the choice stays."""
        if self.ws is None:
            return
        try:
            self.campaign.load_campaigns(self.ws, choose=self.campaign.campaign_id())
        except Exception as err:
            self.status_label.setText(error_text(err))

    def campaign_id(self) -> str | None:
        return self.campaign.campaign_id()

    def set_campaign(self, campaign_id: str) -> None:
        """Choose the session's campaign (as picking it in the header does)."""
        if self.campaign.findData(campaign_id) < 0:
            self._reload_campaigns()
        index = self.campaign.findData(campaign_id)
        if index >= 0:
            self.campaign.setCurrentIndex(index)

    def _campaign_chosen(self) -> None:
        campaign_id = self.campaign.campaign_id()
        self.campaign.setToolTip(self.campaign.currentText())
        if self.ws is None or campaign_id is None:
            return
        from reviewdesk.services import settings

        try:
            settings.set_current_campaign(self.ws, campaign_id)
        except Exception as err:  # the pages still follow; only remembering it failed
            self.status_label.setText(error_text(err))
        self._tell_pages()

    def _tell_pages(self) -> None:
        # Pages not built yet are told when they are built (_build_page).
        for page in self.pages.built():
            page.follow_campaign(self.campaign.campaign_id())

    # -- navigation ------------------------------------------------------------------------------------
    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def _show_row(self, row: int) -> None:
        item = self.nav.item(row)
        if item is None:
            return
        page = self.pages.get(str(item.data(Qt.ItemDataRole.UserRole)))
        if page is None:
            return
        self.stack.setCurrentWidget(scroll_holder(page))
        page.activate()

    # -- actions ---------------------------------------------------------------------------------------
    def change_password(self) -> None:
        if self.ws is None:
            return
        dialog = ChangePasswordDialog(self.ws, self)
        dialog.succeeded.connect(
            lambda _r: inform(
                self,
                self.tr("Password changed"),
                self.tr("Your password has been changed. Use the new password from the next log-in on."),
            )
        )
        dialog.open()

    def open_package(self, path: Path) -> None:
        """A package given on the command line or handed over by a later start: a results package goes to the
        results import (评查结果汇总), anything else to the case import wizard, which also explains a file
        that is no package for this workstation."""
        if self.ws is not None and self.ws.actor.role.value == "admin" and "results" in self.pages:
            from reviewdesk.services.imports import package_kind

            if package_kind(self.ws, path) == "results":
                self.show_page("results")
                self.pages["results"].start_import(path)  # type: ignore[attr-defined]
                return
        page = self.pages.get("cases")
        if page is None or not getattr(page, "is_admin", False):
            inform(
                self,
                self.tr("Import a package"),
                self.tr("Only an administrator can import packages; {name} was not opened.").format(name=path.name),
            )
            return
        self.show_page("cases")
        page.open_import()  # type: ignore[attr-defined]
        wizard = getattr(page, "wizard", None)
        if wizard is not None and not wizard.running:
            wizard.path.setText(str(path))

    def open_task(self, campaign_id: str, case_id: int, kind: str) -> None:
        """A task of the expert's home page: the scoring page on that case (its deliberation when that waits)."""
        page = self.pages.get("scoring")
        if page is None:
            return
        self.show_page("scoring")
        page.open_case(campaign_id, case_id, deliberation=kind in ("conclude", "deliberate"))  # type: ignore[attr-defined]

    def open_due(self, register: str, state: str) -> None:
        """A due count of the home page: the 移送整改 page on that register, filtered on due soon or overdue."""
        if "referrals" not in self.pages:
            return
        self.show_page("referrals")
        self.pages["referrals"].open_filtered(register, state)  # type: ignore[attr-defined]

    def open_help(self) -> None:
        """The manual at the current page's topic (Page.help_anchor)."""
        from ui.windows.help_window import HelpWindow

        page = self.pages.get(self.current_key() or "")
        anchor = page.help_anchor if page is not None else "contents"
        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show_topic(anchor)

    def about(self) -> None:
        from ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quitting or self.ws is None:
            super().closeEvent(event)
            return
        # Closing the window quits the app; the controller records the lock and closes the workspace.
        event.ignore()
        self.quit_requested.emit()

    def allow_close(self) -> None:
        self._quitting = True
