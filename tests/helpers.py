"""Test helpers: direct access to the database with its key (as an attacker holding the key would have)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlcipher3 import dbapi2

from reviewdesk.store import engine

ROOT = Path(__file__).resolve().parent.parent


def raw_connect(db_path: Path, data_key: bytes) -> dbapi2.Connection:
    return engine.raw_connect(db_path, data_key)


def run_cli(*args: str, env: dict[str, str] | None = None, input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m reviewdesk …` in a fresh process, as a script would."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("REVIEWDESK_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "reviewdesk", *args],
        capture_output=True, text=True, env=full_env, input=input_text, timeout=120, cwd=ROOT,
    )
