"""The login throttle holds under parallel guesses: check and count are one step across processes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN
from tests.helpers import ROOT

GUESSES = 6

# Each process imports everything first, says it is ready, then waits for the go file, so the six guesses
# really reach the throttle together.
GUESS = """
import sys, time
from pathlib import Path
from reviewdesk.errors import AuthError, ThrottledError
from reviewdesk.workspace import Workspace
folder, gate, password = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
ws = Workspace(folder)
(gate / password).touch()
while not (gate / "go").exists():
    time.sleep(0.005)
try:
    ws.open("ADMIN", password)
    print("opened")
except ThrottledError:
    print("throttled")
except AuthError:
    print("wrong")
""".replace("ADMIN", ADMIN)


def _guess_in_parallel(folder: Path, set_counter: Callable[[], None] = lambda: None) -> list[str]:
    gate = folder.parent / "gate"
    gate.mkdir()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", GUESS, str(folder), str(gate), f"guess-{i}-wrong"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )
        for i in range(GUESSES)
    ]
    while len(list(gate.iterdir())) < GUESSES and all(p.poll() is None for p in procs):
        time.sleep(0.01)
    set_counter()
    (gate / "go").touch()
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outcomes.append(out.strip())
    return sorted(outcomes)


def _set_counter(folder: Path, failures: int, seconds_ago: float) -> None:
    doc = {"failures": failures, "last_failure": time.time() - seconds_ago}
    (folder / "login-throttle.json").write_text(json.dumps(doc))


def _failures(folder: Path) -> int:
    return int(json.loads((folder / "login-throttle.json").read_text())["failures"])


def test_parallel_guesses_during_a_due_wait_are_all_refused_and_all_counted(admin_ws: OpenWorkspace) -> None:
    folder = admin_ws.workspace.folder
    # Four failures, the last one just now: a 2-second wait is due when the six arrive.
    outcomes = _guess_in_parallel(folder, lambda: _set_counter(folder, 4, 0.0))
    assert outcomes == ["throttled"] * GUESSES  # all told to wait; no password was checked
    assert _failures(folder) == 4 + GUESSES


def test_parallel_guesses_after_the_wait_get_one_check_and_are_all_counted(admin_ws: OpenWorkspace) -> None:
    folder = admin_ws.workspace.folder
    # Four failures (a 2-second wait), the last one 2.1 s ago: the wait is just over when the six arrive.
    outcomes = _guess_in_parallel(folder, lambda: _set_counter(folder, 4, 2.1))
    # One guess had its password checked; it set the next wait, so the other five had to wait (refused).
    assert outcomes == ["throttled"] * (GUESSES - 1) + ["wrong"]
    assert _failures(folder) == 4 + GUESSES
