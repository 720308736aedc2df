"""The score-sheet form: the rubric's parts as group boxes, one row per item, and a footer that stays in view
with the live total, grade and the number of missing fields.

The form only edits; saving, submitting and amending belong to the page (it owns the workspace). Totals and
"what is missing" come from the core's pure functions (reviewdesk.scoring.sheet), so the form can never
disagree with what the service will accept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewdesk.casefiles.evidence import FilePage, Resolved, find_references
from reviewdesk.scoring.sheet import Entry, Problem, compute, problems
from ui.i18n import bilingual
from ui.qt import (
    QCheckBox,
    QDoubleSpinBox,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWheelEvent,
    QWidget,
    Signal,
)
from ui.widgets.common import ERROR_STYLE
from ui.widgets.evidence_links import EvidenceLinks

if TYPE_CHECKING:
    from reviewdesk.scoring.grades import Band
    from reviewdesk.scoring.rubric import Item, RubricDef
    from reviewdesk.services.reading_marks import MarkInfo
    from reviewdesk.services.scoring import SheetView

MISSING_STYLE = "border: 2px solid #b3261e; background: #fdecea;"


class PointsBox(QDoubleSpinBox):
    """A spin box that ignores the mouse wheel unless it has the cursor: scrolling down a long sheet must not
    change the points of every item the pointer passes over."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # passes to the scroll area


@dataclass
class ItemRow:
    """The widgets of one rubric item."""

    item: Item
    points: QDoubleSpinBox | None  # None for record-only items
    reason: QLineEdit
    evidence: QLineEdit
    veto: QCheckBox | None  # only on veto items
    links: EvidenceLinks  # the evidence's references as links to their pages (under the field)
    marks_button: QToolButton  # the expert's reading marks, to cite one as this item's evidence
    evidence_cell: QWidget  # the field, the marks button and the links

    def entry(self) -> Entry:
        return Entry(
            self.item.code,
            self.points.value() if self.points is not None else 0.0,
            self.reason.text().strip(),
            self.evidence.text().strip(),
            self.veto.isChecked() if self.veto is not None else False,
        )

    def field(self, name: str) -> QWidget | None:
        return {"points": self.points, "reason": self.reason, "evidence": self.evidence, "veto": self.veto}.get(
            name, self.points or self.reason
        )

    def editors(self) -> list[QWidget]:
        return [w for w in (self.points, self.reason, self.evidence, self.veto) if w is not None]


