"""Run slow core calls (Argon2id: create, open, recover, password changes) off the UI thread.

`run_job(fn, context, on_done, on_error)` runs `fn()` on the global QThreadPool and calls `on_done(result)`
or `on_error(exception)` back on the UI thread. The callbacks belong to `context` (a QObject): if it is
destroyed first (the window was closed, the app locked), they are simply not called.

A job is a plain Python object, not a QObject: every result comes back through one relay that lives as long
as the app, and a job is forgotten by dropping it. No per-job QObject is ever deleted, so nothing here calls
`deleteLater` (PySide6 6.11 crashed when a garbage collection fell between a job's `deleteLater` and its
deletion; tests/ui/test_worker.py collects every few milliseconds to keep it that way).

An unexpected error (a bug, see `crash.is_unexpected`) also reaches the crash dialog after `on_error` ran.

`busy_count()` says how many jobs are running; the lock waits for them (a job may be using the open
workspace) and `wait_for_jobs()` lets tests and shutdown drain the pool.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

from shiboken6 import Shiboken

from ui import crash
from ui.qt import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

_running = 0  # runnables started and not yet returned (counted on both threads, hence the lock)
_running_lock = threading.Lock()


class Job:
    """One background call, kept by the relay (UI thread only) until its result is delivered."""

    def __init__(
        self,
        context: QObject,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self.context: QObject | None = context
        # The function is held here too, so the worker never drops the last reference to what it reaches:
        # a QObject's wrapper freed off its own thread can crash the UI thread.
        self.fn: Callable[[], Any] | None = fn
        self.on_done = on_done
        self.on_error = on_error


class _Relay(QObject):
    """Lives on the UI thread for the app's lifetime; workers emit through it, so delivery is queued there."""

    delivered = Signal(object)  # (job id, failed, result or exception)
    reported = Signal(object)  # (context, slot, arguments): progress, see progress_to

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, Job] = {}
        self.ids = itertools.count(1)
        self.delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.reported.connect(self._report, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _report(self, message: tuple[QObject, Callable[..., None], tuple[Any, ...]]) -> None:
        context, slot, args = message
        if Shiboken.isValid(context):
            slot(*args)

    @Slot(object)
    def _deliver(self, message: tuple[int, bool, Any]) -> None:
        job_id, failed, value = message
        job = self.jobs.pop(job_id, None)
        if job is None:
            return
        # Emptied first: a page keeps its last job, which must not keep the page (a cycle) once it has ended.
        context, on_done, on_error = job.context, job.on_done, job.on_error
        job.context = job.fn = job.on_done = job.on_error = None
        if not Shiboken.isValid(context):
            return  # its window was closed (or the app locked) meanwhile: nobody to tell
        if not failed:
            if on_done is not None:
                on_done(value)
        elif isinstance(value, BaseException):
            if on_error is not None:
                on_error(value)  # first, so the page leaves its busy state
            if crash.is_unexpected(value):  # a bug, not a refusal: logged and told in the crash dialog
                crash.report_unexpected(value, "in a background job")


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()  # made by the first run_job, i.e. on the UI thread
    return _relay


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, job_id: int) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay
        self._job_id = job_id

    def run(self) -> None:
        global _running
        fn, self._fn = self._fn, None
        try:
            failed, value = _call(fn)
            del fn  # before the result goes out: the job still holds the function then
            self._relay.delivered.emit((self._job_id, failed, value))
        finally:
            with _running_lock:
                _running -= 1


def _call(fn: Callable[[], Any] | None) -> tuple[bool, Any]:
    """(failed, result or exception). Its own frame, so an exception's traceback never holds the runnable's
    frame (and through it the QRunnable, which the pool deletes once `run` returns)."""
    try:
        return False, fn()  # type: ignore[misc]
    except BaseException as err:  # every failure goes back to the UI as a message
        return True, err


def run_job(
    fn: Callable[[], Any],
    context: QObject,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Job:
    global _running
    relay = _the_relay()
    job = Job(context, fn, on_done, on_error)
    job_id = next(relay.ids)
    relay.jobs[job_id] = job
    with _running_lock:
        _running += 1
    QThreadPool.globalInstance().start(_Runnable(fn, relay, job_id))
    return job


def progress_to(context: QObject, slot: Callable[..., None]) -> Callable[..., None]:
    """A function a job calls on its worker thread to report progress: each call runs `slot(*args)` on the UI
    thread, before the job's result (one queue carries both), and not at all once `context` is gone. Made on
    the UI thread; the job's function holds it, so the worker never drops the last reference to `context`."""
    relay = _the_relay()

    def report(*args: Any) -> None:
        relay.reported.emit((context, slot, args))

    return report


def busy_count() -> int:
    """Jobs whose function is still running on a worker thread (whether or not anyone awaits the result)."""
    with _running_lock:
        return _running


def wait_for_jobs(timeout_ms: int = 30000) -> bool:
    """Block until the pool is idle (shutdown and tests). Queued results are delivered by the event loop."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
