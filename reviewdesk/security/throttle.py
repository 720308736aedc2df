"""Growing delay after repeated wrong passwords, kept in a file so restarting the app does not reset it.

The counter is per workspace, not per user name, so it cannot be used to probe which names exist. It is
a brake on guessing at the keyboard; the Argon2id cost of every slot is what protects a stolen copy.

Check and count are one step across processes: `attempt()` holds an OS lock on a lock file beside the
counter from reading it, through counting the attempt (before the password is checked, so a process killed
mid-check has still spent a guess), to recording the outcome. Parallel guesses therefore queue behind the
lock and each sees the count the previous one left; none can slip past a wait that is due.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reviewdesk import os_lock
from reviewdesk.errors import ThrottledError
from reviewdesk.security.atomic import remove_quietly, write_atomic

FREE_ATTEMPTS = 3
MAX_DELAY_S = 900.0
LOCK_SUFFIX = ".lock"


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive failures: 0, 0, 0, 1, 2, 4 … capped at 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (failures - FREE_ATTEMPTS), MAX_DELAY_S)


class Attempt:
    """Handed to the body of `LoginThrottle.attempt`: call `passed()` once the secret proved right."""

    def __init__(self) -> None:
        self.ok = False

    def passed(self) -> None:
        self.ok = True


class LoginThrottle:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + LOCK_SUFFIX)
        self._clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            doc = json.loads(self.path.read_bytes())
            return int(doc["failures"]), float(doc["last_failure"])
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def _write(self, failures: int, last_failure: float) -> None:
        write_atomic(self.path, json.dumps({"failures": failures, "last_failure": last_failure}).encode("ascii"))

    def failures(self) -> int:
        return self._read()[0]

    def remaining(self) -> float:
        failures, last = self._read()
        return max(0.0, last + delay_after(failures) - self._clock())

    @contextmanager
    def attempt(self) -> Iterator[Attempt]:
        """One log-in attempt, atomic across processes: if a wait is due, the attempt is counted and
        refused (ThrottledError, the secret is not checked); otherwise it is counted as a failure before the
        body checks the secret, and the counter is cleared only if the body calls `passed()`."""
        with os_lock.held(self.lock_path):
            failures, last = self._read()
            wait = last + delay_after(failures) - self._clock()
            if wait > 0:
                # A guess made during the wait is still a guess: it counts, and the wait grows from the
                # same last failure, so hammering (or guessing in parallel) only lengthens it.
                self._write(failures + 1, last)
                raise ThrottledError(last + delay_after(failures + 1) - self._clock())
            self._write(failures + 1, self._clock())
            attempt = Attempt()
            try:
                yield attempt
            finally:
                if attempt.ok:
                    remove_quietly(self.path)
                else:
                    self._write(failures + 1, self._clock())  # the wait runs from the end of the check

    def record_failure(self) -> None:
        with os_lock.held(self.lock_path):
            failures, _ = self._read()
            self._write(failures + 1, self._clock())

    def record_success(self) -> None:
        with os_lock.held(self.lock_path):
            remove_quietly(self.path)