class ScoreForm(QWidget):
    """Fill one score sheet. `load(rubric, bands, view)` shows a sheet; `entries()` reads it back.
    `problems_changed(count)` follows every edit, so a page can take back a message that no longer holds."""

    problems_changed = Signal(int)
    open_page = Signal(int, int)  # a reference link was clicked: (document id, page)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric: RubricDef | None = None
        self.bands: list[Band] = []
        self.rows: dict[str, ItemRow] = {}
        self.read_only = False
        self.amending = False  # a submitted sheet opened for an amendment
        self._saved: tuple[list[Entry], str] = ([], "")  # what was loaded, to notice unsaved edits
        self.places = 0  # decimal places of every number on the sheet (one format for all parts)
        # Where the case's documents sit in their volumes (services.evidence.file_layout), to resolve the
        # references typed as evidence, and the expert's reading marks to offer as evidence; set by the page.
        self.files: list[FilePage] | None = None  # None: not known, so references are not checked
        self.marks: list[MarkInfo] = []

        self.title = QLabel()
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("Overall opinion on the case (optional)"))
        self.comment.setMaximumHeight(90)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        # Four or five items stay in view however small the window: at 150 % on 1366×768 the page scrolls
        # (PageScroller) rather than squeezing the form to its part heading.
        scroll.setMinimumHeight(self.fontMetrics().height() * 12)
        self.scroll = scroll

        # The footer sits outside the scroll area so the total stays in view while scrolling (sticky).
        self.total_label = QLabel()
        self.grade_label = QLabel()
        self.missing_label = QLabel()
        big = QFont(self.total_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.total_label.setFont(big)
        self.grade_label.setFont(big)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.submit_button = QPushButton(self.tr("Submit…"))
        self.amend_button = QPushButton(self.tr("Amend (reason required)…"))
        self.amend_submit_button = QPushButton(self.tr("Submit amendment…"))
        self.amend_cancel_button = QPushButton(self.tr("Cancel amendment"))
        for button in self.buttons():
            button.setAutoDefault(False)
            button.setMinimumHeight(36)
        footer_frame = QFrame()
        footer_frame.setFrameShape(QFrame.Shape.StyledPanel)
        footer = QHBoxLayout(footer_frame)
        footer.addWidget(self.total_label)
        footer.addSpacing(16)
        footer.addWidget(self.grade_label)
        footer.addSpacing(16)
        footer.addWidget(self.missing_label, 1)
        for button in self.buttons():
            footer.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(footer_frame)
        self._set_buttons()

    def buttons(self) -> list[QPushButton]:
        return [self.save_button, self.submit_button, self.amend_button, self.amend_submit_button,
                self.amend_cancel_button]

    # -- building ----------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.rubric = None
        self.rows = {}
        self.files, self.marks = None, []
        while self.body_layout.count():
            child = self.body_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None and widget is not self.comment:
                widget.hide()  # out of sight now, not only when the deferred delete runs
                widget.deleteLater()
        self.comment.clear()
        self.title.clear()
        self.status.clear()
        self.total_label.clear()
        self.grade_label.clear()
        self.missing_label.clear()
        self._set_buttons()

    def load(self, rubric: RubricDef, bands: list[Band], view: SheetView) -> None:
        """Show `view` (the expert's own sheet) on `rubric`; read-only once submitted."""
        self.clear()
        self.rubric, self.bands = rubric, bands
        self.title.setText(self.tr("Score sheet: {name} (version {version} of the rubric)").format(
            name=rubric.name, version=view.rubric_version))
        self.places = rubric.decimals()
        # One grid for all parts: the columns line up from the first part to the last.
        sheet = QWidget()
        grid = QGridLayout(sheet)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(6)
        for part in rubric.parts:
            self._part_rows(grid, part.name, part.max, part.items)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(4, 3)
        grid.setColumnStretch(5, 2)
        self.body_layout.addWidget(sheet)
        self.body_layout.addWidget(QLabel(self.tr("Overall opinion:")))
        self.body_layout.addWidget(self.comment)
        self.body_layout.addStretch(1)
        self._chain_tab_order()
        self.fill(view.entries(), view.comment)
        self.set_read_only(view.status == "submitted")

    def points_text(self, value: float) -> str:
        """A number of points as the whole sheet shows them (the same decimals in every part)."""
        return f"{value:.{self.places}f}"

    def _part_rows(self, grid: QGridLayout, name: str, top: float, items: tuple[Item, ...]) -> None:
        first = grid.rowCount() if grid.count() else 0
        title = QLabel(self.tr("{part} ({points} points)").format(part=name, points=self.points_text(top)))
        title.setStyleSheet("font-weight: bold; font-size: 110%; padding-top: 8px;")
        grid.addWidget(title, first, 0, 1, 7)
        heads = [self.tr("Item"), self.tr("Type"), self.tr("Max"), self.tr("Points"), self.tr("Reason"),
                 self.tr("Evidence (volume, page)"), self.tr("Veto")]
        for col, text in enumerate(heads):
            label = QLabel(text)
            label.setStyleSheet("font-weight: bold; color: #444;")
            grid.addWidget(label, first + 1, col)
        for n, item in enumerate(items, start=first + 2):
            row = self._item_row(item)
            self.rows[item.code] = row
            text = QLabel(f"{item.code}  {item.text}")
            text.setWordWrap(True)
            text.setMinimumWidth(220)
            grid.addWidget(text, n, 0)
            grid.addWidget(QLabel(self._tag_text(item)), n, 1)
            most = QLabel(self.points_text(item.max) if item.kind != "record" else "—")
            most.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(most, n, 2)
            if row.points is not None:
                grid.addWidget(row.points, n, 3)
            else:
                grid.addWidget(QLabel(self.tr("record only")), n, 3)
            grid.addWidget(row.reason, n, 4)
            grid.addWidget(row.evidence_cell, n, 5)
            if row.veto is not None:
                grid.addWidget(row.veto, n, 6)

    def _tag_text(self, item: Item) -> str:
        kind = {"bonus": self.tr("bonus"), "record": self.tr("record")}.get(item.kind)
        return f"{item.tag}（{kind}）" if kind else item.tag

    def _item_row(self, item: Item) -> ItemRow:
        points: QDoubleSpinBox | None = None
        if item.kind != "record":
            points = PointsBox()
            points.setDecimals(self.places)
            points.setAlignment(Qt.AlignmentFlag.AlignRight)
            points.setRange(0.0, item.max)
            points.setSingleStep(item.step)
            points.setMinimumWidth(90)
            points.setAccessibleName(item.code + " " + self.tr("Points"))
            points.setToolTip(
                self.tr("Points added (at most {max}, in steps of {step})") if item.kind == "bonus"
                else self.tr("Points deducted (at most {max}, in steps of {step})")
            )
            points.setToolTip(points.toolTip().format(max=f"{item.max:g}", step=f"{item.step:g}"))
            points.valueChanged.connect(lambda _v: self.refresh())
        reason = QLineEdit()
        reason.setPlaceholderText(self.tr("reason"))
        reason.setAccessibleName(item.code + " " + self.tr("Reason"))
        reason.textChanged.connect(lambda _t: self.refresh())
        evidence = QLineEdit()
        evidence.setPlaceholderText(self.tr("e.g. 卷1第23页"))
        evidence.setAccessibleName(item.code + " " + self.tr("Evidence (volume, page)"))
        evidence.textChanged.connect(lambda _t: self.refresh())
        veto: QCheckBox | None = None
        if item.veto:
            veto = QCheckBox(self.tr("Veto"))
            veto.setToolTip(self.tr("One-vote veto: the sheet gets the lowest grade whatever the total."))
            veto.toggled.connect(lambda _c: self.refresh())
        links = EvidenceLinks(lambda doc, page: self.open_page.emit(doc, page))
        marks_button = QToolButton()
        marks_button.setText(self.tr("Marks"))
        marks_button.setAccessibleName(item.code + " " + self.tr("Cite a reading mark"))
        marks_button.setToolTip(self.tr("Cite one of your reading marks: its 卷×第×页 goes into the evidence."))
        marks_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(marks_button)
        marks_button.setMenu(menu)
        marks_button.setMinimumWidth(marks_button.sizeHint().width())  # the grid must not squeeze its word
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.setSpacing(2)
        line = QHBoxLayout()
        line.setSpacing(2)
        line.addWidget(evidence, 1)
        line.addWidget(marks_button)
        cell_layout.addLayout(line)
        cell_layout.addWidget(links)
        row = ItemRow(item, points, reason, evidence, veto, links, marks_button, cell)
        menu.aboutToShow.connect(lambda: self._fill_marks_menu(row))
        evidence.textChanged.connect(lambda _t: self._show_links(row))
        return row

    # -- evidence references and reading marks -----------------------------------------------------------------
    def set_evidence(self, files: list[FilePage] | None, marks: list[MarkInfo]) -> None:
        """The case's file layout (references become links) and the expert's reading marks (offered as
        evidence); the page reads both when it shows the sheet. A case with no document in the store (its
        file came on paper) has nothing to check references against: they stay plain text, unwarned."""
        self.files, self.marks = files or None, marks
        for row in self.rows.values():
            self._show_links(row)
            self._set_marks_button(row)

    def _show_links(self, row: ItemRow) -> None:
        if self.files is None:
            row.links.show_results([])
        else:
            row.links.show_text(row.evidence.text(), self.files)

    def _set_marks_button(self, row: ItemRow) -> None:
        row.marks_button.setVisible(bool(self.marks) and not self.read_only)

    def _fill_marks_menu(self, row: ItemRow) -> None:
        menu = row.marks_button.menu()
        menu.clear()
        titles = {f.document_id: f.title for f in self.files or []}
        for mark in self.marks:
            words = " ".join((mark.note or mark.passage).split())
            if len(words) > 30:
                words = words[:30] + "…"
            where = mark.reference or self.tr("{title}, page {page}").format(
                title=titles.get(mark.document_id, ""), page=mark.page)
            action = menu.addAction(f"{where}　{words}")
            if mark.reference:
                action.triggered.connect(lambda _c=False, m=mark: self.cite_mark(row.item.code, m))
            else:
                action.setEnabled(False)
                action.setToolTip(self.tr("The place of this page in its volume is not known, so it cannot "
                                          "be cited as 卷×第×页."))
        menu.setToolTipsVisible(True)

    def cite_mark(self, code: str, mark: MarkInfo) -> bool:
        """Put a reading mark's 卷×第×页 into the item's evidence (after what is there; not twice). Citing is
        this: once the sheet is submitted, the panel sees the marks whose page a deduction's evidence names
        (services.reading_marks.cited_marks). False when the mark's page cannot be placed."""
        row = self.rows.get(code)
        if row is None or self.read_only or not mark.reference:
            return False
        current = row.evidence.text().strip()
        named = {(r.volume, p) for r in find_references(current) for p in r.pages}
        (ref,) = find_references(mark.reference)
        if not all((ref.volume, p) in named for p in ref.pages):
            row.evidence.setText(f"{current}；{mark.reference}" if current else mark.reference)
        row.evidence.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def unresolved_references(self) -> list[tuple[Item, Resolved]]:
        """The pages the evidence names that the case file does not hold, item by item (the warning before
        submission; the expert may still submit)."""
        out = []
        for row in self.rows.values():
            e = row.entry()
            if not e.evidence:
                continue
            out += [(row.item, r) for r in row.links.unresolved()]
        return out

    def _chain_tab_order(self) -> None:
        """Tab goes along each row, then to the next row, then to the opinion and the buttons."""
        chain: list[QWidget] = [w for row in self.rows.values() for w in row.editors()]
        chain += [self.comment, *self.buttons()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- values ------------------------------------------------------------------------------------------------
    def fill(self, entries: list[Entry], comment: str) -> None:
        by_code = {e.code: e for e in entries}
        for code, row in self.rows.items():
            e = by_code.get(code, Entry(code))
            for w in row.editors():
                w.blockSignals(True)
            if row.points is not None:
                row.points.setValue(e.points)
            row.reason.setText(e.reason)
            row.evidence.setText(e.evidence)
            if row.veto is not None:
                row.veto.setChecked(e.veto)
            for w in row.editors():
                w.blockSignals(False)
            self._show_links(row)
        self.comment.setPlainText(comment)
        self._saved = (self.entries(), self.comment_text())
        self.refresh()

    def is_dirty(self) -> bool:
        """Has the expert changed anything since the sheet was loaded (and may still change it)?"""
        if self.rubric is None or self.read_only:
            return False
        return (self.entries(), self.comment_text()) != self._saved

    def entries(self) -> list[Entry]:
        """What the form holds; untouched items are left out (the service stores only filled items)."""
        out = []
        for row in self.rows.values():
            e = row.entry()
            if e.points or e.reason or e.evidence or e.veto:
                out.append(e)
        return out

    def total_text(self) -> str:
        """The live total as shown in the footer ("" before a sheet is loaded)."""
        if self.rubric is None:
            return ""
        return self.points_text(compute(self.rubric, self.entries(), self.bands).total)

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()

    def missing(self) -> list[Problem]:
        """Problems a submission would meet (reasons, evidence, ranges), in sheet order."""
        if self.rubric is None:
            return []
        return problems(self.rubric, self.entries(), complete=True)

    # -- live feedback -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the total and grade and mark every field a submission would refuse."""
        if self.rubric is None:
            return
        result = compute(self.rubric, self.entries(), self.bands)
        self.total_label.setText(self.tr("Total: {total}").format(total=self.points_text(result.total)))
        grade = result.grade + (self.tr(" (veto)") if result.veto else "")
        self.grade_label.setText(self.tr("Grade: {grade}").format(grade=grade))
        found = [] if self.read_only else self.missing()
        self.mark(found)
        if self.read_only:
            self.missing_label.clear()
        elif found:
            self.missing_label.setStyleSheet(ERROR_STYLE)
            self.missing_label.setText(self.tr("{count} fields still missing or wrong").format(count=len(found)))
        else:
            self.missing_label.setStyleSheet("")
            self.missing_label.setText(self.tr("Nothing missing"))
        self.problems_changed.emit(len(found))

    def mark(self, found: list[Problem]) -> None:
        """Red border and the reason as tooltip on each field with a problem; others plain."""
        flagged: dict[int, str] = {}
        for p in found:
            row = self.rows.get(p.code)
            widget = row.field(p.field) if row is not None else None
            if widget is not None:
                flagged[id(widget)] = bilingual(p.message, p.message_zh)
        for row in self.rows.values():
            for widget in row.editors():
                tip = flagged.get(id(widget))
                if tip is None:
                    widget.setStyleSheet("")
                    if widget in (row.reason, row.evidence):
                        widget.setToolTip("")
                else:
                    widget.setStyleSheet(MISSING_STYLE)
                    widget.setToolTip(tip)
            needed = (row.points is not None and row.points.value() > 0) or (row.veto is not None and row.veto.isChecked())
            if needed:
                row.reason.setPlaceholderText(self.tr("reason (required)"))
            else:
                row.reason.setPlaceholderText(self.tr("reason"))

    def focus_problem(self, problem: Problem) -> None:
        """Scroll to the field a problem names and put the cursor in it."""
        row = self.rows.get(problem.code)
        widget = row.field(problem.field) if row is not None else None
        if widget is None:
            return
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def field_widget(self, code: str, field: str) -> QWidget | None:
        row = self.rows.get(code)
        return row.field(field) if row is not None else None

    # -- modes -------------------------------------------------------------------------------------------------
    def set_read_only(self, read_only: bool, *, amending: bool = False) -> None:
        self.read_only = read_only
        self.amending = amending
        for row in self.rows.values():
            if row.points is not None:
                row.points.setReadOnly(read_only)
                row.points.setButtonSymbols(
                    QDoubleSpinBox.ButtonSymbols.NoButtons if read_only else QDoubleSpinBox.ButtonSymbols.UpDownArrows
                )
            row.reason.setReadOnly(read_only)
            row.evidence.setReadOnly(read_only)
            self._set_marks_button(row)
            if row.veto is not None:
                row.veto.setEnabled(not read_only)
        self.comment.setReadOnly(read_only)
        self._set_buttons()
        self.refresh()

    def _set_buttons(self) -> None:
        loaded = self.rubric is not None
        amending = self.amending
        self.save_button.setVisible(loaded and not self.read_only and not amending)
        self.submit_button.setVisible(loaded and not self.read_only and not amending)
        self.amend_button.setVisible(loaded and self.read_only)
        self.amend_submit_button.setVisible(loaded and amending)
        self.amend_cancel_button.setVisible(loaded and amending)

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons():
            button.setEnabled(not busy)
