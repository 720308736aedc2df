"""Alembic driven from code, on the app's own keyed connection."""

from __future__ import annotations

from sqlalchemy import Engine

from reviewdesk.resources import migrations_dir

WRITE = {"reviewdesk_write": True}


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
