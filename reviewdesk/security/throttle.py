"""Growing delay after repeated wrong passwords, kept in a file so restarting the app does not reset it.

The counter is per workspace, not per user name, so it cannot be used to probe which names exist. It is
a brake on guessing at the keyboard; the Argon2id cost of every slot is what protects a stolen copy.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from reviewdesk.errors import ThrottledError
from reviewdesk.security.atomic import remove_quietly, write_atomic

FREE_ATTEMPTS = 3
MAX_DELAY_S = 900.0


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive failures: 0, 0, 0, 1, 2, 4 … capped at 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (failures - FREE_ATTEMPTS), MAX_DELAY_S)


class LoginThrottle:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            doc = json.loads(self.path.read_bytes())
            return int(doc["failures"]), float(doc["last_failure"])
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def failures(self) -> int:
        return self._read()[0]

    def remaining(self) -> float:
        failures, last = self._read()
        return max(0.0, last + delay_after(failures) - self._clock())

    def check(self) -> None:
        wait = self.remaining()
        if wait > 0:
            raise ThrottledError(wait)

    def record_failure(self) -> None:
        failures, _ = self._read()
        doc = {"failures": failures + 1, "last_failure": self._clock()}
        write_atomic(self.path, json.dumps(doc).encode("ascii"))

    def record_success(self) -> None:
        if self.path.exists():
            remove_quietly(self.path)
