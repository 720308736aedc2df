"""Unexpected errors in the desktop app: logged (reviewdesk/logs.py), then told in one dialog.

`install(app)` sets the log up for the GUI, routes sys.excepthook, threading.excepthook and Qt's own messages
(qInstallMessageHandler) into it, and makes an unexpected error show `CrashDialog` instead of the app
vanishing or carrying on silently. Worker jobs hand their unexpected errors here too (ui/worker.py).

One dialog at a time: while it is open, further errors are logged and counted in it, not stacked; an error
raised while reporting is only logged; the same error (type and place) is shown again only after a pause, so
a failing repaint cannot lock the user in a loop of dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from reviewdesk import logs
from reviewdesk.errors import ReviewDeskError
from ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGuiApplication,
    QLabel,
    QMessageLogContext,
    QObject,
    QPushButton,
    Qt,
    QtMsgType,
    QVBoxLayout,
    QWidget,
    Signal,
    qInstallMessageHandler,
)

PROGRAM = "gui"
REPEAT_PAUSE_S = 60.0

qt_log = logging.getLogger("reviewdesk.qt")


def is_unexpected(err: BaseException) -> bool:
    """Errors of ours say what is wrong themselves; OSError is the world (a stick pulled out, a full disk);
    exceptions the UI defines are signals between its parts (deliberation_view.NotYetSubmitted)."""
    if isinstance(err, ReviewDeskError | OSError | KeyboardInterrupt | SystemExit):
        return False
    return not type(err).__module__.startswith("ui.")


class CrashDialog(QDialog):
    """What happened, that nothing was saved half-way, where the log is, and a button that copies its path."""

    def __init__(self, kind: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash-dialog")
        self.setWindowTitle(self.tr("ReviewDesk — unexpected error"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.log_path = log_path
        self.repeats = 0
        where = str(log_path) if log_path is not None else self.tr("(no log file could be written)")
        self.text = QLabel(
            self.tr(
                "Something unexpected went wrong ({kind}) and the step you were doing did not finish.\n\n"
                "Nothing was saved half-way: every change is saved whole or not at all, so your data is as it "
                "was before the step.\n\n"
                "The details are in the log file:\n{path}\n\n"
                "You can go on working. If it happens again, note the time and give the log file to your "
                "system administrator (it holds no case data)."
            ).format(kind=kind, path=where)
        )
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.repeat_label = QLabel()
        self.repeat_label.hide()
        self.copy_button = QPushButton(self.tr("Copy log file path"))
        self.copy_button.setObjectName("copy-log-path")
        self.copy_button.setEnabled(log_path is not None)
        self.copy_button.clicked.connect(self.copy_path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.repeat_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def copy_path(self) -> None:
        if self.log_path is not None:
            QGuiApplication.clipboard().setText(str(self.log_path))
            self.copy_button.setText(self.tr("Copied"))

    def count_repeat(self) -> None:
        self.repeats += 1
        self.repeat_label.setText(self.tr("{count} more error(s) since then (also in the log).").format(count=self.repeats))
        self.repeat_label.show()


class CrashReporter(QObject):
    """Lives on the UI thread; errors from other threads arrive through `_from_thread` (queued)."""

    _from_thread = Signal(object)

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: CrashDialog | None = None
        self._reporting = False
        self._last_shown: dict[str, float] = {}
        self._from_thread.connect(self.tell)

    def report(self, err: BaseException, context: str = "unexpected") -> None:
        logs.log_unexpected(err, context)
        if threading.current_thread() is threading.main_thread():
            self.tell(err)
        else:
            self._from_thread.emit(err)  # queued to the UI thread

    def tell(self, err: BaseException) -> None:
        if self._reporting:  # the dialog itself failed: the log has it, do not recurse
            return
        self._reporting = True
        try:
            self._show(err)
        except Exception as inner:
            logs.log_unexpected(inner, "while reporting an error")
        finally:
            self._reporting = False

    def _show(self, err: BaseException) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.count_repeat()
            return
        signature = f"{type(err).__qualname__} {logs.where(err.__traceback__, 2)}"
        now = time.monotonic()
        if now - self._last_shown.get(signature, -REPEAT_PAUSE_S) < REPEAT_PAUSE_S:
            return  # the same failure again right after the user closed its dialog: logged only
        self._last_shown[signature] = now
        if self.dialog is not None:
            self.dialog.deleteLater()
        # No parent: a lock tears down the main window's dialogs, and this one must survive that.
        self.dialog = CrashDialog(type(err).__name__, self.log_path)
        self.dialog.show()
        self.dialog.raise_()


_reporter: CrashReporter | None = None


def reporter() -> CrashReporter | None:
    return _reporter


def report_unexpected(err: BaseException, context: str = "unexpected") -> None:
    """Log an error nobody handled and, in the running app, tell the user once (see module docstring)."""
    if _reporter is None:
        logs.log_unexpected(err, context)
    else:
        _reporter.report(err, context)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The message goes through logs.scrub like every record; the category says which Qt part spoke.
    category = context.category if context is not None and context.category else "qt"
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s: %s", category, message)


def uninstall() -> None:
    """Tests: forget the reporter and give the hooks and Qt's message handler back."""
    global _reporter
    if _reporter is not None:
        if _reporter.dialog is not None:
            _reporter.dialog.hide()
            _reporter.dialog.deleteLater()
        _reporter.deleteLater()
        _reporter = None
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    qInstallMessageHandler(None)


def install(app: QApplication) -> Path | None:
    """Logging, hooks and the dialog for the running desktop app. Returns the log file (None: not writable)."""
    global _reporter
    log_path = logs.setup(PROGRAM)
    if _reporter is None:
        _reporter = CrashReporter(log_path, app)
    else:
        _reporter.log_path = log_path

    def excepthook(_kind: type[BaseException], err: BaseException, _tb: TracebackType | None) -> None:
        report_unexpected(err, "unhandled")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            report_unexpected(args.exc_value, "unhandled in a thread")

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    qInstallMessageHandler(_qt_message)
    return log_path
