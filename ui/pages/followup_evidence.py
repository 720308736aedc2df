"""An evidence file of a rectification item (the unit's scans) in the document viewer: read from the encrypted
store on the worker and shown from memory; never written to disk."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from ui.i18n import error_text
from ui.qt import QDialog, QDialogButtonBox, QVBoxLayout, QWidget
from ui.widgets.common import BusyBar, MessageLine
from ui.widgets.document_viewer import DocumentViewer
from ui.widgets.screen_fit import fit_to_screen
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace


class EvidenceDialog(QDialog):
    def __init__(self, ws: OpenWorkspace, evidence_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence file"))
        fit_to_screen(self, 900, 700)
        self.viewer = DocumentViewer()
        self.busy = BusyBar()
        self.message = MessageLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.shown = False
        from reviewdesk.services import rectification

        self.busy.start(self.tr("Opening the file…"))
        run_job(lambda: rectification.evidence_file(ws, evidence_id), self, self._loaded, self._failed)

    def _loaded(self, result: tuple[str, str, bytes]) -> None:
        from reviewdesk.services.cases import DocumentInfo

        self.busy.stop()
        name, media, data = result
        self.setWindowTitle(name)
        info = DocumentInfo(0, name, name, media, len(data), hashlib.sha256(data).hexdigest(), "none", None)
        self.viewer.show_document(info, data)
        self.shown = True

    def _failed(self, err: BaseException) -> None:
        self.busy.stop()
        self.message.show_error(error_text(err))
