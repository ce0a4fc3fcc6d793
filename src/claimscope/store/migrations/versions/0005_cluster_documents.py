"""How many documents mention each cluster, kept with the cluster and with its block keys.

A dossier keeps the clusters most documents mention; counting each cluster's documents when read
cost as much as the entity's block is large (hundreds of thousands of clusters for a common
entity at 100k documents). `ledger_clusters.documents` is kept by placement (and recounted when
documents are forgotten), and copied to `ledger_keys.documents` like `updated`, so the index
(key, documents, cluster) gives a block's most mentioned clusters directly.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ledger_clusters", sa.Column("documents", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("ledger_keys", sa.Column("documents", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE ledger_clusters SET documents = (SELECT COUNT(DISTINCT m.document) FROM ledger_claims m "
               "WHERE m.cluster = ledger_clusters.id)")
    op.execute("UPDATE ledger_keys SET documents = (SELECT c.documents FROM ledger_clusters c "
               "WHERE c.id = ledger_keys.cluster)")
    op.create_index("ix_ledger_keys_key_documents", "ledger_keys", ["key", "documents", "cluster"])


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch table copy: on SQLite the copy
    # drops the old table, and with foreign keys on that deletes every row that references it.
    op.drop_index("ix_ledger_keys_key_documents", table_name="ledger_keys")
    op.execute("ALTER TABLE ledger_keys DROP COLUMN documents")
    op.execute("ALTER TABLE ledger_clusters DROP COLUMN documents")
