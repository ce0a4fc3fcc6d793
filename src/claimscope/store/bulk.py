"""Many rows into one table in one statement on PostgreSQL, whatever their number.

    insert_rows(connection, dialect, L.ledger_keys, rows, ignore=True)

psycopg's `executemany` sends one INSERT per row (pipelined), and PostgreSQL runs each as its
own statement: a ledger placement writes some 150 rows a document, and that per-row executor
cost was most of the server's CPU in `ledger_place` (docs/scale.md, fourth round). Here the rows
go as one array per column into `INSERT ... SELECT * FROM unnest(...)`, whose text does not
depend on the row count, so psycopg prepares it once per table. A multi-row VALUES list would
be a new statement for every row count. The values stored are the same: JSON columns are
serialised by `json.dumps`, as SQLAlchemy's JSON type does, and cast to json in the statement.
COPY would be cheaper still, but it cannot skip rows already there (`ignore`). SQLite keeps
`executemany`: its statements run in this process, with no round trip and no executor start.
"""

from __future__ import annotations

import json
from functools import lru_cache

from sqlalchemy import JSON, Float, Integer, LargeBinary, Table, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection


def _array_type(column) -> str:
    kind = column.type
    if isinstance(kind, JSON):
        return "text[]"  # cast to json in the SELECT, element by element
    if isinstance(kind, LargeBinary):
        return "bytea[]"
    if isinstance(kind, Integer):
        return "bigint[]"
    if isinstance(kind, Float):
        return "double precision[]"
    return "text[]"


@lru_cache(maxsize=64)
def _statement(table: Table, columns: tuple[str, ...], ignore: bool):
    arrays = ", ".join(f"CAST(:c{i} AS {_array_type(table.c[name])})" for i, name in enumerate(columns))
    picks = ", ".join(f"u.c{i}::json" if isinstance(table.c[name].type, JSON) else f"u.c{i}"
                      for i, name in enumerate(columns))
    names = ", ".join(f'"{name}"' for name in columns)
    aliases = ", ".join(f"c{i}" for i in range(len(columns)))
    sql = (f'INSERT INTO "{table.name}" ({names}) SELECT {picks} FROM unnest({arrays}) AS u({aliases})'
           + (" ON CONFLICT DO NOTHING" if ignore else ""))
    return text(sql)


def insert_rows(connection: Connection, dialect: str, table: Table, rows: list[dict], *,
                ignore: bool = False) -> None:
    """Insert `rows` (dicts with the same keys); with `ignore`, rows whose key is taken are
    skipped (ON CONFLICT DO NOTHING), as `insert(...).on_conflict_do_nothing()` does."""
    if not rows:
        return
    if dialect != "postgresql":
        statement = (sqlite.insert(table).on_conflict_do_nothing() if ignore else table.insert())
        connection.execute(statement, rows)
        return
    columns = tuple(rows[0])
    params = {}
    for i, name in enumerate(columns):
        values = [row[name] for row in rows]
        if isinstance(table.c[name].type, JSON):
            values = [None if v is None else json.dumps(v) for v in values]
        params[f"c{i}"] = values
    connection.execute(_statement(table, columns, ignore), params)

