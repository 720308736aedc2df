"""Read package members on a second thread while the store writes the previous ones.

Decrypting, parsing the tar and hashing (the reader's work) and encrypting pages into SQLCipher (the
importer's) both release the GIL for most of their time, so on two cores they overlap. The reader thread
touches nothing but the package stream; the store is written on the caller's thread only. At most
`depth` chunks (of up to 1 MiB) wait in between.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

from reviewdesk.packages.manifest import FileRecord

_FILE, _CHUNK, _END, _DONE, _ERROR = range(5)
Members = Iterator[tuple[FileRecord, Iterator[bytes]]]


class Prefetcher:
    """Runs `members` (and then `finish`) on a thread; `files()` hands the same stream back, in order.

    Any exception on the reader thread is raised again, unchanged, on the consumer's thread at the point
    it would have arisen without the thread. `close()` stops the reader and waits for it."""

    def __init__(self, members: Members, finish: Callable[[], None], depth: int = 16) -> None:
        self._queue: queue.Queue[tuple[int, Any]] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(members, finish), name="package-reader", daemon=True)
        self._thread.start()

    def _put(self, item: tuple[int, Any]) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self, members: Members, finish: Callable[[], None]) -> None:
        try:
            for record, chunks in members:
                if not self._put((_FILE, record)):
                    return
                for chunk in chunks:
                    if not self._put((_CHUNK, chunk)):
                        return
                if not self._put((_END, None)):
                    return
            finish()
            self._put((_DONE, None))
        except BaseException as err:
            self._put((_ERROR, err))

    def _get(self) -> tuple[int, Any]:
        kind, value = self._queue.get()
        if kind == _ERROR:
            raise value
        return kind, value

    def files(self) -> Members:
        while True:
            kind, value = self._get()
            if kind == _DONE:
                return
            assert kind == _FILE
            yield value, self._chunks()

    def _chunks(self) -> Iterator[bytes]:
        while True:
            kind, value = self._get()
            if kind == _END:
                return
            assert kind == _CHUNK
            yield value

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
