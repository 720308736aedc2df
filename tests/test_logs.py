"""The log folder never holds case data: markers written through the services, the CLI, errors and a crash."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewdesk import logs
from reviewdesk.errors import AuthError, WorkspaceError
from reviewdesk.services import campaigns, imports, users
from reviewdesk.workspace import Workspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import ROOT, run_cli
from tests.packaging import MARKER, assemble, sample_contents

ASCII_MARK = "ZQXMARK7731"
NAME_MARK = "欧阳标记"
SECRET = "pw-ZQXSECRET-2026"
MARKERS = [MARKER, ASCII_MARK, NAME_MARK, SECRET, "标记"]


@pytest.fixture
def log_folder() -> Iterator[Path]:
    """This test's log folder (conftest points REVIEWDESK_LOG_DIR at a fresh one), set up in-process too."""
    logs.shutdown()
    folder = logs.log_dir()
    assert logs.setup("gui", hooks=False) == folder / "gui.log"
    yield folder
    logs.shutdown()


def _all_log_text(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "\n".join(p.read_text("utf-8", errors="replace") for p in sorted(folder.iterdir()) if p.is_file())


def test_markers_through_services_cli_errors_and_a_crash_never_reach_the_log(
    log_folder: Path, tmp_path: Path, office, desk, recipient
) -> None:
    ws = desk
    folder = ws.workspace.folder
    # Case data through the services: a package whose title, parties and documents carry the marker.
    contents = sample_contents(1, with_marker=True)
    case = contents.manifest["cases"][0]
    case["title"] = f"{MARKER}{NAME_MARK}诉某公司案"
    case["parties"][0]["name"] = NAME_MARK
    package = assemble(contents, tmp_path / f"{ASCII_MARK}-城关区.rdpkg", signer=office, recipients=[recipient])
    imports.import_package(ws, package)
    campaigns.add_unit(ws, "GS-MARK", f"{NAME_MARK}人民法院", "court", "620102")
    users.add_user(ws, "zqxmark7731", NAME_MARK, "expert", SECRET)
    with pytest.raises(AuthError):
        Workspace(folder).open("zqxmark7731", SECRET + "wrong")
    with pytest.raises(WorkspaceError):  # a message that quotes a path with the marker
        Workspace(tmp_path / ASCII_MARK / NAME_MARK).open(ADMIN, ADMIN_PW)
    # Errors nobody handled, warnings, and other libraries' records that quote data.
    try:
        raise KeyError(f"{NAME_MARK} {ASCII_MARK}")
    except KeyError as err:
        logs.log_unexpected(err, "test")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(f"sheet '{ASCII_MARK}' {NAME_MARK}", UserWarning, stacklevel=1)
    logging.getLogger("somelibrary").warning("cannot read %s in '%s'", f"/media/usb/{ASCII_MARK}/x.pdf", ASCII_MARK)
    logging.getLogger("somelibrary").error("failed", exc_info=RuntimeError(ASCII_MARK))

    # The CLI in fresh processes, sharing the folder: a refused log-in, an error that names the account.
    env = {"PW": ADMIN_PW, "BAD": SECRET + "x"}
    refused = run_cli("--workspace", str(folder), "whoami", "--user", "zqxmark7731", "--password-env", "BAD", env=env)
    assert refused.returncode == 4
    missing = run_cli("--workspace", str(folder), "user", "disable", f"nobody{ASCII_MARK}", "--user", ADMIN, "--password-env", "PW", env=env)
    assert missing.returncode == 7 and ASCII_MARK in missing.stderr  # the user is told; the log is not

    # A dying interpreter: faulthandler's trace names files and lines, not values.
    crash = subprocess.run(
        [sys.executable, "-c", f"from reviewdesk import logs; logs.setup('cli'); title = {MARKER!r}; import faulthandler; faulthandler._sigsegv()"],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env={**os.environ},
    )
    assert crash.returncode != 0
    crash_text = (log_folder / "cli-crash.log").read_text("utf-8")
    assert "Fatal Python error" in crash_text and "<string>" in crash_text

    text = _all_log_text(log_folder)
    for marker in MARKERS:
        assert marker not in text, marker
    assert "/media" not in text and "x.pdf" not in text
    # …and yet it says what happened.
    assert "opened: user id" in text and "open refused: auth" in text and "open refused: workspace" in text
    assert "test: builtins.KeyError at test_logs.py:" in text
    assert "command user refused: not_found" in (log_folder / "cli.log").read_text("utf-8")


def test_scrub_blanks_quoted_text_paths_chinese_and_long_numbers() -> None:
    text = logs.scrub(r"open 'x y' at C:\Users\li\案卷\a.pdf or /home/li/a b 张三 620102197001011234 ok 42")
    assert text == "open '...' at <path> or <path> b <…> <n> ok 42"
