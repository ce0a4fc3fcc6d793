"""A cluster of one claim keeps no copy of its centroid: it is that claim's vector.

Claim vectors were stored twice: once per claim (`ledger_claims.embedding`) and once per cluster
(`ledger_clusters.centroid`, float32, 1,536 bytes). Most clusters hold one claim, whose centroid
is bitwise its claim's vector, so a third of the store was that second copy. An empty centroid
now means "the representative's vector" (`ledger_cluster_states` reads it from the claim it
already joins); placement writes a founded cluster so, and a cluster that is joined gets its
mean written as before. Decisions are unchanged: the bytes read are the same bytes.

Only centroids equal to their representative's vector are emptied, whatever the size says (a
cluster that lost members to `ledger_forget` keeps its old mean). No column changes (a SQLite
table copy would cascade-delete the claims that reference the clusters). On SQLite the freed
pages are reused by later writes; `VACUUM` returns them to the file system.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_REPRESENTATIVE = "(SELECT m.embedding FROM ledger_claims m WHERE m.claim = ledger_clusters.representative)"


def upgrade() -> None:
    op.get_bind().execute(sa.text(f"UPDATE ledger_clusters SET centroid = :empty WHERE centroid = {_REPRESENTATIVE}"),
                          {"empty": b""})


def downgrade() -> None:
    op.get_bind().execute(sa.text(f"UPDATE ledger_clusters SET centroid = {_REPRESENTATIVE} "
                                  f"WHERE length(centroid) = 0 AND EXISTS {_REPRESENTATIVE}"))
