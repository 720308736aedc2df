"""The import's early writeback: the OS is asked to write while a large import runs, and only then."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reviewdesk.packages import age, minisign
from reviewdesk.services import audit, imports
from reviewdesk.store import writeback
from reviewdesk.workspace import OpenWorkspace
from tests.packaging import assemble, sample_contents


@pytest.fixture
def syncs(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    calls: list[float] = []
    monkeypatch.setattr(os, "sync", lambda: calls.append(time.monotonic()), raising=False)
    monkeypatch.setattr(writeback, "PERIOD_S", 0.005)
    return calls


def test_syncs_while_the_block_runs_and_stops_after(syncs: list[float]) -> None:
    with writeback.early_writeback(writeback.WORTH_BYTES):
        deadline = time.monotonic() + 5
        while len(syncs) < 3 and time.monotonic() < deadline:
            time.sleep(0.005)
    assert len(syncs) >= 3
    time.sleep(0.05)  # a sync already under way may finish; no new one starts
    settled = len(syncs)
    time.sleep(0.05)
    assert len(syncs) == settled


def test_small_work_or_no_os_sync_starts_nothing(syncs: list[float], monkeypatch: pytest.MonkeyPatch) -> None:
    with writeback.early_writeback(writeback.WORTH_BYTES - 1):
        time.sleep(0.05)
    monkeypatch.delattr(os, "sync")  # as on Windows
    with writeback.early_writeback(writeback.WORTH_BYTES):
        time.sleep(0.05)
    assert syncs == []


def test_a_large_import_writes_back_early_and_stores_whole(
    desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path,
    syncs: list[float], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(writeback, "WORTH_BYTES", 0)  # this small package counts as large
    contents = sample_contents(2)
    path = assemble(contents, tmp_path / "p.rdpkg", signer=office, recipients=[recipient])
    started = time.monotonic()
    result = imports.import_package(desk, path)
    assert (result.status, result.documents) == ("imported", 6)
    assert syncs and syncs[0] >= started
    assert audit.verify(desk).ok
