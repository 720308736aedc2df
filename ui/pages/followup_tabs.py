"""The registers of the 移送整改 page. A tab: filters, the id-based table, and beside it the selected row's
details with its steps as buttons that say what they do. Rows are read on the worker (Page.load_in_background);
steps run on it too (JobPage._run via the page, or the forms of ui/dialogs/followup_forms.py)."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui import file_dialogs
from ui.i18n import error_text
from ui.models.followup import (
    IdTableModel,
    ObjectionsModel,
    RectificationModel,
    ReferralsModel,
    SpecialsModel,
    due_label,
    finding_label,
    item_status_label,
    objection_status_label,
    outcome_label,
    referral_status_label,
    special_status_label,
)
from ui.qt import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import confirm, fit_columns, row_table, select_row
from ui.widgets.screen_fit import rows_tall, scrolled

if TYPE_CHECKING:
    from reviewdesk.services.objections import ObjectionView
    from reviewdesk.services.rectification import ItemView
    from reviewdesk.services.referrals import ReferralView
    from reviewdesk.services.special import SpecialView
    from reviewdesk.workspace import OpenWorkspace
    from ui.pages.followup import FollowupPage

ALL = ""


def _rows(pairs: list[tuple[str, str]]) -> str:
    """Details as a two-column table (label, value), values escaped."""
    cells = "".join(
        f"<tr><td style='color:#555;padding-right:10px'>{html.escape(k)}</td>"
        f"<td>{html.escape(v).replace(chr(10), '<br>')}</td></tr>"
        for k, v in pairs
        if v
    )
    return f"<table cellspacing=2>{cells}</table>"


class RegisterTab(QWidget):
    """Subclasses set `key`, make `model`, and give `fetch` (on the worker), `details` and the buttons."""

    key = ""
    has_unit = True
    has_due = True

    def __init__(self, page: FollowupPage) -> None:
        super().__init__()
        self.page = page
        self.stale = True
        self.selected_id: int | None = None
        self.model: IdTableModel[Any] = self.make_model()
        self.model.load_failed.connect(page.message.show_error)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("All units"), ALL)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), ALL)
        for code, label in self.statuses():
            self.status.addItem(label, code)
        self.due = QComboBox()
        for code, label in (
            (ALL, self.tr("Any deadline")),
            ("due_soon", self.tr("Due soon")),
            ("overdue", self.tr("Overdue")),
        ):
            self.due.addItem(label, code)
        for combo in (self.unit, self.status, self.due):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        filters = QHBoxLayout()
        for caption, combo, shown in (
            (self.tr("Unit:"), self.unit, self.has_unit),
            (self.tr("Status:"), self.status, True),
            (self.tr("Deadline:"), self.due, self.has_due),
        ):
            if shown:
                label = QLabel(caption)
                label.setBuddy(combo)
                filters.addWidget(label)
                filters.addWidget(combo)
        filters.addStretch(1)
        self.count = QLabel()
        filters.addWidget(self.count)
        self.extra_filters(filters)

        self.table = row_table(self.model)
        self.table.setAccessibleName(self.tr("Register"))
        rows_tall(self.table, 6)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QVBoxLayout()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.detail)
        side_layout.addLayout(self.steps)
        side_layout.addStretch(1)
        # (button, enabled when, needs a selected row)
        self.buttons: list[tuple[QPushButton, Callable[[Any], bool], bool]] = []
        self.build_steps()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(scrolled(side))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.update_buttons()

    # -- what subclasses give -------------------------------------------------------------------------------------
    def make_model(self) -> IdTableModel[Any]:
        raise NotImplementedError

    def statuses(self) -> list[tuple[str, str]]:
        return []

    def extra_filters(self, row: QHBoxLayout) -> None:
        """Buttons at the end of the filter row (create, generate…)."""

    def build_steps(self) -> None:
        """Add the step buttons (self.step)."""

    def fetch(
        self, ws: OpenWorkspace, campaign: str, unit: str | None, status: str | None, due: str | None
    ) -> Any:
        raise NotImplementedError

    def show_rows(self, result: Any) -> None:
        raise NotImplementedError

    def details(self, row: Any) -> str:
        raise NotImplementedError

    # -- shared ---------------------------------------------------------------------------------------------------
    @property
    def ws(self) -> OpenWorkspace | None:
        return self.page.ws

    def step(
        self,
        text: str,
        tip: str,
        run: Callable[[], None],
        when: Callable[[Any], bool],
        editors: frozenset[str] = frozenset({"admin"}),
    ) -> QPushButton | None:
        """A step button, only for the roles that may take it; enabled when `when(selected row)`."""
        if self.page.role not in editors:
            return None
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(run)
        self.steps.addWidget(button)
        self.buttons.append((button, when, True))
        return button

    def choice(self, combo: QComboBox) -> str | None:
        value = combo.currentData()
        return str(value) if value else None

    def refresh(self, keep: int | None = None) -> None:
        if self.ws is None:
            return
        campaign = self.page.campaign
        self.stale = False
        if campaign is None:
            self.model.clear()
            return
        if self.has_unit and self.unit.count() == 1:
            self._load_units()
        unit, status, due = self.choice(self.unit), self.choice(self.status), self.choice(self.due)
        keep = keep if keep is not None else self.selected_id
        self.page.load_in_background(
            lambda ws: self.fetch(ws, campaign, unit, status, due),
            lambda rows: self._show(rows, keep),
            self._failed,
            kind=self.key,
        )

    def _load_units(self) -> None:
        from reviewdesk.services import campaigns

        try:
            units = campaigns.list_units(self.ws) if self.ws is not None else []
        except Exception as err:
            self.page.message.show_error(error_text(err))
            return
        self.unit.blockSignals(True)
        for u in units:
            self.unit.addItem(f"{u.name}（{u.code}）", u.code)
        self.unit.blockSignals(False)

    def _show(self, rows: Any, keep: int | None) -> None:
        self.show_rows(rows)
        fit_columns(self.table)
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 200))  # the tooltip has it whole
        self.count.setText(self.tr("{n} rows").format(n=self.model.rowCount()))
        row = self.model.row_of(keep)
        select_row(self.table, row if row >= 0 else (0 if self.model.rowCount() else -1))
        self._chosen()

    def _failed(self, err: BaseException) -> None:
        self.page.message.show_error(error_text(err))

    def filter_due(self, due: str) -> None:
        """Show what is due soon or overdue, every unit and status."""
        for combo, value in ((self.unit, ALL), (self.status, ALL), (self.due, due)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.refresh()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _chosen(self) -> None:
        row = self.selected()
        self.selected_id = row.id if row is not None else None
        self.detail.setText(self.details(row) if row is not None else self.tr("Choose a row to see it here."))
        self.update_buttons()

    def update_buttons(self) -> None:
        row = self.selected()
        busy = self.page.busy_now()
        for button, when, needs_row in self.buttons:
            button.setEnabled(not busy and (row is not None or not needs_row) and when(row))

    def run(self, fn: Callable[[], Any], caption: str, done_text: str) -> None:
        """A step on the worker; the register is read again after it (the row keeps its place)."""
        keep = self.selected_id

        def done(_result: Any) -> None:
            self.page.message.show_ok(done_text)
            self.changed(keep)

        self.page._run(fn, caption, done)

    def form_saved(self, done_text: str) -> Callable[[Any], None]:
        keep = self.selected_id

        def saved(result: Any) -> None:
            form = getattr(self, "form", None)  # the form that saved (accepted fires before it closes)
            note = form.calendar_note(result) if hasattr(form, "calendar_note") and result is not None else ""
            self.page.message.show_ok(f"{done_text} {note}" if note else done_text)
            self.changed(keep)

        return saved

    def changed(self, keep: int | None) -> None:
        """After a step: this register is read again now, the others when next shown (a 复核 flags items, a
        generate adds a referral)."""
        for other in self.page.registers.values():
            if other is not self:
                other.stale = True  # type: ignore[attr-defined]
        self.refresh(keep)

    def teardown(self) -> None:
        self.model.clear()
        self.detail.clear()

    def holds_data(self) -> bool:
        return self.model.holds_rows()

    def row_paper(self, make_file: Callable[..., Any], fmt: str, draft: bool) -> Any:
        """A paper made from the chosen row's id alone (复核决定书, 专项整治通知)."""
        row, ws = self.selected(), self.ws
        assert row is not None and ws is not None
        return make_file(ws, row.id, fmt, draft=draft)

    # -- papers (整改通知书, 线索移送函, 复核决定书, 专项整治通知, 反馈意见, 回头看报告) through the opinions page's preview, print and save path ---------------------
    def papers_button(
        self,
        text: str,
        make: Callable[[str, bool], Any],
        title: Callable[[], str],
        when: Callable[[Any], bool],
        needs_row: bool = True,
    ) -> None:
        """A button with a menu: preview (a draft), print, save as Word or PDF. Printing or saving issues the
        paper's number the first time: asked before. A campaign's or a unit's paper (needs_row=False) is
        offered with no row chosen; `when` then gets None."""
        if self.page.role != "admin":
            return
        button = QPushButton(text)
        menu = QMenu(button)
        menu.addAction(
            self.tr("Preview (draft, issues no number)"), lambda: self._paper(make, title, "preview")
        )
        menu.addAction(self.tr("Print…"), lambda: self._ask_issue(lambda: self._paper(make, title, "print")))
        menu.addAction(
            self.tr("Save as Word…"), lambda: self._ask_issue(lambda: self._paper(make, title, "docx"))
        )
        menu.addAction(
            self.tr("Save as PDF…"), lambda: self._ask_issue(lambda: self._paper(make, title, "pdf"))
        )
        button.setMenu(menu)
        self.steps.addWidget(button)
        self.buttons.append((button, when, needs_row))

    def _ask_issue(self, then: Callable[[], None]) -> None:
        confirm(
            self,
            self.tr("Issue the document number?"),
            self.tr(
                "Printing or saving gives this paper its permanent number the first time (later copies keep it); "
                "this cannot be undone. To only look at it, use Preview."
            ),
            self.tr("Continue"),
            then,
        )

    def _paper(self, make: Callable[[str, bool], Any], title: Callable[[], str], mode: str) -> None:
        from ui.pages.opinions import ask_save_path, with_suffix

        fmt = "pdf" if mode in ("preview", "print") else mode
        target: Path | None = None
        if mode in ("docx", "pdf"):
            name = f"{title()}.{fmt}"
            flt = self.tr("Word documents (*.docx)") if fmt == "docx" else self.tr("PDF files (*.pdf)")
            chosen = ask_save_path(self, self.tr("Save the paper"), name, [flt])
            if chosen is None:
                return
            target = with_suffix(self, chosen[0], f".{fmt}")
            if target is None:
                return

        def produce() -> Any:
            rendered = make(fmt, mode == "preview")
            if target is not None:
                from reviewdesk.security.atomic import write_atomic

                write_atomic(target, rendered.data)
            return rendered

        def ready(rendered: Any) -> None:
            self.last_paper = rendered
            if mode == "preview":
                self.page_preview(rendered.data, rendered.filename)
            elif mode == "print":
                self.page_print(rendered.data, rendered.filename)
            else:
                self.page.message.show_ok(
                    self.tr("Saved to {path}. The file is not encrypted there: keep it safe.").format(
                        path=target
                    )
                )
            self.refresh()

        self.page._run(produce, self.tr("Preparing the paper…"), ready)

    def page_preview(self, data: bytes, title: str) -> None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(data, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview_dialog = dialog
        dialog.open()

    def page_print(self, data: bytes, title: str) -> None:
        from ui.printing import PrintFailed, print_pdf

        try:
            if print_pdf(self, data, title):
                self.page.message.show_ok(self.tr("“{title}” was sent to the printer.").format(title=title))
        except PrintFailed:
            self.page.message.show_error(
                self.tr(
                    "The printer could not be started. Check that it is switched on and connected, then try again."
                )
            )


# -- 整改台账 -----------------------------------------------------------------------------------------------------
class RectificationTab(RegisterTab):
    key = "rectification"

    def make_model(self) -> RectificationModel:
        return RectificationModel(self._rows_by_id)

    def _rows_by_id(self, ids: list[int]) -> list[ItemView]:
        from reviewdesk.services import rectification

        return rectification.items_by_id(self.ws, ids) if self.ws is not None else []

    def statuses(self) -> list[tuple[str, str]]:
        return [(s, item_status_label(s)) for s in ("open", "reported", "verified", "closed", "sent_back")]

    def extra_filters(self, row: QHBoxLayout) -> None:
        if self.page.role == "admin":
            self.generate_button = QPushButton(self.tr("Generate from a conclusion…"))
            self.generate_button.setToolTip(
                self.tr("Preview, then create the items (and draft referral) of a concluded case")
            )
            self.generate_button.clicked.connect(self.open_generate)
            row.addWidget(self.generate_button)

    def build_steps(self) -> None:
        self.report_button = self.step(
            self.tr("Record the unit's report of completion…"),
            self.tr("The unit reports the problem fixed"),
            self.open_report,
            lambda r: r.status in ("open", "sent_back"),
        )
        self.verify_button = self.step(
            self.tr("Re-check: verified fixed…"),
            self.tr("回头看 found the problem fixed"),
            self.open_verify,
            lambda r: r.status == "reported",
        )
        self.close_button = self.step(
            self.tr("Close off the item"),
            self.tr("销号: the item is done (cannot be undone)"),
            self.ask_close,
            lambda r: r.status == "verified",
        )
        self.send_back_button = self.step(
            self.tr("Send back for rectification…"),
            self.tr("With a reason and a new deadline"),
            self.open_send_back,
            lambda r: r.status in ("reported", "verified"),
        )
        self.evidence_button = self.step(
            self.tr("Attach evidence files…"),
            self.tr("Stored encrypted in the workspace"),
            self.attach_evidence,
            lambda r: r.status != "closed",
        )
        self.papers_button(
            self.tr("Rectification notice to the unit ▾"),
            self._notice,
            self._notice_title,
            lambda r: r.status in ("open", "sent_back"),
        )
        self.papers_button(
            self.tr("Feedback opinion to the unit ▾"),
            self._feedback,
            self._feedback_title,
            lambda r: self._feedback_unit(r) is not None,
            needs_row=False,
        )
        self.papers_button(
            self.tr("Re-check (回头看) report ▾"),
            self._followup_report,
            self._followup_report_title,
            lambda _r: self.page.campaign is not None,
            needs_row=False,
        )
        self.evidence = QListWidget()
        self.evidence.setMaximumHeight(110)
        self.evidence.setAccessibleName(self.tr("Evidence files"))
        self.evidence.itemActivated.connect(self.view_evidence)
        self.evidence_caption = QLabel(self.tr("Evidence files (double-click to view):"))
        self.steps.addWidget(self.evidence_caption)
        self.steps.addWidget(self.evidence)

    def fetch(
        self, ws: OpenWorkspace, campaign: str, unit: str | None, status: str | None, due: str | None
    ) -> list[int]:
        from reviewdesk.services import rectification

        return rectification.item_ids(ws, campaign, unit, status, due)

    def show_rows(self, ids: list[int]) -> None:
        self.model.set_ids(ids)

    def _chosen(self) -> None:
        super()._chosen()
        self.evidence.clear()
        if self.selected_id is not None:
            item_id = self.selected_id

            def fetch(ws: OpenWorkspace) -> ItemView:
                from reviewdesk.services import rectification

                return rectification.show_item(ws, item_id)

            self.page.load_in_background(fetch, self._show_full, self._failed, kind="rectification-item")

    def _show_full(self, view: ItemView) -> None:
        if view.id != self.selected_id:
            return
        self.detail.setText(self.details(view, full=True))
        self.evidence.clear()
        for e in view.evidence:
            entry = QListWidgetItem(e["filename"])
            entry.setData(Qt.ItemDataRole.UserRole, e["id"])
            self.evidence.addItem(entry)

    def details(self, r: ItemView, full: bool = False) -> str:
        pairs = [
            (self.tr("Problem no."), r.number),
            (self.tr("Case"), f"{r.case_number}（{r.case_external_id}）"),
            (self.tr("Type"), f"{r.kind} · {r.category}"),
            (self.tr("Problem"), r.description),
            (self.tr("Where in the file"), r.evidence_ref),
            (self.tr("Responsible"), " · ".join(x for x in (r.responsible_unit, r.responsible_person) if x)),
            (self.tr("Requirement"), r.requirement),
            (self.tr("Deadline"), f"{r.deadline} {due_label(r.due)}".strip()),
            (self.tr("Status"), item_status_label(r.status)),
            (self.tr("Measures"), r.measures),
            (self.tr("Progress"), r.progress),
            (self.tr("Re-check found"), finding_label(r.recheck_finding)),
            (self.tr("Re-check note"), r.recheck_note),
            (self.tr("Sent back because"), r.sent_back_reason),
            (self.tr("Closed off on"), r.closed_on or ""),
            (self.tr("To review"), r.review_reason if r.needs_review else ""),
        ]
        if full and r.events:
            pairs.append(
                (self.tr("History"), "\n".join(f"{e['at'][:10]} {e['by']} {e['step']}" for e in r.events))
            )
        return _rows(pairs)

    # the steps
    def _form(self, make: Callable[[OpenWorkspace, ItemView], Any], done_text: str) -> None:
        from ui.dialogs.followup_forms import open_form

        row = self.selected()
        if row is None or self.ws is None:
            return
        self.form = open_form(make(self.ws, row), self.form_saved(done_text))

    def open_report(self) -> None:
        from ui.dialogs.followup_forms import ReportForm

        self._form(
            lambda ws, r: ReportForm(ws, r.id, r.number, r.responsible_person, self),
            self.tr("The unit's report was recorded."),
        )

    def open_verify(self) -> None:
        from ui.dialogs.followup_forms import VerifyForm

        self._form(lambda ws, r: VerifyForm(ws, r.id, r.number, self), self.tr("Recorded: found fixed."))

    def open_send_back(self) -> None:
        from ui.dialogs.followup_forms import SendBackForm

        self._form(lambda ws, r: SendBackForm(ws, r.id, r.number, self), self.tr("The item was sent back."))

    def ask_close(self) -> None:
        row = self.selected()
        if row is None:
            return
        confirm(
            self,
            self.tr("Close off the item?"),
            self.tr(
                "Item {number} is closed off today (销号). A closed item takes no more steps or evidence; this "
                "cannot be undone."
            ).format(number=row.number),
            self.tr("Close off"),
            lambda: self._close(row.id),
        )

    def _close(self, item_id: int) -> None:
        from reviewdesk.services import rectification

        ws = self.ws
        if ws is not None:
            self.run(
                lambda: rectification.close(ws, item_id),
                self.tr("Saving…"),
                self.tr("The item is closed off."),
            )

    def attach_evidence(self, paths: list[Path] | None = None) -> None:
        from reviewdesk.services import rectification
        from ui.dialogs.followup_forms import read_files

        row, ws = self.selected(), self.ws
        if row is None or ws is None:
            return
        if not paths:
            names, _ = file_dialogs.open_files(self, self.tr("Evidence files"))
            paths = [Path(n) for n in names]
        if not paths:
            return
        chosen = list(paths)
        self.run(
            lambda: rectification.attach_evidence(ws, row.id, read_files(chosen)),
            self.tr("Saving…"),
            self.tr("{n} evidence files stored, encrypted.").format(n=len(chosen)),
        )

    def view_evidence(self, entry: QListWidgetItem) -> None:
        from ui.pages.followup_evidence import EvidenceDialog

        if self.ws is not None:
            dialog = EvidenceDialog(self.ws, int(entry.data(Qt.ItemDataRole.UserRole)), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.evidence_dialog = dialog
            dialog.open()

    def open_generate(self) -> None:
        """The concluded cases are read on the worker (thousands in a big campaign), then the dialog opens."""
        from ui.dialogs.followup_generate import concluded_cases

        ws, campaign = self.ws, self.page.campaign
        if ws is None or campaign is None:
            return
        self.page._run(
            lambda: concluded_cases(ws, campaign),
            self.tr("Reading the concluded cases…"),
            lambda cases: self._show_generate(ws, campaign, cases),
        )

    def _show_generate(self, ws: OpenWorkspace, campaign: str, cases: Any) -> None:
        from ui.dialogs.followup_generate import GenerateDialog

        dialog = GenerateDialog(ws, campaign, cases, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._generated(dialog.result_view))
        self.generate_dialog = dialog
        dialog.open()

    def _generated(self, result: Any) -> None:
        if result is None:
            return
        self.page.message.show_ok(
            self.tr("{items} item(s) created for case {case}{referral}.").format(
                items=len(result.items),
                case=result.case_external_id,
                referral=self.tr(", and a draft referral") if result.referral else "",
            )
        )
        self.changed(None)

    def _notice(self, fmt: str, draft: bool) -> Any:
        from reviewdesk.services import followup_papers

        row, ws, campaign = self.selected(), self.ws, self.page.campaign
        assert row is not None and ws is not None and campaign is not None
        return followup_papers.rectification_notice_file(ws, campaign, row.unit_code, fmt, draft=draft)

    def _notice_title(self) -> str:
        row = self.selected()
        unit = row.responsible_unit if row is not None else ""
        return self.tr("{unit} rectification notice").format(unit=unit)

    def _feedback_unit(self, row: ItemView | None) -> str | None:
        """The unit the feedback opinion goes to: the one the unit filter shows, else the chosen item's."""
        return self.choice(self.unit) or (row.unit_code if row is not None else None)

    def _feedback(self, fmt: str, draft: bool) -> Any:
        from reviewdesk.services import followup_papers

        unit, ws, campaign = self._feedback_unit(self.selected()), self.ws, self.page.campaign
        assert unit is not None and ws is not None and campaign is not None
        return followup_papers.unit_feedback_file(ws, campaign, unit, fmt, draft=draft)

    def _feedback_title(self) -> str:
        return self.tr("{unit} review feedback opinion").format(unit=self._feedback_unit(self.selected()) or "")

    def _followup_report(self, fmt: str, draft: bool) -> Any:
        from reviewdesk.services import followup_papers

        ws, campaign = self.ws, self.page.campaign
        assert ws is not None and campaign is not None
        return followup_papers.followup_report_file(ws, campaign, fmt, draft=draft)

    def _followup_report_title(self) -> str:
        return self.tr("{campaign} re-check report").format(campaign=self.page.campaign or "")


# -- 线索移送台账 ---------------------------------------------------------------------------------------------------
class ReferralsTab(RegisterTab):
    key = "referral"

    def make_model(self) -> ReferralsModel:
        return ReferralsModel()

    def statuses(self) -> list[tuple[str, str]]:
        return [(s, referral_status_label(s)) for s in ("draft", "sent", "feedback")]

    def build_steps(self) -> None:
        self.letter_button = self.step(
            self.tr("Send: issue the letter number…"),
            self.tr("Issues the referral letter's number (once)"),
            self.open_letter,
            lambda r: r.status == "draft",
        )
        self.feedback_button = self.step(
            self.tr("Record the feedback…"),
            self.tr("What the discipline inspection body reported back"),
            self.open_feedback,
            lambda r: r.status == "sent",
        )
        self.papers_button(self.tr("Referral letter ▾"), self._letter, self._letter_title, lambda _r: True)

    def fetch(
        self, ws: OpenWorkspace, campaign: str, unit: str | None, status: str | None, due: str | None
    ) -> list[ReferralView]:
        from reviewdesk.services import referrals

        return referrals.list_referrals(ws, campaign, unit, status, due)

    def show_rows(self, rows: list[ReferralView]) -> None:
        self.model.set_rows(rows)  # type: ignore[attr-defined]

    def details(self, r: ReferralView) -> str:
        persons = "\n".join(
            "，".join(x for x in (p.get("name", ""), p.get("unit", ""), p.get("post", "")) if x)
            for p in r.persons
        )
        evidence = "\n".join(f"{e.get('title', '')} {e.get('ref', '')}".strip() for e in r.evidence)
        return _rows(
            [
                (self.tr("Letter no."), r.letter_number or self.tr("(not issued)")),
                (self.tr("Case"), f"{r.case_number}（{r.case_external_id}）"),
                (self.tr("Unit"), r.unit_code),
                (self.tr("Persons concerned"), persons),
                (self.tr("Clue"), r.clue),
                (self.tr("Evidence"), evidence),
                (self.tr("Receiving body"), r.receiving_body),
                (self.tr("Officer"), r.officer),
                (self.tr("Sent on"), r.sent_on or ""),
                (self.tr("Feedback due"), f"{r.feedback_deadline or ''} {due_label(r.due)}".strip()),
                (self.tr("Status"), referral_status_label(r.status)),
                (self.tr("Feedback on"), r.feedback_on or ""),
                (self.tr("Outcome"), " ".join(x for x in (outcome_label(r.outcome), r.outcome_detail) if x)),
                (self.tr("To review"), r.review_reason if r.needs_review else ""),
            ]
        )

    def open_letter(self) -> None:
        from ui.dialogs.followup_forms import LetterForm, open_form

        row = self.selected()
        if row is not None and self.ws is not None:
            self.form = open_form(
                LetterForm(self.ws, row.id, row.receiving_body, self),
                self.form_saved(self.tr("The referral was sent; its letter number is issued.")),
            )

    def open_feedback(self) -> None:
        from ui.dialogs.followup_forms import FeedbackForm, open_form

        row = self.selected()
        if row is not None and self.ws is not None:
            self.form = open_form(
                FeedbackForm(self.ws, row.id, self), self.form_saved(self.tr("The feedback was recorded."))
            )

    def _letter(self, fmt: str, draft: bool) -> Any:
        from reviewdesk.services import followup_papers

        row, ws = self.selected(), self.ws
        assert row is not None and ws is not None
        return followup_papers.referral_letter_file(ws, row.id, fmt, draft=draft or row.letter_number is None)

    def _letter_title(self) -> str:
        row = self.selected()
        return self.tr("Referral letter {number}").format(number=(row.letter_number or "") if row else "")


# -- 异议复核 -------------------------------------------------------------------------------------------------------
class ObjectionsTab(RegisterTab):
    key = "objection"
    has_unit = False
    has_due = False

    def make_model(self) -> ObjectionsModel:
        return ObjectionsModel()

    def statuses(self) -> list[tuple[str, str]]:
        return [(s, objection_status_label(s)) for s in ("pending", "upheld", "changed")]

    def extra_filters(self, row: QHBoxLayout) -> None:
        if self.page.role == "admin":
            self.add_button = QPushButton(self.tr("Record an objection…"))
            self.add_button.clicked.connect(self.open_add)
            row.addWidget(self.add_button)

    def build_steps(self) -> None:
        self.decide_button = self.step(
            self.tr("Record the re-check decision…"),
            self.tr("The panel's leader (or the office): upheld or changed"),
            self.open_decide,
            lambda r: r.status == "pending",
            frozenset({"admin", "expert"}),
        )
        self.papers_button(
            self.tr("Re-check decision ▾"),
            self._decision,
            self._decision_title,
            lambda r: r.status in ("upheld", "changed"),
        )

    def _decision(self, fmt: str, draft: bool) -> Any:
        from reviewdesk.services import followup_papers

        return self.row_paper(followup_papers.recheck_decision_file, fmt, draft)

    def _decision_title(self) -> str:
        row = self.selected()
        return self.tr("Re-check decision on case {case}").format(case=row.case_external_id if row else "")

    def fetch(
        self, ws: OpenWorkspace, campaign: str, unit: str | None, status: str | None, due: str | None
    ) -> list[ObjectionView]:
        from reviewdesk.services import objections

        return objections.list_objections(ws, campaign, status=status)

    def show_rows(self, rows: list[ObjectionView]) -> None:
        self.model.set_rows(rows)  # type: ignore[attr-defined]

    def details(self, r: ObjectionView) -> str:
        late = self.tr("late; admitted because: {reason}").format(reason=r.admitted_reason) if r.late else ""
        return _rows(
            [
                (self.tr("Case"), r.case_external_id),
                (self.tr("Objector"), r.objector),
                (self.tr("Opinion delivered"), r.delivered_on),
                (self.tr("Received"), r.received_on),
                (self.tr("Objection deadline"), r.deadline),
                (self.tr("Late"), late),
                (self.tr("Grounds"), r.grounds),
                (self.tr("Status"), objection_status_label(r.status)),
                (self.tr("Reasons"), r.decision_reason),
                (self.tr("What was checked"), r.checked),
                (
                    self.tr("Conclusion versions"),
                    f"{r.from_version} → {r.to_version}" if r.to_version else "",
                ),
                (
                    self.tr("Re-issued opinion"),
                    " ".join(
                        x
                        for x in (
                            r.reissued_number or "",
                            self.tr("replaces {number}").format(number=r.replaces) if r.replaces else "",
                        )
                        if x
                    ),
                ),
                (self.tr("Decided by"), f"{r.decided_by or ''} {r.decided_at or ''}".strip()),
            ]
        )

    def open_add(self) -> None:
        from reviewdesk.services import documents
        from ui.dialogs.followup_forms import ObjectionForm, open_form

        ws, campaign = self.ws, self.page.campaign
        if ws is None or campaign is None:
            return
        try:
            cases = [
                (r.case_id, f"{r.external_id}  {r.title}")
                for r in documents.opinion_list(ws, campaign)
                if r.concluded
            ]
        except Exception as err:
            self.page.message.show_error(error_text(err))
            return
        self.form = open_form(
            ObjectionForm(ws, campaign, cases, self), self.form_saved(self.tr("The objection was recorded."))
        )

    def open_decide(self) -> None:
        from reviewdesk.services import deliberation
        from ui.dialogs.followup_forms import DecideForm, open_form

        row, ws = self.selected(), self.ws
        if row is None or ws is None:
            return
        try:
            view = deliberation.deliberation(ws, row.case_id, row.campaign_id)
            grades = deliberation_grades(ws, row.campaign_id)
        except Exception as err:
            self.page.message.show_error(error_text(err))
            return
        current = view.conclusion
        now = (current.outcome, current.grade) if current is not None else ("", "")
        self.form = open_form(
            DecideForm(ws, row.id, row.case_external_id, now, grades, self),
            self.form_saved(self.tr("The re-check decision was recorded.")),
        )


def deliberation_grades(ws: OpenWorkspace, campaign_id: str) -> list[str]:
    """The campaign's grade names, best first."""
    from reviewdesk.services import rubrics

    return [b.grade for b in sorted(rubrics.grading(ws, campaign_id).bands, key=lambda b: -b.min)]


# -- 专项整治 -------------------------------------------------------------------------------------------------------
class SpecialsTab(RegisterTab):
    key = "special"
    has_unit = False

    def make_model(self) -> SpecialsModel:
        self._due: dict[int, str] = {}
        return SpecialsModel(lambda r: self._due.get(r.id))

    def statuses(self) -> list[tuple[str, str]]:
        return [(s, special_status_label(s)) for s in ("open", "closed")]

    def extra_filters(self, row: QHBoxLayout) -> None:
        if self.page.role == "admin":
            self.create_button = QPushButton(self.tr("Open from the problem ranking…"))
            self.create_button.clicked.connect(self.open_create)
            row.addWidget(self.create_button)

    def fetch(
        self, ws: OpenWorkspace, campaign: str, unit: str | None, status: str | None, due: str | None
    ) -> tuple[list[SpecialView], dict[int, str]]:
        from reviewdesk.services import due as due_service
        from reviewdesk.services import special

        states = {r.id: r.state for r in due_service.due(ws, campaign).rows if r.register == "special"}
        rows = [
            r
            for r in special.list_specials(ws, campaign)
            if (status is None or r.status == status) and (due is None or states.get(r.id) == due)
        ]
        return rows, states

    def build_steps(self) -> None:
        self.papers_button(
            self.tr("Special rectification notice ▾"), self._special_notice, self._special_title, lambda _r: True
        )

    def _special_notice(self, fmt: str, draft: bool) -> Any:
        from reviewdesk.services import followup_papers

        return self.row_paper(followup_papers.special_notice_file, fmt, draft)

    def _special_title(self) -> str:
        row = self.selected()
        return self.tr("Special rectification notice {title}").format(title=row.title if row else "")

    def show_rows(self, result: tuple[list[SpecialView], dict[int, str]]) -> None:
        rows, self._due = result
        self.model.set_rows(rows)  # type: ignore[attr-defined]

    def details(self, r: SpecialView) -> str:
        return _rows(
            [
                (self.tr("Title"), r.title),
                (self.tr("Problem category"), r.category),
                (self.tr("Requirement"), r.requirement),
                (self.tr("Deadline"), f"{r.deadline} {due_label(self._due.get(r.id))}".strip()),
                (self.tr("Cases"), str(len(r.case_ids))),
                (self.tr("Units"), "、".join(r.units)),
                (self.tr("Rectification items"), str(len(r.items))),
                (self.tr("Progress"), r.progress),
                (self.tr("Status"), special_status_label(r.status)),
                (self.tr("Opened by"), r.created_by),
            ]
        )

    def open_create(self) -> None:
        """The problem ranking is counted on the worker, then the form opens."""
        from reviewdesk.services import special

        ws, campaign = self.ws, self.page.campaign
        if ws is None or campaign is None:
            return
        self.page._run(
            lambda: special.ranking(ws, campaign),
            self.tr("Counting the problems…"),
            lambda ranking: self._show_create(ws, campaign, ranking),
        )

    def _show_create(self, ws: OpenWorkspace, campaign: str, ranking: Any) -> None:
        from ui.dialogs.followup_forms import SpecialForm, open_form

        self.form = open_form(
            SpecialForm(ws, campaign, ranking, self),
            self.form_saved(self.tr("The special rectification was opened.")),
        )
