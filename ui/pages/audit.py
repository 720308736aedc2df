"""The audit log (administrators and auditors): filter, read, verify the chain, make a checkpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.models.audit import AuditModel
from ui.models.labels import action_groups
from ui.pages.base import Page
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import BusyBar, MessageLine, heading, note
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.services.audit import AuditFilter, AuditReport, CheckpointInfo
    from reviewdesk.workspace import OpenWorkspace


def reason_text(reason: str | None) -> str:
    """The verifier's reason (English, technical) in the user's words."""
    if not reason:
        return ""
    from ui.qt import QCoreApplication

    known = [
        ("does not match its hash", QCoreApplication.translate("AuditPage", "its content was changed")),
        ("not valid JSON", QCoreApplication.translate("AuditPage", "its details were changed")),
        ("does not link", QCoreApplication.translate("AuditPage", "it was replaced or moved")),
        ("cut off", QCoreApplication.translate("AuditPage", "the newest entries were removed")),
        ("missing", QCoreApplication.translate("AuditPage", "an entry is missing")),
        (
            "head record",
            QCoreApplication.translate("AuditPage", "the record of the log's end does not match"),
        ),
        ("checkpoint", QCoreApplication.translate("AuditPage", "it does not match a signed checkpoint")),
    ]
    for needle, text in known:
        if needle in reason:
            return text
    return reason


class AuditPage(Page):
    key = "audit"
    help_anchor = "audit"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.model = AuditModel(ws, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 70), (1, 170), (2, 110), (3, 150), (4, 200)):
            self.table.setColumnWidth(col, width)

        # Filter row: user, kind of action, text, from/to dates.
        self.actor = QLineEdit()
        self.actor.setPlaceholderText(self.tr("user name, e.g. admin"))
        self.action = QComboBox()
        for prefix, label in action_groups():
            self.action.addItem(label, prefix)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("word in the object or details"))
        today = QDate.currentDate()
        self.use_since = QCheckBox(self.tr("From"))
        self.since = QDateEdit(today.addDays(-30))
        self.use_until = QCheckBox(self.tr("to"))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_until.toggled.connect(self.until.setEnabled)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.search_button.clicked.connect(self.search)
        self.clear_button.clicked.connect(self.clear_filter)
        for edit in (self.actor, self.text):
            edit.returnPressed.connect(self.search)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("User:")), 0, 0)
        grid.addWidget(self.actor, 0, 1)
        grid.addWidget(QLabel(self.tr("Action:")), 0, 2)
        grid.addWidget(self.action, 0, 3)
        grid.addWidget(QLabel(self.tr("Contains:")), 0, 4)
        grid.addWidget(self.text, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.use_since)
        dates.addWidget(self.since)
        dates.addWidget(self.use_until)
        dates.addWidget(self.until)
        dates.addStretch(1)
        dates.addWidget(self.clear_button)
        dates.addWidget(self.search_button)
        grid.addLayout(dates, 1, 0, 1, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(5, 2)

        self.count_label = QLabel()
        self.verify_button = QPushButton(self.tr("&Verify integrity"))
        self.verify_button.setToolTip(
            self.tr("Recompute the chain of every entry and check the signed checkpoints")
        )
        self.checkpoint_button = QPushButton(self.tr("Make &checkpoint"))
        self.checkpoint_button.setToolTip(
            self.tr("Sign the current length and end of the log with this workstation's key")
        )
        self.verify_button.clicked.connect(self.verify)
        self.checkpoint_button.clicked.connect(self.make_checkpoint)
        tools = QHBoxLayout()
        tools.addWidget(self.count_label, 1)
        tools.addWidget(self.verify_button)
        tools.addWidget(self.checkpoint_button)

        self.result = MessageLine()
        self.busy = BusyBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Audit log"), 1.4))
        layout.addWidget(
            note(
                self.tr(
                    "Every log-in, lock and change is recorded here, newest first. The entries are chained "
                    "by hashes, so a change to any of them is detected by Verify integrity."
                )
            )
        )
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.result)
        layout.addWidget(self.busy)
        self._loaded = False

    # -- filtering ---------------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        from reviewdesk.services.audit import AuditFilter

        since = self.since.date().toString("yyyy-MM-dd") if self.use_since.isChecked() else None
        # "to" is inclusive for people, the service's `until` is exclusive: add a day.
        until = self.until.date().addDays(1).toString("yyyy-MM-dd") if self.use_until.isChecked() else None
        return AuditFilter(
            actor=self.actor.text().strip() or None,
            action=str(self.action.currentData() or "") or None,
            text=self.text.text().strip() or None,
            since=since,
            until=until,
        )

    def activate(self) -> None:
        if not self._loaded:
            self.search()

    def search(self) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import audit

        flt = self.current_filter()
        self.load_in_background(
            lambda ws: audit.entry_seqs(ws, flt),
            self._show_seqs,
            lambda err: self.result.show_error(error_text(err)),
            kind="audit",
        )

    def _show_seqs(self, seqs: list[int]) -> None:
        self.model.set_seqs(seqs)
        self._loaded = True
        self.count_label.setText(self.tr("{count} entries").format(count=self.model.rowCount()))

    def clear_filter(self) -> None:
        self.actor.clear()
        self.text.clear()
        self.action.setCurrentIndex(0)
        self.use_since.setChecked(False)
        self.use_until.setChecked(False)
        self.search()

    # -- verify and checkpoint ---------------------------------------------------------------------------
    def _set_busy(self, text: str | None) -> None:
        for button in (self.verify_button, self.checkpoint_button):
            button.setEnabled(text is None)
        if text is None:
            self.busy.stop()
        else:
            self.result.clear_message()
            self.busy.start(text)

    def verify(self) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import audit

        ws = self.ws
        self._set_busy(self.tr("Verifying the audit log…"))
        run_job(lambda: audit.verify(ws), self, self._verified, self._failed)

    def _verified(self, report: AuditReport) -> None:
        self._set_busy(None)
        if report.ok:
            self.result.show_ok(
                self.tr(
                    "The audit log is intact: {entries} entries, {checkpoints} signed checkpoints checked."
                ).format(entries=report.entries, checkpoints=report.checkpoints)
            )
            return
        self.result.show_error(
            self.tr(
                "The audit log has been tampered with or damaged at entry {seq}: {reason}. Entries before "
                "it are intact. Do not change anything; tell the organising office and keep a copy of the "
                "workspace folder as evidence."
            ).format(seq=report.first_bad_seq, reason=reason_text(report.reason))
        )
        if report.first_bad_seq is not None:
            row = self.model.row_of(report.first_bad_seq)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

    def make_checkpoint(self) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import audit

        ws = self.ws
        self._set_busy(self.tr("Making a checkpoint…"))
        run_job(lambda: audit.checkpoint(ws), self, self._checkpointed, self._failed)

    def _checkpointed(self, info: CheckpointInfo) -> None:
        self._set_busy(None)
        self.search()
        self.result.show_ok(
            self.tr("Checkpoint made: the first {size} entries are now signed (key {key}).").format(
                size=info.seq, key=info.key_id
            )
        )

    def _failed(self, err: BaseException) -> None:
        self._set_busy(None)
        self.result.show_error(error_text(err))

    # -- lock ------------------------------------------------------------------------------------------
    def teardown(self) -> None:
        self.model.clear()
        self.result.clear_message()
        self.count_label.clear()
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or self.model.rowCount() > 0
