"""The 合议 tab of a case: each member's total and grade, the statistics and flags, the sheets side by side,
and (for the panel leader or an admin, once everyone has submitted) the conclusion.

A member sees nothing of the others until their own sheet is submitted (blindness); the panel then says so and
shows nothing else.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewdesk.casefiles.evidence import FilePage
from reviewdesk.errors import PermissionDenied, ReviewDeskError
from reviewdesk.services import deliberation, evidence, reading_marks, rubrics, scoring
from ui.dialogs.conclusion import ConclusionDialog
from ui.i18n import error_text
from ui.models.deliberation import (
    CompareModel,
    MembersModel,
    compare_rows,
    flag_sentences,
    number,
    outcome_label,
)
from ui.models.labels import when
from ui.qt import (
    QFont,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTabWidget,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import BusyBar, MessageLine, fit_columns, row_table
from ui.widgets.evidence_links import LinkTexts, links_html, parse_target, resolve_text
from ui.widgets.screen_fit import remember_splitter, rows_tall
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.scoring.grades import Band
    from reviewdesk.services.deliberation import ConclusionView, DeliberationView
    from reviewdesk.services.reading_marks import MarkInfo
    from reviewdesk.services.scoring import SheetView
    from reviewdesk.workspace import OpenWorkspace

FLAG_STYLE = "background: #fdecea; color: #8c1d18; border: 1px solid #e6a39e; padding: 8px;"
CALM_STYLE = "background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; padding: 8px;"


class NotYetSubmitted(Exception):
    """The member's own sheet is not submitted: the service refused the view (blindness)."""


@dataclass(frozen=True)
class Loaded:
    view: DeliberationView
    sheets: list[SheetView]
    may_conclude: bool  # admin, or the panel leader
    files: list[FilePage] | None = None  # the case file's layout, to resolve references (None: unknown)
    cited: list[tuple[str, MarkInfo]] = field(default_factory=list)  # members' reading marks their sheets cite


def load(ws: OpenWorkspace, case_id: int, campaign_id: str) -> Loaded:
    """Everything the tab shows, read on a worker thread."""
    admin = ws.actor.role.value == "admin"
    seat = None
    if not admin:
        seat = next((c for c in scoring.my_cases(ws) if c.case_id == case_id and c.campaign_id == campaign_id), None)
        if seat is not None and seat.status != "submitted":
            raise NotYetSubmitted()  # asking the service would only log a refusal with the same answer
    try:
        view = deliberation.deliberation(ws, case_id, campaign_id)
    except PermissionDenied:
        if seat is not None:  # submitted in between and then amended? re-check the own sheet
            raise NotYetSubmitted() from None
        raise
    sheets = scoring.sheets_for_case(ws, case_id, campaign_id)
    files: list[FilePage] | None = None
    cited: list[tuple[str, MarkInfo]] = []
    try:  # the evidence links are a help: without them the board is still shown
        files = evidence.file_layout(ws, case_id) or None  # no document stored: nothing to link to
        cited = reading_marks.cited_marks(ws, case_id)
    except ReviewDeskError:
        pass
    return Loaded(view, sheets, admin or (seat is not None and seat.role == "leader"), files, cited)


@dataclass(frozen=True)
class FormData:
    bands: list[Band]
    categories: list[str]
    items: list[tuple[str, str]]


def form_data(ws: OpenWorkspace, view: DeliberationView) -> FormData:
    """The campaign's band names and the rubric's categories and items, for the conclusion form."""
    bands = rubrics.grading(ws, view.campaign_id).bands
    categories: list[str] = []
    items: list[tuple[str, str]] = []
    if view.rubric:
        code, _, version = view.rubric.rpartition(" v")
        detail = rubrics.rubric_detail(ws, code, int(version) if version.isdigit() else None)
        categories = list(detail.rubric.categories)
        items = [(c, i.text) for c, i in detail.rubric.items().items()]
    return FormData(bands, categories, items)


