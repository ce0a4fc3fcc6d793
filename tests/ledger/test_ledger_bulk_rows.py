"""`store/bulk.insert_rows` (the ledger's many-row writes; one unnest statement a table on
PostgreSQL) stores exactly what SQLAlchemy's executemany insert stores, on both dialects."""

from __future__ import annotations

from sqlalchemy import JSON, Text, cast, delete, insert, select

from claimscope.ledger.facade import Ledger
from claimscope.ledger.matching import LexicalMatcher
from claimscope.store import ledger_tables as L
from claimscope.store.bulk import insert_rows

# Children before parents, for the foreign keys.
TABLES = (L.ledger_keys, L.ledger_claims, L.ledger_bands, L.ledger_clusters)


def _rows(connection, table) -> list[tuple]:
    # JSON as the text stored (not parsed back), so a different serialisation would show.
    columns = [cast(c, Text) if isinstance(c.type, JSON) else c for c in table.c]
    return sorted(tuple(r) for r in connection.execute(select(*columns)))


def _dicts(connection, table) -> list[dict]:
    return [dict(r) for r in connection.execute(select(table)).mappings()]


def test_insert_rows_stores_what_executemany_stores(demo_store, demo_corpus_analyses):
    Ledger(demo_store, matcher=LexicalMatcher()).update()
    dialect = demo_store.dialect
    with demo_store.engine.begin() as connection:
        placed = {t.name: _dicts(connection, t) for t in TABLES}
        assert all(placed.values())
        assert any(r["figures"] for r in placed["ledger_claims"])  # JSON lists of objects
        assert any(r["centroid"] for r in placed["ledger_clusters"])  # bytes, and empty bytes
        assert any(not r["centroid"] for r in placed["ledger_clusters"])

        def written(write) -> dict[str, list[tuple]]:
            for table in TABLES:
                connection.execute(delete(table))
            for table in reversed(TABLES):
                write(table, placed[table.name])
            return {t.name: _rows(connection, t) for t in TABLES}

        reference = written(lambda table, rows: connection.execute(insert(table), rows))

        def bulk(table, rows):
            insert_rows(connection, dialect, table, rows)
            # Again with `ignore`: every row is there already, nothing changes and nothing fails.
            insert_rows(connection, dialect, table, rows, ignore=True)

        assert written(bulk) == reference
        # `ignore` beside new rows: the taken ones are skipped, the rest written.
        keys = placed["ledger_keys"]
        connection.execute(delete(L.ledger_keys))
        connection.execute(insert(L.ledger_keys), keys[::2])
        insert_rows(connection, dialect, L.ledger_keys, keys, ignore=True)
        assert _rows(connection, L.ledger_keys) == reference["ledger_keys"]
        insert_rows(connection, dialect, L.ledger_keys, [])  # nothing to write: no statement
