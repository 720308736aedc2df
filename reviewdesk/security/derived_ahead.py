"""Argon2id wrap keys derived ahead on a background thread, for a builder that makes many key slots with one
known secret (the demo: all its accounts share a public password).

Nothing is weakened: every slot still gets its own random salt and the full cost of `kdf`; only the moment of the
work moves, so that it overlaps the builder's other work (the derivation releases the GIL). A slot whose secret
or cost differs is derived as usual, and so is any slot beyond `count`.
"""

from __future__ import annotations

import hmac
import os
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from reviewdesk.security.keyslots import DEFAULT_KDF, WRAP_KEYS_AHEAD, KdfParams


class _Ahead:
    def __init__(self, secret: bytes, count: int, kdf: KdfParams) -> None:
        self._secret = secret
        self._kdf = kdf
        self._left = count
        self._ready: queue.Queue[tuple[bytes, bytes] | BaseException] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._derive_all, args=(count,), name="derive-ahead", daemon=True
        )

    def _derive_all(self, count: int) -> None:
        for _ in range(count):
            if self._stop.is_set():
                return
            salt = os.urandom(16)
            try:
                self._ready.put((salt, self._kdf.derive(self._secret, salt)))
            except BaseException as err:  # handed to the taker, who would otherwise wait for ever
                self._ready.put(err)
                return

    def take(self, secret: bytes, kdf: KdfParams) -> tuple[bytes, bytes] | None:
        if self._left == 0 or kdf != self._kdf or not hmac.compare_digest(secret, self._secret):
            return None
        self._left -= 1
        ready = self._ready.get()
        if isinstance(ready, BaseException):
            raise ready
        return ready

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        while not self._ready.empty():  # keys derived but not used: dropped
            self._ready.get_nowait()


@contextmanager
def derived_ahead(secret: str, count: int, kdf: KdfParams = DEFAULT_KDF) -> Iterator[None]:
    """Within the block, the first `count` slots made on this thread with `secret` at cost `kdf` take wrap keys
    derived in the background since the block began."""
    ahead = _Ahead(secret.encode("utf-8"), count, kdf)
    token = WRAP_KEYS_AHEAD.set(ahead.take)
    ahead.start()
    try:
        yield
    finally:
        WRAP_KEYS_AHEAD.reset(token)
        ahead.stop()
