"""Wrap keys derived ahead (security/derived_ahead.py): the slots they make open with their password only, each
with its own salt and the cost asked for; other secrets and slots beyond the count derive as usual."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reviewdesk.security.derived_ahead import derived_ahead
from reviewdesk.security.keyslots import DEFAULT_KDF, KdfParams, KeySlotFile, new_data_key

ROOT = Path(__file__).resolve().parent.parent
SMALL = KdfParams(iterations=1, memory_kib=64, lanes=1)  # a cheap cost, so the test can tell costs apart


def _kdfs(slots: KeySlotFile, tmp_path: Path) -> list[dict[str, object]]:
    path = tmp_path / "out.json"
    path.write_bytes(slots.to_bytes())
    return [s["kdf"] for s in json.loads(path.read_text())["slots"]]


def test_slots_made_ahead_open_with_their_password_and_have_their_own_salts(tmp_path: Path) -> None:
    slots = KeySlotFile.create(tmp_path / "keyslots.json", "ws")
    key = new_data_key()
    with derived_ahead("demo-2026", 2, SMALL):
        for name in ("a1", "a2", "a3"):  # the third is beyond the count
            slots.set_user(name, "demo-2026", key, SMALL)
        slots.set_user("other", "another-password", key, SMALL)  # not the secret derived ahead
    for name in ("a1", "a2", "a3"):
        opened = slots.unlock_user(name, "demo-2026")
        assert opened is not None and opened.data_key == key
        assert slots.unlock_user(name, "another-password") is None
    opened = slots.unlock_user("other", "another-password")
    assert opened is not None and opened.data_key == key
    kdfs = _kdfs(slots, tmp_path)
    assert len({k["salt"] for k in kdfs}) == 4
    assert all((k["iterations"], k["memory_kib"], k["lanes"]) == (1, 64, 1) for k in kdfs)


def test_a_slot_at_another_cost_is_not_served_from_the_keys_ahead(tmp_path: Path) -> None:
    slots = KeySlotFile.create(tmp_path / "keyslots.json", "ws")
    key = new_data_key()
    with derived_ahead("demo-2026", 1, SMALL):
        slots.set_user("full", "demo-2026", key)  # the default cost, not SMALL
    (kdf,) = _kdfs(slots, tmp_path)
    assert (kdf["iterations"], kdf["memory_kib"], kdf["lanes"]) == (
        DEFAULT_KDF.iterations,
        DEFAULT_KDF.memory_kib,
        DEFAULT_KDF.lanes,
    )
    assert slots.unlock_user("full", "demo-2026") is not None


TWO_AT_ONCE = """
import threading
from reviewdesk.security.keyslots import DEFAULT_KDF
results = []
threads = [threading.Thread(target=lambda: results.append(DEFAULT_KDF.derive(b"demo-2026", b"\\1" * 16)))
           for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), len(set(results)))
"""


def test_derivations_on_two_threads_both_finish() -> None:
    """Two Argon2id derivations at once hung in one process (holding the GIL) before the derive lock, so the pair
    runs in a child process that a hang cannot take down with the test run."""
    out = subprocess.run(
        [sys.executable, "-c", TWO_AT_ONCE],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        check=True,
    )
    assert out.stdout.split() == ["2", "1"]
