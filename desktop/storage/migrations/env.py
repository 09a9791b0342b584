"""Alembic environment: always run by desktop.storage.database with an open connection.

There is no alembic.ini: database.py builds the Config programmatically and passes the connection in
`config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

from desktop.storage.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through desktop.storage.database.open_database")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
