"""The panel leader's conclusion (合议结论): grade, outcome, problems found, views, correction and referral.

The members' deductions are the starting point: the leader picks deductions to make a problem (category,
description, evidence and item prefilled, the problem tied to them); a problem resting on no deduction, and
"no problem" while substantive deductions stand, take a reason.

The core checks every rule (reviewdesk.services.deliberation.conclude); the form marks what is required, and
shows the core's refusal naming the field, with the cursor put on that field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewdesk.services import deliberation
from reviewdesk.services.deliberation import ConclusionInput, FindingInput
from ui.dialogs.form_saving import SavingForm, quiet_button
from ui.models.deliberation import number, outcome_choices
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from reviewdesk.scoring.grades import Band
    from reviewdesk.services.deliberation import ConclusionView, DeliberationView
    from reviewdesk.workspace import OpenWorkspace

CATEGORY, DESCRIPTION, EVIDENCE, ITEM, BASIS, REASON, REFERRAL = range(7)
BASIS_ROLE = Qt.ItemDataRole.UserRole


def _text_box(placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(64)
    box.setMaximumHeight(120)
    return box



class ConclusionDialog(SavingForm):
    def __init__(
        self,
        ws: OpenWorkspace,
        view: DeliberationView,
        bands: list[Band],
        categories: list[str],
        items: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.view = view
        self.bands = sorted(bands, key=lambda b: -b.min)
        self.categories = list(categories)
        self.items = list(items)
        self.result_view: ConclusionView | None = None
        self._job: Any = None
        self.setWindowTitle(self.tr("Record the panel's conclusion"))
        fit_to_screen(self, 820, 760)

        self.score = QLabel()
        self.score.setWordWrap(True)
        self.grade = QComboBox()
        self.grade.addItems([b.grade for b in self.bands])
        self.grade_reason = QLineEdit()
        self.grade_reason.setPlaceholderText(self.tr("required when the grade differs from the computed one"))
        self.veto_kept = QCheckBox(self.tr("Keep the member's veto (the case gets the lowest grade)"))
        self.veto_kept.setVisible(bool(view.flags.get("veto")))
        self.outcome = QComboBox()
        for code, label in outcome_choices():
            self.outcome.addItem(label, code)

        self.deductions = QTableWidget(len(view.deductions), 6)
        self.deductions.setHorizontalHeaderLabels([
            self.tr("Member"), self.tr("Item"), self.tr("Type"), self.tr("Points"), self.tr("Reason"),
            self.tr("Evidence")])
        self.deductions.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.deductions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deductions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deductions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.deductions.setMinimumHeight(110)
        for r, d in enumerate(view.deductions):
            points = self.tr("veto") if d.veto else number(d.points)
            for c, text in enumerate((d.expert_name, f"{d.item_code} {d.item_text}", d.tag, points, d.reason,
                                      d.evidence_ref)):
                self.deductions.setItem(r, c, QTableWidgetItem(text))
        self.deductions.resizeColumnsToContents()
        self.pick_button = quiet_button(self.tr("Make a problem from the selected &deductions"))
        self.pick_button.clicked.connect(self.add_from_deductions)
        self.deductions.itemSelectionChanged.connect(lambda: self._update())

        self.findings = QTableWidget(0, 7)
        self.findings.setHorizontalHeaderLabels(
            [self.tr("Category *"), self.tr("Description *"), self.tr("Evidence (volume, page) *"), self.tr("Item"),
             self.tr("Rests on"), self.tr("Reason if no deduction"), self.tr("Backs referral")])
        self.findings.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for col, width in ((CATEGORY, 110), (EVIDENCE, 120), (ITEM, 130), (BASIS, 130), (REASON, 150),
                           (REFERRAL, 70)):
            self.findings.setColumnWidth(col, width)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setMinimumHeight(140)
        self.add_finding_button = quiet_button(self.tr("&Add problem"))
        self.remove_finding_button = quiet_button(self.tr("Re&move problem"))
        self.add_finding_button.clicked.connect(lambda: self.add_finding())
        self.remove_finding_button.clicked.connect(self.remove_finding)
        finding_buttons = QHBoxLayout()
        finding_buttons.addWidget(self.add_finding_button)
        finding_buttons.addWidget(self.remove_finding_button)
        finding_buttons.addStretch(1)

        self.majority = _text_box()
        self.minority = _text_box(self.tr("required when the members' grades differ or a veto is not kept"))
        self.correction = QCheckBox(self.tr("Send back for correction"))
        self.deadline = QDateEdit(QDate.currentDate().addDays(30))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.referral = QCheckBox(self.tr("Suggest referring a lead"))
        self.referral_reason = QLineEdit()
        self.outcome_reason = QLineEdit()
        self.outcome_reason.setPlaceholderText(
            self.tr("required for “no problem” while members' substantive deductions stand"))
        self.substantive = sum(d.tag == "实体" for d in view.deductions)

        form = QFormLayout()
        form.addRow(self.score)
        form.addRow(self.tr("&Grade:"), self.grade)
        self.grade_reason_label = QLabel(self.tr("Reason for the change:"))
        form.addRow(self.grade_reason_label, self.grade_reason)
        form.addRow("", self.veto_kept)
        form.addRow(self.tr("&Outcome: *"), self.outcome)
        self.outcome_reason_label = QLabel(self.tr("Reason for no problem:"))
        form.addRow(self.outcome_reason_label, self.outcome_reason)
        form.addRow(QLabel(self.tr("The members' deductions (select some to make a problem resting on them):")))
        form.addRow(self.deductions)
        form.addRow(self.pick_button)
        form.addRow(QLabel(self.tr("Problems found (required for a wrong or flawed case):")))
        form.addRow(self.findings)
        form.addRow(finding_buttons)
        form.addRow(self.tr("&Majority view: *"), self.majority)
        self.minority_label = QLabel(self.tr("M&inority view:"))
        self.minority_label.setBuddy(self.minority)
        form.addRow(self.minority_label, self.minority)
        form.addRow("", self.correction)
        form.addRow(self.tr("Correction &deadline:"), self.deadline)
        form.addRow("", self.referral)
        form.addRow(self.tr("Reason for the &referral:"), self.referral_reason)
        title = self.tr("Conclusion of case {case}").format(case=view.case_external_id)
        self.lay_out(title, form, self.tr("&Save the conclusion"), self.tr("Cancel"))

        self.grade.currentIndexChanged.connect(lambda _i: self._update())
        self.veto_kept.toggled.connect(lambda _on: self._on_veto())
        self.outcome.currentIndexChanged.connect(lambda _i: self._on_outcome())
        self.correction.toggled.connect(lambda _on: self._update())
        self.referral.toggled.connect(lambda _on: self._update())
        self._fill(view)
        self._update()

    # -- state -------------------------------------------------------------------------------------------
    def computed_grade(self) -> str:
        """The computed grade as the service will compute it: the lowest band when the veto is kept."""
        if self.veto_kept.isChecked() and self.bands:
            return self.bands[-1].grade
        return self.view.computed_grade or ""

    def _fill(self, view: DeliberationView) -> None:
        """Start from the recorded conclusion when there is one (re-concluding), else from the computed grade."""
        old = view.conclusion
        self.grade.setCurrentText(old.grade if old else (view.computed_grade or ""))
        if old is None:
            self.outcome.setCurrentIndex(self.outcome.findData("none"))
            return
        self.grade_reason.setText(old.grade_reason)
        self.veto_kept.setChecked(old.veto_kept)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(old.outcome)))
        backing = set((old.actions.get("referral") or {}).get("findings") or [])
        for n, f in enumerate(old.findings, 1):
            self.add_finding(f.category, f.description, f.evidence_ref, f.item_code, list(f.basis), f.basis_reason,
                             n in backing)
        self.outcome_reason.setText(old.outcome_reason)
        self.majority.setPlainText(old.majority_view)
        self.minority.setPlainText(old.minority_view)
        correction = old.actions.get("correction") or {}
        referral = old.actions.get("referral") or {}
        self.correction.setChecked(bool(correction.get("required")))
        if correction.get("deadline"):
            self.deadline.setDate(QDate.fromString(str(correction["deadline"]), "yyyy-MM-dd"))
        self.referral.setChecked(bool(referral.get("suggested")))
        self.referral_reason.setText(str(referral.get("reason") or ""))

    def _on_veto(self) -> None:
        if self.veto_kept.isChecked():
            self.grade.setCurrentText(self.computed_grade())
        self._update()

    def _on_outcome(self) -> None:
        # A wrong or flawed case always goes back for correction and names a problem: save clicks.
        if self.outcome.currentData() != "none":
            self.correction.setChecked(True)
            if self.findings.rowCount() == 0:
                self.add_finding()
        self._update()

    def _update(self) -> None:
        computed = self.computed_grade()
        self.score.setText(self.tr("Consolidated score {score} ({rule}); computed grade: {grade}").format(
            score=number(self.view.consolidated),
            rule=self.tr("mean") if self.view.consolidation == "mean" else self.tr("median"),
            grade=computed or "—"))
        changed = self.grade.currentText() != computed
        self.grade_reason.setEnabled(changed)
        self.grade_reason_label.setText(
            self.tr("Reason for the change: *") if changed else self.tr("Reason for the change:"))
        minority_needed = bool(self.view.flags.get("grades_differ")) or (
            bool(self.view.flags.get("veto")) and not self.veto_kept.isChecked())
        self.minority_label.setText(self.tr("M&inority view: *") if minority_needed else self.tr("M&inority view:"))
        self.deadline.setEnabled(self.correction.isChecked())
        self.referral_reason.setEnabled(self.referral.isChecked())
        self.remove_finding_button.setEnabled(self.findings.rowCount() > 0)
        self.pick_button.setEnabled(bool(self.selected_deductions()))
        none = self.outcome.currentData() == "none"
        self.outcome_reason.setEnabled(none)
        needed = none and self.substantive > 0
        self.outcome_reason_label.setText(
            self.tr("Reason for no problem: *") if needed else self.tr("Reason for no problem:"))
        if needed:
            self.outcome_reason_label.setToolTip(self.tr(
                "{count} substantive deductions stand on the members' sheets").format(count=self.substantive))

    # -- findings ----------------------------------------------------------------------------------------
    def selected_deductions(self) -> list[deliberation.Deduction]:
        rows = sorted({i.row() for i in self.deductions.selectedIndexes()})
        return [self.view.deductions[r] for r in rows if r < len(self.view.deductions)]

    def add_from_deductions(self) -> int | None:
        """A problem tied to the selected deductions, its category, description, evidence and item from them."""
        picked = self.selected_deductions()
        if not picked:
            return None
        first = picked[0]
        category = first.category if first.category in self.categories else ""
        refs = [deliberation.DeductionRef(d.expert_id, d.item_code) for d in picked]
        items = {d.item_code for d in picked}
        return self.add_finding(category, first.reason, first.evidence_ref,
                                first.item_code if len(items) == 1 else None, refs)

    def add_finding(self, category: str = "", description: str = "", evidence: str = "",
                    item_code: str | None = None, basis: list[deliberation.DeductionRef] | None = None,
                    reason: str = "", backs_referral: bool = False) -> int:
        row = self.findings.rowCount()
        self.findings.insertRow(row)
        cat = QComboBox()
        cat.addItems(self.categories)
        if category:
            cat.setCurrentText(category)
        self.findings.setCellWidget(row, CATEGORY, cat)
        self.findings.setItem(row, DESCRIPTION, QTableWidgetItem(description))
        self.findings.setItem(row, EVIDENCE, QTableWidgetItem(evidence))
        item = QComboBox()
        item.addItem(self.tr("(none)"), None)
        for code, text in self.items:
            item.addItem(f"{code} {text}", code)
        if item_code:
            item.setCurrentIndex(max(0, item.findData(item_code)))
        self.findings.setCellWidget(row, ITEM, item)
        names = {d.expert_id: d.expert_name for d in self.view.deductions}
        refs = list(basis or [])
        shown = QTableWidgetItem("；".join(f"{names.get(r.expert_id, r.expert_id)} {r.item_code}" for r in refs)
                                 or self.tr("(no deduction)"))
        shown.setFlags(shown.flags() & ~Qt.ItemFlag.ItemIsEditable)
        shown.setData(BASIS_ROLE, refs)
        self.findings.setItem(row, BASIS, shown)
        why = QTableWidgetItem(reason)
        if refs:
            why.setFlags(why.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.findings.setItem(row, REASON, why)
        backs = QTableWidgetItem()
        backs.setFlags((backs.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
        backs.setCheckState(Qt.CheckState.Checked if backs_referral else Qt.CheckState.Unchecked)
        self.findings.setItem(row, REFERRAL, backs)
        self.findings.setCurrentCell(row, DESCRIPTION)
        self._update()
        return row

    def remove_finding(self) -> None:
        row = self.findings.currentRow()
        if row < 0:
            row = self.findings.rowCount() - 1
        if row >= 0:
            self.findings.removeRow(row)
        self._update()

    def _cell_text(self, row: int, col: int) -> str:
        item = self.findings.item(row, col)
        return item.text().strip() if item is not None else ""

    def finding_inputs(self) -> list[FindingInput]:
        out = []
        for row in range(self.findings.rowCount()):
            cat = self.findings.cellWidget(row, CATEGORY)
            item = self.findings.cellWidget(row, ITEM)
            basis = self.findings.item(row, BASIS)
            out.append(FindingInput(
                category=cat.currentText() if isinstance(cat, QComboBox) else "",
                description=self._cell_text(row, DESCRIPTION),
                evidence_ref=self._cell_text(row, EVIDENCE),
                item_code=item.currentData() if isinstance(item, QComboBox) else None,
                basis=tuple(basis.data(BASIS_ROLE) or ()) if basis is not None else (),
                basis_reason=self._cell_text(row, REASON),
            ))
        return out

    def referral_findings(self) -> tuple[int, ...]:
        """1-based positions of the problems ticked as backing the referral."""
        return tuple(row + 1 for row in range(self.findings.rowCount())
                     if (cell := self.findings.item(row, REFERRAL)) is not None
                     and cell.checkState() == Qt.CheckState.Checked)

    def conclusion_input(self) -> ConclusionInput:
        grade = self.grade.currentText()
        return ConclusionInput(
            outcome=str(self.outcome.currentData()),
            grade=grade or None,
            grade_reason=self.grade_reason.text() if grade != self.computed_grade() else "",
            veto_kept=self.veto_kept.isChecked(),
            findings=self.finding_inputs(),
            majority_view=self.majority.toPlainText(),
            minority_view=self.minority.toPlainText(),
            correction_required=self.correction.isChecked(),
            correction_deadline=self.deadline.date().toString("yyyy-MM-dd") if self.correction.isChecked() else None,
            referral_suggested=self.referral.isChecked(),
            referral_reason=self.referral_reason.text() if self.referral.isChecked() else "",
            referral_findings=self.referral_findings() if self.referral.isChecked() else (),
            outcome_reason=self.outcome_reason.text() if self.outcome.currentData() == "none" else "",
        )

    # -- saving ------------------------------------------------------------------------------------------
    def save(self) -> None:
        if self._job is not None:
            return
        data = self.conclusion_input()
        ws, case_id, campaign_id = self.ws, self.view.case_id, self.view.campaign_id
        self.save_in_background(lambda: deliberation.conclude(ws, case_id, data, campaign_id),
                                self.tr("Saving the conclusion…"))

    def _focus(self, field: str) -> None:
        """Put the cursor where the problem is."""
        widgets: dict[str, QWidget] = {
            "outcome": self.outcome, "grade": self.grade, "grade_reason": self.grade_reason,
            "veto_kept": self.veto_kept, "findings": self.add_finding_button, "majority_view": self.majority,
            "minority_view": self.minority, "actions.correction.required": self.correction,
            "actions.correction.deadline": self.deadline, "actions.referral.reason": self.referral_reason,
            "outcome_reason": self.outcome_reason, "actions.referral.findings": self.findings,
        }
        if field in widgets:
            widgets[field].setFocus()
            return
        if field.startswith("findings["):
            row = int(field[len("findings["):field.index("]")])
            leaf = field.rsplit(".", 1)[-1]
            col = {"category": CATEGORY, "description": DESCRIPTION, "evidence_ref": EVIDENCE,
                   "item_code": ITEM, "basis_reason": REASON}.get(leaf, BASIS if leaf.startswith("basis") else DESCRIPTION)
            self.findings.setCurrentCell(row, col)
            self.findings.setFocus()
