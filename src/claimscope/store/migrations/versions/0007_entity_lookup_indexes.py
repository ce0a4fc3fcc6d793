"""The entity lookups by key and by lowercased name or key read their index only.

A dossier (and every read naming an entity) resolves the name to block keys with `SELECT
DISTINCT key, corpus_entity, name FROM entities WHERE key = ? OR lower(name) = ? OR lower(key) =
?`, and names loose keys by `key IN (...) AND corpus_entity IS NULL`. Entities are rows per
document, so at 100k documents "United States" is 66,000 rows: the indexes of 0004 found them,
and each was then read from the table (70-95 ms of CPU a lookup). The same three indexes now
carry (key, corpus_entity, name) after their own column, so both reads stay in the index
(names: a seek to key = ? AND corpus_entity IS NULL). They keep their names and their leading
column, so every plan that used them can use them as before.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_CARRIED = ["key", "corpus_entity", "name"]


def upgrade() -> None:
    # if_exists: some stores lack the expression indexes (bench_ledger's base store has none).
    op.drop_index("ix_entities_key", table_name="entities", if_exists=True)
    op.create_index("ix_entities_key", "entities", _CARRIED)
    op.drop_index("ix_entities_lower_name", table_name="entities", if_exists=True)
    op.create_index("ix_entities_lower_name", "entities", [sa.text("lower(name)"), *_CARRIED])
    op.drop_index("ix_entities_lower_key", table_name="entities", if_exists=True)
    op.create_index("ix_entities_lower_key", "entities", [sa.text("lower(key)"), *_CARRIED])


def downgrade() -> None:
    op.drop_index("ix_entities_lower_key", table_name="entities", if_exists=True)
    op.create_index("ix_entities_lower_key", "entities", [sa.text("lower(key)")])
    op.drop_index("ix_entities_lower_name", table_name="entities", if_exists=True)
    op.create_index("ix_entities_lower_name", "entities", [sa.text("lower(name)")])
    op.drop_index("ix_entities_key", table_name="entities", if_exists=True)
    op.create_index("ix_entities_key", "entities", ["key"])
