"""The 谈话笔录 tab of a case: the interview records, a new one, and viewing or changing one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewdesk.services import assignment, interviews
from ui.dialogs.interview_editor import InterviewEditor
from ui.i18n import error_text
from ui.models.deliberation import InterviewsModel
from ui.qt import QHBoxLayout, QPushButton, QVBoxLayout, QWidget, Signal
from ui.widgets.common import BusyBar, MessageLine, fit_columns, note, row_table, select_row
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.services.interviews import InterviewView
    from reviewdesk.workspace import OpenWorkspace


def load(ws: OpenWorkspace, case_id: int, campaign_id: str) -> tuple[list[InterviewView], list[str] | None]:
    """The records, and (for an admin, who may read the panels) the panel members' names."""
    records = interviews.interviews(ws, case_id, campaign_id)
    names = None
    if ws.actor.role.value == "admin":
        panel = next((p for p in assignment.panels(ws, campaign_id) if p.case.id == case_id), None)
        names = [m.name for m in panel.members] if panel is not None else None
    return records, names


class InterviewsPanel(QWidget):
    saved = Signal()

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.case_id: int | None = None
        self.campaign_id: str | None = None
        self.member_names: list[str] = []
        self.editor: InterviewEditor | None = None
        self._job: Any = None

        self.model = InterviewsModel(self)
        self.table = row_table(self.model)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.new_button = QPushButton(self.tr("&New interview record…"))
        self.open_button = QPushButton(self.tr("&View / change…"))
        for b in (self.new_button, self.open_button):
            b.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.message = MessageLine()
        self.busy = BusyBar()
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "One record per interviewee: talk with the parties and the original case handlers separately.")))
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update()

    def set_member_names(self, names: list[str]) -> None:
        """The panel's members, offered as the interviewers of a new record (the deliberation tab knows them)."""
        self.member_names = list(names)

    def show_case(self, case_id: int, campaign_id: str) -> None:
        self.clear()
        self.case_id, self.campaign_id = case_id, campaign_id
        self.reload()

    def clear(self) -> None:
        self.case_id = self.campaign_id = None
        self.model.clear()
        self.message.clear_message()
        self._update()

    def reload(self, select_id: int | None = None) -> None:
        if self.case_id is None or self.campaign_id is None or self.ws is None:
            return
        ws, case_id, campaign_id = self.ws, self.case_id, self.campaign_id
        self.busy.start(self.tr("Reading the interview records…"))
        self._job = run_job(lambda: load(ws, case_id, campaign_id), self,
                            lambda result: self._loaded(result, select_id), self._failed)
        self._update()

    def _loaded(self, result: tuple[list[InterviewView], list[str] | None], select_id: int | None) -> None:
        self._job = None
        self.busy.stop()
        records, names = result
        if names is not None and not self.member_names:
            self.member_names = names
        self.model.set_rows(records)
        fit_columns(self.table)
        if select_id is not None:
            select_row(self.table, next((i for i, r in enumerate(records) if r.id == select_id), -1))
        self._update()

    def _failed(self, err: BaseException) -> None:
        self._job = None
        self.busy.stop()
        self.model.clear()
        self.message.show_error(error_text(err))
        self._update()

    def _update(self) -> None:
        has_case = self.case_id is not None
        self.new_button.setEnabled(has_case and self._job is None)
        self.open_button.setEnabled(self.selected() is not None)

    def selected(self) -> InterviewView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def new_record(self) -> None:
        if self.case_id is not None and self.campaign_id is not None:
            self._open(InterviewEditor(self.ws, self.case_id, self.campaign_id, None, self.member_names, self))

    def open_selected(self) -> None:
        record = self.selected()
        if record is not None and self.case_id is not None and self.campaign_id is not None:
            self._open(InterviewEditor(self.ws, self.case_id, self.campaign_id, record, None, self))

    def _open(self, editor: InterviewEditor) -> None:
        self.editor = editor
        editor.accepted.connect(self._saved)
        editor.open()

    def _saved(self) -> None:
        editor = self.editor
        self.editor = None
        if editor is None:
            return
        saved_id = editor.result_view.id if editor.result_view else None
        editor.deleteLater()
        self.message.show_ok(self.tr("Interview record saved."))
        self.saved.emit()
        self.reload(saved_id)

    def teardown(self) -> None:
        self.clear()
        self.ws = None  # type: ignore[assignment]
