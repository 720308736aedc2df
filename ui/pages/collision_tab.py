"""数据碰撞 (data collision screening), a self-contained tab for the 移送整改 page: import the officers roster
and the registry extract, 开始碰撞 with progress and cancel on the worker, the results per unit, and the
confirm/clear dialog. Admin only: for another role it shows the per-unit counts alone (no names).

The host builds `CollisionTab(ws, parent)`, calls `set_campaign(id)` when the session's campaign changes and
`teardown()` on lock. Everything reaches the store through reviewdesk.services.collision.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui import file_dialogs
from ui.i18n import error_text
from ui.models.collision import CollisionModel
from ui.qt import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import MessageLine, fit_columns, note, row_table
from ui.worker import progress_to, run_job

if TYPE_CHECKING:
    from reviewdesk.collision.results import MatchRow
    from reviewdesk.workspace import OpenWorkspace
    from ui.dialogs.reason import ReasonDialog


class CollisionTab(QWidget):
    def __init__(self, ws: OpenWorkspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from reviewdesk.store.models import Role

        self.ws = ws
        self.is_admin = ws is not None and ws.actor.role == Role.ADMIN
        self.campaign_id: str | None = None
        self._cancel = threading.Event()
        self.dialog: ReasonDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "Officers of the reviewed units against the business registry extract. Identity-number matches are "
            "hits; name-only matches are leads to confirm or clear with a reason.")))
        buttons = QHBoxLayout()
        self.import_officers_button = QPushButton(self.tr("Import officers roster…"))
        self.import_registry_button = QPushButton(self.tr("Import registry extract…"))
        self.run_button = QPushButton(self.tr("Start collision"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.decide_button = QPushButton(self.tr("Confirm or clear…"))
        self.import_officers_button.clicked.connect(lambda: self.import_file("officers"))
        self.import_registry_button.clicked.connect(lambda: self.import_file("registry"))
        self.run_button.clicked.connect(self.start_run)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.decide_button.clicked.connect(self.decide)
        for b in (self.import_officers_button, self.import_registry_button, self.run_button, self.cancel_button,
                  self.decide_button):
            buttons.addWidget(b)
            b.setVisible(self.is_admin)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        layout.addWidget(self.progress)
        filters = QHBoxLayout()
        self.unit = QComboBox()
        self.state = QComboBox()
        self.state.addItem(self.tr("All states"), None)
        for key, label in (("pending", self.tr("To check")), ("confirmed", self.tr("Confirmed")),
                           ("cleared", self.tr("Cleared")), ("exempt", self.tr("Exempt"))):
            self.state.addItem(label, key)
        self.unit.currentIndexChanged.connect(self._reload_matches)
        self.state.currentIndexChanged.connect(self._reload_matches)
        filters.addWidget(QLabel(self.tr("Unit:")))
        filters.addWidget(self.unit, 1)
        filters.addWidget(QLabel(self.tr("State:")))
        filters.addWidget(self.state)
        layout.addLayout(filters)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.model = CollisionModel(self)
        self.table = row_table(self.model, self)
        self.table.setVisible(self.is_admin)
        self.table.doubleClicked.connect(lambda _index: self.decide())
        layout.addWidget(self.table, 1)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self._set_busy(False)

    # -- the host's calls --------------------------------------------------------------------------------
    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def teardown(self) -> None:
        self._cancel.set()
        self.ws = None
        self.model.clear()
        self.unit.clear()
        self.counts.clear()
        if self.dialog is not None:
            self.dialog.reject()

    def holds_data(self) -> bool:
        return self.ws is not None or self.model.holds_rows() or bool(self.counts.text())

    # -- reading -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ws, campaign = self.ws, self.campaign_id
        if ws is None or campaign is None:
            return
        from reviewdesk.services import collision

        run_job(lambda: collision.counts(ws, campaign), self, self._show_counts, self._failed)

    def _show_counts(self, counts: list[Any]) -> None:
        if self.ws is None:
            return
        lines = [self.tr("{unit}: {officers} officers screened, {confirmed} confirmed, {pending} to check, "
                         "{cleared} cleared, {exempt} exempt").format(
            unit=c.unit_name, officers=c.officers, confirmed=c.confirmed, pending=c.pending, cleared=c.cleared,
            exempt=c.exempt) for c in counts]
        self.counts.setText("\n".join(lines) or self.tr("No officers roster imported for this campaign yet."))
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), None)
        for c in counts:
            self.unit.addItem(f"{c.unit_name}（{c.unit_code}）", c.unit_code)
        at = self.unit.findData(chosen)
        self.unit.setCurrentIndex(max(at, 0))
        self.unit.blockSignals(False)
        self._reload_matches()

    def _reload_matches(self) -> None:
        ws, campaign = self.ws, self.campaign_id
        if ws is None or campaign is None or not self.is_admin:
            return
        from reviewdesk.services import collision

        unit, state = self.unit.currentData(), self.state.currentData()

        def fetch(ids: list[int]) -> dict[int, MatchRow]:
            return collision.matches_by_id(ws, campaign, ids) if self.ws is not None else {}

        def show(ids: list[int]) -> None:
            if self.ws is not None:
                self.model.set_ids(ids, fetch)
                fit_columns(self.table)

        run_job(lambda: collision.match_ids(ws, campaign, unit_code=unit, state=state), self, show, self._failed)

    # -- imports and the run -----------------------------------------------------------------------------
    def import_file(self, which: str, path: str | None = None) -> None:
        if self.ws is None or self.campaign_id is None or not self.is_admin:
            return
        if path is None:
            title = self.tr("Officers roster") if which == "officers" else self.tr("Registry extract")
            path, _filter = file_dialogs.open_file(
                self, title, "", self.tr("Excel workbook or CSV (*.xlsx *.csv)"))
            if not path:
                return
        from reviewdesk.services import collision

        ws, campaign, chosen = self.ws, self.campaign_id, Path(path)
        service = collision.import_officers if which == "officers" else collision.import_registry
        progress = progress_to(self, self._moved)

        def work() -> object:
            return service(ws, campaign, chosen.read_bytes(), chosen.name, progress=progress,
                           cancel=self._cancel.is_set)

        def done(result: Any) -> None:
            self._set_busy(False)
            if which == "officers":
                self.message.show_ok(self.tr("Officers roster imported: {n} officers.").format(n=result.officers))
            else:
                self.message.show_ok(self.tr("Registry extract imported: {c} companies, {p} person rows. "
                                             "Start the collision again.").format(c=result.companies, p=result.persons))
            self.refresh()

        self._start(work, done)

    def start_run(self) -> None:
        if self.ws is None or self.campaign_id is None or not self.is_admin:
            return
        from reviewdesk.services import collision

        ws, campaign = self.ws, self.campaign_id

        def done(summary: Any) -> None:
            self._set_busy(False)
            self.message.show_ok(self.tr("Collision done: {hits} identity-number hits, {leads} name leads "
                                         "({pending} to check).").format(
                hits=summary.hits, leads=summary.leads, pending=summary.pending))
            self.refresh()

        progress = progress_to(self, self._moved)
        self._start(lambda: collision.run(ws, campaign, progress=progress, cancel=self._cancel.is_set), done)

    def _start(self, work: Callable[[], object], done: Callable[[Any], None]) -> None:
        self._cancel.clear()
        self._set_busy(True)
        self.message.clear()
        run_job(work, self, done, self._failed)

    def _moved(self, _stage: str, rows: int) -> None:
        self.progress.setFormat(self.tr("{n} rows read").format(n=rows))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        for b in (self.import_officers_button, self.import_registry_button, self.run_button, self.decide_button):
            b.setEnabled(not busy)

    def _failed(self, err: BaseException) -> None:
        self._set_busy(False)
        if self.ws is not None:
            self.message.show_error(error_text(err))

    # -- decisions ---------------------------------------------------------------------------------------
    def selected(self) -> MatchRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def decide(self) -> ReasonDialog | None:
        row = self.selected()
        if self.ws is None or self.campaign_id is None or row is None or not self.is_admin:
            return None
        from reviewdesk.collision.results import BASIS_ZH
        from reviewdesk.services import collision
        from ui.dialogs.reason import ReasonDialog

        ws, campaign = self.ws, self.campaign_id

        def save(reason: str, decision: object) -> None:
            run_job(lambda: collision.decide(ws, campaign, row.id, str(decision), reason), self, self._decided,
                    self._failed)

        self.dialog = ReasonDialog(
            self.tr("Confirm or clear"),
            self.tr("{officer} — {situation}. Found by: {basis}; evidence: {evidence}.").format(
                officer=row.officer_name, situation=row.wording, basis=BASIS_ZH[row.basis], evidence=row.evidence),
            self.tr("Save"), save, self,
            choices=[(self.tr("Confirm: it is this officer"), "confirm"), (self.tr("Clear: not this officer, or "
                                                                                  "permitted"), "clear")],
            choice_label=self.tr("Decision:"),
        )
        self.dialog.open()
        return self.dialog

    def _decided(self, row: MatchRow) -> None:
        self.model.refresh_row(row)
        self.message.show_ok(self.tr("Decision saved."))
        self.refresh()


class CollisionRegister(CollisionTab):
    """The tab as the 移送整改 page hosts it (ui/pages/followup.py): the page marks it stale when the session's
    campaign changes and calls refresh() when it is shown; the campaign is the page's."""

    def __init__(self, page: Any) -> None:
        super().__init__(page.ws, page)
        self.page = page
        self.stale = True

    def refresh(self) -> None:
        self.stale = False
        self.campaign_id = self.page.campaign
        super().refresh()
