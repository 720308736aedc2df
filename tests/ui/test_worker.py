"""ui/worker.py on real Qt: results come back on the UI thread, a closed window's callbacks are skipped, a
failure reaches on_error, and nothing crashes when Python's garbage collector runs between a job's delivery
and its end (it did in PySide6 6.11 while jobs were QObjects removed with deleteLater)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from ui.qt import QApplication, QEvent, QTimer, QWidget
from ui.worker import busy_count, progress_to, run_job, wait_for_jobs


@pytest.fixture
def collecting(qapp: QApplication) -> Iterator[None]:
    """The collector runs every 10 ms on the UI thread, instead of whenever allocations happen to trigger it."""
    gc.disable()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(gc.collect)
    timer.start()
    yield
    timer.stop()
    gc.enable()


def _delete_closed() -> None:
    """What the event loop does with deleteLater'd windows (processEvents alone leaves them)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _drain(qtbot) -> None:
    wait_for_jobs()
    qtbot.waitUntil(lambda: busy_count() == 0, timeout=5000)
    QApplication.processEvents()


def test_result_on_the_ui_thread_error_to_on_error_and_nothing_for_a_closed_window(qtbot) -> None:
    kept, closed = QWidget(), QWidget()
    qtbot.addWidget(kept)
    gate = threading.Event()
    seen: list[tuple[str, object, bool]] = []
    main = threading.current_thread()

    run_job(lambda: (gate.wait(5), 6 * 7)[1], kept, lambda v: seen.append(("done", v, threading.current_thread() is main)))
    run_job(lambda: 1 // 0, kept, None, lambda e: seen.append(("error", type(e).__name__, True)))
    run_job(lambda: gate.wait(5), closed, lambda v: seen.append(("closed", v, True)))
    closed.deleteLater()  # the window goes before its result arrives
    _delete_closed()
    gate.set()
    _drain(qtbot)
    assert sorted(seen) == [("done", 42, True), ("error", "ZeroDivisionError", True)]


def test_progress_arrives_on_the_ui_thread_before_the_result_and_not_after_the_window_went(qtbot) -> None:
    window, closed = QWidget(), QWidget()
    qtbot.addWidget(window)
    main = threading.current_thread()
    seen: list[object] = []
    report = progress_to(window, lambda done, total: seen.append((done, total, threading.current_thread() is main)))
    unheard = progress_to(closed, lambda *args: seen.append("closed"))
    gate = threading.Event()

    def work() -> str:
        for n in range(1, 4):
            report(n, 3)
        gate.wait(5)
        unheard(1, 1)
        return "end"

    run_job(work, window, seen.append)
    closed.deleteLater()
    _delete_closed()
    gate.set()
    _drain(qtbot)
    assert seen == [(1, 3, True), (2, 3, True), (3, 3, True), "end"]


def test_many_jobs_with_windows_closing_while_the_collector_runs(qtbot, collecting) -> None:
    """200 jobs, every other window closed (and deleted) while its job runs: no crash, the rest delivered."""
    delivered: list[int] = []
    windows: list[QWidget] = []
    for n in range(200):
        window = QWidget()
        windows.append(window)
        run_job(lambda n=n: [n] * 1000, window, lambda v, window=window: delivered.append(v[0]))
        if n % 2:
            window.deleteLater()
        if n % 10 == 0:
            _delete_closed()
            qtbot.wait(5)  # some results arrive while later jobs are still being started
    _delete_closed()
    _drain(qtbot)
    qtbot.wait(50)  # a few collections after the last delivery
    assert sorted(delivered) == list(range(0, 200, 2))
    for n, window in enumerate(windows):
        if not n % 2:
            window.deleteLater()
    _delete_closed()
