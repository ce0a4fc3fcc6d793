"""Paged reads for browsing a store (the web app's lists), mixed into the SQL store.

Every list is in id order and pages by cursor: `after` is the last id of the previous page.
Ids are hashes, so a document stored between two pages lands before or after the cursor and
never shifts the rest: no row is skipped or repeated while the corpus grows. The filters are
the search's (`store/search.py`): dates at the bound's own precision, an entity by its corpus
id or any document's name or key for it, `q` in the search query language.
"""

from __future__ import annotations

from sqlalchemy import exists, func, or_, select, text, update

from claimscope.errors import BadQuery
from claimscope.model.corpus import CorpusEntity
from claimscope.model.vocabulary import terms
from claimscope.store import tables as T
from claimscope.store.query import parse, to_fts5, to_tsquery
from claimscope.store.repository import DocumentSummary


class BrowseRepository:
    """Mixed into `SqlStore`; uses its `_read`/`_write` transactions and `dialect`."""

    # -- documents ------------------------------------------------------------------------------
    def browse_documents(self, *, outlet: str | None = None, since: str | None = None,
                         until: str | None = None, language: str | None = None, q: str | None = None,
                         after: str | None = None, limit: int = 50) -> list[DocumentSummary]:
        """Documents in id order after the cursor; `q` keeps those whose text matches."""
        d = T.documents.c
        query = (select(d.id, d.name, d.language, d.length, d.first_ingested, T.analyses.c.pipeline)
                 .join_from(T.documents, T.analyses, T.analyses.c.document == d.id)
                 .where(*_publication_filters(d.id, outlet, since, until))
                 .order_by(d.id).limit(_limit(limit)))
        if language is not None:
            query = query.where(func.lower(d.language) == language.lower())
        if q is not None:
            query = query.where(self._matches("documents", q))
        if after is not None:
            query = query.where(d.id > after)
        with self._read() as connection:
            rows = connection.execute(query).all()
            firsts = _firsts(connection, [r.id for r in rows])
        out = []
        for r in rows:
            first = firsts.get(r.id, {})
            out.append(DocumentSummary(id=r.id, name=r.name, title=first.get("title"), outlet=first.get("outlet"),
                                       date=first.get("date"), language=r.language, length=r.length,
                                       first_ingested=r.first_ingested, pipeline=r.pipeline))
        return out

    # -- claims ---------------------------------------------------------------------------------
    def browse_claims(self, *, status: list[str] | None = None, evidence: list[str] | None = None,
                      entity: str | None = None, outlet: str | None = None, since: str | None = None,
                      until: str | None = None, check_worthy: bool | None = None, q: str | None = None,
                      document: str | None = None, after: str | None = None,
                      limit: int = 50) -> list[dict]:
        """Claims in id order after the cursor, each with its document's first publication."""
        for option, values, vocabulary in (("status", status, "epistemic_status"),
                                           ("evidence", evidence, "evidence_kind")):
            known = terms(vocabulary)
            for value in values or []:
                if value not in known:
                    raise BadQuery(option, f"{value!r} is not one of {', '.join(known)}")
        c = T.claims.c
        query = (select(c.id, c.document, c.text, c.start, c.end, c.sentence, c.status, c.certainty,
                        c.checkworthiness, c.check_worthy, c.evidence_kind, c.evidence_source,
                        c.asserter_name, c.asserter_entity)
                 .where(*_publication_filters(c.document, outlet, since, until))
                 .order_by(c.id).limit(_limit(limit)))
        if status:
            query = query.where(c.status.in_(status))
        if evidence:
            query = query.where(c.evidence_kind.in_(evidence))
        if check_worthy is not None:
            query = query.where(c.check_worthy.is_(check_worthy))
        if document is not None:
            query = query.where(c.document == document)
        if entity is not None:
            query = query.where(_claim_names(entity))
        if q is not None:
            query = query.where(self._matches("claims", q))
        if after is not None:
            query = query.where(c.id > after)
        with self._read() as connection:
            rows = [dict(r) for r in connection.execute(query).mappings().all()]
            firsts = _firsts(connection, sorted({r["document"] for r in rows}))
        for r in rows:
            first = firsts.get(r["document"], {})
            r.update(outlet=first.get("outlet"), date=first.get("date"), title=first.get("title"))
        return rows

    # -- corpus entities ------------------------------------------------------------------------
    def browse_entities(self, *, type: str | None = None, q: str | None = None, after: str | None = None,
                        limit: int = 50) -> list[CorpusEntity]:
        """Corpus entities in id order after the cursor; `q` is a piece of the name, any case."""
        ce = T.corpus_entities.c
        query = select(ce.id, ce.name, ce.type, ce.aliases).order_by(ce.id).limit(_limit(limit))
        if type is not None:
            query = query.where(ce.type == type.upper())
        if q is not None:
            query = query.where(func.lower(ce.name).contains(q.lower(), autoescape=True))
        if after is not None:
            query = query.where(ce.id > after)
        with self._read() as connection:
            rows = connection.execute(query).all()
            counts = _entity_counts(connection, [r.id for r in rows])
        return [CorpusEntity(id=r.id, name=r.name, type=r.type, aliases=list(r.aliases),
                             mentions=counts.get(r.id, (0, 0))[0], documents=counts.get(r.id, (0, 0))[1])
                for r in rows]

    def browse_entity(self, entity_id: str) -> CorpusEntity | None:
        ce = T.corpus_entities.c
        with self._read() as connection:
            row = connection.execute(select(ce.id, ce.name, ce.type, ce.aliases).where(ce.id == entity_id)).first()
            if row is None:
                return None
            mentions, documents = _entity_counts(connection, [row.id]).get(row.id, (0, 0))
        return CorpusEntity(id=row.id, name=row.name, type=row.type, aliases=list(row.aliases),
                            mentions=mentions, documents=documents)

    def browse_entity_documents(self, entity_id: str, *, after: str | None = None, limit: int = 50) -> list[dict]:
        """The documents naming a corpus entity (id order after the cursor): each document's
        publication, the names it used and its mention count."""
        e, m = T.entities.c, T.mentions.c
        count = select(func.count()).select_from(T.mentions).where(m.entity == e.id).scalar_subquery()
        query = (select(e.document, e.key, e.name, e.type, count.label("mentions"))
                 .where(e.corpus_entity == entity_id)
                 .order_by(e.document, e.ordinal))
        if after is not None:
            query = query.where(e.document > after)
        out: dict[str, dict] = {}
        with self._read() as connection:
            # Documents, not rows, are paged: read one row past the limit's last document.
            for r in connection.execute(query):
                if r.document not in out:
                    if len(out) >= _limit(limit):
                        break
                    out[r.document] = {"id": r.document, "title": None, "outlet": None,
                                       "date": None, "names": [], "mentions": 0}
                row = out[r.document]
                if r.name not in row["names"]:
                    row["names"].append(r.name)
                row["mentions"] += r.mentions
            for document, first in _firsts(connection, list(out)).items():
                out[document].update(first)
        return list(out.values())

    def browse_mentions(self, entity_id: str, *, documents: list[str] | None = None,
                        limit: int = 200) -> list[dict]:
        """Mentions of a corpus entity (document, start, end, text), in document and text order."""
        e, m = T.entities.c, T.mentions.c
        query = (select(m.document, m.start, m.end, m.text)
                 .join_from(T.mentions, T.entities, m.entity == e.id)
                 .where(e.corpus_entity == entity_id)
                 .order_by(m.document, m.start, m.id).limit(_limit(limit, 10_000)))
        if documents is not None:
            query = query.where(m.document.in_(documents))
        with self._read() as connection:
            return [dict(r) for r in connection.execute(query).mappings()]

    def edit_corpus_entity(self, entity_id: str, *, name: str | None = None,
                           aliases: list[str] | None = None) -> CorpusEntity | None:
        """Rename a corpus entity or replace its aliases (the names linking matches next time);
        None for an unknown id. A full `relink` recomputes both from the alias file."""
        values = {k: v for k, v in (("name", name), ("aliases", aliases)) if v is not None}
        with self._write(f"corpus entity {entity_id}") as connection:
            ce = T.corpus_entities.c
            if connection.execute(select(ce.id).where(ce.id == entity_id)).first() is None:
                return None
            if values:
                connection.execute(update(T.corpus_entities).where(ce.id == entity_id).values(**values))
        return self.browse_entity(entity_id)

    # -- change detection ---------------------------------------------------------------------
    def browse_stamp(self) -> tuple:
        """A cheap value that changes when documents are stored or re-analysed, the ledger
        places or forgets documents, or corpus entities are added or removed (read caches key on it)."""
        from claimscope.store import ledger_tables as L

        with self._read() as connection:
            return tuple(connection.execute(select(
                select(func.count()).select_from(T.documents).scalar_subquery(),
                select(func.max(T.analyses.c.analysed_at)).scalar_subquery(),
                select(func.count()).select_from(L.ledger_documents).scalar_subquery(),
                select(func.count()).select_from(L.ledger_clusters).scalar_subquery(),
                select(func.count()).select_from(T.corpus_entities).scalar_subquery(),
            )).one())

    # -- full-text conditions -------------------------------------------------------------------
    def _matches(self, table: str, q: str):
        """A condition on `table`'s rows: its text matches the query (FTS5 or tsvector)."""
        node = parse(q)
        if self.dialect == "sqlite":
            return text(f"{table}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :fts_q)"
                        ).bindparams(fts_q=to_fts5(node))
        params: dict = {}
        tsquery = to_tsquery(node, params)
        return text(f"{table}.tsv @@ {tsquery}").bindparams(**params)


