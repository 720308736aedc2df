"""One interview record (谈话笔录): who talked with whom, when and where, the four notices, the questions and
answers, and the interviewee's confirmation. Saves through reviewdesk.services.interviews; errors name the field.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from reviewdesk.services import interviews
from reviewdesk.services.interviews import QA, InterviewInput
from ui.dialogs.form_saving import SavingForm, quiet_button
from ui.models.deliberation import interview_relations
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTime,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from reviewdesk.services.interviews import InterviewView
    from reviewdesk.workspace import OpenWorkspace

NOTICES = ("identity", "purpose", "recusal_right", "truth_duty")



def _moment(edit: QDateTimeEdit) -> datetime:
    """The edit's local time; the service takes a time without offset as this machine's."""
    value = edit.dateTime().toPython()
    assert isinstance(value, datetime)
    return value.replace(second=0, microsecond=0)


class InterviewEditor(SavingForm):
    def __init__(
        self,
        ws: OpenWorkspace,
        case_id: int,
        campaign_id: str,
        record: InterviewView | None = None,
        member_names: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.case_id = case_id
        self.campaign_id = campaign_id
        self.record = record
        self.result_view: InterviewView | None = None
        self._job: Any = None
        self.setWindowTitle(self.tr("Interview record") if record is None else self.tr("Interview record (edit)"))
        fit_to_screen(self, 820, 800)

        start = QDateTime.currentDateTime()
        start.setTime(start.time().addSecs(-start.time().second()))
        self.started = QDateTimeEdit(start)
        self.ended = QDateTimeEdit(start.addSecs(3600))
        for edit in (self.started, self.ended):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place = QLineEdit()

        self.interviewers = QListWidget()
        self.interviewers.setMaximumHeight(110)
        self.interviewer_name = QLineEdit()
        self.interviewer_name.setPlaceholderText(self.tr("name, then Add"))
        self.interviewer_name.returnPressed.connect(self.add_interviewer)  # Enter here adds, never saves
        self.add_interviewer_button = quiet_button(self.tr("A&dd"))
        self.remove_interviewer_button = quiet_button(self.tr("Remo&ve"))
        self.add_interviewer_button.clicked.connect(self.add_interviewer)
        self.remove_interviewer_button.clicked.connect(self.remove_interviewer)
        interviewer_row = QHBoxLayout()
        interviewer_row.addWidget(self.interviewer_name, 1)
        interviewer_row.addWidget(self.add_interviewer_button)
        interviewer_row.addWidget(self.remove_interviewer_button)
        interviewer_box = QVBoxLayout()
        interviewer_box.addWidget(self.interviewers)
        interviewer_box.addLayout(interviewer_row)

        self.recorder = QLineEdit()
        self.interviewee = QLineEdit()
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("required for an original case handler"))
        self.relation = QComboBox()
        for code, label in interview_relations():
            self.relation.addItem(label, code)
        self.notices = {
            "identity": QCheckBox(self.tr("Identity stated")),
            "purpose": QCheckBox(self.tr("Purpose explained")),
            "recusal_right": QCheckBox(self.tr("Right to ask for recusal told")),
            "truth_duty": QCheckBox(self.tr("Duty to tell the truth told")),
        }
        notice_box = QVBoxLayout()
        for box in self.notices.values():
            notice_box.addWidget(box)

        self.qa = QTableWidget(0, 2)
        self.qa.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Answer")])
        self.qa.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.qa.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.qa.setWordWrap(True)
        self.qa.setMinimumHeight(180)
        self.add_qa_button = quiet_button(self.tr("Add &question"))
        self.remove_qa_button = quiet_button(self.tr("Remove question"))
        self.up_button = quiet_button(self.tr("Move &up"))
        self.down_button = quiet_button(self.tr("Move do&wn"))
        self.add_qa_button.clicked.connect(lambda: self.add_qa())
        self.remove_qa_button.clicked.connect(self.remove_qa)
        self.up_button.clicked.connect(lambda: self.move_qa(-1))
        self.down_button.clicked.connect(lambda: self.move_qa(1))
        qa_buttons = QHBoxLayout()
        for b in (self.add_qa_button, self.remove_qa_button, self.up_button, self.down_button):
            qa_buttons.addWidget(b)
        qa_buttons.addStretch(1)

        self.confirmation = QPlainTextEdit()
        self.confirmation.setTabChangesFocus(True)
        self.confirmation.setPlaceholderText(self.tr("e.g. I have read this record; it matches what I said."))
        self.confirmation.setMaximumHeight(80)

        form = QFormLayout()
        form.addRow(self.tr("&Start: *"), self.started)
        form.addRow(self.tr("&End: *"), self.ended)
        form.addRow(self.tr("&Place: *"), self.place)
        interviewers_label = QLabel(self.tr("&Interviewers (at least two): *"))
        interviewers_label.setBuddy(self.interviewer_name)
        form.addRow(interviewers_label, interviewer_box)
        form.addRow(self.tr("&Recorder: *"), self.recorder)
        form.addRow(self.tr("I&nterviewee: *"), self.interviewee)
        form.addRow(self.tr("Interviewee's &unit:"), self.unit)
        form.addRow(self.tr("Re&lation to the case: *"), self.relation)
        form.addRow(self.tr("Notices given: *"), notice_box)
        form.addRow(QLabel(self.tr("Questions and answers (at least one): *")))
        form.addRow(self.qa)
        form.addRow(qa_buttons)
        form.addRow(self.tr("Interviewee's &confirmation: *"), self.confirmation)
        self.lay_out(self.tr("Interview record"), form, self.tr("&Save the record"), self.tr("Cancel"))

        if record is not None:
            self._fill(record)
        else:
            for name in member_names or []:
                self._append_interviewer(name)
            self.add_qa()
        self._update()

    def _fill(self, r: InterviewView) -> None:
        for edit, text in ((self.started, r.started_at), (self.ended, r.ended_at)):
            moment = datetime.fromisoformat(text).astimezone().replace(tzinfo=None)
            edit.setDateTime(QDateTime(moment))
        self.place.setText(r.place)
        for name in r.interviewers:
            self._append_interviewer(name)
        self.recorder.setText(r.recorder)
        self.interviewee.setText(r.interviewee_name)
        self.unit.setText(r.interviewee_unit)
        self.relation.setCurrentIndex(max(0, self.relation.findData(r.relation)))
        for key, box in self.notices.items():
            box.setChecked(bool(r.notice.get(key)))
        for pair in r.qa:
            self.add_qa(pair.q, pair.a)
        self.confirmation.setPlainText(r.confirmation)

    def _update(self) -> None:
        self.remove_interviewer_button.setEnabled(self.interviewers.count() > 0)
        rows = self.qa.rowCount()
        self.remove_qa_button.setEnabled(rows > 0)
        self.up_button.setEnabled(rows > 1)
        self.down_button.setEnabled(rows > 1)

    # -- interviewers ------------------------------------------------------------------------------------
    def _append_interviewer(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.interviewers.addItem(item)

    def add_interviewer(self) -> None:
        name = self.interviewer_name.text().strip()
        if name:
            self._append_interviewer(name)
            self.interviewer_name.clear()
        self._update()

    def remove_interviewer(self) -> None:
        row = self.interviewers.currentRow()
        if row < 0:
            row = self.interviewers.count() - 1
        if row >= 0:
            self.interviewers.takeItem(row)
        self._update()

    def interviewer_names(self) -> list[str]:
        return [self.interviewers.item(i).text() for i in range(self.interviewers.count())]

    # -- questions and answers ---------------------------------------------------------------------------
    def add_qa(self, question: str = "", answer: str = "") -> int:
        row = self.qa.currentRow() + 1 if self.qa.currentRow() >= 0 else self.qa.rowCount()
        self.qa.insertRow(row)
        self.qa.setItem(row, 0, QTableWidgetItem(question))
        self.qa.setItem(row, 1, QTableWidgetItem(answer))
        self.qa.setCurrentCell(row, 0)
        self._update()
        return row

    def remove_qa(self) -> None:
        row = self.qa.currentRow()
        if row < 0:
            row = self.qa.rowCount() - 1
        if row >= 0:
            self.qa.removeRow(row)
        self._update()

    def move_qa(self, step: int) -> None:
        row = self.qa.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.qa.rowCount():
            return
        here = [self.qa.takeItem(row, c) for c in range(2)]
        there = [self.qa.takeItem(target, c) for c in range(2)]
        for c in range(2):
            self.qa.setItem(row, c, there[c])
            self.qa.setItem(target, c, here[c])
        self.qa.setCurrentCell(target, self.qa.currentColumn() if self.qa.currentColumn() >= 0 else 0)

    def qa_pairs(self) -> list[QA]:
        def text(row: int, col: int) -> str:
            item = self.qa.item(row, col)
            return item.text() if item is not None else ""

        return [QA(text(r, 0), text(r, 1)) for r in range(self.qa.rowCount())]

    # -- saving ------------------------------------------------------------------------------------------
    def interview_input(self) -> InterviewInput:
        return InterviewInput(
            started_at=_moment(self.started),
            ended_at=_moment(self.ended),
            place=self.place.text(),
            interviewers=self.interviewer_names(),
            recorder=self.recorder.text(),
            interviewee_name=self.interviewee.text(),
            relation=str(self.relation.currentData()),
            notice={key: box.isChecked() for key, box in self.notices.items()},
            qa=self.qa_pairs(),
            confirmation=self.confirmation.toPlainText(),
            interviewee_unit=self.unit.text(),
        )

    def save(self) -> None:
        if self._job is not None:
            return
        data = self.interview_input()
        ws, record = self.ws, self.record
        case_id, campaign_id = self.case_id, self.campaign_id
        if record is None:
            def work() -> InterviewView:
                return interviews.record_interview(ws, case_id, data, campaign_id)
        else:
            def work() -> InterviewView:
                return interviews.update_interview(ws, record.id, data)
        self.save_in_background(work, self.tr("Saving the record…"))

    def _focus(self, field: str) -> None:
        widgets: dict[str, QWidget] = {
            "started_at": self.started, "ended_at": self.ended, "place": self.place,
            "interviewers": self.interviewer_name, "recorder": self.recorder, "interviewee_name": self.interviewee,
            "interviewee_unit": self.unit, "relation": self.relation, "qa": self.add_qa_button,
            "confirmation": self.confirmation,
        }
        if field in widgets:
            widgets[field].setFocus()
        elif field.startswith("notice.") and field[len("notice."):] in self.notices:
            self.notices[field[len("notice."):]].setFocus()
        elif field.startswith("qa["):
            row = int(field[3:field.index("]")])
            self.qa.setCurrentCell(row, 1 if field.endswith(".a") else 0)
            self.qa.setFocus()
        elif field.startswith("interviewers["):
            self.interviewers.setCurrentRow(int(field[len("interviewers["):field.index("]")]))
            self.interviewers.setFocus()
