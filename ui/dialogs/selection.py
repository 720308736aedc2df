"""Case selection for the admin: a reproducible random draw (preview, then store) and key cases by hand.

The draw itself runs in the core (reviewdesk.services.selection) on a worker; this dialog only gathers the
parameters, shows the preview and reports what was stored. The same parameters and seed replay exactly.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from ui.i18n import error_text
from ui.models.cases import case_type_label, case_types, flag_label
from ui.qt import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import BusyBar, MessageLine, note
from ui.widgets.screen_fit import fit_to_screen, rows_tall, scrolled
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.services.campaigns import UnitInfo
    from reviewdesk.services.selection import SelectionResult
    from reviewdesk.workspace import OpenWorkspace

FLAGS = ("unenforced", "unresolved", "repeated")


def fresh_seed() -> str:
    """Readable and easy to copy into the minutes: today's date and 8 random hex digits."""
    return f"{date.today():%Y%m%d}-{secrets.token_hex(4)}"


def _check_list(items: list[tuple[str, str]]) -> QListWidget:
    widget = QListWidget()
    for code, label in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(110)
    return widget


def checked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def set_checked(widget: QListWidget, codes: set[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in codes
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class SelectionDialog(QDialog):
    """Random draw (tab 1) and key cases (tab 2). Emits `selection_changed` after anything is stored."""

    selection_changed = Signal(str)  # campaign id

    def __init__(self, ws: OpenWorkspace, campaign_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from reviewdesk.services import campaigns

        self.ws = ws
        self.setWindowTitle(self.tr("Select cases"))
        self.setMinimumWidth(640)
        fit_to_screen(self, 800, 680)
        self._job_running = False
        self.last_result: SelectionResult | None = None

        self.campaign = QComboBox()
        for c in campaigns.list_campaigns(ws):
            self.campaign.addItem(f"{c.name}（{c.id}）", c.id)
        if campaign_id is not None and (i := self.campaign.findData(campaign_id)) >= 0:
            self.campaign.setCurrentIndex(i)
            # The session's campaign (main window header): drawing for another one here would be a surprise.
            self.campaign.setEnabled(False)
            self.campaign.setToolTip(self.tr("The campaign chosen at the top of the main window"))
        units = campaigns.list_units(ws)
        self.unit_names = {u.code: u.name for u in units}  # previews name the unit, as people know it

        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self._draw_tab(units)), self.tr("Random draw"))
        self.tabs.addTab(self._key_tab(), self.tr("Key case"))
        self.tabs.currentChanged.connect(lambda index: self.load_key_cases() if index == 1 else None)
        self.message = MessageLine()
        self.busy = BusyBar()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        top = QFormLayout()
        top.addRow(self.tr("&Campaign:"), self.campaign)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(close)
        self.campaign.currentIndexChanged.connect(self._clear_preview)

    # -- tab 1: the random draw ----------------------------------------------------------------------------
    def _draw_tab(self, units: list[UnitInfo]) -> QWidget:
        page = QWidget()
        self.by_count = QRadioButton(self.tr("Number of cases"))
        self.by_ratio = QRadioButton(self.tr("Share of the pool"))
        self.by_count.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.by_count)
        group.addButton(self.by_ratio)
        self.count = QSpinBox()
        self.count.setRange(1, 100000)
        self.count.setValue(10)
        self.ratio = QDoubleSpinBox()
        self.ratio.setRange(0.001, 1.0)
        self.ratio.setDecimals(3)
        self.ratio.setSingleStep(0.05)
        self.ratio.setValue(0.1)
        size = QHBoxLayout()
        for w in (self.by_count, self.count, self.by_ratio, self.ratio):
            size.addWidget(w)
        size.addStretch(1)

        self.types = _check_list(case_types())
        self.units = _check_list([(u.code, f"{u.name}（{u.code}）") for u in units])
        self.flags = _check_list([(f, flag_label(f)) for f in FLAGS])
        self.min_petitions = QSpinBox()
        self.min_petitions.setRange(0, 9999)
        self.min_petitions.setSpecialValueText(self.tr("any"))
        self.strata = QComboBox()
        for code, label in (
            (None, self.tr("None")),
            ("case_type", self.tr("Case type")),
            ("unit", self.tr("Handling unit")),
            ("region", self.tr("Prefecture (first 4 digits of the region code)")),
            ("flag", self.tr("Petition flag")),
        ):
            self.strata.addItem(label, code)
        self.seed = QLineEdit(fresh_seed())
        self.seed.setMaxLength(128)
        new_seed = QPushButton(self.tr("New seed"))
        new_seed.clicked.connect(lambda: self.seed.setText(fresh_seed()))
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(new_seed)

        form = QFormLayout()
        form.addRow(self.tr("How many:"), size)
        # The three lists side by side: stacked, they left the drawn cases 1.5 rows on a 768-pixel screen.
        lists = QGridLayout()
        for column, (caption, widget) in enumerate((
            (self.tr("Case types (none = all):"), self.types),
            (self.tr("Handling units (none = all):"), self.units),
            (self.tr("Petition flags (any of; none = all):"), self.flags),
        )):
            lists.addWidget(QLabel(caption), 0, column)
            lists.addWidget(widget, 1, column)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 2)  # unit names are long
        lists.setColumnStretch(2, 1)
        form.addRow(lists)
        form.addRow(self.tr("At least this many petitions:"), self.min_petitions)
        form.addRow(self.tr("Draw per stratum:"), self.strata)
        form.addRow(self.tr("&Seed:"), seed_row)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.apply_button = QPushButton(self.tr("Draw and store"))
        self.apply_button.setEnabled(False)  # only what was previewed gets stored
        self.preview_button.clicked.connect(self.preview)
        self.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.apply_button)

        self.summary = note("")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Case id"), self.tr("Case number"), self.tr("Type"), self.tr("Unit")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(page)
        layout.addWidget(
            note(
                self.tr(
                    "Cases are ranked by SHA-256 of the seed and each case key; the lowest ranks are drawn. "
                    "Keep the seed with the minutes: with the same seed and settings, anyone can repeat the draw and "
                    "get the same cases."
                )
            )
        )
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        rows_tall(self.table, 5)
        for signal in (
            self.count.valueChanged, self.ratio.valueChanged, self.by_count.toggled, self.seed.textEdited,
            self.strata.currentIndexChanged, self.min_petitions.valueChanged, self.types.itemChanged,
            self.units.itemChanged, self.flags.itemChanged,
        ):
            signal.connect(self._clear_preview)
        return page

    def where(self) -> list[str]:
        """The filters as `--where` clauses (what the CLI would be given)."""
        clauses = []
        for field, widget in (("type", self.types), ("unit", self.units), ("flag", self.flags)):
            codes = checked(widget)
            if codes:
                clauses.append(f"{field}={','.join(codes)}")
        if self.min_petitions.value() > 0:
            clauses.append(f"petition>={self.min_petitions.value()}")
        return clauses

    def _draw_kwargs(self) -> dict[str, object]:
        kwargs: dict[str, object] = {"where": self.where(), "strata": self.strata.currentData(), "seed": self.seed.text()}
        if self.by_count.isChecked():
            kwargs["count"] = self.count.value()
        else:
            kwargs["ratio"] = f"{self.ratio.value():.3f}".rstrip("0").rstrip(".")
        return kwargs

    def preview(self) -> None:
        self._run_draw(dry_run=True)

    def apply(self) -> None:
        self._run_draw(dry_run=False)

    def _run_draw(self, *, dry_run: bool) -> None:
        from reviewdesk.services import selection

        campaign_id = self.campaign.currentData()
        if campaign_id is None:
            self.message.show_error(self.tr("Create a campaign first."))
            return
        ws, kwargs = self.ws, self._draw_kwargs()
        busy = self.tr("Drawing…") if dry_run else self.tr("Storing the draw…")
        self._start(
            lambda: selection.draw(ws, campaign_id, dry_run=dry_run, **kwargs),  # type: ignore[arg-type]
            busy,
            self._previewed if dry_run else self._stored,
        )

    def _show(self, result: SelectionResult) -> None:
        self.table.setRowCount(len(result.cases))
        for row, c in enumerate(result.cases):
            unit = self.unit_names.get(c.unit_code, c.unit_code)
            values = [str(row + 1), c.external_id, c.case_number, case_type_label(c.case_type), unit]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        text = self.tr("{n} of {pool} cases; pool fingerprint {fp}").format(
            n=result.count, pool=result.pool_size, fp=result.pool_fingerprint[:16]
        )
        if result.strata:
            parts = [f"{self.unit_names.get(name, name)} {d}/{p}" for name, (p, d) in result.strata.items()]
            text += "\n" + self.tr("Per stratum (drawn/pool): {parts}").format(parts=", ".join(parts))
        self.summary.setText(text)

    def _previewed(self, result: SelectionResult) -> None:
        self._show(result)
        self.apply_button.setEnabled(True)

    def _stored(self, result: SelectionResult) -> None:
        self._show(result)
        self.last_result = result
        self.apply_button.setEnabled(False)
        self.message.show_ok(
            self.tr("Draw {id} stored: {n} cases. Seed: {seed}").format(id=result.selection_id, n=result.count, seed=result.seed)
        )
        self.selection_changed.emit(result.campaign_id)

    def _clear_preview(self, *_args: object) -> None:
        self.apply_button.setEnabled(False)

    # -- tab 2: key cases ----------------------------------------------------------------------------------
    def _key_tab(self) -> QWidget:
        page = QWidget()
        self.key_case = QLineEdit()
        self.key_case.setPlaceholderText(self.tr("type part of the case number, the title or the case id, then choose"))
        # Picked from the list of cases: typing any part of the number or title offers the matches.
        self.key_cases = QStandardItemModel(self)
        self.key_completer = QCompleter(self.key_cases, self)
        self.key_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.key_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.key_completer.setCompletionRole(Qt.ItemDataRole.DisplayRole)
        self.key_completer.setMaxVisibleItems(12)
        self.key_completer.activated[QModelIndex].connect(self._key_case_picked)
        self.key_case.setCompleter(self.key_completer)
        self.key_list_button = QPushButton(self.tr("&List…"))
        self.key_list_button.setToolTip(self.tr("Show every case to choose from"))
        self.key_list_button.clicked.connect(self.show_key_cases)
        self.key_reason = QPlainTextEdit()
        self.key_reason.setPlaceholderText(self.tr("why this case must be reviewed (required)"))
        self.key_button = QPushButton(self.tr("Add key case"))
        self.key_button.clicked.connect(self.add_key_case)
        form = QFormLayout()
        case_row = QHBoxLayout()
        case_row.addWidget(self.key_case, 1)
        case_row.addWidget(self.key_list_button)
        case_label = QLabel(self.tr("C&ase:"))
        case_label.setBuddy(self.key_case)  # a row holding a layout gets no buddy by itself: Alt+A still works
        form.addRow(case_label, case_row)
        form.addRow(self.tr("&Reason:"), self.key_reason)
        layout = QVBoxLayout(page)
        layout.addWidget(note(self.tr("A key case is chosen by hand; it stays selected when cases are drawn again.")))
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.key_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def load_key_cases(self) -> None:
        """The cases to pick from (once; their number, case number and title)."""
        if self.key_cases.rowCount() or self.ws is None:
            return
        from reviewdesk.services import cases

        try:
            rows = cases.list_cases(self.ws)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        for row in rows:
            item = QStandardItem(f"{row.external_id}  {row.case_number}  {row.title}")
            item.setData(row.external_id, Qt.ItemDataRole.UserRole)
            self.key_cases.appendRow(item)

    def show_key_cases(self) -> None:
        self.load_key_cases()
        self.key_case.setFocus()
        self.key_completer.setCompletionPrefix(self.key_case.text())
        self.key_completer.complete()

    def _key_case_picked(self, index: QModelIndex) -> None:
        external_id = str(index.data(Qt.ItemDataRole.UserRole) or "")
        # After the completer has written its line into the field: keep only the case id.
        QTimer.singleShot(0, lambda: self.key_case.setText(external_id))

    def add_key_case(self) -> None:
        from reviewdesk.services import selection

        campaign_id = self.campaign.currentData()
        ref, reason = self.key_case.text().strip(), self.key_reason.toPlainText().strip()
        if campaign_id is None:
            self.message.show_error(self.tr("Create a campaign first."))
            return
        if not ref:
            self.message.show_error(self.tr("Enter the case."))
            self.key_case.setFocus()
            return
        if not reason:
            self.message.show_error(self.tr("Enter the reason."))
            self.key_reason.setFocus()
            return
        ws = self.ws
        self._start(lambda: selection.add_key_case(ws, campaign_id, ref, reason), self.tr("Saving…"), self._key_added)

    def _key_added(self, row: object) -> None:
        self.message.show_ok(self.tr("Case {case} added as a key case.").format(case=getattr(row, "external_id", "")))
        self.key_case.clear()
        self.key_reason.clear()
        self.selection_changed.emit(self.campaign.currentData())

    # -- running on the worker -----------------------------------------------------------------------------
    def _start(self, fn: Callable[[], object], busy_text: str, on_done: Callable[[Any], None]) -> None:
        self.message.clear_message()
        self._set_busy(True, busy_text)

        def done(result: object) -> None:
            self._set_busy(False)
            on_done(result)

        run_job(fn, self, done, self._failed)

    def _failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(error_text(err))

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._job_running = busy
        for w in (self.tabs, self.campaign):
            w.setEnabled(not busy)
        if busy:
            self.busy.start(text)
        else:
            self.busy.stop()

    def reject(self) -> None:
        if self._job_running:  # a change may be under way; let it finish
            return
        super().reject()
