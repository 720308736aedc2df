"""Alembic environment: always runs on the app's own (already keyed) connection, never on a URL."""

from alembic import context

from reviewdesk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("ReviewDesk migrations run only through reviewdesk.store.migrate")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
