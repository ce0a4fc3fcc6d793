"""Reads the workbench's pages need, mixed into the SQL store (`SqlStore(PageReads, ...)`).

Plain rows out; each query is one set-based read over an index (document, corpus entity,
claim), so an article or an entity page costs the same at 10 or 100k stored documents.
"""

from __future__ import annotations

from sqlalchemy import func, select

from claimscope.errors import EntityNotFound
from claimscope.model.corpus import CorpusEntity
from claimscope.store import ledger_tables as L
from claimscope.store import tables as T


class PageReads:
    """Mixed into `SqlStore`; uses its `_read` transactions."""

    def claim_clusters(self, document_id: str) -> dict[str, str]:
        """claim id -> the id of the ledger cluster it is in, for one document's claims."""
        lc = L.ledger_claims.c
        with self._read() as connection:
            return dict(connection.execute(select(lc.claim, lc.cluster).where(lc.document == document_id)).all())

    def entity_links(self, document_id: str) -> dict[str, str]:
        """A document's entity keys -> the corpus entities they are linked to."""
        e = T.entities.c
        with self._read() as connection:
            return dict(connection.execute(select(e.key, e.corpus_entity).where(
                e.document == document_id, e.corpus_entity.is_not(None))).all())

    def claims_by_date(self) -> list[dict]:
        """Claims counted by (date of the document's first publication, status), oldest first;
        undated documents' claims under date None."""
        p, c = T.publications.c, T.claims.c
        rank = func.row_number().over(partition_by=p.document, order_by=(p.seq, p.first_seen, p.id)).label("rank")
        first = select(p.document, p.date, rank).subquery("first_publication")
        date = func.substr(first.c.date, 1, 10).label("date")
        query = (select(date, c.status, func.count().label("claims"))
                 .join_from(T.claims, first, (first.c.document == c.document) & (first.c.rank == 1), isouter=True)
                 .group_by(date, c.status).order_by(date, c.status))
        with self._read() as connection:
            return [{"date": r.date, "status": r.status, "claims": r.claims} for r in connection.execute(query)]

    def corpus_entity(self, entity_id: str) -> CorpusEntity:
        """One corpus entity with its mention and document counts; E420 for an unknown id."""
        ce, e = T.corpus_entities.c, T.entities.c
        with self._read() as connection:
            row = connection.execute(select(ce.id, ce.name, ce.type, ce.aliases).where(ce.id == entity_id)).first()
            if row is None:
                raise EntityNotFound(entity_id, "no corpus entity with that id in the store")
            mentions = connection.execute(
                select(func.count(T.mentions.c.id)).join_from(T.entities, T.mentions, T.mentions.c.entity == e.id)
                .where(e.corpus_entity == entity_id)).scalar_one()
            documents = connection.execute(select(func.count(e.document.distinct()))
                                           .where(e.corpus_entity == entity_id)).scalar_one()
        return CorpusEntity(id=row.id, name=row.name, type=row.type, aliases=list(row.aliases),
                            mentions=mentions, documents=documents)

    def entity_mentions(self, entity_id: str, limit: int = 500) -> list[dict]:
        """Mentions of a corpus entity across documents (document, start, end, text, name), by
        document and offset, with the document's first title, outlet and date; at most `limit`."""
        e, m, p = T.entities.c, T.mentions.c, T.publications.c
        query = (select(m.document, m.start, m.end, m.text, e.name)
                 .join_from(T.mentions, T.entities, e.id == m.entity)
                 .where(e.corpus_entity == entity_id).order_by(m.document, m.start).limit(limit))
        with self._read() as connection:
            rows = [dict(r) for r in connection.execute(query).mappings()]
            docs = sorted({r["document"] for r in rows})
            first: dict[str, dict] = {}
            if docs:
                for r in connection.execute(select(p.document, p.title, p.outlet, p.date)
                                            .where(p.document.in_(docs)).order_by(p.document, p.seq)):
                    first.setdefault(r.document, {"title": r.title, "outlet": r.outlet, "date": r.date})
        for r in rows:
            r.update(first.get(r["document"], {"title": None, "outlet": None, "date": None}))
        return rows
