"""Record a recusal matter for a case: an expert's own recusal, a party's request the office granted, or a
report of improper contact (gifts, meals, private meetings) — rules 7 and 8 of domain.md."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import MessageLine, note

if TYPE_CHECKING:
    from reviewdesk.services.experts import ExpertRow
    from reviewdesk.workspace import OpenWorkspace


class DeclarationDialog(QDialog):
    def __init__(
        self,
        ws: OpenWorkspace,
        case_ref: str,
        case_label: str,
        pool: list[ExpertRow],
        on_saved: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws, self.case_ref, self._on_saved = ws, case_ref, on_saved
        self.setWindowTitle(self.tr("Record a recusal matter"))
        self.expert = QComboBox()
        self.expert.addItem(self.tr("— choose —"), None)
        for e in pool:
            self.expert.addItem(f"{e.external_id}  {e.name}  {e.unit_name}", e.external_id)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("The expert asks to withdraw (自行回避)"), "self_declared")
        self.kind.addItem(self.tr("A party's request, granted (申请回避)"), "request_granted")
        self.kind.addItem(self.tr("Improper contact reported (gifts, meals, private meetings)"), "conduct")
        self.counterpart = QLineEdit()
        self.counterpart.setPlaceholderText(self.tr("improper contact: the party or handler concerned"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Case:"), QLineEdit(case_label, readOnly=True))
        form.addRow(self.tr("Expert:"), self.expert)
        form.addRow(self.tr("Matter:"), self.kind)
        form.addRow(self.tr("Person concerned:"), self.counterpart)
        form.addRow(self.tr("Facts and decision:"), self.note_edit)
        self.message = MessageLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(self.tr("The expert is excluded from this case from now on; draw or change the panel afterwards."))
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for signal in (self.expert.currentIndexChanged, self.note_edit.textChanged):
            signal.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(self.expert.currentData() is not None and bool(self.note_edit.toPlainText().strip()))

    def save(self) -> None:
        if not self.ok.isEnabled():
            return
        from reviewdesk.services import recusal

        try:
            recusal.declare(
                self.ws, str(self.expert.currentData()), str(self.kind.currentData()), case_ref=self.case_ref,
                counterpart_name=self.counterpart.text().strip() or None, note=self.note_edit.toPlainText(),
            )
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.accept()
        self._on_saved()
