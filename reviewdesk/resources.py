"""Where the shipped data lives, in the three ways ReviewDesk runs; the one place that knows.

- a frozen (PyInstaller) bundle: `resources/` and the migrations are data under `sys._MEIPASS`
  (installer/reviewdesk.spec puts them there);
- an installed wheel: `resources/` is the package data of `reviewdesk._resources` (setup.py maps the
  repository's top-level folder there) and the migrations are package data of `reviewdesk.store`;
- a source checkout (or an editable install): `resources/` at the top of the repository.

Wheels install as plain files, so a path is enough (reportlab and Qt want file names, not streams).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundle() -> Path | None:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def resources_dir() -> Path:
    bundle = _bundle()
    if bundle:
        return bundle / "resources"
    installed = _PACKAGE / "_resources"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"


def migrations_dir() -> Path:
    """The Alembic script folder (env.py, versions/); Alembic reads it as files, never from an archive."""
    bundle = _bundle()
    if bundle:
        return bundle / "reviewdesk" / "store" / "migrations"
    return _PACKAGE / "store" / "migrations"


NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"


def notices_file() -> Path | None:
    """The licence notices installer/notices.py wrote into a frozen bundle; None outside one."""
    bundle = _bundle()
    return bundle / NOTICES_NAME if bundle else None
