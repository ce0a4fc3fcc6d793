"""The repository: model records in, model records out; one transaction per document.

This module fixes the seams the rest of claimscope codes against (the Workspace, the exporters,
the ledger, the web app, the Dask writers). Tables live in `store/tables.py`, migrations in
`store/migrations/` (Alembic), dialect differences (upserts, full-text search) in small
per-dialect modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from claimscope.model.analysis import Analysis
from claimscope.model.corpus import CorpusEntity, Publication, SearchHit, StoredDocument


class SaveOutcome(StrEnum):
    stored = "stored"  # a new document with its facts
    already_stored = "already_stored"  # the same text was there, publication known too
    publication_added = "publication_added"  # the same text, printed somewhere new


@dataclass(frozen=True)
class DocumentSummary:
    """A row of the documents list: what the ledger and the web app's lists need."""

    id: str
    name: str
    title: str | None
    outlet: str | None
    date: str | None
    language: str | None
    length: int
    first_ingested: str
    pipeline: str  # the claimscope version whose pipeline made the stored facts


class Store:
    """A claimscope store. Open it with `open_store(url)`; close it (or use `with`)."""

    url: str
    dialect: str  # "sqlite" | "postgresql"

    # -- life cycle ---------------------------------------------------------------------------
    def close(self) -> None: ...
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writes (each call is one transaction) ------------------------------------------------
    def save(self, analysis: Analysis, publication: Publication | None = None) -> SaveOutcome:
        """Store a document, its facts and its publication atomically; idempotent by ids."""
        raise NotImplementedError

    def save_many(self, items: Iterable[tuple[Analysis, Publication | None]]) -> list[SaveOutcome]:
        """A batch in one transaction (the distributed writers); the same outcomes as `save`.

        A failure rolls the whole batch back (StoreWriteFailed); save one by one to find it."""
        raise NotImplementedError

    def add_publication(self, publication: Publication, meta: dict | None = None) -> SaveOutcome:
        """A stored text printed somewhere new (no re-analysis): `publication_added`, or
        `already_stored` when that publication is known; DocumentNotFound for an unknown text."""
        raise NotImplementedError

    def replace_facts(self, analysis: Analysis) -> None:
        """Swap one stored document's facts for a new analysis of the same text (reanalyze)."""
        raise NotImplementedError

    # -- reads --------------------------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        raise NotImplementedError

    def load(self, document_id: str) -> StoredDocument:
        """The stored document; `load(id).analysis.as_dict()` equals what `analyze` printed."""
        raise NotImplementedError

    def documents(self, *, outlet: str | None = None, since: str | None = None,
                  until: str | None = None, after: str | None = None,
                  limit: int | None = None) -> list[DocumentSummary]:
        """Documents by id order; `after` is the paging cursor (the last id seen)."""
        raise NotImplementedError

    def iter_documents(self, *, entity: str | None = None, since: str | None = None,
                       until: str | None = None) -> Iterator[StoredDocument]:
        """Every stored document (streamed, for exports and the ledger), optionally filtered."""
        raise NotImplementedError

    def pipeline_versions(self) -> dict[str, str]:
        """document id -> version of the pipeline that made its facts (for `reanalyze`)."""
        raise NotImplementedError

    def search(self, query: str, *, status: str | None = None, entity: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 50) -> list[SearchHit]:
        """Full-text search over claims and documents; a malformed query raises BadQuery."""
        raise NotImplementedError

    def stats(self) -> dict:
        """documents, entities, claims, attributions, techniques, outlets, by_status, by_evidence."""
        raise NotImplementedError

    # -- corpus entities ----------------------------------------------------------------------
    def corpus_entities(self, *, type: str | None = None) -> list[CorpusEntity]:
        raise NotImplementedError

    def document_entities(self, document_id: str | None = None) -> list[dict]:
        """Document entities as dicts (document, key, name, type, aliases, mentions, corpus_entity)."""
        raise NotImplementedError

    def set_entity_links(self, links: dict[tuple[str, str], str],
                         entities: Iterable[CorpusEntity], *, replace: bool = False) -> None:
        """(document id, document entity id) -> corpus entity id, and the corpus entities;
        `replace` clears every old link and drops corpus entities not given (a full re-link)."""
        raise NotImplementedError


def open_store(url: str, *, create: bool = True, upgrade: bool = False) -> Store:
    """Open (and with `create`, make) the store at a SQLite path or a SQLAlchemy URL.

    Raises NotAStore for a file that is not a claimscope store, StoreTooNew for one made by a
    newer claimscope, StoreNeedsUpgrade for an older one (unless `upgrade`), StoreUnreachable
    for a server that does not answer (naming the host) or a path that cannot be written.
    """
    from sqlalchemy.exc import DBAPIError

    from claimscope.store.schema import connection_error, make_engine, parse_target, prepare_patiently
    from claimscope.store.sql import SqlStore

    target = parse_target(url)
    engine = make_engine(target, create=create)
    try:
        revision = prepare_patiently(engine, target, create=create, upgrade=upgrade)
    except DBAPIError as exc:
        engine.dispose()
        raise connection_error(target, exc) from None
    except BaseException:
        engine.dispose()
        raise
    return SqlStore(engine, target, revision)
