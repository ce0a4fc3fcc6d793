"""The ledger's tables: origins of documents, claim clusters, their members and conflicts.

They hold the ledger's incremental state, so that ingesting new documents updates it without
recomputing the corpus: a document with a `ledger_documents` row has its origin decided and its
claims placed in clusters. Everything else the ledger shows (independent sources, assessment,
grade) is computed from these rows and the fact tables when read.

Declared on the store's one `metadata` (imported at the end of `store/tables.py`), so the
migrations-match-tables test covers them; created by migrations 0003 to 0005.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Float, ForeignKey, Index, Integer, LargeBinary, String, Table, Text

from claimscope.store.tables import metadata


def _doc(primary: bool = False) -> Column:
    return Column("document", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  primary_key=primary)


ledger_documents = Table(
    "ledger_documents", metadata,
    _doc(primary=True),
    Column("origin", String, nullable=False),  # the document id of its group's origin (may be itself)
    Column("copy_of", String),  # the document it matched best, if any
    Column("rule", String, nullable=False),  # original | near_duplicate | credited_copy
    Column("containment", Float, nullable=False),
    Column("outlet", String),  # its earliest publication's, as the origin rules read it
    Column("date", String),
    Column("claims_placed", Integer, nullable=False),  # 1 once its claims are in clusters
    Column("ledger_version", String, nullable=False),
    Column("updated", String, nullable=False),
    Index("ix_ledger_documents_origin", "origin"),
    Index("ix_ledger_documents_outlet", "outlet"),
    Index("ix_ledger_documents_date", "date"),
)

# MinHash LSH bands: documents sharing a key are candidate copies (ledger/origins.py).
ledger_bands = Table(
    "ledger_bands", metadata,
    Column("key", String, primary_key=True),
    _doc(primary=True),
    Index("ix_ledger_bands_document", "document"),
)

# Names a document credits ("Reporting by Coastline Wire"), normalised.
ledger_credits = Table(
    "ledger_credits", metadata,
    _doc(primary=True),
    Column("name", String, primary_key=True),
    Index("ix_ledger_credits_name", "name"),
)

ledger_clusters = Table(
    "ledger_clusters", metadata,
    Column("id", String, primary_key=True),  # clu-<hash of its first claim>
    Column("representative", String, nullable=False),  # the claim id whose text stands for it
    Column("text", Text, nullable=False),
    # float32 unit vector, the members' mean; empty: the representative's vector, as in a
    # cluster of one claim (migration 0006: the store kept every vector twice).
    Column("centroid", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("keys", JSON, nullable=False),  # block keys (entities) of its members
    Column("documents", Integer, nullable=False, server_default="0"),  # documents mentioning it (0005)
    Column("first_seen", String),
    Column("last_seen", String),
    Column("updated", String, nullable=False),
)

ledger_claims = Table(
    "ledger_claims", metadata,
    Column("claim", String, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    _doc(),
    Column("cluster", String, ForeignKey("ledger_clusters.id", ondelete="CASCADE"), nullable=False),
    Column("score", Float, nullable=False),  # similarity to the cluster when it joined (1 = founded it)
    Column("embedding", LargeBinary, nullable=False),  # float32 unit vector
    Column("keys", JSON, nullable=False),
    Column("figures", JSON, nullable=False),  # [{"quantity", "value", "text"}]
    Column("polarity", Integer, nullable=False),  # 1 affirmed, -1 negated or denied
    Column("date", String),
    Index("ix_ledger_claims_cluster", "cluster"),
    Index("ix_ledger_claims_document", "document"),
)

# Block keys -> clusters: a new claim is compared only with clusters sharing one of its keys.
ledger_keys = Table(
    "ledger_keys", metadata,
    Column("key", String, primary_key=True),
    Column("cluster", String, ForeignKey("ledger_clusters.id", ondelete="CASCADE"), primary_key=True),
    # Its cluster's `updated` (migration 0004): a block's most recent clusters by index.
    Column("updated", String, nullable=False, server_default=""),
    Column("documents", Integer, nullable=False, server_default="0"),  # its cluster's (migration 0005)
    Index("ix_ledger_keys_cluster", "cluster"),
    Index("ix_ledger_keys_key_updated", "key", "updated", "cluster"),
    Index("ix_ledger_keys_key_documents", "key", "documents", "cluster"),
)

ledger_conflicts = Table(
    "ledger_conflicts", metadata,
    Column("a", String, ForeignKey("ledger_clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("b", String, ForeignKey("ledger_clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String, primary_key=True),  # contradiction | figure
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_ledger_conflicts_b", "b"),
)

# Claim vectors computed beside the analysis (ingest's workers), waiting for the ledger to place
# their document; placing it moves them into `ledger_claims` (migration 0004).
ledger_vectors = Table(
    "ledger_vectors", metadata,
    Column("claim", String, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    _doc(),
    Column("model", String, nullable=False),  # the encoder that made it: "<matcher name> <version>"
    Column("vector", LargeBinary, nullable=False),  # float32 unit vector
    Index("ix_ledger_vectors_document", "document"),
)

# What a ledger reset forgets; waiting vectors stay (they belong to the claims, not the ledger).
LEDGER_TABLES = (ledger_conflicts, ledger_keys, ledger_claims, ledger_clusters, ledger_credits,
                 ledger_bands, ledger_documents)
