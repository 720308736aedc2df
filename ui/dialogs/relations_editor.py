"""Editing one expert's declared relations (近亲属, 原同事…): add and remove rows, save all at once.
The service validates; its message (in Chinese when the UI is) names the row and the field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.models.labels import relation_kinds
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.common import MessageLine, note
from ui.widgets.screen_fit import fit_to_screen
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.services.experts import ExpertDetail, RelationInfo
    from reviewdesk.workspace import OpenWorkspace

KIND, NAME, ID_NUMBER, UNIT, NOTE = range(5)


class RelationsEditorDialog(QDialog):
    """Emits `saved(detail)` with the expert's new detail after a successful save."""

    saved = Signal(object)

    def __init__(self, ws: OpenWorkspace, detail: ExpertDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.expert_id = detail.row.id
        self.setWindowTitle(self.tr("Relations of {name} ({id})").format(name=detail.row.name, id=detail.row.external_id))
        fit_to_screen(self, 760, 420)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Relation"), self.tr("Person or organisation"), self.tr("Identity number"), self.tr("Unit code"), self.tr("Note")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for rel in detail.relations:
            self.add_row(rel)
        self.add_button = QPushButton(self.tr("&Add row"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(self.tr("&Remove row"))
        self.remove_button.clicked.connect(self.remove_row)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.message = MessageLine()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "Relations the expert declared: near relatives, former colleagues, business interests, clients. "
            "The recusal check compares them with each case's parties and handlers. Saving replaces the whole list."
        )))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def add_row(self, rel: RelationInfo | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QComboBox()
        for key, label in relation_kinds():
            kind.addItem(label, key)
        if rel is not None:
            kind.setCurrentIndex(max(0, kind.findData(rel.kind)))
        self.table.setCellWidget(row, KIND, kind)
        values = (rel.name, rel.id_number or "", rel.unit_code or "", rel.note) if rel else ("", "", "", "")
        for col, value in zip((NAME, ID_NUMBER, UNIT, NOTE), values, strict=True):
            self.table.setItem(row, col, QTableWidgetItem(value))
        return row

    def remove_row(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True) or [self.table.currentRow()]
        for row in rows:
            if row >= 0:
                self.table.removeRow(row)

    def relations(self) -> list[object]:
        from reviewdesk.services.experts import RelationInput

        out = []
        for row in range(self.table.rowCount()):
            kind = self.table.cellWidget(row, KIND)

            def cell(col: int, row: int = row) -> str:
                item = self.table.item(row, col)
                return item.text().strip() if item else ""

            out.append(RelationInput(
                kind.currentData() if isinstance(kind, QComboBox) else "other", cell(NAME),
                cell(ID_NUMBER) or None, cell(UNIT) or None, cell(NOTE),
            ))
        return out

    def save(self) -> None:
        from reviewdesk.services import experts

        ws, expert_id, relations = self.ws, self.expert_id, self.relations()
        self.message.clear_message()
        self.save_button.setEnabled(False)
        run_job(lambda: experts.set_relations(ws, expert_id, relations), self, self._saved, self._failed)  # type: ignore[arg-type]

    def _saved(self, detail: ExpertDetail) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(detail)
        self.accept()

    def _failed(self, err: BaseException) -> None:
        from reviewdesk.errors import ValidationError
        from ui.i18n import current_language

        self.save_button.setEnabled(True)
        if isinstance(err, ValidationError):
            # The service's message already names the row and the field ("第 2 行身份证号无效…").
            text = err.message_zh if current_language().startswith("zh") else err.message
            self.message.show_error(text.split("：" if "：" in text else ": ", 1)[-1])
            return
        self.message.show_error(error_text(err))
