"""Test helpers: direct access to the database with its key (as an attacker holding the key would have)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlcipher3 import dbapi2

from reviewdesk.store.engine import key_literal

ROOT = Path(__file__).resolve().parent.parent


def raw_connect(db_path: Path, data_key: bytes) -> dbapi2.Connection:
    conn = dbapi2.connect(str(db_path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{key_literal(data_key)}"')
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def run_cli(*args: str, env: dict[str, str] | None = None, input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m reviewdesk …` in a fresh process, as a script would."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("REVIEWDESK_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "reviewdesk", *args],
        capture_output=True, text=True, env=full_env, input=input_text, timeout=120, cwd=ROOT,
    )
