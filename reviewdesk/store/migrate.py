"""Alembic driven from code, on the app's own keyed connection.

Opening a workspace only asks "is the store at the newest revision?". That answer is read without importing
Alembic or SQLAlchemy (a quarter of a second or more of every CLI call): the store's `alembic_version` row by
plain SQL (login_sql.py), the newest revision from the `revision = …` / `down_revision = …` lines of the
scripts. Alembic itself runs only to migrate, and decides the head itself whenever the scripts are not a simple
chain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reviewdesk.resources import migrations_dir

if TYPE_CHECKING:
    from sqlalchemy import Engine

WRITE = {"reviewdesk_write": True}


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


_ASSIGNMENT = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)
_PLAIN = re.compile(r"""^(None|"[\w-]+"|'[\w-]+')$""")
VERSION_TABLE = "alembic_version"


def _chain_head() -> str | None:
    """The single head of the scripts when each names one revision and one parent; None otherwise."""
    revisions, parents = set(), set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        found = dict((key, value) for key, value in _ASSIGNMENT.findall(path.read_text(encoding="utf-8")))
        if set(found) != {"revision", "down_revision"} or not all(_PLAIN.match(v) for v in found.values()):
            return None
        revisions.add(found["revision"].strip("\"'"))
        if found["down_revision"] != "None":
            parents.add(found["down_revision"].strip("\"'"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def head_revision() -> str:
    return _chain_head() or alembic_head()


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:  # several heads: never made by this app, let Alembic say what it is
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return rows[0] if rows else None


def _run(engine: Engine, verb: str, target: str) -> None:
    from alembic import command

    cfg = _config()
    with engine.connect() as conn:
        conn = conn.execution_options(**WRITE)
        cfg.attributes["connection"] = conn
        getattr(command, verb)(cfg, target)
        conn.commit()


def upgrade(engine: Engine, target: str = "head") -> None:
    _run(engine, "upgrade", target)


def downgrade(engine: Engine, target: str) -> None:
    """Only for tests of the migrate-on-open path."""
    _run(engine, "downgrade", target)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
