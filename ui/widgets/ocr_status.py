"""The OCR of scanned files in the background, and its line in the status bar ("Recognising file 3 of 58,
page 12 of 40"), with a pause button.

The run (services.ocr.run) goes on a pool worker (ui/worker.run_job), never the UI thread, one thread of
onnxruntime and at a lower OS priority where the system allows it, so scoring stays responsive. It stops
between two pages when paused or when the app locks (`stop()`, called by MainWindow.cancel_jobs): each page
is committed on its own, so the next start resumes at the next page.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

from ui.qt import QHBoxLayout, QLabel, QPushButton, QTimer, QWidget, Signal
from ui.worker import Job, progress_to, run_job

if TYPE_CHECKING:
    from reviewdesk.services.ocr import RunProgress
    from reviewdesk.workspace import OpenWorkspace

START_DELAY_MS = 3000  # after log-in, once the first page is shown
AUTO_START = True  # tests/ui/conftest.py turns it off: a GUI test should not OCR the demo's scans meanwhile
LOW_PRIORITY = 10  # nice value of the worker thread (Linux; elsewhere the run keeps the normal priority)


def _lower_priority() -> None:
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOW_PRIORITY)  # this thread only, on Linux
    except (AttributeError, OSError):
        pass


class OcrStatus(QWidget):
    """Status-bar widget: starts the background run, shows its progress, pauses and resumes it."""

    finished = Signal(object)  # the RunResult, or the error

    def __init__(self, ws: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._stop = threading.Event()
        self._job: Job | None = None
        self.paused = False
        self.label = QLabel()
        self.pause_button = QPushButton(self.tr("Pause recognition"))
        self.pause_button.setFlat(True)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.pause_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.pause_button)

    def start_later(self, delay_ms: int = START_DELAY_MS) -> None:
        if AUTO_START:
            QTimer.singleShot(delay_ms, self, self.start)

    def running(self) -> bool:
        return self._job is not None  # cleared when its result (or error) arrives

    def start(self) -> None:
        if self.running() or self.paused:
            return
        self._stop.clear()
        ws, stop, show = self.ws, self._stop, progress_to(self, self._show_progress)

        def work() -> Any:
            from reviewdesk.services import ocr

            _lower_priority()

            def moved(p: RunProgress) -> None:
                show(p.file, p.files, p.page, p.pages)

            return ocr.run(ws, progress=moved, should_stop=stop.is_set, threads=1)

        self._job = run_job(work, self, self._done, self._failed)

    def stop(self) -> None:
        """Ask the run to stop after the page it is on (the lock, a pause)."""
        self._stop.set()

    def toggle_pause(self) -> None:
        self.paused = not self.paused
        if self.paused:
            self.stop()
            self.pause_button.setText(self.tr("Resume recognition"))
            self.label.setText(self.tr("Recognition paused"))
        else:
            self.pause_button.setText(self.tr("Pause recognition"))
            self.start()

    def _show_progress(self, file: int, files: int, page: int, pages: int) -> None:
        if self.paused:
            return
        self.pause_button.show()
        self.label.setText(
            self.tr("Recognising file {file} of {files}, page {page} of {pages}").format(
                file=file, files=files, page=page, pages=pages
            )
        )

    def _done(self, result: object) -> None:
        self._job = None
        if not self.paused:
            failed = len(getattr(result, "failed", []))
            pages = getattr(result, "pages", 0)
            if getattr(result, "stopped", False):
                self.label.clear()
            elif pages or failed:
                self.label.setText(
                    self.tr("Recognition done: {pages} page(s), {failed} file(s) could not be read").format(
                        pages=pages, failed=failed
                    )
                )
                self.pause_button.hide()
        self.finished.emit(result)

    def _failed(self, err: BaseException) -> None:
        self._job = None
        self.pause_button.hide()
        self.label.setText(self.tr("Recognition stopped: {reason}").format(reason=str(err)[:200]))
        self.finished.emit(err)
