"""The roster import wizard: pick experts.xlsx → dry-run report (changes, or every problem with sheet, row,
column and reason) → apply. Both the check and the import run off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewdesk import file_paths
from ui import file_dialogs
from ui.i18n import error_text
from ui.path_messages import path_message
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStandardPaths,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import BusyBar, MessageLine, note
from ui.widgets.file_places import remember_folder, start_folder
from ui.widgets.screen_fit import fit_to_screen
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.experts.sheet import SheetProblem
    from reviewdesk.experts.upsert import ExpertImportReport
    from reviewdesk.workspace import OpenWorkspace


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class ExpertImportDialog(QDialog):
    """Emits `imported(report)` after a successful apply."""

    imported = Signal(object)

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.data: bytes | None = None
        self.file_name = ""
        self.report: ExpertImportReport | None = None
        self.problems: list[SheetProblem] = []
        self.setWindowTitle(self.tr("Import expert roster"))
        fit_to_screen(self, 820, 560)

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("experts.xlsx"))
        self.path.setAccessibleName(self.tr("Roster file"))
        self.browse_button = QPushButton(self.tr("&Choose file…"))
        self.browse_button.clicked.connect(self.browse)
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.clicked.connect(self.check_typed)
        self.template_button = QPushButton(self.tr("Save a &blank roster…"))
        self.template_button.setToolTip(self.tr("An empty experts.xlsx with the right columns, to fill in Excel"))
        self.template_button.clicked.connect(self.save_template)
        pick = QHBoxLayout()
        pick.addWidget(self.path, 1)
        pick.addWidget(self.browse_button)
        pick.addWidget(self.check_button)
        pick.addWidget(self.template_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.changes = _table([self.tr("Change"), self.tr("ID"), self.tr("Name"), self.tr("Details")])
        self.errors = _table([self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Reason")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.changes, self.tr("Changes"))
        self.tabs.addTab(self.errors, self.tr("Problems"))

        self.busy = BusyBar()
        self.message = MessageLine()
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "Choose the roster workbook (start from a blank roster: “Save a blank roster…”). It is checked first "
            "and nothing is written until you press Apply; a workbook with problems cannot be applied."
        )))
        layout.addLayout(pick)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def browse(self) -> None:
        name, _filter = file_dialogs.open_file(
            self, self.tr("Choose roster"), str(start_folder("incoming")), self.tr("Excel workbooks (*.xlsx)")
        )
        if name:
            remember_folder("incoming", Path(name))
            self.path.setText(name)
            self.load_file(Path(name))

    def check_typed(self) -> None:
        check = file_paths.input_file(self.path.text(), (".xlsx",))
        if check.path is None:
            self.message.show_error(path_message(check))
            return
        self.load_file(check.path)

    def save_template(self) -> None:
        from reviewdesk.security.atomic import write_atomic
        from reviewdesk.services import experts

        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _filter = file_dialogs.save_file(
            self, self.tr("Save a blank roster"), str(Path(start or Path.home()) / "experts.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"))
        if not name:
            return
        check = file_paths.output_file(name, ".xlsx", overwrite=True)
        if check.path is None:
            self.message.show_error(path_message(check))
            return
        try:
            write_atomic(check.path, experts.template())
        except OSError:
            self.message.show_error(path_message(file_paths.PathCheck(None, file_paths.PathProblem.NOT_WRITABLE,
                                                                      str(check.path.parent))))
            return
        self.message.show_ok(self.tr("Blank roster saved to {path}. Fill it in, then choose it here.").format(
            path=check.path))

    # -- step 2: dry run -----------------------------------------------------------------------------------
    def load_file(self, path: Path) -> None:
        self.report, self.problems = None, []
        self.apply_button.setEnabled(False)
        self.message.clear_message()
        try:
            self.data = path.read_bytes()
        except OSError:
            self.message.show_error(self.tr("Cannot read {file}.").format(file=str(path)))
            return
        self.file_name = path.name
        self._run(dry_run=True)

    def _run(self, *, dry_run: bool) -> None:
        from reviewdesk.services import experts

        ws, data, name = self.ws, self.data, self.file_name
        assert data is not None
        self.busy.start(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        self.check_button.setEnabled(False)
        run_job(lambda: experts.import_experts(ws, data, name, dry_run=dry_run), self,
                self._checked if dry_run else self._applied, self._failed)

    def _checked(self, report: ExpertImportReport) -> None:
        self.busy.stop()
        self.check_button.setEnabled(True)
        self.report = report
        c = report.counts()
        self.summary.setText(self.tr(
            "{added} to add, {changed} to change, {unchanged} unchanged, {missing} not in the file (kept); "
            "units: {units_added} new, {units_changed} changed."
        ).format(added=c["added"], changed=c["changed"], unchanged=c["unchanged"], missing=c["not_in_file"],
                 units_added=c["units_added"], units_changed=c["units_changed"]))
        rows = [[self.tr("Add"), x.external_id, x.name, ""] for x in report.added]
        rows += [[self.tr("Change"), x.external_id, x.name, "; ".join(f"{f.field}: {f.old} → {f.new}" for f in x.changes)]
                 for x in report.changed]
        rows += [[self.tr("Unit"), u.code, "", self.tr("new") if u.added else "; ".join(f"{f.field}: {f.old} → {f.new}" for f in u.changes)]
                 for u in report.units]
        rows += [[self.tr("Not in file"), eid, "", self.tr("kept as it is")] for eid in report.not_in_file]
        _fill(self.changes, rows)
        _fill(self.errors, [])
        self.tabs.setCurrentWidget(self.changes)
        self.apply_button.setEnabled(bool(report.added or report.changed or report.units))

    def _failed(self, err: BaseException) -> None:
        from reviewdesk.experts.sheet import SheetErrors

        self.busy.stop()
        self.check_button.setEnabled(True)
        if isinstance(err, SheetErrors):
            self.problems = list(err.problems)
            _fill(self.errors, [[p.sheet, str(p.row or ""), p.column or "", p.reason] for p in err.problems])
            _fill(self.changes, [])
            self.tabs.setCurrentWidget(self.errors)
            self.summary.setText(self.tr("{count} problem(s) found; fix the workbook and check it again.").format(
                count=len(err.problems) + err.more))
            self.apply_button.setEnabled(False)
            return
        self.message.show_error(error_text(err))

    # -- step 3: apply ---------------------------------------------------------------------------------------
    def apply(self) -> None:
        if self.report is None or self.data is None:
            return
        self.apply_button.setEnabled(False)
        self._run(dry_run=False)

    def _applied(self, report: ExpertImportReport) -> None:
        self.busy.stop()
        self.check_button.setEnabled(True)
        self.report = None
        c = report.counts()
        self.message.show_ok(self.tr("Imported: {added} added, {changed} changed.").format(added=c["added"], changed=c["changed"]))
        self.imported.emit(report)