class DeliberationPanel(QWidget):
    members_loaded = Signal(list)  # the panel's member names (for the interview editor's interviewers)
    concluded = Signal()
    open_page = Signal(int, int)  # a reference link was clicked: (document id, page)

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.case_id: int | None = None
        self.campaign_id: str | None = None
        self.loaded: Loaded | None = None
        self.dialog: ConclusionDialog | None = None
        self._job: Any = None
        self._pending_ok = ""

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = QFont(self.summary.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.summary.setFont(font)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.members = MembersModel(self)
        self.members_table = row_table(self.members)
        self.compare = CompareModel(self)
        self.compare_table = row_table(self.compare)
        self.compare_caption = QLabel(self.tr(
            "Items any member deducted or marked; rows in colour are where members differ. "
            "Point at a cell to see the reason and the evidence."))
        self.compare_caption.setWordWrap(True)
        compare_box = QWidget()
        compare_layout = QVBoxLayout(compare_box)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        compare_layout.addWidget(self.compare_caption)
        compare_layout.addWidget(self.compare_table, 1)
        # Every reference in the members' deductions and the findings, as links to the page, and the reading
        # marks the members cited.
        self.evidence = QTextBrowser()
        self.evidence.setOpenLinks(False)
        self.evidence.setOpenExternalLinks(False)
        self.evidence.anchorClicked.connect(self._link_clicked)
        self.link_texts = LinkTexts(self)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(compare_box, self.tr("Items compared"))
        self.detail_tabs.addTab(self.evidence, self.tr("Evidence"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.members_table)
        self.splitter.addWidget(self.detail_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        rows_tall(self.members_table, 3)  # a panel of three shows every member
        if ws is not None:
            remember_splitter(self.splitter, "deliberation", ws.actor.username, [150, 300])

        self.conclusion = QLabel()
        self.conclusion.setWordWrap(True)
        self.conclusion.setTextFormat(Qt.TextFormat.PlainText)
        self.conclusion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conclude_button = QPushButton(self.tr("Record the &conclusion…"))
        self.conclude_button.setAutoDefault(False)
        self.conclude_button.clicked.connect(self.open_conclusion)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conclude_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)

        self.message = MessageLine()
        self.busy = BusyBar()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.conclusion)
        layout.addLayout(buttons)
        self.clear()

    # -- loading -----------------------------------------------------------------------------------------
    def show_case(self, case_id: int, campaign_id: str) -> None:
        self.clear()
        self.case_id, self.campaign_id = case_id, campaign_id
        self.reload()

    def reload(self) -> None:
        if self.case_id is None or self.campaign_id is None or self.ws is None:
            return
        ws, case_id, campaign_id = self.ws, self.case_id, self.campaign_id
        self.busy.start(self.tr("Reading the panel's sheets…"))
        self.refresh_button.setEnabled(False)
        # A few small reads: done here, on the UI thread, like the other pages' reads.
        try:
            loaded = load(ws, case_id, campaign_id)
        except Exception as err:
            self._failed(err)
        else:
            self._loaded(loaded)

    def clear(self) -> None:
        """Forget the case (and every score and name on screen)."""
        self.loaded = None
        self.members.clear()
        self.compare.clear()
        self.evidence.clear()
        self.summary.clear()
        self.banner.clear()
        self.banner.hide()
        self.conclusion.clear()
        self.conclusion.hide()
        self.message.clear_message()
        self._show_content(False)

    def _show_content(self, on: bool) -> None:
        for widget in (self.summary, self.splitter):
            widget.setVisible(on)
        self.conclude_button.setVisible(False)
        self.refresh_button.setVisible(on or self.case_id is not None)

    def _done(self) -> None:
        self._job = None
        self.busy.stop()
        self.refresh_button.setEnabled(True)

    def _failed(self, err: BaseException) -> None:
        self._done()
        self.clear()
        self.refresh_button.setVisible(self.case_id is not None)
        if isinstance(err, NotYetSubmitted):
            self.message.show_error(self.tr(
                "Your own score sheet for this case is not submitted yet. You see the other members' sheets "
                "and the deliberation once you have submitted yours."))
        else:
            self.message.show_error(error_text(err))

    def _loaded(self, loaded: Loaded) -> None:
        self._done()
        self.loaded = loaded
        view = loaded.view
        self.message.clear_message()
        if self._pending_ok:  # said once, after the reload that shows the recorded conclusion
            self.message.show_ok(self._pending_ok)
            self._pending_ok = ""
        self._show_content(True)
        self.members.set_rows(view.members)
        fit_columns(self.members_table)
        names, rows = compare_rows(view, loaded.sheets)
        self.compare.set_data(names, rows)
        fit_columns(self.compare_table)
        self.summary.setText(self.tr(
            "Mean {mean}, median {median}, spread {spread} (allowed {limit}); consolidated score {score}, "
            "computed grade {grade}.").format(
            mean=number(view.mean), median=number(view.median), spread=number(view.spread),
            limit=number(view.spread_threshold), score=number(view.consolidated), grade=view.computed_grade or "—"))
        sentences = flag_sentences(view)
        if sentences:
            self.banner.setStyleSheet(FLAG_STYLE)
            self.banner.setText("\n".join(f"• {s}" for s in sentences))
        else:
            self.banner.setStyleSheet(CALM_STYLE)
            self.banner.setText(self.tr("Every member has submitted; the sheets agree within the allowed spread."))
        self.banner.show()
        self._show_conclusion(view.conclusion)
        self.evidence.setHtml(self.evidence_html(loaded))
        everyone = not view.flags.get("not_submitted")
        self.conclude_button.setVisible(loaded.may_conclude and everyone)
        if view.conclusion is not None:
            self.conclude_button.setText(self.tr("Record the &conclusion again…"))
        else:
            self.conclude_button.setText(self.tr("Record the &conclusion…"))
        self.members_loaded.emit([m.name for m in view.members])

    def _show_conclusion(self, c: ConclusionView | None) -> None:
        if c is None:
            self.conclusion.hide()
            return
        lines = [
            self.tr("Conclusion (version {version}, recorded by {who} at {when})").format(
                version=c.version, who=c.concluded_by_name or c.concluded_by, when=when(c.concluded_at)),
            self.tr("Score {score}; grade {grade}; outcome: {outcome}").format(
                score=number(c.score), grade=c.grade, outcome=outcome_label(c.outcome)),
        ]
        if c.grade != c.computed_grade:
            lines.append(self.tr("Grade changed from the computed {computed}: {reason}").format(
                computed=c.computed_grade, reason=c.grade_reason))
        if c.veto_kept:
            lines.append(self.tr("The member's veto is kept."))
        for n, f in enumerate(c.findings, 1):
            lines.append(self.tr("Problem {n}: [{category}] {description} ({evidence})").format(
                n=n, category=f.category, description=f.description, evidence=f.evidence_ref))
        lines.append(self.tr("Majority view: {text}").format(text=c.majority_view))
        if c.minority_view:
            lines.append(self.tr("Minority view: {text}").format(text=c.minority_view))
        correction = c.actions.get("correction") or {}
        if correction.get("required"):
            lines.append(self.tr("Correction required by {date}").format(date=correction.get("deadline") or "—"))
        referral = c.actions.get("referral") or {}
        if referral.get("suggested"):
            lines.append(self.tr("Referral suggested: {reason}").format(reason=referral.get("reason") or ""))
        self.conclusion.setText("\n".join(lines))
        self.conclusion.setStyleSheet("border: 1px solid #9e9e9e; padding: 8px;")
        self.conclusion.show()

    # -- evidence ------------------------------------------------------------------------------------------
    def evidence_html(self, loaded: Loaded) -> str:
        """The members' deductions and the findings with their references as links, and the cited marks."""
        view, files = loaded.view, loaded.files

        def refs(text: str) -> str:
            if not text.strip():
                return html.escape(self.tr("(no evidence given)"))
            if files is None:
                return html.escape(text)
            results = resolve_text(text, files)
            return links_html(results, self.link_texts) if results else html.escape(text)

        head_deductions = self.tr("Deductions and their evidence")
        none_deducted = self.tr("No member deducted points.")
        head_findings = self.tr("Findings of the conclusion")
        head_marks = self.tr("Reading marks the members cite")
        out = [f"<h4>{html.escape(head_deductions)}</h4>"]
        if not view.deductions:
            out.append(f"<p>{html.escape(none_deducted)}</p>")
        for d in view.deductions:
            who = html.escape(f"{d.expert_name} · {d.item_code} {d.item_text}")
            reason = html.escape(d.reason)
            out.append(f"<p><b>{who}</b>：{reason}<br/>{refs(d.evidence_ref)}</p>")
        if view.conclusion is not None and view.conclusion.findings:
            out.append(f"<h4>{html.escape(head_findings)}</h4>")
            for n, f in enumerate(view.conclusion.findings, 1):
                head = html.escape(self.tr("Problem {n}: [{category}] {description}").format(
                    n=n, category=f.category, description=f.description))
                out.append(f"<p><b>{head}</b><br/>{refs(f.evidence_ref)}</p>")
        if loaded.cited:
            out.append(f"<h4>{html.escape(head_marks)}</h4>")
            titles = {f.document_id: f.title for f in files or []}
            for name, mark in loaded.cited:
                where = mark.reference or self.link_texts.page_of(titles.get(mark.document_id, ""), mark.page)
                link = f'<a href="page:{mark.document_id}:{mark.page}">{html.escape(where)}</a>'
                words = "；".join(html.escape(t) for t in (mark.passage, mark.note) if t)
                out.append(f"<p><b>{html.escape(name)}</b>：{link}　{words}</p>")
        return "".join(out)

    def _link_clicked(self, url: QUrl) -> None:
        place = parse_target(url.toString())
        if place is not None:
            self.open_page.emit(*place)

    # -- the conclusion ----------------------------------------------------------------------------------
    def open_conclusion(self) -> None:
        if self.loaded is None or self.ws is None or self._job is not None:
            return
        ws, view = self.ws, self.loaded.view
        self.busy.start(self.tr("Opening the conclusion form…"))
        self._job = run_job(lambda: form_data(ws, view), self, self._open_form, self._failed_form)

    def _failed_form(self, err: BaseException) -> None:
        self._done()
        self.message.show_error(error_text(err))

    def _open_form(self, data: FormData) -> None:
        self._done()
        if self.loaded is None or self.ws is None:
            return
        dialog = ConclusionDialog(self.ws, self.loaded.view, data.bands, data.categories, data.items, self)
        dialog.accepted.connect(self._concluded)
        self.dialog = dialog
        dialog.open()

    def _concluded(self) -> None:
        dialog = self.dialog
        self.dialog = None
        if dialog is not None:
            version = dialog.result_view.version if dialog.result_view else 0
            self._pending_ok = self.tr("Conclusion saved (version {version}).").format(version=version)
            dialog.deleteLater()
        self.concluded.emit()
        self.reload()

    def teardown(self) -> None:
        self.clear()
        self.ws = None  # type: ignore[assignment]
