"""The program's own log and crash traces, in the per-user log folder. Never case data.

Files in `log_dir()` (platformdirs' user log folder, `%LOCALAPPDATA%\\ReviewDesk\\Logs` on Windows,
`~/.local/state/ReviewDesk/log` on Linux; `REVIEWDESK_LOG_DIR` overrides it):
  gui.log, gui.log.1 …        the desktop app's events, warnings and unexpected errors (rotating, 1 MiB × 5)
  cli.log …                   the same for the command line
  gui-crash.log, cli-crash.log  faulthandler's trace if the interpreter itself dies (segfault, abort)

What is written: event names, counts, roles, numeric ids, error *types* and the places they were raised
(file name, line, function). What never is: exception messages (they may quote a name or a title), the
values of variables, user names, passwords, titles, party data, file contents, paths. Every record also
passes `scrub()` (quoted text, paths, non-ASCII text and long digit runs are blanked), which catches a
third-party library or a Qt warning that quotes something.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import platform
import re
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

LOG_DIR_ENV = "REVIEWDESK_LOG_DIR"
MAX_BYTES = 1 << 20
BACKUPS = 5
MAX_MESSAGE = 400
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

events = logging.getLogger("reviewdesk.events")

_handlers: dict[str, logging.FileHandler] = {}  # program → its handler (set up once per process)
_crash_file: IO[str] | None = None  # kept open for faulthandler


def log_dir() -> Path:
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_log_path

    return user_log_path("ReviewDesk", appauthor=False)


def log_file(program: str) -> Path:
    return log_dir() / f"{program}.log"


def crash_file(program: str) -> Path:
    return log_dir() / f"{program}-crash.log"


# -- keeping data out ----------------------------------------------------------------------------------
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’")
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/]+[^\\/\s:,;'\"()<>]+){2,}[\\/]?|[^\s\\/:,;'\"()<>]+(?:[\\/]+[^\\/\s:,;'\"()<>]+)+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_DIGITS = re.compile(r"\d{6,}")


def scrub(text: str) -> str:
    """Blank what could be data in a message we did not write ourselves."""
    text = _QUOTED.sub("'...'", text)
    text = _PATH.sub("<path>", text)
    text = _NON_ASCII.sub("<…>", text)
    text = _DIGITS.sub("<n>", text)
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE] + "…"


def describe(err: BaseException) -> str:
    """`TypeName at file.py:12 in fn < caller.py:40 in g`, with the causes' types: never the message."""
    parts = []
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen and len(parts) < 4:
        seen.add(id(current))
        parts.append(f"{type(current).__module__}.{type(current).__qualname__} at {where(current.__traceback__)}")
        current = current.__cause__ or current.__context__
    return " caused by ".join(parts) if parts else "?"


def where(tb: TracebackType | None, depth: int = 6) -> str:
    frames = traceback.extract_tb(tb)[-depth:]
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in reversed(frames)) or "?"


class _Scrubbed(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not hide the record
            message = str(record.msg)
        if record.exc_info and record.exc_info[1] is not None:
            message += " | " + describe(record.exc_info[1])
        record.msg, record.args = scrub(message), None
        record.exc_info = record.exc_text = record.stack_info = None  # a formatted trace quotes messages
        return True


class _RotatingFile(logging.FileHandler):
    """Size-rotating file (`gui.log` → `gui.log.1` …). Not logging.handlers.RotatingFileHandler: that module
    pulls in socket and pickle, a cost at every start. Two programs may share a folder (a command beside the
    app); on Windows the other one's open file makes the rename fail: then keep writing to the current file."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._too_big(record):
                self._rotate()
        except OSError:
            pass
        super().emit(record)

    def _too_big(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        size = self.stream.tell() if self.stream.seekable() else 0
        return size > 0 and size + len(self.format(record)) + 1 > self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        os.replace(base, f"{base}.1")

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # the log must never stop the program (a full disk, a removed folder)


# -- set-up --------------------------------------------------------------------------------------------
def setup(program: str, *, hooks: bool = True) -> Path | None:
    """Log to `<program>.log` (once per process); with `hooks`, also install the excepthooks and
    faulthandler. Returns the log file, or None if the folder cannot be written (then nothing is logged)."""
    existing = _handlers.get(program)
    if existing is not None:
        return Path(existing.baseFilename)
    path = log_file(program)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _RotatingFile(path, MAX_BYTES, BACKUPS)
    except OSError:
        return None
    handler.addFilter(_Scrubbed())
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)  # other libraries: warnings and errors only
    ours = logging.getLogger("reviewdesk")
    if ours.level == logging.NOTSET or ours.level > logging.INFO:
        ours.setLevel(logging.INFO)
    logging.captureWarnings(True)
    _handlers[program] = handler
    if hooks:
        install_hooks(program)
    from reviewdesk import __version__

    events.info(
        "start %s %s (Python %s, %s %s)", program, __version__, platform.python_version(), sys.platform,
        platform.machine(),
    )
    return path


def shutdown() -> None:
    """Close the log files set up by `setup` (tests; the process's end does it otherwise). Hooks stay."""
    root = logging.getLogger()
    for handler in _handlers.values():
        root.removeHandler(handler)
        handler.close()
    _handlers.clear()


def install_hooks(program: str) -> None:
    """sys.excepthook and threading.excepthook log the error (and then do what they did before);
    faulthandler writes a dying interpreter's stacks to `<program>-crash.log`."""
    previous = sys.excepthook

    def excepthook(kind: type[BaseException], err: BaseException, tb: TracebackType | None) -> None:
        log_unexpected(err, "unhandled")
        previous(kind, err, tb)

    previous_thread = threading.excepthook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log_unexpected(args.exc_value, f"unhandled in thread {args.thread.name if args.thread else '?'}")
        previous_thread(args)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    enable_faulthandler(program)


def enable_faulthandler(program: str) -> Path | None:
    """Unless someone already turned it on (PYTHONFAULTHANDLER, -X faulthandler, pytest), keep a file open
    for faulthandler: it can only write to a file that is open before the crash."""
    global _crash_file
    if faulthandler.is_enabled():
        return None
    path = crash_file(program)
    try:
        if path.exists() and path.stat().st_size > MAX_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
        _crash_file = open(path, "a", encoding="utf-8")  # kept open until the process ends
    except OSError:
        return None
    faulthandler.enable(file=_crash_file, all_threads=True)
    return path


def log_unexpected(err: BaseException, context: str = "unexpected") -> None:
    """An error nobody handled: its type and where it was raised, never its message."""
    from reviewdesk.errors import ReviewDeskError

    if isinstance(err, ReviewDeskError):  # an error of ours that reached the top: its code says what
        events.warning("%s: %s (%s)", context, type(err).__name__, err.code)
        return
    events.error("%s: %s", context, describe(err))
