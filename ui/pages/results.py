"""评查结果汇总 (office side): results packages from the review laptops, imported and compared case by case.

Every received result is kept with its package and never overwritten (reviewdesk.services.results): a case
whose sources disagree is a conflict, shown field by field with each source's value side by side. The page
changes nothing about a conflict: the organising office settles it with the panels. Imports (admin) run on a
worker with a progress dialog; reading runs on the UI thread (it is a small query).
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui import file_dialogs
from ui.i18n import error_detail, error_text
from ui.models.results import ConflictModel, ReceivedModel
from ui.pages.job_page import CampaignJobPage
from ui.qt import (
    QCoreApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Slot,
)
from ui.widgets.campaign_combo import CampaignCombo
from ui.widgets.common import (
    BusyBar,
    MessageLine,
    confirm,
    fit_columns,
    heading,
    inform,
    note,
    row_table,
    select_row,
)
from ui.widgets.file_places import remember_folder, start_folder
from ui.worker import progress_to

if TYPE_CHECKING:
    from reviewdesk.results.merge import ReceivedCase
    from reviewdesk.services.imports import Progress
    from reviewdesk.services.results import ResultsImport
    from reviewdesk.workspace import OpenWorkspace
    from ui.widgets.pdf_preview import PdfPreviewDialog

PROGRESS_STEPS = 1000
_KEY_ID = re.compile(r"key ([0-9A-Fa-f]{8,})")


def rejection_text(code: str, reason: str) -> str:
    """Why a results package was refused, and what the coordinator does next."""
    if code == "untrusted":
        match = _KEY_ID.search(reason)
        return QCoreApplication.translate(
            "ResultsPage",
            "The package is signed by a workstation this computer does not trust yet (key ID {key}). Ask the "
            "review team for that workstation's public key file, add it on the Keys and trust page (“Add a "
            "trusted issuing office…”, and check the key ID with them by telephone), then import the package "
            "again. Nothing was stored.",
        ).format(key=match.group(1) if match else "?")
    advice = {
        "unsigned": QCoreApplication.translate(
            "ResultsPage",
            "The package is not signed, so its origin cannot be checked. Ask the review team to export it "
            "again with ReviewDesk. Nothing was stored."),
        "signature": QCoreApplication.translate(
            "ResultsPage",
            "The signature of the package is not valid: it may have been changed on the way. Do not use it; "
            "ask the review team to export it again. Nothing was stored."),
        "age": QCoreApplication.translate(
            "ResultsPage",
            "The package could not be decrypted: it was probably made for another workstation, or a part is "
            "missing or damaged. Give the review team this computer's encryption key (Keys and trust page) and "
            "ask them to export it again. Nothing was stored."),
        "file": QCoreApplication.translate(
            "ResultsPage",
            "The file or one of its parts could not be found or read. Put all parts in the same folder and try "
            "again. Nothing was stored."),
        "audit": QCoreApplication.translate(
            "ResultsPage",
            "The audit log in the package does not verify: the records may have been changed. Do not use this "
            "package; ask the review team to export it again. Nothing was stored."),
        "kind": QCoreApplication.translate(
            "ResultsPage",
            "This is not a results package (a case package is imported on the Cases page). Nothing was stored."),
    }
    return advice.get(code, QCoreApplication.translate(
        "ResultsPage",
        "The package does not meet the rules for results packages. Send the details to the review team and "
        "ask them to export it again. Nothing was stored."))


class ResultsPage(CampaignJobPage):
    key = "results"
    help_anchor = "results"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.admin = ws.actor.role.value == "admin"
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self.last_import: ResultsImport | None = None
        self.last_error: BaseException | None = None
        self.box: QMessageBox | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.preview_dialog: PdfPreviewDialog | None = None
        self._last_path: Path | None = None

        self.campaign = CampaignCombo(self.refresh)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.import_button = QPushButton(self.tr("&Import results package…"))
        self.import_button.setToolTip(self.tr("A results package (.rdpkg) sent by a review team's laptop"))
        self.import_button.clicked.connect(self.choose_package)
        self.import_button.setVisible(self.admin)
        top = QHBoxLayout()
        top.addWidget(self.campaign.caption)
        top.addWidget(self.campaign, 1)
        top.addStretch(0)  # buttons keep their size once the box is bound to the header (hidden)
        top.addWidget(self.refresh_button)
        top.addWidget(self.import_button)

        self.summary = QLabel()
        self.model = ReceivedModel(self)
        self.table = row_table(self.model)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(lambda _i: self.open_opinion())  # double-click or Enter

        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_note = note("")
        self.conflicts = ConflictModel(self)
        self.conflict_table = row_table(self.conflicts)
        self.conflict_table.setWordWrap(True)
        self.conflict_table.setMinimumHeight(120)
        self.conflict_table.setSelectionMode(self.conflict_table.SelectionMode.NoSelection)
        self.conflict_table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.conflict_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.opinion_button = QPushButton(self.tr("Open the &opinion (PDF)"))
        self.opinion_button.clicked.connect(self.open_opinion)
        self.opinion_menu = QMenu(self.opinion_button)
        opinion_row = QHBoxLayout()
        opinion_row.addWidget(self.opinion_button)
        opinion_row.addStretch(1)
        self.detail = QGroupBox(self.tr("The chosen case"))
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_note)
        detail_layout.addWidget(self.conflict_table, 1)
        self.filler = QWidget()  # keeps the text at the top while no conflict table is shown
        self.filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        detail_layout.addWidget(self.filler, 1)
        detail_layout.addLayout(opinion_row)

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self._split = False  # halves set at the first show, once the page has its real height

        self.busy = BusyBar()
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Review results"), 1.4))
        layout.addWidget(note(self.tr(
            "The results the review teams sent back in results packages, case by case. A case is consistent when "
            "every package that carries it says the same, and a conflict when they differ: then the differing "
            "fields are shown side by side. Nothing is overwritten here; the organising office settles a "
            "conflict by asking the panels concerned."
        )))
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        self._show_selected()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._split:
            self._split = True
            height = max(self.splitter.height(), 2)
            self.splitter.setSizes([height // 2, height - height // 2])

    # -- loading ---------------------------------------------------------------------------------------------
    def _load_campaigns(self, choose: str | None = None) -> None:
        """Campaigns with received results, then the local ones; open on `choose`, else the first."""
        if self.ws is None:
            return
        from reviewdesk.services import campaigns, results

        try:
            # Received campaigns first (they need not exist on this machine), then the local ones.
            received = results.received_campaigns(self.ws)
            names = {**received, **{c.id: c.name for c in campaigns.list_campaigns(self.ws) if c.id not in received}}
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self._loaded = True
        ordered = [c for c in names if c in received] + [c for c in names if c not in received]
        current = choose or self.campaign_id()
        no_results = self.tr("  (no results yet)")
        self.campaign.fill(((c, f"{c}  {names[c]}" + ("" if c in received else no_results)) for c in ordered),
                           choose=current)
        self.refresh()

    def refresh(self, keep: str | None = None) -> None:
        current = self.selected()
        keep = keep or (current.case_id if current is not None else None)
        campaign_id, ws = self.campaign_id(), self.ws
        self.model.clear()
        self.summary.clear()
        if ws is None or campaign_id is None:
            self.summary.setText(self.tr("No campaign yet: import a results package to begin.")
                                 if self.admin else "")
            self._show_selected()
            return
        from reviewdesk.services import results

        try:
            rows = results.received(ws, campaign_id)
        except Exception as err:
            self.message.show_error(error_text(err))
            self._show_selected()
            return
        self.model.set_rows(rows)
        fit_columns(self.table)
        conflicts = self.model.conflict_count()
        if not rows:
            self.summary.setText(self.tr("No results received for this campaign yet."))
        elif conflicts:
            self.summary.setText(self.tr(
                "{cases} cases received, {conflicts} in conflict (red): choose one to see what differs."
            ).format(cases=len(rows), conflicts=conflicts))
        else:
            self.summary.setText(self.tr("{cases} cases received; every source agrees.").format(cases=len(rows)))
        row = self.model.row_of(keep) if keep else -1
        select_row(self.table, row if row >= 0 else 0)
        self._show_selected()

    def selected(self) -> ReceivedCase | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # -- the chosen case -------------------------------------------------------------------------------------
    def _show_selected(self) -> None:
        case = self.selected()
        self.conflicts.clear()
        self.conflict_table.hide()
        self.filler.show()
        if case is None:
            self.detail_title.setText(self.tr("Choose a case in the table above."))
            self.detail_note.hide()
        elif case.status == "conflict":
            self._show_conflict(case)
        else:
            self.detail_title.setText(self.tr("{case} {number}: consistent").format(
                case=case.case_id, number=case.case_number))
            sources = "\n".join(self._source_line(s) for s in case.sources)
            self.detail_note.setText(self.tr("Every package that carries this case says the same:\n{sources}")
                                     .format(sources=sources))
            self.detail_note.setStyleSheet("")
            self.detail_note.show()
        self._update_buttons()

    def _source_line(self, source: Any) -> str:
        from ui.models.labels import when

        return self.tr("· {issuer} (key {key}), package of {time}").format(
            issuer=source.issuer_name, key=source.key_id, time=when(source.created_at))

    def _show_conflict(self, case: ReceivedCase) -> None:
        from reviewdesk.services import results

        self.detail_title.setText(self.tr("{case} {number}: the sources disagree").format(
            case=case.case_id, number=case.case_number))
        self.detail_title.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.detail_note.setText(self.tr(
            "The differing fields, with each source's value side by side (oldest package first). Both versions "
            "are kept and neither can be overwritten here: the organising office settles the difference by "
            "asking the panel concerned, which then sends a new package."
        ))
        self.detail_note.setStyleSheet("")
        self.detail_note.show()
        if self.ws is None:
            return
        try:
            found = next((c for c in results.conflicts(self.ws, case.campaign_id) if c.case_id == case.case_id),
                         None)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.conflicts.set_conflict(found)
        self.conflict_table.show()
        self.filler.hide()
        header = self.conflict_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.conflict_table.resizeRowsToContents()

    def _update_buttons(self) -> None:
        case = self.selected()
        if case is None or case.status != "conflict":
            self.detail_title.setStyleSheet("")
        choices = self.opinion_choices(case)
        busy = self._job is not None
        self.opinion_button.setEnabled(bool(choices) and not busy)
        self.opinion_button.setToolTip(
            self.tr("Show the review opinion the package carried") if choices
            else self.tr("This case has no opinion PDF in the packages received (it may not be concluded yet)."))
        self.opinion_menu.clear()
        if len(choices) > 1:  # one PDF per differing result: the user picks whose
            for label, package_id, path in choices:
                action = self.opinion_menu.addAction(label)
                action.triggered.connect(lambda _c=False, p=package_id, f=path: self.show_opinion(p, f))
            self.opinion_button.setMenu(self.opinion_menu)
        else:
            self.opinion_button.setMenu(None)
        self.import_button.setEnabled(self.admin and not busy and self.ws is not None)
        self.refresh_button.setEnabled(not busy)
        self.campaign.setEnabled(not busy)

    def opinion_choices(self, case: ReceivedCase | None) -> list[tuple[str, str, str]]:
        """(label, package id, path) of each distinct result's opinion PDF."""
        if case is None:
            return []
        by_package = {s.package_id: s for s in case.sources}
        out = []
        for variant in case.results:
            opinion = variant.result.get("opinion") or {}
            pdf = next((f["path"] for f in opinion.get("files", []) if f.get("media_type") == "application/pdf"),
                       None)
            if pdf is None:
                continue
            source = by_package[variant.package_ids[-1]]
            out.append((self._source_line(source).lstrip("· "), source.package_id, pdf))
        return out

    def open_opinion(self) -> None:
        choices = self.opinion_choices(self.selected())
        if len(choices) == 1:
            self.show_opinion(choices[0][1], choices[0][2])
        elif choices:
            self.opinion_button.showMenu()

    def show_opinion(self, package_id: str, path: str) -> None:
        ws, case = self.ws, self.selected()
        if ws is None or case is None or self._job is not None:
            return
        from reviewdesk.services import results

        title = self.tr("{case} review opinion (received)").format(case=case.case_id)
        self._run(lambda: results.received_file(ws, package_id, path), self.tr("Opening the opinion…"),
                  lambda data: self._preview(data, title))

    def _preview(self, data: bytes, title: str) -> None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        if self.preview_dialog is not None:
            self.preview_dialog.reject()
        dialog = PdfPreviewDialog(data, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._preview_closed(d))
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self, dialog: PdfPreviewDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None

    # -- importing -------------------------------------------------------------------------------------------
    def choose_package(self) -> None:
        if not self.admin or self.ws is None or self._job is not None:
            return
        start = str(start_folder("incoming"))
        path, _chosen = file_dialogs.open_file(
            self, self.tr("Choose the results package"), start or str(Path.home()),
            ";;".join([self.tr("Results packages (*.rdpkg *.rdpkg.001)"), self.tr("All files (*)")]))
        if path and self.ws is not None:
            remember_folder("incoming", Path(path))
            self.start_import(Path(path))

    def start_import(self, path: Path, allow_unsigned: bool = False) -> None:
        ws = self.ws
        if ws is None or self._job is not None:
            return
        from reviewdesk.services import results

        self._last_path = path

        self._cancel.clear()
        progressed = progress_to(self, self._on_progress)
        self._last_emit = 0.0

        def report(progress: Progress) -> None:
            now = time.monotonic()  # at most ~30 updates a second reach the UI thread
            if now - self._last_emit < 0.03 and progress.files_done < progress.files_total:
                return
            self._last_emit = now
            progressed(progress)

        self._show_progress()
        self._run(lambda: results.import_results(ws, path, allow_unsigned=allow_unsigned, progress=report,
                                                 cancel=self._cancel.is_set),
                  self.tr("Importing the results package…"), self._imported, self._import_failed)

    def _show_progress(self) -> None:
        progress = QProgressDialog(self.tr("Checking the package…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Importing the results package"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(380)
        progress.canceled.connect(self._cancel_import)
        progress.show()
        self.progress_dialog = progress

    def _cancel_import(self) -> None:
        if self._job is not None:
            self._cancel.set()
            if self.progress_dialog is not None:
                self.progress_dialog.setLabelText(self.tr("Cancelling… nothing will be stored."))

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        dialog = self.progress_dialog
        if dialog is None or self._cancel.is_set():
            return
        dialog.setLabelText(self.tr("{done} of {total} MB read · {files} of {files_total} files checked").format(
            done=f"{progress.bytes_done / 1024 / 1024:,.1f}", total=f"{progress.bytes_total / 1024 / 1024:,.1f}",
            files=progress.files_done, files_total=progress.files_total))
        dialog.setMaximum(PROGRESS_STEPS)
        total = progress.bytes_total or 1
        dialog.setValue(min(PROGRESS_STEPS, PROGRESS_STEPS * progress.bytes_done // total))

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _imported(self, result: ResultsImport) -> None:
        self.last_import = result
        self._load_campaigns(choose=result.campaign_id)
        if result.status == "already_imported":
            self.message.show_ok(self.tr(
                "This package was imported before; nothing was changed. Its results are in the table."))
            return
        lines = [self.tr(
            "The results package was imported: {cases} cases, {files} opinion files, audit log of {entries} "
            "entries checked."
        ).format(cases=result.cases, files=result.files, entries=result.audit_entries)]
        if result.identical:
            lines.append(self.tr("{count} cases agree with results received before.").format(
                count=len(result.identical)))
        if result.updated:
            lines.append(self.tr(
                "{count} cases replace this laptop's earlier results: {cases}. The earlier versions are kept."
            ).format(count=len(result.updated), cases=", ".join(result.updated)))
        if result.conflicts:
            lines.append(self.tr(
                "{count} cases now differ from another laptop's results: {cases}. Both versions are kept; settle "
                "them with the panels."
            ).format(count=len(result.conflicts), cases=", ".join(result.conflicts)))
            self.refresh(keep=result.conflicts[0])  # the conflict is shown (in red) at once
        self.message.show_ok("\n".join(lines))

    def _import_failed(self, err: BaseException) -> None:
        from reviewdesk.services.imports import ImportCancelled, PackageRejected

        self.last_error = err
        if isinstance(err, ImportCancelled):
            self.message.show_ok(self.tr("Import cancelled. Nothing was stored."))
            return
        if isinstance(err, PackageRejected):
            text = rejection_text(err.reason_code, err.reason)
            self.message.show_error(text)
            detail = error_detail(err)
            if err.reason_code in {"unsigned", "untrusted"} and self.admin and self._last_path is not None:
                # The contract lets an admin accept such a package for this one import; the audit log says so.
                path = self._last_path
                self.box = confirm(
                    self, self.tr("Package refused"),
                    text + "\n\n" + self.tr(
                        "Only if you received this package in person from the review team: you may import it "
                        "this once without a trusted signature. The audit log records that you did."),
                    self.tr("Import this once without a trusted signature"),
                    lambda: self.start_import(path, allow_unsigned=True), technical=detail)
                return
            self.box = inform(self, self.tr("Package refused"), text, icon=QMessageBox.Icon.Warning, technical=detail)
            return
        self.message.show_error(error_text(err))

    # -- plumbing --------------------------------------------------------------------------------------------
    def _finish(self) -> None:
        self._close_progress()
        super()._finish()

    def cancel_jobs(self) -> None:
        """The app is locking: stop a running import (the service rolls it back)."""
        self._cancel.set()

    def teardown(self) -> None:
        self._cancel.set()
        if self.preview_dialog is not None:
            self.preview_dialog.reject()
        self.preview_dialog = None
        self._close_progress()
        self.model.clear()
        self.conflicts.clear()
        self.summary.clear()
        self.detail_title.clear()
        self.detail_note.clear()
        self.last_import = None
        super().teardown()

    def holds_data(self) -> bool:
        return (super().holds_data() or self.model.rowCount() > 0 or self.conflicts.rowCount() > 0
                or self.preview_dialog is not None)
