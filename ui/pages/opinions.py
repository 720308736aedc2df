"""评查意见书: a campaign's cases with their conclusion; preview, print and export the opinion of a concluded
case, preview and print its score sheets, recusal form and interview records; batch export (office).

Documents are produced by reviewdesk.services.documents on a worker (typesetting takes a moment) and come
back as bytes: they are shown and printed from memory and written to disk only where the user chose to save.
Who may produce what is the service's decision; the page disables what would be refused and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewdesk import file_paths
from ui import file_dialogs
from ui.i18n import error_text
from ui.models.opinions import OpinionsModel
from ui.pages.job_page import CampaignJobPage
from ui.path_messages import path_message
from ui.qt import (
    QCheckBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressDialog,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from ui.widgets.campaign_combo import CampaignCombo
from ui.widgets.common import (
    BusyBar,
    MessageLine,
    SteadyProgress,
    confirm,
    fit_columns,
    heading,
    inform,
    note,
    row_table,
    select_row,
    warn,
)
from ui.widgets.file_places import remember_folder, start_folder
from ui.worker import progress_to, run_job

if TYPE_CHECKING:
    from reviewdesk.services.documents import BatchResult, OpinionRow, Rendered
    from reviewdesk.workspace import OpenWorkspace
    from ui.dialogs.results_export import ResultsExportDialog
    from ui.widgets.pdf_preview import PdfPreviewDialog


def document_label(kind: str) -> str:
    labels = {
        "opinion": QCoreApplication.translate("OpinionLabels", "Review opinion"),
        "score_sheet": QCoreApplication.translate("OpinionLabels", "Score sheets"),
        "recusal": QCoreApplication.translate("OpinionLabels", "Recusal form"),
        "interview": QCoreApplication.translate("OpinionLabels", "Interview records"),
    }
    return labels.get(kind, kind)


def ask_save_path(parent: QWidget, title: str, file_name: str, filters: list[str]) -> tuple[str, str] | None:
    """The save dialog (the folder used last time, else a USB stick or Documents; the suggested name):
    (path, chosen filter), or None if cancelled."""
    path, chosen = file_dialogs.save_file(parent, title, str(start_folder("outgoing") / file_name),
                                               ";;".join(filters))
    if path:
        remember_folder("outgoing", Path(path))
    return (path, chosen) if path else None


def with_suffix(parent: QWidget, path: str, suffix: str) -> Path | None:
    """The chosen path, with `suffix` added when the user typed a name without it; None (after saying why)
    when no file can be written there. The save dialog has already asked about replacing a file."""
    check = file_paths.output_file(path, suffix, overwrite=True)
    if check.path is None:
        warn(parent, QCoreApplication.translate("PathMessages", "Cannot save there"), path_message(check))
    return check.path



class FormatsDialog(QDialog):
    """Word, PDF or both, for the batch export. `chosen` carries ["docx", "pdf"] or a part of it."""

    chosen = Signal(list)

    def __init__(self, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch export of the opinions"))
        self.word = QCheckBox(self.tr("&Word (.docx) — to edit further"))
        self.pdf = QCheckBox(self.tr("&PDF — to print or send as it is"))
        self.word.setChecked(True)
        self.pdf.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for box in (self.word, self.pdf):
            box.toggled.connect(lambda _on: self.ok.setEnabled(bool(self.formats())))
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "The opinion of every concluded case of the campaign is saved in this folder:\n{folder}\n\n"
            "Cases not yet concluded are skipped. Choose the formats:"
        ).format(folder=folder)))
        layout.addWidget(self.word)
        layout.addWidget(self.pdf)
        layout.addWidget(self.buttons)

    def formats(self) -> list[str]:
        return [fmt for fmt, box in (("docx", self.word), ("pdf", self.pdf)) if box.isChecked()]

    def accept(self) -> None:
        formats = self.formats()
        if not formats:
            return
        super().accept()
        self.chosen.emit(formats)


class OpinionsPage(CampaignJobPage):
    key = "opinions"
    help_anchor = "opinions"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        role = ws.actor.role.value
        self.admin, self.expert = role == "admin", role == "expert"
        self.producer = role in ("admin", "expert")  # the services refuse observers any document
        self._leads: set[int] = set()  # cases of the shown campaign the acting expert leads
        self.preview_dialog: PdfPreviewDialog | None = None
        self.formats_dialog: FormatsDialog | None = None
        self.results_dialog: ResultsExportDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_batch: BatchResult | None = None
        self.last_saved: Path | None = None

        self.campaign = CampaignCombo(self.refresh)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.batch_button = QPushButton(self.tr("&Batch export…"))
        self.batch_button.clicked.connect(self.batch_export)
        self.batch_button.setVisible(self.admin)
        self.results_button = QPushButton(self.tr("Export results &package…"))
        self.results_button.clicked.connect(self.export_results)
        self.results_button.setVisible(self.admin)
        top = QHBoxLayout()
        top.addWidget(self.campaign.caption)
        top.addWidget(self.campaign, 1)
        top.addStretch(0)  # buttons keep their size once the box is bound to the header (hidden)
        top.addWidget(self.refresh_button)
        top.addWidget(self.batch_button)
        top.addWidget(self.results_button)

        self.summary = QLabel()
        self.model = OpinionsModel(self)
        self.table = row_table(self.model)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.activated.connect(lambda _i: self.preview_opinion())  # double-click or Enter

        self.preview_button = QPushButton(self.tr("&Preview"))
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.word_button = QPushButton(self.tr("Export &Word…"))
        self.pdf_button = QPushButton(self.tr("Export P&DF…"))
        self.preview_button.clicked.connect(self.preview_opinion)
        self.print_button.clicked.connect(self.print_opinion)
        self.word_button.clicked.connect(lambda: self.export_opinion("docx"))
        self.pdf_button.clicked.connect(lambda: self.export_opinion("pdf"))
        self.other_button = QPushButton(self.tr("&Other documents"))
        self.other_menu = QMenu(self.other_button)
        self.record_actions: dict[tuple[str, str], Any] = {}
        for n, (kind, preview_text, print_text) in enumerate((
            ("score_sheet", self.tr("Preview the score sheets"), self.tr("Print the score sheets…")),
            ("recusal", self.tr("Preview the recusal form"), self.tr("Print the recusal form…")),
            ("interview", self.tr("Preview the interview records"), self.tr("Print the interview records…")),
        )):
            if n:
                self.other_menu.addSeparator()
            for mode, text in (("preview", preview_text), ("print", print_text)):
                action = self.other_menu.addAction(text)
                action.triggered.connect(lambda _c=False, k=kind, m=mode: self.record_document(k, m))
                self.record_actions[(kind, mode)] = action
        self.other_button.setMenu(self.other_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Opinion of the chosen case:")))
        for button in (self.preview_button, self.print_button, self.word_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5c4400;")

        self.busy = BusyBar()
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Review opinions"), 1.4))
        layout.addWidget(note(self._intro()))
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        self._update_buttons()

    def _intro(self) -> str:
        if self.expert:
            return self.tr(
                "The cases of your panels. Once the panel has concluded, the panel leader previews, prints and "
                "exports the review opinion; every member can print the score sheets, the recusal form and the "
                "interview records. Every document produced is recorded in the audit log."
            )
        if self.admin:
            return self.tr(
                "The cases of the campaign. A concluded case has a review opinion: preview it, print it or save "
                "it as Word or PDF (its document number is given the first time). “Batch export…” saves the "
                "opinions of all concluded cases into one folder. Every document produced is recorded in the "
                "audit log."
            )
        return self.tr(
            "The cases of the campaign with their conclusion and document number. The documents themselves are "
            "produced by the office and the panel leaders."
        )

    # -- loading ---------------------------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        """Reload the campaign's cases; keep the chosen case (or `keep`, a case id) selected."""
        current = self.selected()
        keep = keep if keep is not None else (current.case_id if current is not None else None)
        campaign_id = self.campaign_id()
        self.model.clear()
        self._leads = set()
        if self.ws is None or campaign_id is None:
            self._update_buttons()
            return
        from reviewdesk.services import documents, scoring

        try:
            rows = documents.opinion_list(self.ws, campaign_id)
            if self.expert:
                self._leads = {c.case_id for c in scoring.my_cases(self.ws)
                               if c.campaign_id == campaign_id and c.role == "leader"}
        except Exception as err:
            self.message.show_error(error_text(err))
            self._update_buttons()
            return
        self.model.set_rows(rows)
        fit_columns(self.table, padding=14)
        # Long names are elided (the full text is in the tooltip) so that all nine columns fit a 1366 screen.
        for column, widest in ((OpinionsModel.NUMBER, 215), (OpinionsModel.TITLE, 230), (OpinionsModel.UNIT, 170)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.summary.setText(self.tr("{cases} cases, {concluded} concluded (only concluded cases have an opinion).")
                             .format(cases=len(rows), concluded=self.model.concluded_count()))
        row = self.model.row_of(keep) if keep is not None else -1
        select_row(self.table, row if row >= 0 else 0)
        self._update_buttons()

    def selected(self) -> OpinionRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # -- what may be done now, and why not -----------------------------------------------------------------
    def opinion_refusal(self, row: OpinionRow | None) -> str | None:
        """Why the opinion buttons are off for `row` (None: they are on)."""
        if row is None:
            return self.tr("Choose a case in the table first.")
        if not self.producer:
            return self.tr("Observers see the list only; the office and the panel leaders produce the documents.")
        if not row.concluded:
            return self.tr("This case has no panel conclusion yet: its opinion can be produced once the panel "
                           "has concluded.")
        if self.expert and row.case_id not in self._leads:
            text = self.tr("Only the panel leader ({leader}) or the office produces the opinion of this case.")
            return text.format(leader=row.leader or "—")
        return None

    def records_refusal(self, row: OpinionRow | None) -> str | None:
        if row is None:
            return self.tr("Choose a case in the table first.")
        if not self.producer:
            return self.tr("Observers see the list only; the office and the panel leaders produce the documents.")
        if not row.leader:
            return self.tr("This case has no panel yet, so it has no score sheets or records.")
        return None

    def _update_buttons(self) -> None:
        row = self.selected()
        busy = self._job is not None
        why = self.opinion_refusal(row)
        for button, tip in ((self.preview_button, self.tr("Show the opinion on screen (double-click a row)")),
                            (self.print_button, self.tr("Print the opinion")),
                            (self.word_button, self.tr("Save the opinion as a Word document")),
                            (self.pdf_button, self.tr("Save the opinion as a PDF file"))):
            button.setEnabled(why is None and not busy)
            button.setToolTip(why or tip)
        records_why = self.records_refusal(row)
        self.other_button.setEnabled(records_why is None and not busy)
        self.other_button.setToolTip(records_why or self.tr("Score sheets, recusal form and interview records"))
        concluded = self.model.concluded_count()
        self.batch_button.setEnabled(self.admin and concluded > 0 and not busy)
        self.batch_button.setToolTip(
            self.tr("Save the opinions of all {count} concluded cases into a folder").format(count=concluded)
            if concluded else self.tr("No case of this campaign is concluded yet.")
        )
        self.results_button.setEnabled(self.admin and self.campaign_id() is not None and not busy)
        self.results_button.setToolTip(self.tr(
            "Send this campaign's results (score sheets, conclusions, opinions, audit log) to the organising "
            "office in an encrypted, signed package"))
        self.hint.setText(why if row is not None and why else "")
        self.hint.setVisible(bool(self.hint.text()))

    # -- producing documents ---------------------------------------------------------------------------------

    def _opinion_job(self, fmt: str, draft: bool = False) -> tuple[OpinionRow, Callable[[], Rendered]] | None:
        row, campaign_id, ws = self.selected(), self.campaign_id(), self.ws
        if row is None or campaign_id is None or ws is None or self.opinion_refusal(row) is not None:
            return None
        from reviewdesk.services import documents

        return row, lambda: documents.render_opinion(ws, row.case_id, fmt, campaign_id, draft=draft)

    def preview_opinion(self) -> None:
        """A draft marked 草稿: looking issues no number (the documents service decides what a draft is)."""
        job = self._opinion_job("pdf", draft=True)
        if job is None:
            return
        row, fn = job
        self._run(fn, self.tr("Preparing the opinion…"), lambda r: self._opinion_ready(row, r, "preview"))

    def when_issuing(self, row: OpinionRow, then: Callable[[], None]) -> None:
        """The first print or export issues the opinion's permanent number and date: say so and ask first."""
        if row.number:
            then()
            return
        confirm(
            self, self.tr("Issue the document number?"),
            self.tr("The opinion of {case} has no document number yet. Printing or saving it now issues its "
                    "permanent number and fixes today as its date; this cannot be undone. To only look at it, "
                    "use Preview, which shows a draft.").format(case=row.external_id),
            self.tr("Issue the number and continue"), then,
        )

    def print_opinion(self) -> None:
        row = self.selected()
        if row is not None and self.opinion_refusal(row) is None:
            self.when_issuing(row, self._print_opinion)

    def _print_opinion(self) -> None:
        job = self._opinion_job("pdf")
        if job is None:
            return
        row, fn = job
        self._run(fn, self.tr("Preparing the opinion…"), lambda r: self._opinion_ready(row, r, "print"))

    def _opinion_ready(self, row: OpinionRow, rendered: Rendered, mode: str) -> None:
        if self.ws is None:
            return
        title = self.tr("{case} {document} {number}").format(
            case=row.external_id, document=document_label("opinion"), number=rendered.number or "").strip()
        self.refresh(keep=row.case_id)  # the first production gives the case its document number
        if mode == "preview":
            self.show_preview(rendered.data, title)
        else:
            self.print_document(rendered.data, title)

    def export_opinion(self, fmt: str) -> None:
        row = self.selected()
        if row is not None and self.opinion_refusal(row) is None:
            self.when_issuing(row, lambda: self._export_opinion(fmt))

    def _export_opinion(self, fmt: str) -> None:
        """Ask where to save, then produce the opinion and write it there (whole or not at all)."""
        job = self._opinion_job(fmt)
        if job is None:
            return
        row, fn = job
        from reviewdesk.services import documents

        if fmt == "docx":
            title, filters, suffix = self.tr("Save the opinion as Word"), [self.tr("Word documents (*.docx)")], ".docx"
        else:
            title, filters, suffix = self.tr("Save the opinion as PDF"), [self.tr("PDF files (*.pdf)")], ".pdf"
        chosen = ask_save_path(self, title, documents.filename(row.external_id, "opinion", fmt), filters)
        if chosen is None or self.ws is None:  # cancelled, or the app locked meanwhile
            return
        target = with_suffix(self, chosen[0], suffix)
        if target is None:
            return

        def produce() -> tuple[Path, str | None]:
            from reviewdesk.security.atomic import write_atomic

            rendered = fn()
            write_atomic(target, rendered.data)
            return target, rendered.number

        self._run(produce, self.tr("Saving the opinion…"), lambda result: self._exported(row, *result))

    def _exported(self, row: OpinionRow, path: Path, number: str | None) -> None:
        self.last_saved = path
        self.refresh(keep=row.case_id)
        self.message.show_ok(self.tr(
            "Opinion {number} saved to {path}. The file is not encrypted there: keep it safe."
        ).format(number=number or "", path=path))

    def record_document(self, kind: str, mode: str) -> None:
        """Preview or print the case's score sheets, recusal form or interview records (all in one PDF)."""
        row, campaign_id, ws = self.selected(), self.campaign_id(), self.ws
        if row is None or campaign_id is None or ws is None or self.records_refusal(row) is not None:
            return
        from reviewdesk.services import documents
        from ui.printing import merge_pdfs

        def produce() -> bytes | None:
            parts = documents.render_records(ws, row.case_id, kind, "pdf", campaign_id)
            return merge_pdfs([p.data for p in parts]) if parts else None

        def ready(data: bytes | None) -> None:
            if self.ws is None:
                return
            if data is None:
                self.message.show_error(self.tr(
                    "Case {case} has no {document} yet (score sheets appear once submitted, interview records "
                    "once made)."
                ).format(case=row.external_id, document=document_label(kind)))
                return
            title = self.tr("{case} {document}").format(case=row.external_id, document=document_label(kind))
            if mode == "preview":
                self.show_preview(data, title)
            else:
                self.print_document(data, title)

        self._run(produce, self.tr("Preparing the {document}…").format(document=document_label(kind)), ready)

    def show_preview(self, data: bytes, title: str) -> None:
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

    def print_document(self, data: bytes, title: str) -> None:
        from ui.printing import PrintFailed, print_pdf

        try:
            printed = print_pdf(self, data, title)
        except PrintFailed:
            self.message.show_error(self.tr(
                "The printer could not be started. Check that it is switched on and connected, then try again."))
            return
        if printed:
            self.message.show_ok(self.tr("“{title}” was sent to the printer.").format(title=title))

    # -- batch export (office) -----------------------------------------------------------------------------
    def batch_export(self) -> None:
        if not self.admin or self.campaign_id() is None or self._job is not None:
            return
        start = str(start_folder("outgoing"))
        folder = file_dialogs.choose_folder(self, self.tr("Choose the folder for the opinions"), start)
        if not folder or self.ws is None:
            return
        check = file_paths.folder(folder)  # e.g. a write-protected USB stick
        if check.path is None:
            warn(self, QCoreApplication.translate("PathMessages", "Cannot save there"), path_message(check))
            return
        remember_folder("outgoing", Path(folder))
        dialog = FormatsDialog(folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda formats: self._confirm_batch(folder, formats))
        self.formats_dialog = dialog
        dialog.open()

    def _confirm_batch(self, folder: str, formats: list[str]) -> None:
        """Saving over files of the same name replaces them: ask first."""
        from reviewdesk.services import documents

        self.formats_dialog = None
        names = [documents.filename(r.external_id, "opinion", fmt)
                 for r in self.model.rows() if r.concluded for fmt in formats]
        existing = [name for name in names if (Path(folder) / name).exists()]
        if not existing:
            self.start_batch(folder, formats)
            return
        confirm(
            self, self.tr("Replace files?"),
            self.tr("{count} files of the same name are already in this folder. Replace them with the opinions "
                    "produced now?").format(count=len(existing)),
            self.tr("Replace"), lambda: self.start_batch(folder, formats),
            detail="\n".join(existing[:10]) + ("\n…" if len(existing) > 10 else ""),
        )

    def start_batch(self, folder: str, formats: list[str]) -> None:
        campaign_id, ws = self.campaign_id(), self.ws
        if campaign_id is None or ws is None:
            return
        from reviewdesk.services import documents

        progress = SteadyProgress(self.tr("Giving the document numbers…"), "", 0, 0, self)
        progress.setWindowTitle(self.tr("Batch export"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(360)
        progress.show()
        self.progress_dialog = progress
        report = progress_to(self, self._batch_progress)  # done, total

        def done(result: BatchResult) -> None:
            self._finish()
            self._close_progress()
            self._batch_done(result)

        def failed(err: BaseException) -> None:
            self._finish()
            self._close_progress()
            self.message.show_error(error_text(err))

        self.message.clear_message()
        self._job = run_job(
            lambda: documents.batch_opinions(ws, campaign_id, Path(folder), formats, progress=report),
            self, done, failed,
        )
        self.busy.start(self.tr("Exporting the opinions…"))
        self._update_buttons()

    @Slot(int, int)
    def _batch_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setLabelText(self.tr("Producing {done}/{total}…").format(done=done, total=total))
        dialog.setMaximum(total)
        # Last: a modal progress dialog processes events in setValue, and the batch may finish in there.
        dialog.setValue(done)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _batch_done(self, result: BatchResult) -> None:
        self.last_batch = result
        self.refresh()
        files, skipped = len(result.files), len(result.skipped)
        text = self.tr("{files} files were saved in {folder}.").format(files=files, folder=result.folder)
        if skipped:
            skipped_text = self.tr("{count} cases are not concluded yet and have no opinion; they were skipped.")
            text += "\n" + skipped_text.format(count=skipped)
        self.message.show_ok(text)
        box = inform(self, self.tr("Batch export finished"),
                     text + "\n" + self.tr("The files are not encrypted there: keep them safe."))
        if skipped:  # behind “Show Details…”: a long list of ids would swamp the message
            box.setDetailedText(self.tr("Skipped cases:") + "\n" + "\n".join(result.skipped))

    # -- results package (office) ---------------------------------------------------------------------------
    def export_results(self) -> None:
        from ui.dialogs.results_export import ResultsExportDialog

        campaign_id = self.campaign_id()
        if not self.admin or campaign_id is None or self.ws is None or self._job is not None:
            return
        name = self.campaign.currentText().removeprefix(campaign_id).strip()
        dialog = ResultsExportDialog(self.ws, campaign_id, name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda _result: self.refresh())  # the export numbers the opinions
        dialog.finished.connect(lambda _r, d=dialog: self._results_closed(d))
        self.results_dialog = dialog
        dialog.open()

    def _results_closed(self, dialog: ResultsExportDialog) -> None:
        if self.results_dialog is dialog:
            self.results_dialog = None

    # -- lock ------------------------------------------------------------------------------------------------
    def teardown(self) -> None:
        if self.results_dialog is not None:
            self.results_dialog.teardown()
            self.results_dialog = None
        for dialog in (self.preview_dialog, self.formats_dialog):
            if dialog is not None:
                dialog.reject()
        self._close_progress()
        self.preview_dialog = self.formats_dialog = None
        self.model.clear()
        self._leads = set()
        self.summary.clear()
        self.hint.clear()
        self.last_batch = None
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or self.model.rowCount() > 0 or self.preview_dialog is not None
