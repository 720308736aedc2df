"""Let the disk write a long transaction's pages while the transaction still runs.

SQLite syncs the database file only at commit. An import of 1 GiB of case files leaves that much in the OS's
cache until then, and the commit's fsync waits while the disk writes all of it (0.6–0.8 s on the bench
machine, a seventh of the import). A thread that asks the OS to write back a few times a second overlaps that
writing with the page encryption, and the commit finds little left to flush. Nothing about durability
changes: the commit still syncs as before; this only starts the writing earlier.

sync(2) needs no file descriptor. A second descriptor on the database would be simpler to aim, but closing it
would drop every POSIX lock this process holds on the file, SQLite's included. Windows has no os.sync; its
lazy writer already writes dirty pages in the background, so there nothing is done.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

PERIOD_S = 0.25
WORTH_BYTES = 64 << 20  # below this the commit's own sync is short


@contextmanager
def early_writeback(expected_bytes: int) -> Iterator[None]:
    """While the block runs, ask the OS every PERIOD_S seconds to write dirty pages to disk."""
    period = PERIOD_S
    sync = getattr(os, "sync", None)
    if sync is None or expected_bytes < WORTH_BYTES:
        yield
        return
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(period):
            sync()

    # Not joined on exit: a sync in progress may wait on a slow disk, and the commit must not wait for it too.
    threading.Thread(target=run, name="store-writeback", daemon=True).start()
    try:
        yield
    finally:
        stop.set()
