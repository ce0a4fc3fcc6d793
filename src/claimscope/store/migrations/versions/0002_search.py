"""Full-text search over claims and documents: SQLite FTS5 tables, PostgreSQL tsvector + GIN.

SQLite: external-content FTS5 tables (`content="claims"`, which Datasette recognises) kept in
step by triggers on insert, update and delete. PostgreSQL: a generated `tsv` column with a GIN
index, so the index can never drift from the text. Both stem English words (porter / english).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The first half-million characters of a document are indexed on PostgreSQL: a tsvector is
# capped at 1 MB, and a longer text must not make the whole document fail to store.
PG_DOCUMENT_CHARS = 500_000

_FTS = {"claims": "text", "documents": "text"}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table, column in _FTS.items():
            fts = f"{table}_fts"
            op.execute(f'CREATE VIRTUAL TABLE {fts} USING fts5({column}, content="{table}", '
                       f'tokenize="porter unicode61")')
            op.execute(f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
                       f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END")
            op.execute(f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); END")
            op.execute(f"CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); "
                       f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END")
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    else:
        op.execute("ALTER TABLE claims ADD COLUMN tsv tsvector "
                   "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED")
        op.execute("ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                   f"(to_tsvector('english'::regconfig, left(text, {PG_DOCUMENT_CHARS}))) STORED")
        op.execute("CREATE INDEX ix_claims_tsv ON claims USING gin (tsv)")
        op.execute("CREATE INDEX ix_documents_tsv ON documents USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in _FTS:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER {table}_fts_{event}")
            op.execute(f"DROP TABLE {table}_fts")
    else:
        for table in _FTS:
            op.execute(f"DROP INDEX ix_{table}_tsv")
            op.execute(f"ALTER TABLE {table} DROP COLUMN tsv")
