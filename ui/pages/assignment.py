"""Panels (组建评查组): choose the cases, draw the panels with recusal, check them, save, and change them later.

Everything the page decides goes through the core's services (selection, assignment, recusal); the page
shows a draw as a preview first and saves exactly that draw (the service refuses a preview that went stale).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ui.dialogs.reason import ReasonDialog
from ui.i18n import bilingual, error_text
from ui.models.panels import FindingsModel, MembersModel, PanelRow, PanelsModel, finding_rows
from ui.pages.base import Page
from ui.qt import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.campaign_combo import CampaignCombo
from ui.widgets.common import BusyBar, MessageLine, confirm, fit_columns, heading, note, row_table, select_row
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.services.assignment import MemberInfo, PanelView, Proposal
    from reviewdesk.services.campaigns import CampaignInfo
    from reviewdesk.services.recusal import RecusalReport
    from reviewdesk.workspace import OpenWorkspace
    from ui.models.panels import FindingRow


@dataclass(frozen=True)
class _Opening:
    """What the page shows first: the campaigns, the one to open on, and its saved panels."""

    campaigns: list[CampaignInfo]
    index: int
    saved: list[PanelView] | None
    chosen: int


def _opening(ws: OpenWorkspace, followed: str | None) -> _Opening:
    """On the worker: open on the session's campaign, else on the first campaign that has cases chosen (the
    newest may still be empty)."""
    from reviewdesk.services import campaigns, selection

    rows = campaigns.list_campaigns(ws)
    counts = selection.chosen_counts(ws)
    ids = [c.id for c in rows]
    index = ids.index(followed) if followed in ids else next((n for n, c in enumerate(rows) if counts.get(c.id)), 0)
    if not rows:
        return _Opening(rows, 0, None, 0)
    saved, chosen = _saved_panels(ws, rows[index].id)
    return _Opening(rows, index, saved, chosen)


def _saved_panels(ws: OpenWorkspace, campaign_id: str) -> tuple[list[PanelView], int]:
    """On the worker: the saved panels and how many cases are chosen."""
    from reviewdesk.services import panel_views, selection

    return panel_views.panels(ws, campaign_id), selection.chosen_counts(ws).get(campaign_id, 0)


class AssignmentPage(Page):
    key = "assignment"
    help_anchor = "draw"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.admin = ws.actor.role.value == "admin"
        self.proposal: Proposal | None = None  # the draw on screen, not yet saved
        self._job: Any = None

        self.campaign = CampaignCombo(lambda: self.refresh())
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("empty: a new random seed"))
        self.seed.setToolTip(self.tr("The same seed with the same cases and experts gives the same panels."))
        self.select_button = QPushButton(self.tr("&Choose cases…"))
        self.draw_button = QPushButton(self.tr("&Draw panels (preview)"))
        self.save_button = QPushButton(self.tr("&Save these panels"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.select_button.clicked.connect(self.choose_cases)
        self.draw_button.clicked.connect(self.draw)
        self.save_button.clicked.connect(self.save)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.campaign.caption)
        top.addWidget(self.campaign, 1)
        top.addWidget(self.select_button)
        top.addWidget(QLabel(self.tr("Seed:")))
        top.addWidget(self.seed)
        top.addWidget(self.draw_button)
        top.addWidget(self.save_button)
        top.addWidget(self.refresh_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.busy = BusyBar()
        self.panels = PanelsModel(self)
        self.table = row_table(self.panels)
        # Column widths from the first 200 rows, not from all 5,000 of a large campaign.
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.verticalHeader().setResizeContentsPrecision(200)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_case())

        self.members = MembersModel(self)
        self.members_table = row_table(self.members)
        self.members_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        self.replace_button = QPushButton(self.tr("&Replace (recusal)…"))
        self.change_button = QPushButton(self.tr("C&hange member…"))
        self.replace_button.clicked.connect(self.replace_member)
        self.change_button.clicked.connect(self.change_member)
        panel_tab = QWidget()
        panel_layout = QVBoxLayout(panel_tab)
        panel_layout.addWidget(self.problems)
        panel_layout.addWidget(self.members_table, 1)
        panel_buttons = QHBoxLayout()
        panel_buttons.addWidget(self.replace_button)
        panel_buttons.addWidget(self.change_button)
        panel_buttons.addStretch(1)
        panel_layout.addLayout(panel_buttons)

        self.findings = FindingsModel(self)
        self.findings_table = row_table(self.findings)
        self.findings_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.handler_flags = QLabel()
        self.handler_flags.setWordWrap(True)
        self.declare_button = QPushButton(self.tr("Record a recusal &matter…"))
        self.declare_button.clicked.connect(self.declare)
        self.confirm_button = QPushButton(self.tr("C&onfirm recusal…"))
        self.clear_button = QPushButton(self.tr("C&lear…"))
        self.confirm_button.clicked.connect(lambda: self.decide("confirmed"))
        self.clear_button.clicked.connect(lambda: self.decide("cleared"))
        recusal_tab = QWidget()
        recusal_layout = QVBoxLayout(recusal_tab)
        recusal_layout.addWidget(
            note(
                self.tr(
                    "Experts who may not sit on this case, and why. A name-only match waits for your decision: "
                    "confirm it (the expert is excluded) or clear it (the expert may sit). Every decision is logged."
                )
            )
        )
        recusal_layout.addWidget(self.findings_table, 1)
        recusal_layout.addWidget(self.handler_flags)
        decide_buttons = QHBoxLayout()
        decide_buttons.addWidget(self.confirm_button)
        decide_buttons.addWidget(self.clear_button)
        decide_buttons.addStretch(1)
        decide_buttons.addWidget(self.declare_button)
        recusal_layout.addLayout(decide_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(panel_tab, self.tr("Panel"))
        self.tabs.addTab(recusal_tab, self.tr("Recusal"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Panels"), 1.4))
        layout.addWidget(
            note(
                self.tr(
                    "Choose the cases of the campaign, then draw a panel for each: nobody with a conflict sits on "
                    "a panel, at most one member comes from a unit, at least one member knows the case type, "
                    "and loads stay even. Check the draw, then save it."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        for widget in (self.select_button, self.save_button, self.replace_button, self.change_button,
                       self.confirm_button, self.clear_button, self.declare_button, self.seed, self.draw_button):
            widget.setVisible(self.admin)
        self._loaded = False
        self._update_buttons()

    # -- data ----------------------------------------------------------------------------------------------
    # Reads run on the worker (Page.load_in_background): a 5,000-case campaign opens without holding the window.
    def activate(self) -> None:
        if not self._loaded and not self.is_loading():
            self._load_campaigns()

    def _load_campaigns(self) -> None:
        self.load_in_background(lambda ws: _opening(ws, self.campaign.followed), self._show_opening, self._read_failed, kind="panels")

    def _show_opening(self, opening: _Opening) -> None:
        self._loaded = True
        self.campaign.fill(((c.id, f"{c.id}  {c.name}") for c in opening.campaigns), start=opening.index)
        if opening.saved is None:
            self.panels.clear()
            self._update_buttons()
        else:
            self._show_saved((opening.saved, opening.chosen), None)

    def _read_failed(self, err: BaseException) -> None:
        self.message.show_error(error_text(err))

    def campaign_id(self) -> str | None:
        value = self.campaign.currentData()
        return str(value) if value else None

    def refresh(self, select_case: int | None = None) -> None:
        """Show the saved panels of the campaign (a preview on screen is dropped)."""
        campaign_id = self.campaign_id()
        self.proposal = None
        if self.ws is None or campaign_id is None:
            self.forget_load("panels")
            self.panels.clear()
            self._update_buttons()
            return
        self.load_in_background(
            lambda ws: _saved_panels(ws, campaign_id), lambda got: self._show_saved(got, select_case),
            self._read_failed, kind="panels",
        )

    def _show_saved(self, got: tuple[list[PanelView], int], select_case: int | None) -> None:
        saved, chosen = got
        self.panels.set_rows([PanelRow.saved(v) for v in saved])
        fit_columns(self.table)
        if not chosen:
            text = self.tr("No cases are chosen for this campaign yet. Press “Choose cases…” to draw or pick them.")
        elif not saved:
            text = self.tr("{cases} cases chosen; no panels saved yet. Press “Draw panels” to see a draw.").format(cases=chosen)
        else:
            text = self.tr("{cases} cases chosen; {panels} panels saved.").format(cases=chosen, panels=len(saved))
        self.summary.setText(text)
        self._reselect(select_case)

    def _reselect(self, case_id: int | None) -> None:
        row = self.panels.row_of(case_id) if case_id is not None else -1
        select_row(self.table, row if row >= 0 else 0)
        self._show_case()

    def selected_row(self) -> PanelRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.panels.row_at(rows[0].row()) if rows else None

    def _show_case(self) -> None:
        row = self.selected_row()
        if row is None:
            self.forget_load("findings")
            self.members.clear()
            self.findings.clear()
            self.problems.clear()
            self.handler_flags.clear()
            self._update_buttons()
            return
        self.members.set_rows([*row.members, *row.backups])
        fit_columns(self.members_table)
        self.problems.setText("\n".join(bilingual(p.message, p.message_zh) for p in row.problems))
        self._load_findings(row)
        self._update_buttons()

    def _load_findings(self, row: PanelRow) -> None:
        campaign_id = self.campaign_id()

        def fetch(ws: OpenWorkspace) -> RecusalReport:
            from reviewdesk.services import recusal

            return recusal.check(ws, str(row.case.id), campaign_id=campaign_id)

        def failed(err: BaseException) -> None:
            self.findings.clear()
            self.message.show_error(error_text(err))

        self.load_in_background(fetch, self._show_findings, failed, kind="findings")

    def _show_findings(self, report: RecusalReport) -> None:
        self.findings.set_rows(finding_rows(report.experts))
        fit_columns(self.findings_table)
        flags = [bilingual(f.evidence, f.evidence_zh) for f in report.handler_flags]
        self.handler_flags.setText(
            self.tr("Handlers with interests in a party (for the office to look into): {flags}").format(flags="；".join(flags))
            if flags else ""
        )
        self._update_buttons()

    def selected_member(self) -> MemberInfo | None:
        rows = self.members_table.selectionModel().selectedRows()
        member = self.members.row_at(rows[0].row()) if rows else None
        return member if member is not None and member.role else None  # backups are not members

    def selected_finding(self) -> FindingRow | None:
        rows = self.findings_table.selectionModel().selectedRows()
        return self.findings.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        busy = self._job is not None
        row = self.selected_row()
        saved = row is not None and row.status == "saved"
        self.draw_button.setEnabled(not busy and self.campaign_id() is not None)
        self.select_button.setEnabled(not busy and self.campaign_id() is not None)
        self.save_button.setEnabled(not busy and self.proposal is not None)
        member = self.selected_member()
        self.replace_button.setEnabled(not busy and saved and member is not None)
        self.change_button.setEnabled(not busy and saved and member is not None)
        finding = self.selected_finding()
        pending = finding is not None and not finding.item.finding.hard
        self.declare_button.setEnabled(not busy and row is not None)
        self.confirm_button.setEnabled(not busy and pending)
        self.clear_button.setEnabled(not busy and pending)

    def teardown(self) -> None:
        self.proposal = None
        for model in (self.panels, self.members, self.findings):
            model.clear()
        self.summary.clear()
        self.problems.clear()
        self.handler_flags.clear()
        self.message.clear_message()
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or self.panels.rowCount() > 0 or self.proposal is not None

    # -- choosing cases ------------------------------------------------------------------------------------
    def choose_cases(self) -> None:
        if self.ws is None:
            return
        from ui.dialogs.selection import SelectionDialog

        dialog = SelectionDialog(self.ws, self.campaign_id(), self)
        dialog.selection_changed.connect(lambda _campaign: self.refresh())
        dialog.open()

    # -- drawing and saving --------------------------------------------------------------------------------
    def _start(self, fn: Any, on_done: Any, text: str) -> None:
        self.forget_load("panels")  # what the draw or save shows replaces the saved panels being read
        self.message.clear_message()
        self.busy.start(text)

        def finished(result: object) -> None:
            self._job = None
            self.busy.stop()
            on_done(result)
            self._update_buttons()

        def failed(err: BaseException) -> None:
            self._job = None
            self.busy.stop()
            self.message.show_error(error_text(err))
            self._update_buttons()

        self._job = run_job(fn, self, finished, failed)
        self._update_buttons()

    def draw(self) -> None:
        campaign_id = self.campaign_id()
        if self.ws is None or campaign_id is None:
            return
        from reviewdesk.services import assignment

        ws, seed = self.ws, self.seed.text().strip() or None
        # A draw that ends after the session moved to another campaign must not be saved under that one.
        self._start(lambda: assignment.propose(ws, campaign_id, seed=seed),
                    lambda p: self._drawn(p) if self.campaign_id() == campaign_id else self.refresh(),
                    self.tr("Drawing panels…"))

    def _drawn(self, proposal: object) -> None:
        self.proposal = proposal  # type: ignore[assignment]
        p = self.proposal
        assert p is not None
        self.seed.setText(str(p.params.get("seed", "")))
        self.panels.set_rows([PanelRow.drawn(c) for c in p.panels])
        fit_columns(self.table)
        failing = len(p.unstaffed) + len(p.unmet)
        text = self.tr("Preview (not saved): {cases} cases, seed {seed}.").format(cases=len(p.panels), seed=p.params.get("seed"))
        if failing:
            text += " " + self.tr("{n} cases have no full panel; select them to see why.").format(n=failing)
        for why in p.proofs:
            text += "\n" + self.tr("Impossible, proven by the solver: {reason}").format(reason=bilingual(why.message, why.message_zh))
        if p.search.get("proven") is False:
            text += "\n" + self.tr(
                "Not proven: the exact search reached its time limit. This is the best draw it found, but a draw "
                "meeting more requirements or with more even loads may exist."
            )
        self.summary.setText(text)
        self._reselect(None)

    def save(self) -> None:
        campaign_id, p = self.campaign_id(), self.proposal
        if self.ws is None or campaign_id is None or p is None:
            return
        failing = len(p.unstaffed) + len(p.unmet)
        text = self.tr("Save the {n} panels on screen? Panels saved earlier for this campaign are replaced.").format(n=len(p.panels) - len(p.unstaffed))
        detail = self.tr("{n} cases stay without a full panel; you can staff them by hand afterwards.").format(n=failing) if failing else None
        pending = self._pending_text(campaign_id, [c.case.id for c in p.panels])
        if pending:
            text += "\n\n" + pending
        confirm(self, self.tr("Save panels"), text, self.tr("Save"), lambda: self._save(campaign_id, p, bool(failing)), detail=detail)

    def _pending_text(self, campaign_id: str, case_ids: list[int]) -> str:
        """Name the findings still 待决定 on these cases: their experts were left out only for want of a decision."""
        from reviewdesk.services import recusal

        try:
            open_findings = recusal.pending_findings(self.ws, campaign_id, case_ids)  # type: ignore[arg-type]
        except Exception as err:
            return error_text(err)
        if not open_findings:
            return ""
        shown = 6
        lines = [
            self.tr("{case}: {expert} — {evidence}").format(
                case=f.case_external_id, expert=f.expert_name, evidence=bilingual(f.evidence, f.evidence_zh)
            )
            for f in open_findings[:shown]
        ]
        if len(open_findings) > shown:
            lines.append(self.tr("… and {n} more.").format(n=len(open_findings) - shown))
        return self.tr(
            "{n} recusal findings are still awaiting your decision. Until you confirm or clear them, these experts "
            "stay off these cases (the draw left them out):"
        ).format(n=len(open_findings)) + "\n" + "\n".join(lines)

    def _save(self, campaign_id: str, p: Proposal, partial: bool) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import assignment

        ws, params = self.ws, p.params

        def run() -> object:
            return assignment.apply(
                ws, campaign_id, panel_size=int(params["panel_size"]), seed=str(params["seed"]),  # type: ignore[call-overload]
                max_load=params.get("max_load"), expect=p.fingerprint, allow_partial=partial,  # type: ignore[arg-type]
                preview=p,  # unchanged inputs: these very panels are saved, without drawing again
            )

        self._start(run, self._saved, self.tr("Saving panels…"))

    def _saved(self, proposal: object) -> None:
        self.refresh()
        self.message.show_ok(self.tr("Panels saved. Every member was checked for conflicts again before saving."))

    # -- changes after the draw ----------------------------------------------------------------------------
    def replace_member(self) -> None:
        row, member = self.selected_row(), self.selected_member()
        if self.ws is None or row is None or member is None:
            return
        dialog = ReasonDialog(
            self.tr("Replace a member"),
            self.tr("{name} leaves the panel of case {case}; the best backup who is still free of conflicts takes the place.").format(
                name=member.name, case=row.case.external_id
            ),
            self.tr("Replace"),
            lambda reason, _v: self._replace(row, member, reason),
            self,
        )
        dialog.open()

    def _replace(self, row: PanelRow, member: MemberInfo, reason: str) -> None:
        from reviewdesk.services import assignment

        self._panel_change(row, lambda ws, cid: assignment.replace(ws, cid, str(row.case.id), str(member.expert_id), reason))

    def change_member(self) -> None:
        row, member = self.selected_row(), self.selected_member()
        if self.ws is None or row is None or member is None:
            return
        from reviewdesk.services import experts

        try:
            pool = experts.list_experts(self.ws)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        on_panel = {m.expert_id for m in row.members}
        choices = [(f"{e.external_id}  {e.name}  {e.unit_name}", e.id) for e in pool if e.id not in on_panel and e.available]
        dialog = ReasonDialog(
            self.tr("Change a member"),
            self.tr("Put another expert in place of {name} on the panel of case {case}. The expert is checked for conflicts and the one-per-unit rule first.").format(
                name=member.name, case=row.case.external_id
            ),
            self.tr("Change"),
            lambda reason, expert_id: self._change(row, member, expert_id, reason),
            self,
            choices=choices,
            choice_label=self.tr("Expert to put in:"),
        )
        dialog.open()

    def _change(self, row: PanelRow, member: MemberInfo, expert_id: object, reason: str) -> None:
        from reviewdesk.services import assignment

        self._panel_change(
            row, lambda ws, cid: assignment.change_member(ws, cid, str(row.case.id), str(member.expert_id), str(expert_id), reason)
        )

    def _panel_change(self, row: PanelRow, call: Any) -> None:
        campaign_id = self.campaign_id()
        if self.ws is None or campaign_id is None:
            return
        try:
            call(self.ws, campaign_id)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.refresh(select_case=row.case.id)
        self.message.show_ok(self.tr("Panel of case {case} changed; the change and its reason are on record.").format(case=row.case.external_id))

    def decide(self, decision: str) -> None:
        row, finding = self.selected_row(), self.selected_finding()
        if self.ws is None or row is None or finding is None:
            return
        confirmed = decision == "confirmed"
        dialog = ReasonDialog(
            self.tr("Confirm recusal") if confirmed else self.tr("Clear the finding"),
            (self.tr("{name} will not sit on case {case}.") if confirmed else self.tr("{name} may sit on case {case} despite this finding.")).format(
                name=finding.expert_name, case=row.case.external_id
            ),
            self.tr("Confirm") if confirmed else self.tr("Clear"),
            lambda reason, _v: self._decide(row, finding, decision, reason),
            self,
        )
        dialog.open()

    def declare(self) -> None:
        row = self.selected_row()
        if self.ws is None or row is None:
            return
        from reviewdesk.services import experts
        from ui.dialogs.declaration import DeclarationDialog

        try:
            pool = experts.list_experts(self.ws)
        except Exception as err:
            self.message.show_error(error_text(err))
            return

        def saved() -> None:
            self._load_findings(row)
            self.message.show_ok(self.tr("Recorded. Draw the panels again, or replace the member, for it to count."))

        DeclarationDialog(self.ws, str(row.case.id), row.case.external_id, pool, saved, self).open()

    def _decide(self, row: PanelRow, finding: FindingRow, decision: str, reason: str) -> None:
        if self.ws is None:
            return
        from reviewdesk.services import recusal

        f = finding.item.finding
        try:
            recusal.decide(self.ws, str(row.case.id), str(finding.expert_id), f.rule_id, f.evidence_key, decision, reason)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self._load_findings(row)
        self._update_buttons()
        self.message.show_ok(self.tr("Decision recorded. Draw the panels again for it to count."))
