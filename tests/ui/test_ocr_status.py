"""The background OCR line in the status bar: it runs the queue off the UI thread, reports, pauses, and goes
with the main window's teardown (the lock)."""

from __future__ import annotations

from pathlib import Path

from reviewdesk.packages import age, minisign
from reviewdesk.services import ocr
from reviewdesk.workspace import OpenWorkspace
from tests.test_reading_room import queue_broken_image
from ui.qt import QWidget
from ui.widgets.ocr_status import OcrStatus
from ui.windows.main_window import MainWindow


def _status(qtbot, ws: OpenWorkspace) -> tuple[QWidget, OcrStatus]:
    """The widget in a parent, as in the status bar; the caller keeps the parent (its only reference)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    return holder, OcrStatus(ws, holder)


def test_runs_the_queue_in_the_background_and_reports(
    qtbot, desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path
) -> None:
    queue_broken_image(desk, office, recipient, tmp_path)
    _holder, status = _status(qtbot, desk)
    with qtbot.waitSignal(status.finished, timeout=60000) as done:
        status.start()
    assert isinstance(done.args[0], ocr.RunResult) and len(done.args[0].failed) == 1
    assert "1 份文件无法识别" in status.label.text()
    assert [j.state for j in ocr.status(desk)] == ["failed"]


def test_pause_stops_and_resume_starts(qtbot, admin_ws: OpenWorkspace) -> None:
    _holder, status = _status(qtbot, admin_ws)
    status.toggle_pause()
    assert status.paused and status._stop.is_set() and status.label.text() == "识别已暂停"
    status.start()
    assert not status.running()  # paused: a start (the timer after log-in) does nothing
    with qtbot.waitSignal(status.finished, timeout=60000):
        status.toggle_pause()
    assert not status.paused and status.pause_button.text() == "暂停识别"


def test_main_window_carries_it_for_admins_and_drops_it_at_teardown(qtbot, admin_ws: OpenWorkspace) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.build(admin_ws, 10)
    assert window.ocr_status is not None and window.ocr_status.parent() is not None
    window.teardown()
    assert window.ocr_status is None
    window.allow_close()
