"""The ledger: document origins (with LSH bands and credits), claim clusters, members, conflicts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _document(primary: bool = False) -> sa.Column:
    return sa.Column("document", sa.String(), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                     nullable=False, primary_key=primary)


def upgrade() -> None:
    op.create_table(
        "ledger_documents",
        _document(primary=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("copy_of", sa.String(), nullable=True),
        sa.Column("rule", sa.String(), nullable=False),
        sa.Column("containment", sa.Float(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("date", sa.String(), nullable=True),
        sa.Column("claims_placed", sa.Integer(), nullable=False),
        sa.Column("ledger_version", sa.String(), nullable=False),
        sa.Column("updated", sa.String(), nullable=False),
    )
    op.create_index("ix_ledger_documents_origin", "ledger_documents", ["origin"])
    op.create_index("ix_ledger_documents_outlet", "ledger_documents", ["outlet"])
    op.create_index("ix_ledger_documents_date", "ledger_documents", ["date"])

    op.create_table(
        "ledger_bands",
        sa.Column("key", sa.String(), nullable=False, primary_key=True),
        _document(primary=True),
    )
    op.create_index("ix_ledger_bands_document", "ledger_bands", ["document"])

    op.create_table(
        "ledger_credits",
        _document(primary=True),
        sa.Column("name", sa.String(), nullable=False, primary_key=True),
    )
    op.create_index("ix_ledger_credits_name", "ledger_credits", ["name"])

    op.create_table(
        "ledger_clusters",
        sa.Column("id", sa.String(), nullable=False, primary_key=True),
        sa.Column("representative", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("centroid", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("keys", sa.JSON(), nullable=False),
        sa.Column("first_seen", sa.String(), nullable=True),
        sa.Column("last_seen", sa.String(), nullable=True),
        sa.Column("updated", sa.String(), nullable=False),
    )

    op.create_table(
        "ledger_claims",
        sa.Column("claim", sa.String(), sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False,
                  primary_key=True),
        _document(),
        sa.Column("cluster", sa.String(), sa.ForeignKey("ledger_clusters.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("embedding", sa.LargeBinary(), nullable=False),
        sa.Column("keys", sa.JSON(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("polarity", sa.Integer(), nullable=False),
        sa.Column("date", sa.String(), nullable=True),
    )
    op.create_index("ix_ledger_claims_cluster", "ledger_claims", ["cluster"])
    op.create_index("ix_ledger_claims_document", "ledger_claims", ["document"])

    op.create_table(
        "ledger_keys",
        sa.Column("key", sa.String(), nullable=False, primary_key=True),
        sa.Column("cluster", sa.String(), sa.ForeignKey("ledger_clusters.id", ondelete="CASCADE"),
                  nullable=False, primary_key=True),
    )
    op.create_index("ix_ledger_keys_cluster", "ledger_keys", ["cluster"])

    op.create_table(
        "ledger_conflicts",
        sa.Column("a", sa.String(), sa.ForeignKey("ledger_clusters.id", ondelete="CASCADE"), nullable=False,
                  primary_key=True),
        sa.Column("b", sa.String(), sa.ForeignKey("ledger_clusters.id", ondelete="CASCADE"), nullable=False,
                  primary_key=True),
        sa.Column("kind", sa.String(), nullable=False, primary_key=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_ledger_conflicts_b", "ledger_conflicts", ["b"])


def downgrade() -> None:
    for table in ("ledger_conflicts", "ledger_keys", "ledger_claims", "ledger_clusters", "ledger_credits",
                  "ledger_bands", "ledger_documents"):
        op.drop_table(table)
