"""A killed backup leaves only temporary names, which the next backup or restore removes and a restore
refuses; a restore killed during its swap is finished on the next open."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewdesk.errors import WorkspaceError
from reviewdesk.services import maintenance, users
from reviewdesk.store import backup
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import ROOT, raw_connect

OLD_STYLE = (".b.rdbak.db.partial", ".b.rdbak.db.partial-journal", ".b.rdbak.partial")


def _ballast(ws: OpenWorkspace, mib: int) -> None:
    """Make the database big enough that a backup takes a moment (a table the app never reads)."""
    conn = raw_connect(ws.workspace.db_path, ws.data_key)
    try:
        conn.execute("CREATE TABLE ballast (b BLOB)")
        conn.executemany("INSERT INTO ballast VALUES (randomblob(1048576))", [()] * mib)
        conn.commit()
    finally:
        conn.close()


def _cli_backup(folder: Path, dest: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "RD_PW": ADMIN_PW}
    return subprocess.Popen(
        [sys.executable, "-m", "reviewdesk", "--workspace", str(folder), "backup", str(dest),
         "--user", ADMIN, "--password-env", "RD_PW"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _temporaries(folder: Path) -> list[str]:
    """Anything but the chosen names: backups write their pieces under hidden temporary names."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_killed_backups_leave_temporaries_that_the_next_backup_removes(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    _ballast(admin_ws, 16)
    out = tmp_path / "out"
    out.mkdir()
    rng = random.Random(1414)
    seen: set[str] = set()
    for i in range(2):
        proc = _cli_backup(admin_ws.workspace.folder, out / f"killed-{i}.rdbak")
        while not _temporaries(out) and proc.poll() is None:
            time.sleep(0.002)
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        seen |= set(_temporaries(out))
        # Whatever the moment, the user's chosen name is absent or a whole backup.
        dest = out / f"killed-{i}.rdbak"
        if dest.exists():
            backup.read_backup(dest)
    assert seen, "no kill landed while the backup was being written"
    (out / OLD_STYLE[0]).write_bytes(b"x")  # left by earlier versions
    (out / OLD_STYLE[2]).write_bytes(b"x")
    made = maintenance.backup(admin_ws, out / "next.rdbak")
    assert _temporaries(out) == []
    assert backup.read_backup(made).meta["format"] == backup.FORMAT


def test_restore_removes_leftovers_and_refuses_a_temporary_file(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    made = maintenance.backup(admin_ws, tmp_path / "b.rdbak")
    leftover = tmp_path / ".b.rdbak.999999-0badc0de.partial"
    leftover.write_bytes(made.read_bytes())  # even a complete ZIP under a temporary name is not a backup
    with pytest.raises(WorkspaceError, match="temporary file of an unfinished backup"):
        Workspace(tmp_path / "elsewhere").restore(leftover, ADMIN, ADMIN_PW)
    for name in OLD_STYLE:
        (tmp_path / name).write_bytes(b"x")
    Workspace(tmp_path / "elsewhere").restore(made, ADMIN, ADMIN_PW).close()
    assert _temporaries(tmp_path) == []


def test_a_restore_killed_during_its_swap_is_finished_on_the_next_open(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    made = maintenance.backup(admin_ws, tmp_path / "b.rdbak")
    users.add_user(admin_ws, "later", "后加", "expert", "member-pass-2026")
    folder = admin_ws.workspace.folder
    admin_ws.close()
    # Stage the backup as restore does, mark the swap, and stop after moving the old database aside.
    staging = folder / ".restore-20260301-101010-123456-p999999"
    staging.mkdir()
    backup.extract_database(made, staging / "reviewdesk.db")
    (staging / "keyslots.json").write_bytes(backup.read_backup(made).slots)
    (staging / "swap-to").write_text("replaced-test")
    (folder / "replaced-test").mkdir()
    os.replace(folder / "reviewdesk.db", folder / "replaced-test" / "reviewdesk.db")
    with Workspace(folder).open(ADMIN, ADMIN_PW) as reopened:
        assert "later" not in {u.username for u in users.list_users(reopened)}
    assert not staging.exists()
    assert (folder / "replaced-test" / "keyslots.json").exists()
