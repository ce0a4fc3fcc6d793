"""Claim vectors computed where the analysis runs, waiting for the ledger; indexes for scale.

`ledger_vectors` holds, per claim of a document the ledger has not placed yet, the claim
encoder's vector (float32 bytes) and the encoder that made it. Ingest's workers (local processes
or Dask workers) compute them beside the analysis, so the ledger update reads them instead of
running the encoder; placing a document moves its vectors into `ledger_claims` and deletes them
here. `ledger_keys.updated` copies its cluster's `updated`, so that the clusters of one block key
most recently updated come from an index (key, updated, cluster) instead of a sort of the whole block:
a block of a common entity grows with the corpus. And indexes of entities by key and by
lowercased name and key (the dossier's entity lookup).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ledger_vectors",
        sa.Column("claim", sa.String(), sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False,
                  primary_key=True),
        sa.Column("document", sa.String(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_ledger_vectors_document", "ledger_vectors", ["document"])
    op.create_index("ix_entities_key", "entities", ["key"])
    # A dossier names its entities in any case: `lower(name) = ?` and `lower(key) = ?` by index.
    op.create_index("ix_entities_lower_name", "entities", [sa.text("lower(name)")])
    op.create_index("ix_entities_lower_key", "entities", [sa.text("lower(key)")])
    op.add_column("ledger_keys", sa.Column("updated", sa.String(), nullable=False, server_default=""))
    op.execute("UPDATE ledger_keys SET updated = (SELECT c.updated FROM ledger_clusters c "
               "WHERE c.id = ledger_keys.cluster)")
    op.create_index("ix_ledger_keys_key_updated", "ledger_keys", ["key", "updated", "cluster"])


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch table copy: on SQLite the copy
    # drops the old table, and with foreign keys on that deletes every row that references it.
    op.drop_index("ix_ledger_keys_key_updated", table_name="ledger_keys")
    op.execute("ALTER TABLE ledger_keys DROP COLUMN updated")
    op.drop_index("ix_entities_lower_key", table_name="entities")
    op.drop_index("ix_entities_lower_name", table_name="entities")
    op.drop_index("ix_entities_key", table_name="entities")
    op.drop_table("ledger_vectors")
