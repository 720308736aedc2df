"""One writing process per workspace: an OS lock on `reviewdesk.lock` in the workspace folder.

The lock is advisory and belongs to the process (reviewdesk/os_lock.py: flock on POSIX, msvcrt.locking on Windows): the OS drops it
when the process ends, however it ends, so a crash never leaves a stale lock behind. The file itself stays
(deleting it would race with a process that just opened it) and holds nothing.

Inside one process the lock is shared: `acquire()` counts holders per folder and takes the OS lock for the
first, releases it with the last. So the desktop app, its worker threads and tests that open the same
workspace twice in one process never refuse each other; a second *process* is refused with `WorkspaceBusy`.

Who holds it (docs/security.md): the desktop app from log-in to quit (the lock screen included); a CLI
command from its first change (services.base.change) to its end (OpenWorkspace.keep_lock; other callers hold
it per change); `Workspace.create`/`restore`, and opening while it migrates or settles files. Reads and the audit entries of log-ins, locks and refusals need no lock
(SQLite's own locking keeps them consistent).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from reviewdesk import os_lock
from reviewdesk.errors import WorkspaceBusy, WorkspaceError

LOCK_NAME = "reviewdesk.lock"

events = logging.getLogger("reviewdesk.events")

_guard = threading.Lock()
_held: dict[str, _OsLock] = {}


class _OsLock:
    """The OS lock on one lock file, with the number of holders in this process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._fd: int | None = None

    def take(self) -> bool:
        try:
            fd = os_lock.open_lock_file(self.path)
        except OSError as err:
            raise WorkspaceError(
                f"cannot create the lock file in the workspace folder ({err.strerror})",
                message_zh=f"无法在工作区文件夹中创建锁文件（{err.strerror}），请检查文件夹权限",
            ) from None
        try:
            taken = os_lock.try_lock(fd)
        except OSError as err:  # e.g. a file system without locks: refuse rather than run unprotected
            os.close(fd)
            raise WorkspaceError(
                f"the workspace folder does not support file locks ({err.strerror})",
                message_zh=f"工作区所在的文件系统不支持文件锁（{err.strerror}），请把工作区放在本机磁盘上",
            ) from None
        if taken:
            self._fd = fd
            return True
        os.close(fd)
        return False

    def drop(self) -> None:
        if self._fd is not None:
            os_lock.unlock(self._fd)
            os.close(self._fd)
            self._fd = None


def lock_path(folder: Path) -> Path:
    return Path(folder) / LOCK_NAME


def _key(folder: Path) -> str:
    return os.path.normcase(os.path.realpath(lock_path(folder)))


class WorkspaceLock:
    """One holder's share of the lock on a workspace folder. `release()` is idempotent."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self._key: str | None = key

    @property
    def held(self) -> bool:
        return self._key is not None

    def release(self) -> None:
        with _guard:
            key, self._key = self._key, None
            if key is None:
                return
            entry = _held.get(key)
            if entry is None:
                return
            entry.count -= 1
            if entry.count <= 0:
                del _held[key]
                entry.drop()
                events.info("workspace lock: released")

    def __enter__(self) -> WorkspaceLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire(folder: Path) -> WorkspaceLock:
    """Take a share of the workspace lock, or raise WorkspaceBusy if another process holds it."""
    folder = Path(folder)
    key = _key(folder)
    with _guard:
        entry = _held.get(key)
        if entry is None:
            entry = _OsLock(lock_path(folder))
            if not entry.take():
                events.info("workspace lock: held by another process")
                raise busy()
            events.info("workspace lock: taken")
            _held[key] = entry
        entry.count += 1
    return WorkspaceLock(folder, key)


def held_here(folder: Path) -> bool:
    """True when this process holds the lock on `folder`."""
    with _guard:
        return _key(Path(folder)) in _held


def busy() -> WorkspaceBusy:
    return WorkspaceBusy(
        "the workspace is open in another ReviewDesk window or command; close it there first, then try again",
        message_zh="此工作区已在另一个评查工作台窗口或命令中打开。请先在那里关闭（退出程序），再重试。",
    )
