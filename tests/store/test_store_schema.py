"""The migrations make exactly the tables `store/tables.py` declares, on both dialects."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from claimscope.store import tables as T


def test_migrations_match_the_declared_tables(store):
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), T.metadata)
        names = set(inspect(connection).get_table_names())
    # The search machinery (FTS5 tables, the tsv column) is the migrations' own, not declared.
    diff = [d for d in diff if not (d[0] == "remove_column" and d[3].name == "tsv")
            and not (d[0] == "remove_table" and d[1].name.endswith("_fts") or "_fts_" in str(d[1]))
            and not (d[0] == "remove_index" and d[1].name in ("ix_claims_tsv", "ix_documents_tsv"))]
    assert diff == []
    assert set(T.metadata.tables) <= names


def test_sqlite_pragmas(store):
    if store.dialect != "sqlite":
        return
    from sqlalchemy import text

    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() == 30_000
