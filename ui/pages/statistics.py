"""统计: a campaign's results at a glance (cases drawn, concluded, grades, outcomes), tables by unit, case type
and problem category, the Excel ledger and the campaign report (Word or PDF).

Everything comes from reviewdesk.services.reports (office and observers); the numbers are read on a worker,
and files are written only where the user chose to save them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ui.models.opinions import outcome_label
from ui.models.statistics import CategoryStatsModel, TypeStatsModel, UnitStatsModel, percent, score_text
from ui.pages.job_page import CampaignJobPage
from ui.pages.opinions import ask_save_path, with_suffix
from ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.campaign_combo import CampaignCombo
from ui.widgets.common import BusyBar, MessageLine, fit_columns, heading, note, row_table

if TYPE_CHECKING:
    from reviewdesk.documents.statistics import CampaignStats
    from reviewdesk.workspace import OpenWorkspace


class Card(QFrame):
    """One headline number with its caption (e.g. 42 / 抽取案件)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card { background: #f4f6f9; border: 1px solid #d5dbe3; border-radius: 4px; }")
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #444;")
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleName(f"{self.caption.text()} {value} {detail}".strip())


class StatisticsPage(CampaignJobPage):
    key = "statistics"
    help_anchor = "statistics"

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.stats: CampaignStats | None = None
        self.last_saved: Path | None = None
        self._stale = False

        self.campaign = CampaignCombo(self.refresh)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.ledger_button = QPushButton(self.tr("Export the &ledger (Excel)…"))
        self.ledger_button.setToolTip(self.tr(
            "An Excel workbook with the case ledger, the problem list, the score details and these statistics"))
        self.ledger_button.clicked.connect(self.export_ledger)
        self.report_button = QPushButton(self.tr("Produce the campaign &report…"))
        self.report_button.setToolTip(self.tr("The campaign's summary report with tables and charts, as Word "
                                               "or PDF (choose the file type in the save dialog)"))
        self.report_button.clicked.connect(self.export_report)
        top = QHBoxLayout()
        top.addWidget(self.campaign.caption)
        top.addWidget(self.campaign, 1)
        top.addStretch(0)  # buttons keep their size once the box is bound to the header (hidden)
        top.addWidget(self.refresh_button)
        top.addWidget(self.ledger_button)
        top.addWidget(self.report_button)

        self.drawn_card = Card(self.tr("Cases drawn"))
        self.concluded_card = Card(self.tr("Concluded"))
        self.scoring_card = Card(self.tr("Being scored"))
        self.unscored_card = Card(self.tr("Not yet scored"))
        self.mean_card = Card(self.tr("Mean score"))
        cards = QGridLayout()
        cards.setSpacing(10)
        for n, card in enumerate((self.drawn_card, self.concluded_card, self.scoring_card, self.unscored_card,
                                  self.mean_card)):
            cards.addWidget(card, 0, n)
        self.grades = QLabel()
        self.outcomes = QLabel()
        self.follow_up = QLabel()
        for label in (self.grades, self.outcomes, self.follow_up):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.units = UnitStatsModel(self)
        self.types = TypeStatsModel(self)
        self.categories = CategoryStatsModel(self)
        self.unit_table = row_table(self.units)
        self.type_table = row_table(self.types)
        self.category_table = row_table(self.categories)
        for table in self.tables():  # the name column takes the room; the numbers stay close to it
            table.horizontalHeader().setStretchLastSection(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.unit_table, self.tr("By handling unit"))
        self.tabs.addTab(self.type_table, self.tr("By case type"))
        self.tabs.addTab(self.category_table, self.tr("Problem categories"))

        self.busy = BusyBar()
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading(self.tr("Statistics"), 1.4))
        layout.addWidget(note(self.tr(
            "The results of a campaign: how many cases were drawn and concluded, the grades and conclusions, "
            "and the results by unit, case type and problem category. Only submitted score sheets and recorded "
            "conclusions are counted."
        )))
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.grades)
        layout.addWidget(self.outcomes)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        campaign_id, ws = self.campaign_id(), self.ws
        self._show(None)
        if ws is None or campaign_id is None:
            return
        from reviewdesk.services import reports

        if not self._run(lambda: reports.campaign_stats(ws, campaign_id), self.tr("Counting…"),
                         lambda stats: self._counted(campaign_id, stats)):
            self._stale = True  # the campaign changed while counting: count again when that is done

    def _counted(self, campaign_id: str, stats: CampaignStats) -> None:
        if self._stale or campaign_id != self.campaign_id():
            self._stale = False
            self.refresh()  # numbers of another campaign must not land on this one
            return
        self._show(stats)

    def _show(self, stats: CampaignStats | None) -> None:
        self.stats = stats
        if stats is None:
            for card in (self.drawn_card, self.concluded_card, self.scoring_card, self.unscored_card,
                         self.mean_card):
                card.set("—")
            for model in (self.units, self.types, self.categories):
                model.clear()
            for label in (self.grades, self.outcomes, self.follow_up):
                label.clear()
            self._update_buttons()
            return
        self.drawn_card.set(str(stats.selected), self.tr("{drawn} by lot, {key} key cases").format(
            drawn=stats.drawn, key=stats.key_cases))
        self.concluded_card.set(str(stats.concluded), self.tr("{share} of the cases drawn").format(
            share=percent(stats.concluded / stats.selected) if stats.selected else "—"))
        self.scoring_card.set(str(stats.scoring), self.tr("sheets started"))
        self.unscored_card.set(str(stats.unscored), self.tr("no sheet started"))
        self.mean_card.set(score_text(stats.mean_score), self.tr("median {median}").format(
            median=score_text(stats.median_score)))
        separator = self.tr(", ")
        self.grades.setText(self.tr("Grades of the concluded cases: {grades}").format(grades=separator.join(
            self.tr("{name} {count} ({share})").format(name=g.grade, count=g.count, share=percent(g.share))
            for g in stats.by_grade)))
        self.outcomes.setText(self.tr("Conclusions: {outcomes}").format(outcomes=separator.join(
            self.tr("{name} {count} ({share})").format(name=outcome_label(o.outcome), count=o.count,
                                                       share=percent(o.share))
            for o in stats.by_outcome)))
        self.follow_up.setText(self.tr(
            "Sent back for correction: {corrections}; referral suggested: {referrals}."
        ).format(corrections=stats.corrections, referrals=stats.referrals))
        f = stats.followup
        if f is not None and not f.empty:
            self.follow_up.setText(self.follow_up.text() + "\n" + self.tr(
                "Rectification: {items} items, {fixed} fixed ({rate}), {closed} closed, {overdue} overdue. "
                "Referrals: {sent} sent, {awaiting} awaiting feedback ({late} overdue). "
                "Objections: {upheld} upheld, {changed} changed, {pending} pending."
            ).format(items=f.items, fixed=f.fixed, rate=percent(f.rectification_rate), closed=f.by_status["closed"],
                     overdue=f.items_overdue, sent=f.referrals_sent, awaiting=f.referrals_awaiting,
                     late=f.referrals_overdue, upheld=f.upheld, changed=f.changed, pending=f.pending))
        self.units.set_rows(list(stats.by_unit))
        self.types.set_rows(list(stats.by_type))
        self.categories.set_rows(list(stats.categories))
        for table in self.tables():
            fit_columns(table)
            last = table.model().columnCount() - 1  # fit_columns pads all but the last column
            table.setColumnWidth(last, table.columnWidth(last) + 24)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.stats is not None and self._job is None
        self.ledger_button.setEnabled(ready)
        self.report_button.setEnabled(ready)
        self.refresh_button.setEnabled(self._job is None)
        self.campaign.setEnabled(self._job is None)  # a second campaign's numbers must not land on the first

    def tables(self) -> list[QTableView]:
        return [self.unit_table, self.type_table, self.category_table]

    # -- files -----------------------------------------------------------------------------------------------
    def export_ledger(self) -> None:
        campaign_id, ws = self.campaign_id(), self.ws
        if campaign_id is None or ws is None or self._job is not None:
            return
        chosen = ask_save_path(self, self.tr("Save the ledger"),
                               self.tr("{campaign} review ledger.xlsx").format(campaign=campaign_id),
                               [self.tr("Excel workbooks (*.xlsx)")])
        if chosen is None or self.ws is None:
            return
        target = with_suffix(self, chosen[0], ".xlsx")
        if target is None:
            return

        def produce() -> Path:
            from reviewdesk.security.atomic import write_atomic
            from reviewdesk.services import reports

            write_atomic(target, reports.ledger(ws, campaign_id))
            return target

        self._run(produce, self.tr("Building the ledger…"), self._saved)

    def export_report(self) -> None:
        campaign_id, ws = self.campaign_id(), self.ws
        if campaign_id is None or ws is None or self._job is not None:
            return
        word, pdf = self.tr("Word documents (*.docx)"), self.tr("PDF files (*.pdf)")
        chosen = ask_save_path(self, self.tr("Save the campaign report"),
                               self.tr("{campaign} campaign report.docx").format(campaign=campaign_id), [word, pdf])
        if chosen is None or self.ws is None:
            return
        path, chosen_filter = chosen
        typed = Path(path).suffix.lower()
        fmt = "pdf" if typed == ".pdf" or (typed != ".docx" and chosen_filter == pdf) else "docx"
        target = with_suffix(self, path, f".{fmt}")
        if target is None:
            return

        def produce() -> Path:
            from reviewdesk.documents.profile import load_profile
            from reviewdesk.security.atomic import write_atomic
            from reviewdesk.services import documents, reports

            profile = load_profile()
            doc = reports.campaign_report_document(ws, campaign_id, profile)
            write_atomic(target, documents.render(doc, fmt, profile))
            return target

        self._run(produce, self.tr("Writing the report…"), self._saved)

    def _saved(self, path: Path) -> None:
        self.last_saved = path
        self.message.show_ok(self.tr("Saved to {path}. The file is not encrypted there: keep it safe.")
                             .format(path=path))

    # -- plumbing --------------------------------------------------------------------------------------------

    def teardown(self) -> None:
        self._show(None)
        super().teardown()

    def holds_data(self) -> bool:
        return super().holds_data() or self.stats is not None or self.units.rowCount() > 0
