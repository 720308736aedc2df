"""Where the workspace folder is and whether it holds a workspace, without importing the store.

The desktop app decides between the setup wizard and the login window before its first window appears;
importing `reviewdesk.workspace` pulls SQLAlchemy, Alembic and cryptography (about half a second), so the
file names and the folder rule live here, in a module that imports nothing heavy, and the workspace uses them.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

DB_NAME = "reviewdesk.db"
# The database file and the files SQLite may keep beside it (the rollback journal; -wal and -shm from
# workspaces written before the store left WAL mode): they move and go together.
DB_SUFFIXES = ("", "-journal", "-wal", "-shm")
SLOTS_NAME = "keyslots.json"
ENV_VAR = "REVIEWDESK_WORKSPACE"


class FolderState(StrEnum):
    MISSING = "missing"  # no workspace files: the setup wizard may create one here
    COMPLETE = "complete"  # database and key slots present: log in
    INCOMPLETE = "incomplete"  # one of the two is missing: setup was interrupted or a file was removed


def default_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("ReviewDesk", appauthor=False) / "workspace"


def resolve_folder(folder: str | os.PathLike[str] | None = None) -> Path:
    """Same rule as `reviewdesk.workspace.resolve_folder`: argument, then REVIEWDESK_WORKSPACE, then default."""
    if folder:
        return Path(folder).expanduser().resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return default_folder()


def folder_state(folder: str | os.PathLike[str]) -> FolderState:
    base = Path(folder)
    db, slots = (base / DB_NAME).exists(), (base / SLOTS_NAME).exists()
    if db and slots:
        return FolderState.COMPLETE
    if db or slots:
        return FolderState.INCOMPLETE
    return FolderState.MISSING
