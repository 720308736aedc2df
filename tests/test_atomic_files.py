"""A file replaced atomically takes the temporary copies of killed writers away with it (not a live writer's)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reviewdesk.security.atomic import write_atomic


def test_killed_writers_temporaries_are_removed_live_ones_kept(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        target = tmp_path / "login-throttle.json"
        stale = tmp_path / f".login-throttle.json.{int(gone.stdout)}.tmp"
        running = tmp_path / f".login-throttle.json.{live.pid}.tmp"
        other = tmp_path / f".keyslots.json.{int(gone.stdout)}.tmp"
        for path in (stale, running, other):
            path.write_bytes(b"{}")
        write_atomic(target, b'{"failures": 1}')
        assert target.read_bytes() == b'{"failures": 1}'
        assert not stale.exists() and running.exists() and other.exists()
    finally:
        live.kill()
        live.wait()
