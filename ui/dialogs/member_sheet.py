"""A panel member's score sheet as the office reads it (double-click on 评分): the same form, read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.qt import QDialog, QDialogButtonBox, QGuiApplication, QVBoxLayout, QWidget
from ui.widgets.common import MessageLine
from ui.widgets.evidence_links import open_at_page
from ui.widgets.score_form import ScoreForm

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace
    from ui.widgets.document_viewer import DocumentViewerDialog


class MemberSheetDialog(QDialog):
    def __init__(
        self, ws: OpenWorkspace, campaign_id: str, case_id: int, expert_id: str, name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Score sheet of {name}").format(name=name))
        self.member_name = name
        self.ws = ws
        self.viewers: list[DocumentViewerDialog] = []  # documents opened from the evidence links
        self.form = ScoreForm()
        self.form.open_page.connect(lambda doc, page: open_at_page(ws, doc, page, self, self.viewers))
        self.message = MessageLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        self.resize(min(1000, free.width() - 40) if free else 1000, min(700, free.height() - 60) if free else 700)
        self._load(ws, campaign_id, case_id, expert_id)

    def _load(self, ws: OpenWorkspace, campaign_id: str, case_id: int, expert_id: str) -> None:
        from reviewdesk.errors import ReviewDeskError
        from reviewdesk.services import evidence, rubrics, scoring

        try:
            view = scoring.sheet(ws, case_id, expert_ref=expert_id, campaign_id=campaign_id)
            rubric = rubrics.rubric_detail(ws, view.rubric_code, view.rubric_version).rubric
            bands = rubrics.grading(ws, campaign_id).bands
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self.form.load(rubric, bands, view)
        try:  # the references as links to their pages (without the layout they are plain text)
            self.form.set_evidence(evidence.file_layout(ws, case_id), [])
        except ReviewDeskError:
            pass
        self.form.set_read_only(True)
        for button in self.form.buttons():  # reading only: no amendment from the office's seat
            button.hide()
        state = (
            self.tr("Submitted, version {version}.").format(version=view.version)
            if view.status == "submitted"
            else self.tr("Draft: the member has not submitted it yet.")
        )
        self.form.status.setText(f"{self.member_name} · {state}")

    def teardown(self) -> None:
        for dialog in list(self.viewers):
            dialog.teardown()
            dialog.close()
        self.form.clear()
