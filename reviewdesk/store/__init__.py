"""The encrypted store: engine, ORM models, migrations, backups."""
