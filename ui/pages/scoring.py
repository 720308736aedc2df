"""评分: an expert's own cases and, for the chosen case, the score sheet, the deliberation and the interviews.
The office and observers see who has scored what (scores themselves are entered only by panel members).

Who may see which sheet is decided by reviewdesk.services.scoring (blindness); the page only shows what the
services return and sends what the expert typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reviewdesk.scoring.sheet import Problem, SheetInvalid
from ui.dialogs.certify import CertifyDialog
from ui.dialogs.reason import ReasonDialog
from ui.i18n import bilingual, error_text
from ui.models.scoring import MemberSheet, MemberSheetsModel, MyCasesModel, PanelCase, PanelCasesModel
from ui.pages.base import Page
from ui.qt import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.campaign_combo import CampaignCombo
from ui.widgets.common import BusyBar, MessageLine, confirm, fit_columns, heading, note, row_table, select_row
from ui.widgets.deliberation_view import DeliberationPanel
from ui.widgets.evidence_links import open_at_page
from ui.widgets.interviews_panel import InterviewsPanel
from ui.widgets.score_form import ScoreForm
from ui.widgets.screen_fit import remember_splitter, rows_tall
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.casefiles.evidence import Resolved
    from reviewdesk.scoring.rubric import Item
    from reviewdesk.services.scoring import MyCase, SheetView
    from reviewdesk.workspace import OpenWorkspace
    from ui.widgets.document_viewer import DocumentViewerDialog


class ScoringPage(Page):
    key = "scoring"
    help_anchor = "scoring"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.expert_mode = ws.actor.role.value == "expert"
        self.sheet_view: SheetView | None = None
        self._job: Any = None
        self._loaded = False
        self._shown: tuple[str, int] | None = None  # (campaign, case) on the score tab
        self._campaign: str | None = None  # the session's campaign: an expert's cases are those of it
        self.viewers: list[DocumentViewerDialog] = []  # documents opened from evidence links
        self.message = MessageLine()
        self.busy = BusyBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Scoring"), 1.4))
        if self.expert_mode:
            self._build_expert(layout)
        else:
            self._build_office(layout)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)

    # -- building ----------------------------------------------------------------------------------------------
    def _build_expert(self, layout: QVBoxLayout) -> None:
        layout.addWidget(note(self.tr(
            "The cases of your panels. Choose a case, confirm the recusal statement once, then fill the score "
            "sheet: a deduction needs a reason and where in the file you found it (e.g. 卷1第23页). "
            "Save a draft at any time; once submitted, the sheet is locked."
        )))
        self.cases = MyCasesModel(self)
        self.cases_table = row_table(self.cases)
        self.cases_table.selectionModel().selectionChanged.connect(lambda *_: self._case_chosen())

        self.start_note = note("")
        self.start_button = QPushButton(self.tr("Read and confirm the recusal statement…"))
        self.start_button.setMinimumHeight(40)
        self.start_button.clicked.connect(self.start_certify)
        start = QWidget()
        start_layout = QVBoxLayout(start)
        start_layout.addWidget(self.start_note)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        start_layout.addLayout(start_row)
        start_layout.addStretch(1)
        self.form = ScoreForm()
        self.form.save_button.clicked.connect(self.save_draft)
        self.form.submit_button.clicked.connect(self.submit)
        self.form.amend_button.clicked.connect(self.begin_amend)
        self.form.amend_submit_button.clicked.connect(self.submit_amend)
        self.form.amend_cancel_button.clicked.connect(self._show_case)
        self.form.problems_changed.connect(self._problems_changed)
        self.form.open_page.connect(self.open_page)
        self._problems_shown = False  # the message line names a problem of the sheet
        self.score_stack = QStackedWidget()
        self.score_stack.addWidget(start)
        self.score_stack.addWidget(self.form)

        self.deliberation = DeliberationPanel(self.ws)
        self.deliberation.open_page.connect(self.open_page)
        self.interviews = InterviewsPanel(self.ws)
        # The interview editor offers the panel's members as interviewers.
        self.deliberation.members_loaded.connect(self.interviews.set_member_names)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.score_stack, self.tr("Score sheet"))
        self.tabs.addTab(self.deliberation, self.tr("Deliberation"))
        self.tabs.addTab(self.interviews, self.tr("Interview records"))

        cases_box = QWidget()
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.setContentsMargins(0, 0, 0, 0)
        cases_layout.addWidget(heading(self.tr("My cases"), 1.15))
        cases_layout.addWidget(self.cases_table, 1)
        rows_tall(self.cases_table, 2)  # the splitter starts taller; this is how far it squeezes
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(cases_box)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        remember_splitter(splitter, "scoring.expert", self.ws.actor.username, [190, 420])
        layout.addWidget(splitter, 1)
        self._show_case()

    def _build_office(self, layout: QVBoxLayout) -> None:
        layout.addWidget(note(self.tr(
            "Scores are entered by the panel members on their own accounts. Here you see, for each case, "
            "whose sheet is submitted, still a draft, or not started."
        )))
        self.campaign = CampaignCombo(lambda: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.campaign.caption)
        top.addWidget(self.campaign, 1)
        top.addStretch(0)  # buttons keep their size once the box is bound to the header (hidden)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.panel_cases = PanelCasesModel(self)
        self.panel_table = row_table(self.panel_cases)
        self.panel_table.selectionModel().selectionChanged.connect(lambda *_: self._show_sheets())
        self.member_sheets = MemberSheetsModel(self)
        self.sheets_table = row_table(self.member_sheets)
        self.sheets_table.setToolTip(self.tr("Double-click a member to read their score sheet."))
        self.sheets_table.activated.connect(lambda _index: self.open_member_sheet())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.panel_table)
        splitter.addWidget(self.sheets_table)
        remember_splitter(splitter, "scoring.office", self.ws.actor.username, [520, 480])
        layout.addWidget(splitter, 1)
        self._panels: dict[int, list[Any]] = {}
        self._rubric_decimals: dict[tuple[str, int], int] = {}

    # -- loading -----------------------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            if self.expert_mode:
                self.refresh()
            else:
                self._load_campaigns()

    def follow_campaign(self, campaign_id: str | None) -> None:
        if not self.expert_mode:
            super().follow_campaign(campaign_id)
            return
        if campaign_id != self._campaign:
            self._campaign = campaign_id
            if self._loaded:
                self.refresh()

    def refresh(self, keep: tuple[str, int] | None = None) -> None:
        if self.ws is None:
            return
        if not self.expert_mode:
            self._refresh_office()
            return
        from reviewdesk.services import scoring

        current = self.selected_case()
        if keep is None and current is not None:
            keep = (current.campaign_id, current.case_id)
        try:
            rows = [c for c in scoring.my_cases(self.ws) if self._campaign in (None, c.campaign_id)]
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.cases.set_rows(rows)
        fit_columns(self.cases_table)
        self.cases_table.resizeRowsToContents()  # the case cell has two lines: its id and its number
        row = self.cases.row_of(*keep) if keep is not None else -1
        select_row(self.cases_table, row if row >= 0 else 0)
        self._show_case()

    def open_case(self, campaign_id: str, case_id: int, deliberation: bool = False) -> None:
        """Show one of the expert's cases (a task of the home page): its sheet, or its deliberation."""
        if not self.expert_mode:
            return
        self.activate()
        row = self.cases.row_of(campaign_id, case_id)
        if row >= 0:
            select_row(self.cases_table, row)
        self.tabs.setCurrentWidget(self.deliberation if deliberation else self.score_stack)
        if not deliberation and self.start_button.isVisible():
            self.start_button.setFocus()  # a declaration to sign: Enter opens it

    def selected_case(self) -> MyCase | None:
        if not self.expert_mode:
            return None
        rows = self.cases_table.selectionModel().selectedRows()
        return self.cases.row_at(rows[0].row()) if rows else None

    def _case_chosen(self) -> None:
        """Another case was picked: keep unsaved edits unless the expert agrees to drop them."""
        case = self.selected_case()
        key = (case.campaign_id, case.case_id) if case is not None else None
        if key == self._shown or not self.form.is_dirty() or self._shown is None:
            self._show_case()
            return
        previous = self.cases.row_of(*self._shown)
        self.cases_table.selectionModel().blockSignals(True)
        select_row(self.cases_table, previous)
        self.cases_table.selectionModel().blockSignals(False)
        self.cases_table.viewport().update()

        def drop() -> None:
            self.form.clear()
            row = self.cases.row_of(*key) if key is not None else -1
            select_row(self.cases_table, row)  # the form is empty now, so this opens the case

        confirm(
            self, self.tr("Unsaved changes"),
            self.tr("The score sheet has changes that are not saved. Drop them and open the other case?"),
            self.tr("Drop the changes"), drop,
        )

    def _show_case(self) -> None:
        """Show the chosen case: the statement prompt before certification, otherwise the sheet."""
        case = self.selected_case()
        self._shown = (case.campaign_id, case.case_id) if case is not None else None
        self._problems_shown = False
        self.sheet_view = None
        self.form.amending = False
        for panel in (self.deliberation, self.interviews):
            if case is None:
                panel.clear()
            else:
                panel.show_case(case.case_id, case.campaign_id)
        if case is None or self.ws is None:
            self.form.clear()
            self.start_note.setText(
                self.tr("Choose a case.") if self.cases.rowCount() else
                self.tr("You are on no panel of this campaign. Choose another campaign at the top of the window.")
                if self._campaign else self.tr("You are not on any panel yet.")
            )
            self.start_button.hide()
            self.score_stack.setCurrentIndex(0)
            return
        if case.status == "uncertified":
            self.form.clear()
            self.start_note.setText(self.tr(
                "Before you score case {case}, read the recusal statement and confirm that no ground for "
                "recusal applies to you."
            ).format(case=case.external_id))
            self.start_button.show()
            self.score_stack.setCurrentIndex(0)
            return
        from reviewdesk.services import rubrics, scoring

        try:
            view = scoring.sheet(self.ws, case.case_id, campaign_id=case.campaign_id)
            rubric = rubrics.rubric_detail(self.ws, view.rubric_code, view.rubric_version).rubric
            bands = rubrics.grading(self.ws, case.campaign_id).bands
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.sheet_view = view
        self.form.load(rubric, bands, view)
        self._load_evidence(case)
        if view.status == "submitted":
            self.form.status.setText(self.tr(
                "Submitted (version {version}). The sheet is locked; to change it, amend it with a reason."
            ).format(version=view.version))
        else:
            self.form.status.setText(self.tr("Draft: only you can see it until you submit."))
        self.score_stack.setCurrentIndex(1)

    def _load_evidence(self, case: MyCase) -> None:
        """The case file's layout (references become links) and the expert's reading marks of the case (offered
        as evidence). Without them the sheet still works: references are then not checked."""
        from reviewdesk.errors import ReviewDeskError
        from reviewdesk.services import evidence, reading_marks

        if self.ws is None:
            return
        try:
            files = evidence.file_layout(self.ws, case.case_id)
            marks = reading_marks.my_marks(self.ws, case_id=case.case_id)
        except ReviewDeskError as err:
            self.message.show_error(error_text(err))
            return
        self.form.set_evidence(files, marks)

    def open_page(self, document_id: int, page: int) -> None:
        """A reference link: the document in the viewer, at the page. A mark made there is offered as
        evidence at once."""
        if self.ws is not None:
            dialog = open_at_page(self.ws, document_id, page, self, self.viewers)
            if dialog.marks_panel is not None:
                dialog.marks_panel.marks_changed.connect(self._marks_changed)

    def _marks_changed(self) -> None:
        case = self.selected_case()
        if case is not None and self.sheet_view is not None and case.case_id == self.sheet_view.case_id:
            self._load_evidence(case)

    def unresolved_warning(self, found: list[tuple[Item, Resolved]]) -> str:
        """What the expert is told before submitting a sheet whose evidence names pages the file lacks."""
        lines = [self.tr("The evidence of these items names pages the case file in ReviewDesk does not hold:")]
        for item, r in found[:10]:
            lines.append(self.tr("• Item {code} “{text}”: {reference}, page {page} of volume {volume}: {problem}").format(
                code=item.code, text=item.text, reference=r.text, page=r.volume_page, volume=r.volume,
                problem=bilingual(r.problem, r.problem_zh)))
        if len(found) > 10:
            lines.append(self.tr("… and {count} more.").format(count=len(found) - 10))
        lines.append(self.tr(
            "Check the volume and page numbers (Cancel, then correct the evidence). If they are right (for "
            "example the page is in a paper file the package did not carry), you may submit as it is."))
        return "\n".join(lines)

    # -- certification -----------------------------------------------------------------------------------------
    def start_certify(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        from reviewdesk.services import scoring

        label = f"{case.external_id}  {case.title}"
        dialog = CertifyDialog(scoring.recusal_statement(), label, lambda: self._certify(case), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _certify(self, case: MyCase) -> None:
        from reviewdesk.services import scoring

        ws = self.ws
        if ws is None:
            return
        self._run(
            lambda: scoring.certify(ws, case.case_id, case.campaign_id),
            self.tr("Recording the statement…"),
            lambda _v: self._after(case, self.tr("Statement confirmed. You can now fill the score sheet.")),
        )

    # -- sheet actions -----------------------------------------------------------------------------------------
    def save_draft(self) -> None:
        case = self.selected_case()
        ws = self.ws
        if case is None or ws is None:
            return
        from reviewdesk.services import scoring

        entries, comment = self.form.entries(), self.form.comment_text()
        self._run(
            lambda: scoring.save_draft(ws, case.case_id, entries, comment, campaign_id=case.campaign_id),
            self.tr("Saving the draft…"),
            lambda _v: self._after(case, self.tr("Draft saved.")),
        )

    def _check_complete(self) -> bool:
        """Refuse early, naming the first problem and putting the cursor in its field."""
        found = self.form.missing()
        if found:
            self._show_problems(found)
            return False
        return True

    def submit(self) -> None:
        case = self.selected_case()
        ws = self.ws
        if case is None or ws is None or not self._check_complete():
            return
        from reviewdesk.services import scoring

        entries, comment = self.form.entries(), self.form.comment_text()

        def go() -> None:
            self._run(
                lambda: scoring.submit(ws, case.case_id, entries, comment, campaign_id=case.campaign_id),
                self.tr("Submitting…"),
                lambda _v: self._after(case, self.tr("Sheet submitted and locked.")),
            )

        question = self.tr("Submit the sheet for case {case}? Total {total}. After submitting, the sheet is "
                           "locked: a change needs an amendment with a reason, which is kept on record.").format(
            case=case.external_id, total=self.form.total_text())
        unresolved = self.form.unresolved_references()
        if unresolved:  # a warning, not a refusal: the expert may cite pages the store does not hold
            confirm(self, self.tr("Evidence not found in the case file"), self.unresolved_warning(unresolved),
                    self.tr("Submit anyway"), go, detail=question)
            return
        confirm(self, self.tr("Submit the score sheet"), question, self.tr("Submit"), go)

    def begin_amend(self) -> None:
        self.form.set_read_only(False, amending=True)
        self.message.show_ok(self.tr("Change the sheet, then press “Submit amendment…” and give the reason."))

    def submit_amend(self) -> None:
        case = self.selected_case()
        if case is None or self.ws is None or not self._check_complete():
            return
        unresolved = self.form.unresolved_references()
        if unresolved:
            confirm(self, self.tr("Evidence not found in the case file"), self.unresolved_warning(unresolved),
                    self.tr("Continue"), lambda: self._ask_amend_reason(case))
            return
        self._ask_amend_reason(case)

    def _ask_amend_reason(self, case: MyCase) -> None:
        dialog = ReasonDialog(
            self.tr("Amend the score sheet"),
            self.tr("Why is the submitted sheet changed? The earlier version and this reason are kept."),
            self.tr("Amend"),
            lambda reason, _choice: self._amend(case, reason),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _amend(self, case: MyCase, reason: str) -> None:
        from reviewdesk.services import scoring

        ws = self.ws
        if ws is None:
            return
        entries, comment = self.form.entries(), self.form.comment_text()
        self._run(
            lambda: scoring.amend(ws, case.case_id, entries, reason, comment, campaign_id=case.campaign_id),
            self.tr("Saving the amendment…"),
            lambda _v: self._after(case, self.tr("Amendment saved; the earlier version is kept.")),
        )

    # -- plumbing ----------------------------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], caption: str, on_done: Callable[[Any], None]) -> None:
        if self._job is not None:
            return
        self.message.clear_message()
        self.busy.start(caption)
        self.form.set_busy(True)

        def done(value: Any) -> None:
            self._finish()
            on_done(value)

        def failed(err: BaseException) -> None:
            self._finish()
            if isinstance(err, SheetInvalid):
                self._show_problems(err.problems)
            else:
                self.message.show_error(error_text(err))

        self._job = run_job(fn, self, done, failed)

    def _finish(self) -> None:
        self._job = None
        self.busy.stop()
        self.form.set_busy(False)

    def _after(self, case: MyCase, text: str) -> None:
        self._problems_shown = False
        self.refresh(keep=(case.campaign_id, case.case_id))
        self.message.show_ok(text)

    def _problems_changed(self, count: int) -> None:
        """The expert edited the sheet: the red message follows (fixed problems no longer listed)."""
        if not self._problems_shown:
            return
        if count == 0:
            self._problems_shown = False
            self.message.clear_message()
        else:
            self._problem_message(self.form.missing())

    def _show_problems(self, found: list[Problem]) -> None:
        self.form.mark(found)
        self._problem_message(found)
        self.form.focus_problem(found[0])
        self._problems_shown = True

    def _problem_message(self, found: list[Problem]) -> None:
        first = found[0]
        text = self.tr("Item {code} “{text}”: {problem}").format(
            code=first.code, text=first.text, problem=bilingual(first.message, first.message_zh))
        if len(found) > 1:
            text += self.tr(" (and {count} more marked in red)").format(count=len(found) - 1)
        self.message.show_error(text)

    def busy_now(self) -> bool:
        return self._job is not None

    # -- office view -------------------------------------------------------------------------------------------
    def _load_campaigns(self) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import campaigns

        try:
            rows = campaigns.list_campaigns(self.ws)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.campaign.fill((c.id, f"{c.id}  {c.name}") for c in rows)
        self.refresh()

    def _refresh_office(self) -> None:
        campaign_id = self.campaign.currentData()
        self.panel_cases.clear()
        self.member_sheets.clear()
        if self.ws is None or not campaign_id:
            return
        from reviewdesk.services import assignment

        try:
            saved = assignment.panels(self.ws, str(campaign_id))
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self._panels = {p.case.id: p.members for p in saved}
        self.panel_cases.set_rows([
            PanelCase(p.case.id, p.case.external_id, p.case.case_type, p.case.unit_name or p.case.unit, len(p.members))
            for p in saved
        ])
        fit_columns(self.panel_table)
        select_row(self.panel_table, 0)
        self._show_sheets()

    def _show_sheets(self) -> None:
        rows = self.panel_table.selectionModel().selectedRows()
        case = self.panel_cases.row_at(rows[0].row()) if rows else None
        campaign_id = self.campaign.currentData()
        if case is None or self.ws is None or not campaign_id:
            self.member_sheets.clear()
            return
        from reviewdesk.services import scoring

        try:
            sheets = {s.expert_external_id: s for s in scoring.sheets_for_case(self.ws, case.case_id, str(campaign_id))}
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        out = []
        for m in self._panels.get(case.case_id, []):
            s = sheets.get(m.external_id)
            # Observers are not shown drafts: for them a member without a visible sheet is "not submitted".
            status = s.status if s is not None else ("uncertified" if self._is_admin() else "not_submitted")
            out.append(MemberSheet(m.external_id, m.name, m.role, status, s.version if s else None,
                                   s.total if s else None, s.grade if s else None,
                                   self._decimals(s.rubric_code, s.rubric_version) if s else None))
        self.member_sheets.set_rows(out)
        fit_columns(self.sheets_table)

    def _decimals(self, code: str, version: int) -> int | None:
        """The decimals the rubric's sheets write points with (asked once per rubric version)."""
        if (code, version) not in self._rubric_decimals and self.ws is not None:
            from reviewdesk.errors import ReviewDeskError
            from reviewdesk.services import rubrics

            try:
                self._rubric_decimals[(code, version)] = rubrics.rubric_detail(self.ws, code, version).rubric.decimals()
            except ReviewDeskError:  # the total is still shown, without the sheet's decimals
                return None
        return self._rubric_decimals.get((code, version))

    def open_member_sheet(self) -> None:
        """The chosen member's sheet, read-only (the office and observers; blindness rules stay the service's)."""
        rows = self.sheets_table.selectionModel().selectedRows()
        member = self.member_sheets.row_at(rows[0].row()) if rows else None
        cases = self.panel_table.selectionModel().selectedRows()
        case = self.panel_cases.row_at(cases[0].row()) if cases else None
        campaign_id = self.campaign.currentData()
        if member is None or case is None or self.ws is None or not campaign_id:
            return
        if member.status in ("uncertified", "not_submitted"):
            self.message.show_error(self.tr("{name} has no sheet to read on this case yet.").format(name=member.name))
            return
        from ui.dialogs.member_sheet import MemberSheetDialog

        dialog = MemberSheetDialog(self.ws, str(campaign_id), case.case_id, member.external_id, member.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _is_admin(self) -> bool:
        return self.ws is not None and self.ws.actor.role.value == "admin"

    # -- lock --------------------------------------------------------------------------------------------------
    def teardown(self) -> None:
        for dialog in list(self.viewers):
            dialog.teardown()
            dialog.close()
        self.viewers.clear()
        if self.expert_mode:
            self.cases.clear()
            self.form.clear()
            self.sheet_view = None
            for panel in (self.deliberation, self.interviews):
                panel.clear()
        else:
            self.panel_cases.clear()
            self.member_sheets.clear()
            self._panels = {}
            self._rubric_decimals = {}
        super().teardown()

    def holds_data(self) -> bool:
        if any(v.viewer.holds_data() for v in self.viewers):
            return True
        if self.expert_mode:
            return super().holds_data() or self.cases.rowCount() > 0 or bool(self.form.rows)
        return super().holds_data() or self.panel_cases.rowCount() > 0 or self.member_sheets.rowCount() > 0
