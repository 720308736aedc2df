"""One writing process per workspace: the OS lock, and what the CLI says beside a process that holds it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reviewdesk import workspace_lock
from reviewdesk.errors import WorkspaceBusy
from reviewdesk.services import users
from reviewdesk.workspace import Workspace
from tests.conftest import ADMIN, ADMIN_PW, USER_PW
from tests.helpers import ROOT, run_cli

PW = {"PW": ADMIN_PW, "NP": USER_PW}

# A writer in another process: opens the workspace, makes one change (which takes the lock), waits.
HOLDER = """
import sys
from reviewdesk.services import settings
from reviewdesk.workspace import Workspace
ws = Workspace(sys.argv[1]).open(sys.argv[2], sys.argv[3])
ws.keep_lock = True  # as the CLI does: the writer from its first change to its end
settings.set_setting(ws, "idle_lock_minutes", "12")
print("holding", flush=True)
sys.stdin.readline()
ws.close()
"""


def start_holder(folder: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder), ADMIN, ADMIN_PW],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "holding", proc.stderr.read() if proc.stderr else line
    return proc


@pytest.fixture
def folder(admin_ws) -> Path:
    folder = admin_ws.workspace.folder
    admin_ws.close()
    return folder


def test_library_callers_hold_the_lock_only_for_each_change(admin_ws) -> None:
    folder = admin_ws.workspace.folder
    assert not workspace_lock.held_here(folder)  # create() let it go
    users.add_user(admin_ws, "zhanghua", "张华", "expert", USER_PW)
    assert not admin_ws.holds_lock and not workspace_lock.held_here(folder)
    admin_ws.keep_lock = True  # the CLI: from the first change on
    users.add_user(admin_ws, "liming", "李明", "expert", USER_PW)
    assert admin_ws.holds_lock and workspace_lock.held_here(folder)
    admin_ws.close()
    assert not workspace_lock.held_here(folder)


def test_the_lock_is_shared_inside_a_process_and_released_with_the_last_holder(tmp_path: Path) -> None:
    first = workspace_lock.acquire(tmp_path)
    second = workspace_lock.acquire(tmp_path)
    first.release()
    first.release()  # idempotent: does not take the second holder's share
    assert workspace_lock.held_here(tmp_path)
    second.release()
    assert not workspace_lock.held_here(tmp_path)
    assert (tmp_path / workspace_lock.LOCK_NAME).exists()  # the file stays; only the OS lock goes


def test_a_second_process_is_refused_until_the_first_dies(folder: Path) -> None:
    proc = start_holder(folder)
    try:
        with pytest.raises(WorkspaceBusy) as caught:
            workspace_lock.acquire(folder)
        assert caught.value.exit_code == 13 and "另一个" in caught.value.message_zh
        # A read-only open works beside the writer; its first change is refused before anything is written.
        with Workspace(folder).open(ADMIN, ADMIN_PW) as ws:
            assert not ws.holds_lock
            with pytest.raises(WorkspaceBusy):
                users.add_user(ws, "zhanghua", "张华", "expert", USER_PW)
            assert [u.username for u in users.list_users(ws)] == [ADMIN]
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # dies without releasing anything itself
        proc.wait(timeout=30)
    with workspace_lock.acquire(folder):  # the OS dropped the lock with the process
        pass


def test_cli_writer_is_refused_in_one_line_while_readers_run(folder: Path) -> None:
    ws = str(folder)
    proc = start_holder(folder)
    try:
        auth = ["--user", ADMIN, "--password-env", "PW"]
        refused = run_cli("--workspace", ws, "user", "add", "zhanghua", "--role", "expert", "--new-password-env", "NP", *auth, env=PW)
        assert refused.returncode == 13, refused.stderr
        err = refused.stderr.strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in refused.stderr
        assert err.startswith("reviewdesk: error: the workspace is open in another ReviewDesk window or command")
        zh = run_cli("--workspace", ws, "unit", "add", "U1", "--name", "某法院", "--kind", "court", "--region-code", "620102", *auth, env={**PW, "REVIEWDESK_LANG": "zh_CN"})
        assert zh.returncode == 13 and "此工作区已在另一个评查工作台窗口或命令中打开" in zh.stderr
        for reader in (["whoami"], ["audit", "verify"], ["cases", "list"]):
            result = run_cli("--workspace", ws, *reader, *auth, env=PW)
            assert result.returncode == 0, (reader, result.stderr)
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=60)


def test_restore_waits_for_the_writer(folder: Path, tmp_path: Path) -> None:
    from reviewdesk.services import maintenance

    with Workspace(folder).open(ADMIN, ADMIN_PW) as ws:
        copy = maintenance.backup(ws, tmp_path / "copy.rdbak")
    proc = start_holder(folder)
    try:
        with pytest.raises(WorkspaceBusy):
            Workspace(folder).restore(copy, ADMIN, ADMIN_PW)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert not any(p.name.startswith("replaced-") for p in folder.iterdir())  # nothing was swapped


def test_the_os_lock_primitive_refuses_a_second_open_file_until_released(tmp_path: Path) -> None:
    """reviewdesk/os_lock.py, under the workspace lock and the log-in throttle: the lock belongs to the open
    file, so a second descriptor (as another process would have) is refused, then gets it once released."""
    from reviewdesk import os_lock

    path = tmp_path / "x.lock"
    first, second = os_lock.open_lock_file(path), os_lock.open_lock_file(path)
    try:
        assert os_lock.try_lock(first)
        assert not os_lock.try_lock(second)
        os_lock.unlock(first)
        assert os_lock.try_lock(second)
        os_lock.unlock(second)
        with os_lock.held(path):
            assert not os_lock.try_lock(first)
        assert os_lock.try_lock(first)
    finally:
        os.close(first)
        os.close(second)
    assert path.read_bytes() == b""  # the lock file never holds anything
