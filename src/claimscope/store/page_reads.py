"""Reads the workbench's pages need, mixed into the SQL store (`SqlStore(PageReads, ...)`).

Plain rows out; each query is one set-based read over an index (document, corpus entity,
claim), so an article or an entity page costs the same at 10 or 100k stored documents.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import func, select

from claimscope.errors import EntityNotFound
from claimscope.model.corpus import CorpusEntity, StoredDocument
from claimscope.store import ledger_tables as L
from claimscope.store import tables as T


class PageReads:
    """Mixed into `SqlStore`; uses its `_read` transactions."""

    # Facts of a document in the order `load` reads them (the analysis rebuilds in stored order).
    _FACT_ORDER = {"entities": ("ordinal",), "mentions": ("entity", "ordinal"), "attributions": ("ordinal",),
                   "claims": ("ordinal",), "claim_cues": ("claim", "ordinal"), "claim_entities": ("claim", "ordinal"),
                   "arguments": ("ordinal",), "structure": ("role",), "techniques": ("ordinal",)}

    def load_many(self, document_ids: list[str]) -> list[StoredDocument]:
        """`[load(i) for i in document_ids]` in one read per table instead of nine per document
        (the sources graph reads the whole corpus); unknown ids are left out."""
        from claimscope.store import rows as R
        from claimscope.store.sql import _publication, _publication_order

        ids = list(dict.fromkeys(document_ids))
        if not ids:
            return []
        with self._read() as connection:
            documents = {r["id"]: r for r in connection.execute(
                select(T.documents).where(T.documents.c.id.in_(ids))).mappings()}
            analyses = {r["document"]: r for r in connection.execute(
                select(T.analyses).where(T.analyses.c.document.in_(ids))).mappings()}
            publications = defaultdict(list)
            for r in connection.execute(select(T.publications).where(T.publications.c.document.in_(ids))
                                        .order_by(T.publications.c.document, *_publication_order())).mappings():
                publications[r["document"]].append(r)
            facts: dict[str, dict[str, list]] = defaultdict(lambda: {name: [] for name in self._FACT_ORDER})
            for name, order in self._FACT_ORDER.items():
                table = getattr(T, name)
                query = (select(table).where(table.c.document.in_(ids))
                         .order_by(table.c.document, *(table.c[col] for col in order)))
                for r in connection.execute(query).mappings():
                    facts[r["document"]][name].append(r)
        out = []
        for doc_id in ids:
            if doc_id not in documents:
                continue
            pubs = publications.get(doc_id, [])
            analysis = R.build_analysis(documents[doc_id], analyses[doc_id], pubs[0]["meta"] if pubs else {},
                                        facts[doc_id])
            out.append(StoredDocument(analysis=analysis, publications=[_publication(p) for p in pubs],
                                      first_ingested=documents[doc_id]["first_ingested"]))
        return out

    def load_document(self, document_id: str) -> StoredDocument:
        """What `load(document_id)` gives (E404 for an unknown id), a third of its cost: its
        reads are statements built once (`_page_statements`), not twelve new selects a call."""
        from claimscope.errors import DocumentNotFound
        from claimscope.store import rows as R
        from claimscope.store.sql import _publication

        q, at = _page_statements(), {"document": document_id}
        with self._read() as connection:
            document = connection.execute(q["document"], at).mappings().first()
            if document is None:
                raise DocumentNotFound(document_id, "no such document in the store")
            analysis = connection.execute(q["analysis"], at).mappings().one()
            pubs = connection.execute(q["publications"], at).mappings().all()
            facts = {name: connection.execute(q[name], at).mappings().all() for name in self._FACT_ORDER}
        result = R.build_analysis(document, analysis, pubs[0]["meta"] if pubs else {}, facts)
        return StoredDocument(analysis=result, publications=[_publication(p) for p in pubs],
                              first_ingested=document["first_ingested"])

    def iter_documents_batched(self, batch: int = 100) -> Iterator[StoredDocument]:
        """Every stored document in id order, `batch` at a time (one short read per batch)."""
        with self._read() as connection:
            ids = list(connection.execute(select(T.documents.c.id).order_by(T.documents.c.id)).scalars())
        for i in range(0, len(ids), batch):
            yield from self.load_many(ids[i:i + batch])

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

    def claim_counts(self) -> list[dict]:
        """Claims counted by (document, status): one grouped read over the claims' document index
        (the overview puts dates on them from the documents list it already has)."""
        c = T.claims.c
        query = select(c.document, c.status, func.count().label("claims")).group_by(c.document, c.status)
        with self._read() as connection:
            return [{"document": r.document, "status": r.status, "claims": r.claims}
                    for r in connection.execute(query)]

    def top_corpus_entities(self, limit: int = 15) -> list[CorpusEntity]:
        """The `limit` corpus entities `corpus_entities()` lists first (most documents, then most
        mentions, name, id), counting mentions only for the candidates, not for every entity."""
        e, ce, m = T.entities.c, T.corpus_entities.c, T.mentions.c
        with self._read() as connection:
            counts = dict(connection.execute(select(e.corpus_entity, func.count(e.document.distinct()))
                                             .where(e.corpus_entity.is_not(None)).group_by(e.corpus_entity)).all())
            if not counts or limit <= 0:
                return []
            # Every entity as common as the limit-th: ties are then broken as corpus_entities does.
            floor = sorted(counts.values(), reverse=True)[:limit][-1]
            ids = sorted(k for k, n in counts.items() if n >= floor)
            mentions, rows = {}, []
            for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
                mentions.update(connection.execute(
                    select(e.corpus_entity, func.count(m.id)).join_from(T.entities, T.mentions, m.entity == e.id)
                    .where(e.corpus_entity.in_(chunk)).group_by(e.corpus_entity)).all())
                rows += connection.execute(select(ce.id, ce.name, ce.type, ce.aliases).where(ce.id.in_(chunk))).all()
        found = [CorpusEntity(id=r.id, name=r.name, type=r.type, aliases=list(r.aliases),
                              mentions=mentions.get(r.id, 0), documents=counts[r.id]) for r in rows]
        found.sort(key=lambda x: (-x.documents, -x.mentions, x.name, x.id))
        return found[:limit]

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


@functools.cache
def _page_statements() -> dict:
    """`SqlStore._load`'s reads as statements built once, the id a bound parameter: building
    and caching-keying twelve selects per article page cost more than running them. A claim's
    cues are found by the claims' index (`claim_cues` has no index on its document)."""
    from sqlalchemy import bindparam

    from claimscope.store.sql import _publication_order

    doc = bindparam("document")

    def of(table, *order):
        return select(table).where(table.c.document == doc).order_by(*order)

    cues, claims = T.claim_cues, T.claims
    return {
        "document": select(T.documents).where(T.documents.c.id == doc),
        "analysis": select(T.analyses).where(T.analyses.c.document == doc),
        "publications": of(T.publications, *_publication_order()),
        "entities": of(T.entities, T.entities.c.ordinal),
        "mentions": of(T.mentions, T.mentions.c.entity, T.mentions.c.ordinal),
        "attributions": of(T.attributions, T.attributions.c.ordinal),
        "claims": of(claims, claims.c.ordinal),
        "claim_cues": select(cues).where(cues.c.claim.in_(select(claims.c.id).where(claims.c.document == doc)),
                                         cues.c.document == doc).order_by(cues.c.claim, cues.c.ordinal),
        "claim_entities": of(T.claim_entities, T.claim_entities.c.claim, T.claim_entities.c.ordinal),
        "arguments": of(T.arguments, T.arguments.c.ordinal),
        "structure": of(T.structure, T.structure.c.role),
        "techniques": of(T.techniques, T.techniques.c.ordinal),
    }