def _limit(limit: int, most: int = 1000) -> int:
    if limit < 1 or limit > most:
        raise BadQuery("limit", f"must be from 1 to {most}, got {limit}")
    return limit


def _entity_counts(connection, ids: list[str]) -> dict[str, tuple[int, int]]:
    """corpus entity id -> (mentions, documents), for the ids given only."""
    if not ids:
        return {}
    e, m = T.entities.c, T.mentions.c
    mentions = dict(connection.execute(
        select(e.corpus_entity, func.count(m.id)).join_from(T.entities, T.mentions, m.entity == e.id)
        .where(e.corpus_entity.in_(ids)).group_by(e.corpus_entity)).all())
    documents = dict(connection.execute(
        select(e.corpus_entity, func.count(e.document.distinct())).where(e.corpus_entity.in_(ids))
        .group_by(e.corpus_entity)).all())
    return {i: (mentions.get(i, 0), documents.get(i, 0)) for i in ids}


def _claim_names(entity: str):
    """The claim names the entity, or it is the claim's asserter (as the search's filter)."""
    c, ce, e = T.claims.c, T.claim_entities.c, T.entities.c
    matches = or_(e.corpus_entity == entity, func.lower(e.name) == entity.lower(),
                  func.lower(e.key) == entity.lower())
    named = exists().where(ce.claim == c.id, e.document == ce.document, e.key == ce.entity_key, matches)
    asserter = exists().where(e.document == c.document, e.key == c.asserter_entity, matches)
    return or_(named, asserter)


def _firsts(connection, documents: list[str]) -> dict[str, dict]:
    """document -> its first publication's title, outlet and date, for the given ids only (a
    page's; ranking every publication of the store for a page of 50 was most of its time)."""
    from claimscope.store.sql import _publication_order

    p = T.publications.c
    out: dict[str, dict] = {}
    for i in range(0, len(documents), 500):
        query = (select(p.document, p.title, p.outlet, p.date).where(p.document.in_(documents[i:i + 500]))
                 .order_by(p.document, *_publication_order()))
        for r in connection.execute(query).all():
            out.setdefault(r.document, {"title": r.title, "outlet": r.outlet, "date": r.date})
    return out


def _publication_filters(document_id, outlet, since, until):
    from claimscope.store.sql import _publication_filters as filters

    return filters(document_id, outlet, since, until)
