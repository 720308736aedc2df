"""A process killed (SIGKILL) at any point of an import leaves the store exactly as before, intact."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewdesk.packages import age
from reviewdesk.services import audit, keys
from reviewdesk.workspace import Workspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import ROOT, raw_connect
from tests.packaging import assemble, new_office_key, sample_contents

TABLES = ("cases", "documents", "document_chunks", "packages", "case_parties", "search_index", "search_index_cases", "campaigns", "units")
KILL_POINTS = 8


def _state(ws_folder: Path) -> tuple[dict[str, int], str]:
    opened = Workspace(ws_folder).open(ADMIN, ADMIN_PW)
    try:
        conn = raw_connect(opened.workspace.db_path, opened.data_key)
        try:
            counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        assert audit.verify(opened).ok
    finally:
        opened.close()
    return counts, integrity


def _start_import(ws_folder: Path, package: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PW": ADMIN_PW}
    return subprocess.Popen(
        [sys.executable, "-m", "reviewdesk", "--workspace", str(ws_folder), "import", str(package), "--user", ADMIN, "--password-env", "PW"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_at_random_points_leaves_store_unchanged(admin_ws, tmp_path: Path) -> None:
    office = new_office_key()
    keys.trust_issuer(admin_ws, office.public_key_text("office"), "某省委政法委执法监督处")
    recipient = age.Recipient.from_str(keys.recipient(admin_ws))
    contents = sample_contents(3)
    rng = random.Random(11)
    for i in range(12):  # ~36 MiB of incompressible content makes the import take a while
        contents.add_file(f"cases/GS-2026-0001/scan-{i:02d}.bin", rng.randbytes(3 * 1024 * 1024), "GS-2026-0001", "application/octet-stream")
    package = assemble(contents, tmp_path / "big.rdpkg", signer=office, recipients=[recipient])
    folder = admin_ws.workspace.folder
    admin_ws.close()
    before, integrity = _state(folder)
    assert integrity == "ok"

    # How long a whole import takes here, measured on a copy, spreads the kill points over all of it.
    timing_copy = tmp_path / "timing-copy"
    shutil.copytree(folder, timing_copy)
    started = time.monotonic()
    assert _start_import(timing_copy, package).wait(timeout=300) == 0
    duration = time.monotonic() - started
    complete, _ = _state(timing_copy)
    assert complete["cases"] == 3 and complete["documents"] == 9 + 12

    # A kill that lands after the commit leaves the whole package: the next points start again from the state
    # before and are spread over the shorter span, so a loaded machine (slower timing run, faster later runs)
    # still puts most kills before the commit.
    pristine = tmp_path / "pristine"
    shutil.copytree(folder, pristine)
    interrupted = 0
    for point in range(KILL_POINTS):
        delay = duration * (point + rng.random()) / KILL_POINTS
        proc = _start_import(folder, package)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        after, integrity = _state(folder)
        assert integrity == "ok", f"kill point {point} at {delay:.2f}s"
        # All or nothing: either exactly as before, or the whole package (killed after its commit).
        assert after in (before, complete), f"kill point {point} at {delay:.2f}s left {after}"
        if after == complete:
            duration = delay
            shutil.rmtree(folder)
            shutil.copytree(pristine, folder)
        else:
            interrupted += 1
    assert interrupted >= KILL_POINTS // 2, "too few kills landed before the commit to test anything"
    # And the package still imports cleanly afterwards (or already has).
    proc = _start_import(folder, package)
    assert proc.wait(timeout=300) == 0
    after, integrity = _state(folder)
    assert integrity == "ok" and after == complete
