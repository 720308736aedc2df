"""The audit log is a hash chain: any edit, deletion, reordering, insertion or truncation is found and named."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlcipher3 import dbapi2

from reviewdesk.audit import chain
from reviewdesk.services import audit, settings, users
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW, USER_PW
from tests.helpers import raw_connect, run_cli


@pytest.fixture
def busy_ws(admin_ws: OpenWorkspace) -> OpenWorkspace:
    """A workspace with a dozen entries and a signed checkpoint in the middle."""
    for i in range(4):
        users.add_user(admin_ws, f"expert{i}", f"专家{i}", "expert", USER_PW)
    audit.checkpoint(admin_ws)
    for minutes in (5, 15, 30):
        settings.set_setting(admin_ws, "idle_lock_minutes", minutes)
    assert audit.verify(admin_ws).ok
    return admin_ws


def _tamper(ws: OpenWorkspace, *statements: str) -> None:
    """What someone holding the key could do with any SQLite tool: drop the guards and rewrite rows."""
    conn = raw_connect(ws.workspace.db_path, ws.data_key)
    conn.execute("DROP TRIGGER audit_entries_no_update")
    conn.execute("DROP TRIGGER audit_entries_no_delete")
    for sql in statements:
        conn.execute(sql)
    conn.close()


def _entry_count(ws: OpenWorkspace) -> int:
    return len(audit.entry_seqs(ws))


def test_intact_log_verifies(busy_ws: OpenWorkspace) -> None:
    report = audit.verify(busy_ws)
    assert report.ok and report.first_bad_seq is None
    assert report.entries == _entry_count(busy_ws)
    assert report.checkpoints == 1


# name: (statements given the entry count n, first bad seq given n, words in the reason)
CASES: dict[str, tuple[Callable[[int], list[str]], Callable[[int], int], str]] = {
    "edit details": (lambda n: ["UPDATE audit_entries SET details = '{\"role\":\"admin\"}' WHERE seq = 4"], lambda n: 4, "edited"),
    "edit actor": (lambda n: ["UPDATE audit_entries SET actor = 'someone' WHERE seq = 6"], lambda n: 6, "edited"),
    "delete middle": (lambda n: ["DELETE FROM audit_entries WHERE seq = 5"], lambda n: 5, "missing"),
    "reorder": (
        lambda n: [
            "UPDATE audit_entries SET seq = -1 WHERE seq = 3",
            "UPDATE audit_entries SET seq = 3 WHERE seq = 4",
            "UPDATE audit_entries SET seq = 4 WHERE seq = -1",
        ],
        lambda n: 3,
        "reordered",
    ),
    "truncate tail": (lambda n: [f"DELETE FROM audit_entries WHERE seq > {n - 2}"], lambda n: n - 1, "cut off"),
    # Cut below the signed checkpoint (size 5) and forge the head record too: the checkpoint catches it.
    "truncate tail and head record": (
        lambda n: [
            "DELETE FROM audit_entries WHERE seq > 3",
            "UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_entries WHERE seq = 3)",
        ],
        lambda n: 4,
        "checkpoint",
    ),
    "insert forged entry": (
        lambda n: [
            "UPDATE audit_entries SET seq = seq + 1000 WHERE seq >= 7",
            "UPDATE audit_entries SET seq = seq - 999 WHERE seq >= 1007",
            "INSERT INTO audit_entries VALUES (7, '2026-01-01T00:00:00.000+08:00', 'admin', 'user.add', 'user:ghost',"
            " '{}', (SELECT hash FROM audit_entries WHERE seq = 6), 'ab')",
        ],
        lambda n: 7,
        "edited",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_tampering_is_detected_and_named(busy_ws: OpenWorkspace, name: str) -> None:
    statements, bad_seq, words = CASES[name]
    n = _entry_count(busy_ws)
    _tamper(busy_ws, *statements(n))
    report = audit.verify(busy_ws)
    assert not report.ok
    assert report.first_bad_seq == bad_seq(n), report.reason
    assert words in (report.reason or "")


def test_cli_verify_exits_nonzero_and_names_the_entry(busy_ws: OpenWorkspace) -> None:
    folder = str(busy_ws.workspace.folder)
    env = {"PW": ADMIN_PW}
    ok = run_cli("--workspace", folder, "audit", "verify", "--user", ADMIN, "--password-env", "PW", env=env)
    assert ok.returncode == 0 and "intact" in ok.stdout
    _tamper(busy_ws, "UPDATE audit_entries SET target = 'user:nobody' WHERE seq = 5")
    bad = run_cli("--workspace", folder, "audit", "verify", "--user", ADMIN, "--password-env", "PW", env=env)
    assert bad.returncode == 9
    assert "entry 5" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    as_json = run_cli("--workspace", folder, "audit", "verify", "--json", "--user", ADMIN, "--password-env", "PW", env=env)
    assert as_json.returncode == 9 and '"first_bad_seq": 5' in as_json.stdout


def test_the_app_cannot_update_or_delete_entries(busy_ws: OpenWorkspace) -> None:
    conn = raw_connect(busy_ws.workspace.db_path, busy_ws.data_key)
    with pytest.raises(dbapi2.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_entries SET actor = 'x' WHERE seq = 1")
    with pytest.raises(dbapi2.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit_entries WHERE seq = 1")
    conn.close()


def test_forged_checkpoint_signature_is_detected(busy_ws: OpenWorkspace) -> None:
    conn = raw_connect(busy_ws.workspace.db_path, busy_ws.data_key)
    conn.execute("UPDATE audit_checkpoints SET signature = replace(signature, substr(signature, 1, 2), 'ff')")
    conn.close()
    report = audit.verify(busy_ws)
    assert not report.ok and "invalid signature" in (report.reason or "")


def test_hash_covers_canonical_content() -> None:
    args = (1, "2026-11-22T10:00:00.000+08:00", "admin", "user.add", "user:x", '{"b":1,"a":"张"}', chain.GENESIS)
    assert chain.entry_hash(*args) == chain.entry_hash(*args[:5], '{"a":"张","b":1}', chain.GENESIS)
    assert chain.entry_hash(*args) != chain.entry_hash(*args[:5], '{"a":"张","b":2}', chain.GENESIS)
    assert chain.entry_hash(*args) != chain.entry_hash(*args[:6], "1" * 64)
