"""Run slow core calls (Argon2id: create, open, recover, password changes) off the UI thread.

`run_job(fn, context, on_done, on_error)` runs `fn()` on the global QThreadPool and calls `on_done(result)`
or `on_error(exception)` back on the UI thread. The callbacks belong to `context` (a QObject): if it is
destroyed first (the window was closed, the app locked), they are simply not called.

An unexpected error (a bug, see `crash.is_unexpected`) also reaches the crash dialog after `on_error` ran.

`busy_count()` says how many jobs are running; the lock waits for them (a job may be using the open
workspace) and `wait_for_jobs()` lets tests and shutdown drain the pool.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ui import crash
from ui.qt import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

_running = 0  # runnables started and not yet returned (counted on both threads, hence the lock)
_running_lock = threading.Lock()


class _Relay(QObject):
    """Lives on the UI thread; the runnable emits through it, so delivery is queued to the UI thread."""

    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, returned: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay
        self._returned = returned

    def run(self) -> None:
        global _running
        # The Job (UI thread) also holds the function and the relay, so the last reference to anything Qt they
        # reach is never dropped here: deleting a QObject off its own thread can crash the UI thread.
        fn, relay, returned = self._fn, self._relay, self._returned
        self._fn = self._relay = None
        try:
            failed, value = _call(fn)
            del fn
            try:
                (relay.failed if failed else relay.done).emit(value)
            except RuntimeError:
                pass  # the receiver is gone (its window was closed, or the app locked): nobody to tell
            del relay, value
        finally:
            # Only now may the Job (and its relay) be deleted: the UI thread can run the slot and get to the
            # deletion while this thread is still inside emit(), and deleting a sender mid-emit crashes.
            returned.set()
            with _running_lock:
                _running -= 1


def _call(fn: Callable[[], Any]) -> tuple[bool, Any]:
    """(failed, result or exception). Its own frame, so an exception's traceback never holds the runnable's
    frame (and through it the QRunnable, which the pool deletes once `run` returns) or the relay."""
    try:
        return False, fn()
    except BaseException as err:  # every failure goes back to the UI as a message
        return True, err


class Job(QObject):
    """One background call. Parented to its context, so it dies (and stays silent) with it."""

    finished = Signal()

    def __init__(
        self,
        context: QObject,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__(context)
        self._on_done = on_done
        self._on_error = on_error
        self.fn: Callable[[], Any] | None = None  # kept here so it is released on the UI thread
        self.relay = _Relay(self)  # a child: deleted with the job, on the UI thread
        self.relay.done.connect(self._done)
        self.relay.failed.connect(self._failed)
        self.running = True
        self.returned = threading.Event()  # set by the worker once it no longer touches the relay
        self._reaper = QTimer(self)  # a child: never fires after the job is gone
        self._reaper.setInterval(2)
        self._reaper.timeout.connect(self._delete_when_returned)

    @Slot(object)
    def _done(self, result: object) -> None:
        self._finish()
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _failed(self, err: object) -> None:
        self._finish()
        if not isinstance(err, BaseException):
            return
        if self._on_error is not None:
            self._on_error(err)  # first, so the page leaves its busy state
        if crash.is_unexpected(err):  # a bug, not a refusal: logged and told in the crash dialog
            crash.report_unexpected(err, "in a background job")

    def _finish(self) -> None:
        self.fn = None
        self.running = False
        self.finished.emit()
        self._delete_when_returned()

    def _delete_when_returned(self) -> None:
        if self.returned.is_set():
            self._reaper.stop()
            self.deleteLater()
        elif not self._reaper.isActive():
            self._reaper.start()


def run_job(
    fn: Callable[[], Any],
    context: QObject,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Job:
    global _running
    job = Job(context, on_done, on_error)
    job.fn = fn
    with _running_lock:
        _running += 1
    QThreadPool.globalInstance().start(_Runnable(fn, job.relay, job.returned))
    return job


def busy_count() -> int:
    """Jobs whose function is still running on a worker thread (whether or not anyone awaits the result)."""
    with _running_lock:
        return _running


def wait_for_jobs(timeout_ms: int = 30000) -> bool:
    """Block until the pool is idle (shutdown and tests). Queued results are delivered by the event loop."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
