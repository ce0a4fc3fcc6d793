"""Alembic environment: runs on the connection `store/schema.py` hands over (no alembic.ini).

The caller holds the connection inside its own transaction (and, on PostgreSQL, an advisory
lock), so two processes opening a new store at once never both create it.
"""

from __future__ import annotations

from alembic import context

from claimscope.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` during development
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
