"""The Store on SQLAlchemy 2: one class for SQLite and PostgreSQL, dialect differences in
`dialect_insert` and `store/search.py`.

Writes are idempotent by id: the document row goes in with `INSERT ... ON CONFLICT DO NOTHING`,
and only the writer whose insert took places the facts, in the same transaction. Two writers
saving the same text at once therefore give one `stored` and one `already_stored` (or
`publication_added`), never a duplicate and never an IntegrityError.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from claimscope.errors import DocumentNotFound, StoreError, StoreWriteFailed
from claimscope.model.analysis import Analysis
from claimscope.model.corpus import CorpusEntity, Publication, SearchHit, StoredDocument
from claimscope.model.vocabulary import terms
from claimscope.store import rows as R
from claimscope.store import tables as T
from claimscope.store.browse import BrowseRepository
from claimscope.store.ledger_repository import LedgerRepository
from claimscope.store.page_reads import PageReads
from claimscope.store.query import check_date
from claimscope.store.repository import DocumentSummary, SaveOutcome, Store
from claimscope.store.schema import WRITE, Target


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqlStore(BrowseRepository, PageReads, LedgerRepository, Store):
    def __init__(self, engine: Engine, target: Target, revision: str):
        self.engine = engine
        self.target = target
        self.url = target.display
        self.dialect = target.dialect
        self.revision = revision

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"<SqlStore {self.dialect} {self.url}>"

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def _write(self, what: str) -> Iterator[Connection]:
        """One write transaction; any database failure rolls it back and is StoreWriteFailed."""
        try:
            with self.engine.connect() as connection:
                connection.execution_options(**{WRITE: True})
                with connection.begin():
                    yield connection
        except StoreError:
            raise
        except DBAPIError as exc:
            reason = str(getattr(exc, "orig", exc)).strip().splitlines()
            raise StoreWriteFailed(what, f"not stored, rolled back ({reason[0] if reason else exc})") from None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            with connection.begin():
                yield connection

    def _insert_ignore(self, table):
        module = sqlite if self.dialect == "sqlite" else postgresql
        return module.insert(table).on_conflict_do_nothing()

    # -- writes -------------------------------------------------------------------------------
    def save(self, analysis: Analysis, publication: Publication | None = None) -> SaveOutcome:
        with self._write(f"{analysis.document.name} ({analysis.document.id})") as connection:
            return self._save(connection, analysis, publication)

    def save_many(self, items: Iterable[tuple[Analysis, Publication | None]]) -> list[SaveOutcome]:
        items = list(items)
        if not items:
            return []
        with self._write(f"a batch of {len(items)} documents") as connection:
            fresh: list[Analysis] = []  # new documents: their facts go in together, table by table
            outcomes = [self._save(connection, analysis, publication, fresh)
                        for analysis, publication in items]
            if fresh:
                now = _now()
                self._insert_rows(connection, T.analyses, [R.analysis_row(a, now) for a in fresh])
                self._insert_facts(connection, *fresh)
            return outcomes

    def add_publication(self, publication: Publication, meta: dict | None = None) -> SaveOutcome:
        """A new place a stored text appeared; `already_stored` when that publication is known."""
        with self._write(f"{publication.name} ({publication.document})") as connection:
            if not self._exists(connection, publication.document):
                raise DocumentNotFound(publication.document, "no such document in the store")
            added = self._add_publication(connection, publication, meta or {})
        return SaveOutcome.publication_added if added else SaveOutcome.already_stored

    def _save(self, connection: Connection, analysis: Analysis, publication: Publication | None,
              defer: list[Analysis] | None = None) -> SaveOutcome:
        """Write one document in the caller's transaction; with `defer`, a new document's
        analysis and facts are left to the caller (appended to `defer`) to insert in bulk."""
        now = _now()
        publication = publication or Publication.of(analysis.document)
        if publication.document != analysis.document.id:
            raise StoreError(publication.name, "the publication belongs to another document "
                                               f"({publication.document}, not {analysis.document.id})")
        new = self._inserted(connection, T.documents, R.document_row(analysis, now))
        if new and defer is not None:
            defer.append(analysis)
        elif new:
            connection.execute(insert(T.analyses).values(R.analysis_row(analysis, now)))
            self._insert_facts(connection, analysis)
        added = self._add_publication(connection, publication, analysis.document.meta)
        if new:
            return SaveOutcome.stored
        return SaveOutcome.publication_added if added else SaveOutcome.already_stored

    def _insert_facts(self, connection: Connection, *analyses: Analysis) -> None:
        facts = [R.fact_rows(analysis) for analysis in analyses]
        # Parents before children, for the foreign keys.
        for table in (T.entities, T.mentions, T.attributions, T.arguments, T.claims, T.claim_cues,
                      T.claim_entities, T.structure, T.techniques):
            rows = [row for each in facts for row in each.get(table.name, ())]
            if rows:
                self._insert_rows(connection, table, rows)

    def _insert_rows(self, connection: Connection, table, rows: list[dict]) -> None:
        # executemany: psycopg pipelines the rows. One multi-row VALUES statement measured slower
        # (SQLAlchemy compiles a new statement for every row count).
        connection.execute(insert(table), rows)

    def _add_publication(self, connection: Connection, publication: Publication, meta: dict) -> bool:
        seq = connection.execute(select(func.count()).select_from(T.publications)
                                 .where(T.publications.c.document == publication.document)).scalar_one()
        row = {"id": publication.id, "document": publication.document, "seq": seq, "name": publication.name,
               "url": publication.url, "outlet": publication.outlet, "author": publication.author,
               "date": publication.date, "title": publication.title, "meta": dict(meta),
               "first_seen": _now()}
        return self._inserted(connection, T.publications, row)

    def _inserted(self, connection: Connection, table, row: dict) -> bool:
        """Insert unless the id is there; True when this call inserted it (RETURNING, because
        a driver's rowcount for ON CONFLICT DO NOTHING is not to be trusted)."""
        statement = self._insert_ignore(table).values(row).returning(table.c.id)
        return connection.execute(statement).first() is not None

    def replace_facts(self, analysis: Analysis) -> None:
        doc = analysis.document.id
        with self._write(f"{analysis.document.name} ({doc})") as connection:
            if not self._exists(connection, doc):
                raise DocumentNotFound(doc, "no such document in the store: ingest it first")
            stored_text = connection.execute(select(T.documents.c.text).where(T.documents.c.id == doc)).scalar_one()
            if stored_text != analysis.document.text:
                raise StoreError(doc, "the new analysis is of a different text")
            # Links to corpus entities survive a re-analysis for entities that are still there.
            links = dict(connection.execute(
                select(T.entities.c.key, T.entities.c.corpus_entity)
                .where(T.entities.c.document == doc, T.entities.c.corpus_entity.is_not(None))).all())
            for table in T.FACT_TABLES:
                connection.execute(delete(table).where(table.c.document == doc))
            row = R.analysis_row(analysis, _now())
            connection.execute(update(T.analyses).where(T.analyses.c.document == doc)
                               .values({k: v for k, v in row.items() if k != "document"}))
            self._insert_facts(connection, analysis)
            for key, corpus_entity in links.items():
                connection.execute(update(T.entities).where(T.entities.c.document == doc,
                                                            T.entities.c.key == key)
                                   .values(corpus_entity=corpus_entity))

    # -- reads --------------------------------------------------------------------------------
    def _exists(self, connection: Connection, document_id: str) -> bool:
        return connection.execute(select(T.documents.c.id).where(T.documents.c.id == document_id)).first() is not None

    def has_document(self, document_id: str) -> bool:
        with self._read() as connection:
            return self._exists(connection, document_id)

    def load(self, document_id: str) -> StoredDocument:
        with self._read() as connection:
            return self._load(connection, document_id)

    def _load(self, connection: Connection, document_id: str) -> StoredDocument:
        document = connection.execute(select(T.documents).where(T.documents.c.id == document_id)).mappings().first()
        if document is None:
            raise DocumentNotFound(document_id, "no such document in the store")
        analysis = connection.execute(select(T.analyses).where(T.analyses.c.document == document_id)).mappings().one()
        pubs = connection.execute(select(T.publications).where(T.publications.c.document == document_id)
                                  .order_by(*_publication_order())).mappings().all()

        def of(table, *order):
            query = select(table).where(table.c.document == document_id).order_by(*order)
            return connection.execute(query).mappings().all()

        facts = {
            "entities": of(T.entities, T.entities.c.ordinal),
            "mentions": of(T.mentions, T.mentions.c.entity, T.mentions.c.ordinal),
            "attributions": of(T.attributions, T.attributions.c.ordinal),
            "claims": of(T.claims, T.claims.c.ordinal),
            "claim_cues": of(T.claim_cues, T.claim_cues.c.claim, T.claim_cues.c.ordinal),
            "claim_entities": of(T.claim_entities, T.claim_entities.c.claim, T.claim_entities.c.ordinal),
            "arguments": of(T.arguments, T.arguments.c.ordinal),
            "structure": of(T.structure, T.structure.c.role),
            "techniques": of(T.techniques, T.techniques.c.ordinal),
        }
        meta = pubs[0]["meta"] if pubs else {}
        result = R.build_analysis(document, analysis, meta, facts)
        return StoredDocument(analysis=result, publications=[_publication(p) for p in pubs],
                              first_ingested=document["first_ingested"])

    def documents(self, *, outlet: str | None = None, since: str | None = None,
                  until: str | None = None, after: str | None = None,
                  limit: int | None = None) -> list[DocumentSummary]:
        first = _first_publications()
        d = T.documents.c
        query = (select(d.id, d.name, d.language, d.length, d.first_ingested, first.c.title,
                        first.c.outlet, first.c.date, T.analyses.c.pipeline)
                 .join_from(T.documents, T.analyses, T.analyses.c.document == d.id)
                 .outerjoin(first, and_(first.c.document == d.id, first.c.rank == 1))
                 .where(*_publication_filters(d.id, outlet, since, until))
                 .order_by(d.id))
        if after is not None:
            query = query.where(d.id > after)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as connection:
            return [DocumentSummary(id=r.id, name=r.name, title=r.title, outlet=r.outlet, date=r.date,
                                    language=r.language, length=r.length, first_ingested=r.first_ingested,
                                    pipeline=r.pipeline)
                    for r in connection.execute(query)]

    def iter_documents(self, *, entity: str | None = None, since: str | None = None,
                       until: str | None = None) -> Iterator[StoredDocument]:
        d = T.documents.c
        query = select(d.id).where(*_publication_filters(d.id, None, since, until)).order_by(d.id)
        if entity is not None:
            query = query.where(_has_entity(d.id, entity))
        with self._read() as connection:
            ids = connection.execute(query).scalars().all()
        for document_id in ids:  # one short read per document: a long export holds no lock
            yield self.load(document_id)

    def pipeline_versions(self) -> dict[str, str]:
        with self._read() as connection:
            return dict(connection.execute(select(T.analyses.c.document, T.analyses.c.pipeline)).all())

    def search(self, query: str, *, status: str | None = None, entity: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 50) -> list[SearchHit]:
        from claimscope.store.search import run_search

        with self._read() as connection:
            return run_search(connection, self.dialect, query, status=status, entity=entity, outlet=outlet,
                              since=since, until=until, limit=limit)

    def stats(self) -> dict:
        def count(table) -> int:
            return connection.execute(select(func.count()).select_from(table)).scalar_one()

        with self._read() as connection:
            statuses = dict(connection.execute(select(T.claims.c.status, func.count())
                                               .group_by(T.claims.c.status)).all())
            evidence = dict(connection.execute(select(T.claims.c.evidence_kind, func.count())
                                               .group_by(T.claims.c.evidence_kind)).all())
            outlets = connection.execute(select(func.count(T.publications.c.outlet.distinct()))).scalar_one()
            result = {
                "documents": count(T.documents),
                "publications": count(T.publications),
                "entities": count(T.corpus_entities),
                "document_entities": count(T.entities),
                "mentions": count(T.mentions),
                "claims": count(T.claims),
                "attributions": connection.execute(
                    select(func.count()).select_from(T.attributions)
                    .where(T.attributions.c.kind.not_like("stance:%"))).scalar_one(),
                "arguments": count(T.arguments),
                "techniques": count(T.techniques),
                "outlets": outlets,
            }
        # Every term of the vocabulary, zeros included, as an analysis' summary gives them.
        result["by_status"] = {s: statuses.pop(s, 0) for s in terms("epistemic_status")} | statuses
        result["by_evidence"] = {k: evidence.pop(k, 0) for k in terms("evidence_kind")} | evidence
        return result

    # -- corpus entities ----------------------------------------------------------------------
    def corpus_entities(self, *, type: str | None = None) -> list[CorpusEntity]:
        ce, e = T.corpus_entities.c, T.entities.c
        mentions = (select(T.entities.c.corpus_entity.label("ce"), func.count(T.mentions.c.id).label("n"))
                    .join_from(T.entities, T.mentions, T.mentions.c.entity == e.id)
                    .group_by(e.corpus_entity).subquery())
        documents = (select(e.corpus_entity.label("ce"), func.count(e.document.distinct()).label("n"))
                     .group_by(e.corpus_entity).subquery())
        query = (select(ce.id, ce.name, ce.type, ce.aliases,
                        func.coalesce(mentions.c.n, 0).label("mentions"),
                        func.coalesce(documents.c.n, 0).label("documents"))
                 .outerjoin(mentions, mentions.c.ce == ce.id)
                 .outerjoin(documents, documents.c.ce == ce.id))
        if type is not None:
            query = query.where(ce.type == type)
        query = query.order_by(func.coalesce(documents.c.n, 0).desc(), func.coalesce(mentions.c.n, 0).desc(),
                               ce.name, ce.id)
        with self._read() as connection:
            return [CorpusEntity(id=r.id, name=r.name, type=r.type, aliases=list(r.aliases),
                                 mentions=r.mentions, documents=r.documents)
                    for r in connection.execute(query)]

    def document_entities(self, document_id: str | None = None) -> list[dict]:
        """Every document entity (document, key, name, type, aliases, mentions, corpus_entity):
        what the linker reads to decide links, without loading whole analyses."""
        e = T.entities.c
        count = (select(func.count()).select_from(T.mentions).where(T.mentions.c.entity == e.id)
                 .scalar_subquery())
        query = select(e.document, e.key, e.name, e.type, e.aliases, e.corpus_entity,
                       count.label("mentions")).order_by(e.document, e.ordinal)
        if document_id is not None:
            query = query.where(e.document == document_id)
        with self._read() as connection:
            return [dict(r) for r in connection.execute(query).mappings()]

    def set_entity_links(self, links: dict[tuple[str, str], str], entities: Iterable[CorpusEntity],
                         *, replace: bool = False) -> None:
        """Upsert the corpus entities and point document entities at them, in one transaction.

        With `replace`, every existing link is cleared and corpus entities not given are removed
        first (a full re-link); otherwise only the given links change.
        """
        entities = list(entities)
        with self._write("entity links") as connection:
            if replace:
                connection.execute(update(T.entities).values(corpus_entity=None))
                keep = [x.id for x in entities]
                connection.execute(delete(T.corpus_entities).where(T.corpus_entities.c.id.not_in(keep)))
            module = sqlite if self.dialect == "sqlite" else postgresql
            for x in entities:
                values = {"id": x.id, "name": x.name, "type": x.type, "aliases": list(x.aliases)}
                statement = module.insert(T.corpus_entities).values(values)
                connection.execute(statement.on_conflict_do_update(
                    index_elements=["id"], set_={k: v for k, v in values.items() if k != "id"}))
            if links:  # one statement with many parameter sets, not a statement per link
                e = T.entities.c
                connection.execute(update(T.entities)
                                   .where(e.document == bindparam("b_document"), e.key == bindparam("b_key"))
                                   .values(corpus_entity=bindparam("b_corpus_entity")),
                                   [{"b_document": d, "b_key": k, "b_corpus_entity": ce}
                                    for (d, k), ce in links.items()])


def _publication(row) -> Publication:
    return Publication(document=row["document"], name=row["name"], url=row["url"], outlet=row["outlet"],
                       author=row["author"], date=row["date"], title=row["title"])


def _publication_order():
    p = T.publications.c
    return (p.seq, p.first_seen, p.id)


def _first_publications():
    """Each document's publications ranked; rank 1 is the first (its title, outlet and date)."""
    p = T.publications.c
    rank = func.row_number().over(partition_by=p.document, order_by=_publication_order()).label("rank")
    return select(p.document, p.title, p.outlet, p.date, p.name, rank).subquery("first_publication")


def _publication_filters(document_id, outlet: str | None, since: str | None, until: str | None) -> list:
    """Conditions on a document id: some publication of it matches outlet and date bounds.

    A bound is compared at its own precision: `until=2025-03` keeps every date in March.
    """
    since, until = check_date("--since", since), check_date("--until", until)
    if outlet is None and since is None and until is None:
        return []
    p = T.publications.c
    conditions = [p.document == document_id]
    if outlet is not None:
        conditions.append(func.lower(p.outlet) == outlet.lower())
    if since is not None:
        conditions.append(p.date >= since)
    if until is not None:
        conditions.append(func.substr(p.date, 1, len(until)) <= until)
    return [select(p.id).where(*conditions).exists()]


def _entity_matches(entity: str):
    e = T.entities.c
    return or_(e.corpus_entity == entity, func.lower(e.name) == entity.lower(), func.lower(e.key) == entity.lower())


def _has_entity(document_id, entity: str):
    e = T.entities.c
    return select(e.id).where(e.document == document_id, _entity_matches(entity)).exists()
