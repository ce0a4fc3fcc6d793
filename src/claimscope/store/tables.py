"""The store's tables (SQLAlchemy Core): plain tables with foreign keys, browsable in Datasette.

Every fact row carries its document, its character offsets into the document's text and the
component (name, version) that made it: a fact is a statement, as FollowTheMoney keeps them.
`ordinal` keeps each list in the order the analysis gave it. Row ids are the records' hash ids
(`model/ids.py`), so writing the same analysis twice is a no-op.

The migrations in `store/migrations/versions/` create these tables; a test checks they agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)

metadata = MetaData()


def _doc() -> Column:
    return Column("document", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def _provenance() -> list[Column]:
    return [Column("component", String, nullable=False), Column("component_version", String, nullable=False)]


def _span(prefix: str, nullable: bool = True) -> list[Column]:
    return [
        Column(f"{prefix}_start", Integer, nullable=nullable),
        Column(f"{prefix}_end", Integer, nullable=nullable),
        Column(f"{prefix}_text", Text, nullable=nullable),
    ]


documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),  # doc-<sha256 of the text>
    Column("text", Text, nullable=False),
    Column("length", Integer, nullable=False),
    Column("language", String),
    Column("encoding", String),
    Column("source_kind", String, nullable=False),
    Column("name", String, nullable=False),  # the first input it came from
    Column("first_ingested", String, nullable=False),  # ISO 8601 UTC
)

publications = Table(
    "publications", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("seq", Integer, nullable=False),  # 0 for the first publication of the text
    Column("name", String, nullable=False),
    Column("url", String),
    Column("outlet", String),
    Column("author", String),
    Column("date", String),  # ISO 8601 text, compared as text
    Column("title", String),
    Column("meta", JSON, nullable=False),  # the input's metadata as given (manifest row, page)
    Column("first_seen", String, nullable=False),
    Index("ix_publications_document", "document"),
    Index("ix_publications_outlet", "outlet"),
    Index("ix_publications_date", "date"),
)

analyses = Table(
    "analyses", metadata,
    Column("document", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("pipeline", String, nullable=False),  # claimscope version (components["claimscope"])
    Column("schema_version", String, nullable=False),
    Column("components", JSON, nullable=False),
    Column("sentences", Integer, nullable=False),
    Column("technique_density", JSON, nullable=False),
    Column("analysed_at", String, nullable=False),
)

corpus_entities = Table(
    "corpus_entities", metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("type", String, nullable=False),
    Column("aliases", JSON, nullable=False),
    Index("ix_corpus_entities_type", "type"),
)

entities = Table(
    "entities", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("ordinal", Integer, nullable=False),
    Column("key", String, nullable=False),  # the entity's id within its document ("carvelia")
    Column("name", String, nullable=False),
    Column("type", String, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("start", Integer, nullable=False),  # the first mention
    Column("end", Integer, nullable=False),
    Column("corpus_entity", String, ForeignKey("corpus_entities.id", ondelete="SET NULL")),
    *_provenance(),
    Index("ix_entities_document", "document"),
    Index("ix_entities_corpus_entity", "corpus_entity"),
    Index("ix_entities_name", "name"),
    # Migration 0004: the ledger reads entities by key; 0007: with what the lookups read.
    Index("ix_entities_key", "key", "corpus_entity", "name"),
)
# Migration 0004: any-case lookups of an entity by name or key (the dossier's) use an index;
# 0007: the index carries key, corpus entity and name, so a lookup does not read 66,000 rows.
Index("ix_entities_lower_name", func.lower(entities.c.name), entities.c.key, entities.c.corpus_entity,
      entities.c.name)
Index("ix_entities_lower_key", func.lower(entities.c.key), entities.c.key, entities.c.corpus_entity,
      entities.c.name)

mentions = Table(
    "mentions", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("entity", String, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    *_provenance(),
    Index("ix_mentions_entity", "entity"),
    Index("ix_mentions_document", "document"),
)

attributions = Table(
    "attributions", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("ordinal", Integer, nullable=False),
    Column("label", String),
    Column("kind", String, nullable=False),
    Column("start", Integer, nullable=False),  # the whole attribution: source, cue and content
    Column("end", Integer, nullable=False),
    *_span("source"),
    Column("source_entity", String),  # the entity key within the document
    *_span("cue", nullable=False),
    *_span("content"),
    Column("score", Float, nullable=False),
    *_provenance(),
    Index("ix_attributions_document", "document"),
)

arguments = Table(
    "arguments", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("ordinal", Integer, nullable=False),
    Column("label", String),
    Column("marker", String, nullable=False),
    Column("argument_ordinal", Integer),  # "first", "second": the ordinal the text gives
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("claims", JSON, nullable=False),  # claim ids in the order the argument lists them
    *_provenance(),
    Index("ix_arguments_document", "document"),
)

claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("ordinal", Integer, nullable=False),
    Column("label", String),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("asserter_name", String, nullable=False),
    Column("asserter_entity", String),
    Column("status", String, nullable=False),
    Column("certainty", Float, nullable=False),
    Column("checkworthiness", Float, nullable=False),
    Column("check_worthy", Boolean, nullable=False),
    Column("evidence_kind", String, nullable=False),
    Column("evidence_source", String),
    Column("evidence_role", String),
    *_span("evidence_cue"),
    # No foreign keys on these two: an analysis may point at a fact it does not list, and the
    # store must give back exactly what it was given.
    Column("attribution", String),
    Column("argument", String),
    Column("subject", String),  # entity keys within the document
    Column("object", String),
    *_provenance(),
    Index("ix_claims_document", "document"),
    Index("ix_claims_status", "status"),
    Index("ix_claims_evidence_kind", "evidence_kind"),
)

claim_entities = Table(
    "claim_entities", metadata,
    Column("claim", String, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    _doc(),
    Column("entity_key", String, nullable=False),
    Index("ix_claim_entities_document_key", "document", "entity_key"),
)

claim_cues = Table(
    "claim_cues", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("claim", String, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    *_provenance(),
    Index("ix_claim_cues_claim", "claim"),
)

structure = Table(
    "structure", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("role", String, nullable=False),  # thesis | conclusion
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    *_provenance(),
    Index("ix_structure_document", "document"),
)

techniques = Table(
    "techniques", metadata,
    Column("id", String, primary_key=True),
    _doc(),
    Column("ordinal", Integer, nullable=False),
    Column("label", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("text", Text, nullable=False),
    *_provenance(),
    Index("ix_techniques_document", "document"),
    Index("ix_techniques_label", "label"),
)

# The fact tables of one document, children before parents (the order to delete them in).
FACT_TABLES = (claim_entities, claim_cues, claims, arguments, structure, techniques, attributions,
               mentions, entities)

# The ledger declares its tables on the same metadata (one migration history, one schema test).
from claimscope.store import ledger_tables  # noqa: E402,F401
