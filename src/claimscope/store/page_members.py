"""The mentions of ledger clusters read for the article page: `ledger_cluster_members`'s rows, faster.

`LedgerRepository.ledger_cluster_members` finds each claim's asserter by an outer join on
`entities.key = claims.asserter_entity` and the document. Entity keys are corpus-wide slugs
(`donald-trump` is the key in hundreds of documents), and SQLite, with no statistics, looks the
asserter up by the `key` index: every claim with an asserter walked hundreds of entity rows.
That join was half of a new article page. Here the same select is made without it, and the
asserters are read by the documents' index (a few dozen entities per document) and joined in
Python: the same rows, one for each matching entity as the outer join gives, in the same order.

`PageLedgerReads(store)` is the store as `ledger.views.build_records` reads it, with this read,
and the clusters' rows and conflicts, in place of the repository's: the same selects, built once
with the ids as an expanding parameter (building a select with a fresh IN list for every call cost
more than running it), and the names of the clusters' entities likewise; everything else is the
store's own.
"""

from __future__ import annotations

import functools

from sqlalchemy import bindparam, func, select

from claimscope.store import ledger_tables as L
from claimscope.store import tables as T
from claimscope.store.ledger_repository import attach_publications

CHUNK = 500  # ids per IN list, as the repository reads them


def _chunks(values: list, size: int = CHUNK):
    for i in range(0, len(values), size):
        yield values[i:i + size]


@functools.cache
def _statements() -> dict:
    """The repository's selects, each with `:ids` an expanding IN list."""
    lc, c, ld, cl, f = L.ledger_claims.c, T.claims.c, L.ledger_documents.c, L.ledger_clusters.c, L.ledger_conflicts.c
    e, p = T.entities.c, T.publications.c
    ids = bindparam("ids", expanding=True)
    return {
        "members": select(lc.cluster, lc.claim, lc.document, lc.score, lc["keys"], lc.figures, lc.polarity, lc.date,
                          c.text, c.start, c.end, c.status, c.asserter_name, c.asserter_entity,
                          c.evidence_kind, c.evidence_source, c.evidence_role, c.evidence_cue_text,
                          ld.origin, ld.outlet, ld.rule)
                   .join_from(L.ledger_claims, T.claims, c.id == lc.claim)
                   .join(L.ledger_documents, ld.document == lc.document)
                   .where(lc.cluster.in_(ids))
                   .order_by(lc.cluster, func.coalesce(lc.date, "9999"), lc.document, c.start),
        "asserters": select(e.document, e.key, e.corpus_entity).where(e.document.in_(ids)).order_by(e.document, e.id),
        "publications": select(p.document, p.title, p.outlet, p.seq).where(p.document.in_(ids))
                        .order_by(p.document, p.seq),
        "rows": select(cl.id, cl.representative, cl.text, cl.size, cl["keys"], cl.first_seen, cl.last_seen)
                .where(cl.id.in_(ids)),
        "conflicts": select(L.ledger_conflicts).where((f.a.in_(ids)) | (f.b.in_(ids))),
        "corpus_names": select(T.corpus_entities.c.id, T.corpus_entities.c.name).where(T.corpus_entities.c.id.in_(ids)),
        "entity_names": select(e.key, e.name).where(e.key.in_(ids), e.corpus_entity.is_(None)),
    }


def cluster_members(connection, cluster_ids: list[str]) -> list[dict]:
    """What `store.ledger_cluster_members(cluster_ids)` gives, row for row (in a read transaction)."""
    q = _statements()
    out: list[dict] = []
    for chunk in _chunks(list(cluster_ids)):
        rows = connection.execute(q["members"], {"ids": chunk}).mappings().all()
        docs = sorted({r["document"] for r in rows if r["asserter_entity"] is not None})
        # (document, key) -> the asserter's key as the join computes it, per matching entity row.
        asserters: dict[tuple[str, str], list] = {}
        for part in _chunks(docs):
            for r in connection.execute(q["asserters"], {"ids": part}):
                asserters.setdefault((r.document, r.key), []).append(r.corpus_entity or r.key)
        for r in rows:
            found = asserters.get((r["document"], r["asserter_entity"])) if r["asserter_entity"] else None
            for key in found or (None,):
                out.append({**r, "asserter_key": key})
    return attach_publications(out, lambda chunk: connection.execute(q["publications"], {"ids": chunk}))


class PageLedgerReads:
    """The store, with the clusters' rows, mentions, conflicts and entity names read as above,
    all in one read transaction (one snapshot, and one begin instead of six):

        with PageLedgerReads(store) as reads:
            records = build_records(reads, ids, reliability)
    """

    def __init__(self, store):
        self._store = store
        self._reading = self._connection = None

    def __getattr__(self, name):
        return getattr(self._store, name)

    def __enter__(self) -> PageLedgerReads:
        self._reading = self._store._read()
        self._connection = self._reading.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        reading, self._reading, self._connection = self._reading, None, None
        reading.__exit__(*exc)

    def ledger_cluster_members(self, cluster_ids: list[str]) -> list[dict]:
        return cluster_members(self._connection, cluster_ids)

    def ledger_cluster_rows(self, cluster_ids: list[str]) -> dict[str, dict]:
        out = {}
        for chunk in _chunks(list(cluster_ids)):
            for r in self._connection.execute(_statements()["rows"], {"ids": chunk}).mappings():
                out[r["id"]] = dict(r)
        return out

    def ledger_entity_names(self, keys) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(list(keys)):
            out.update(dict(self._connection.execute(_statements()["corpus_names"], {"ids": chunk}).all()))
            rest = [k for k in chunk if k not in out]
            if rest:
                for r in self._connection.execute(_statements()["entity_names"], {"ids": rest}):
                    out.setdefault(r.key, r.name)
        return out

    def ledger_conflicts_of(self, cluster_ids: list[str]) -> list[dict]:
        out = []
        for chunk in _chunks(list(cluster_ids)):
            out.extend(dict(r) for r in self._connection.execute(_statements()["conflicts"], {"ids": chunk}).mappings())
        return out
