"""Exclusive locks between processes on an open file: flock on POSIX, msvcrt.locking on Windows.

The one implementation behind the workspace lock (workspace_lock.py) and the log-in throttle
(security/throttle.py). Both kinds belong to the process: the OS drops them when it ends, however it ends,
so a crash never leaves a stale lock. The lock covers the file's first byte (beyond the end of an empty
file is allowed), which is why Windows seeks to 0 before each call: msvcrt.locking locks from the current
position.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_S = 0.05  # Windows has no blocking lock without a retry limit: wait by polling

if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def try_lock(fd: int) -> bool:
        """Take the lock if nobody holds it; False if another process (or descriptor) does."""
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def lock(fd: int) -> None:
        """Wait until the lock is ours."""
        while not try_lock(fd):
            time.sleep(POLL_S)

    def unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # closing the descriptor releases it anyway

else:
    import fcntl

    # flock, not lockf: a POSIX record lock would be released when *any* descriptor of the file in this
    # process is closed; a flock lock belongs to the open file, which only its holder has.

    def try_lock(fd: int) -> bool:
        """Take the lock if nobody holds it; False if another process (or descriptor) does. OSError when
        the file system has no locks: callers refuse rather than run unprotected."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def lock(fd: int) -> None:
        """Wait until the lock is ours."""
        fcntl.flock(fd, fcntl.LOCK_EX)

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def open_lock_file(path: Path) -> int:
    """The lock file's descriptor (created empty if missing; it never holds anything)."""
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Hold the lock on `path` for the block, waiting for it first."""
    fd = open_lock_file(path)
    try:
        lock(fd)
        try:
            yield
        finally:
            unlock(fd)
    finally:
        os.close(fd)
