"""What opening a workspace reads and writes, in plain SQL on one sqlcipher3 connection.

The log-in reads the schema revision and the account, looks for key slots of disabled accounts and appends the
`session.login` audit entry. Through SQLAlchemy that meant importing it first, for every CLI call: about a
quarter of a second, longer than the key derivation it overlaps. These statements touch only the core tables
(store/core_models.py defines them) and write the audit entry computed as every other (audit/links.py).
A command that needs only the account (`whoami`) never imports SQLAlchemy at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reviewdesk.audit.links import next_link
from reviewdesk.store.engine import configured_connect

VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: str
    disabled: bool
    created_at: datetime
    password_changed_at: datetime


@contextmanager
def connection(db_path: Path, data_key: bytes) -> Iterator[Any]:
    conn = configured_connect(db_path, data_key)
    try:
        yield conn
    finally:
        conn.close()


def schema_revisions(conn: Any) -> list[str] | None:
    """The store's alembic_version rows (None: no such table, a store never migrated)."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,))
    if found.fetchone() is None:
        return None
    return [row[0] for row in conn.execute(f"SELECT version_num FROM {VERSION_TABLE}")]


def account(conn: Any, username: str) -> Account | None:
    row = conn.execute(
        "SELECT id, username, display_name, role, disabled, created_at, password_changed_at"
        " FROM users WHERE username = ?",
        (username.strip(),),
    ).fetchone()
    if row is None:
        return None
    # Timestamps as core_models.Timestamp stores them: ISO 8601 with the offset.
    return Account(
        row[0],
        row[1],
        row[2],
        row[3],
        bool(row[4]),
        datetime.fromisoformat(row[5]),
        datetime.fromisoformat(row[6]),
    )


def active_usernames(conn: Any) -> set[str]:
    return {row[0] for row in conn.execute("SELECT username FROM users WHERE disabled = 0")}


def append_audit(conn: Any, actor: str, action: str, target: str, details: dict[str, Any]) -> None:
    """One audit entry in its own transaction, taking the write lock up front as the engine's writers do."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        head = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
        link = next_link(tuple(head) if head else None, actor, action, target, details)
        columns = asdict(link)
        conn.execute(
            f"INSERT INTO audit_entries ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(columns.values()),
        )
        if head is None:
            conn.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)", (link.seq, link.hash))
        else:
            conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (link.seq, link.hash))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
