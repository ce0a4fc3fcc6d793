"""The ledger's queries and writes, mixed into the SQL store (`SqlStore(LedgerRepository, Store)`).

Plain rows in, plain rows out (dicts and tuples): the ledger (`claimscope.ledger`) decides, the
store only keeps. Every query is set-based and uses an index: candidates by LSH band, by outlet,
by block key; nothing here scans every stored claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import bindparam, delete, func, select, text, union, update
from sqlalchemy.dialects import postgresql, sqlite

from claimscope.store import ledger_tables as L
from claimscope.store import tables as T
from claimscope.store.bulk import insert_rows


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def attach_publications(members: list[dict], publications) -> list[dict]:
    """Give each cluster member its document's first title and every outlet carrying it.
    `publications(document_ids)` yields (document, title, outlet) rows in (document, seq) order;
    it is called a chunk of ids at a time. The dossier's and the article page's reads share this."""
    titles, outlets = {}, {}
    for chunk in _chunks(sorted({m["document"] for m in members})):
        for r in publications(chunk):
            titles.setdefault(r.document, r.title)
            if r.outlet:
                outlets.setdefault(r.document, []).append(r.outlet)
    for m in members:
        m["title"] = titles.get(m["document"])
        m["outlets"] = outlets.get(m["document"], [])
    return members


def _chunks(values: list, size: int = 500):
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _distinct_clusters(connection, keys: list[str]) -> int:
    """How many clusters have a key among `keys`: count(DISTINCT cluster) without putting the
    largest key's rows in its temporary B-tree (66 ms of CPU for a dossier's 195,000 rows at
    100k). The largest key's rows are counted by index ((key, cluster) is ledger_keys' primary
    key, so they are distinct); the other keys' clusters are counted apart, each looked up in the
    largest key by that primary key so that a cluster under both is counted once. When the
    other keys hold more rows than the largest (a name standing for 118 keys of a few thousand
    each), those lookups cost more than the B-tree, and the plain count(DISTINCT) runs."""
    k = L.ledger_keys.c
    sizes = dict(connection.execute(select(k.key, func.count()).where(k.key.in_(keys)).group_by(k.key)).all())
    if not sizes:
        return 0
    largest = min(sizes, key=lambda key: (-sizes[key], key))
    others = sorted(set(sizes) - {largest})
    if not others:
        return sizes[largest]
    if sum(sizes[key] for key in others) > sizes[largest]:
        return connection.execute(select(func.count(k.cluster.distinct())).where(k.key.in_(keys))).scalar_one()
    big = L.ledger_keys.alias("big")
    in_largest = select(big.c.cluster).where(big.c.key == largest, big.c.cluster == k.cluster)
    rest = connection.execute(select(func.count(k.cluster.distinct()))
                              .where(k.key.in_(others), ~in_largest.exists())).scalar_one()
    return sizes[largest] + rest


@lru_cache(maxsize=256)
def _block_sql(n: int, more: bool):
    """The block query of `n` keys, each its newest page (`more`: each its page after its last
    row read, at or above the floor): one statement per shape, parsed once, not per document."""
    after = (" AND (updated < :u{i} OR (updated = :u{i} AND cluster < :c{i}))"
             " AND (updated > :fu OR (updated = :fu AND cluster >= :fc))") if more else ""
    parts = [f"SELECT * FROM (SELECT key, cluster, updated FROM ledger_keys WHERE key = :k{i}"
             + after.format(i=i) + f" ORDER BY updated DESC, cluster DESC LIMIT :n{i}) AS b{i}" for i in range(n)]
    return text(" UNION ALL ".join(parts))


class LedgerRepository:
    """Ledger state in the store. Mixed into `SqlStore`; uses its `_read`/`_write` transactions."""

    # -- what is pending -----------------------------------------------------------------------
    def ledger_pending(self, limit: int | None = None) -> list[str]:
        """Stored documents the ledger has not placed yet, oldest publication first."""
        d, ld, p = T.documents.c, L.ledger_documents.c, T.publications.c
        first_date = (select(func.min(p.date)).where(p.document == d.id).scalar_subquery())
        query = (select(d.id).outerjoin(L.ledger_documents, ld.document == d.id)
                 .where(ld.document.is_(None))
                 .order_by(func.coalesce(first_date, "9999"), d.first_ingested, d.id))
        if limit is not None:
            query = query.limit(limit)
        with self._read() as connection:
            # Every read updates the ledger first, and at 100k documents the anti-join costs 25 ms
            # of CPU to find nothing. A `ledger_documents` row is one stored document's (its key,
            # a foreign key that cascades), so equal counts mean none is pending: two index counts.
            placed = connection.execute(select(func.count()).select_from(L.ledger_documents)).scalar_one()
            if placed == connection.execute(select(func.count()).select_from(T.documents)).scalar_one():
                return []
            return list(connection.execute(query).scalars())

    def ledger_origin_docs(self, ids: Iterable[str]) -> list[dict]:
        """id, text, outlet, date, author, first_ingested of documents (the earliest publication's
        outlet, date and author)."""
        ids = list(ids)
        if not ids:
            return []
        d, p = T.documents.c, T.publications.c
        out: dict[str, dict] = {}
        with self._read() as connection:
            for chunk in _chunks(ids):
                for r in connection.execute(select(d.id, d.text, d.first_ingested).where(d.id.in_(chunk))):
                    out[r.id] = {"id": r.id, "text": r.text, "first_ingested": r.first_ingested,
                                 "outlet": None, "date": None, "author": None}
                pubs = connection.execute(select(p.document, p.outlet, p.date, p.author, p.seq)
                                          .where(p.document.in_(chunk))
                                          .order_by(p.document, func.coalesce(p.date, "9999"), p.seq))
                seen = set()
                for r in pubs:
                    if r.document in seen:
                        continue
                    seen.add(r.document)
                    out[r.document].update(outlet=r.outlet, date=r.date, author=r.author)
        return [out[i] for i in ids if i in out]

    def ledger_documents_info(self, ids: Iterable[str] | None = None) -> dict[str, dict]:
        """document -> its ledger row (origin, copy_of, rule, containment, outlet, date)."""
        ld = L.ledger_documents.c
        query = select(L.ledger_documents)
        ids = None if ids is None else list(ids)
        with self._read() as connection:
            if ids is None:
                return {r["document"]: dict(r) for r in connection.execute(query).mappings()}
            out = {}
            for chunk in _chunks(ids):
                out.update({r["document"]: dict(r)
                            for r in connection.execute(query.where(ld.document.in_(chunk))).mappings()})
            return out

    def ledger_credits_of(self, ids: Iterable[str]) -> dict[str, list[str]]:
        c = L.ledger_credits.c
        out: dict[str, list[str]] = {}
        ids = list(ids)
        with self._read() as connection:
            for chunk in _chunks(ids):
                for r in connection.execute(select(c.document, c.name).where(c.document.in_(chunk))):
                    out.setdefault(r.document, []).append(r.name)
        return out

    # -- origin candidates ---------------------------------------------------------------------
    def ledger_band_candidates(self, keys: list[str], exclude: str) -> list[str]:
        b = L.ledger_bands.c
        with self._read() as connection:
            return sorted(set(connection.execute(
                select(b.document).where(b.key.in_(keys), b.document != exclude)).scalars()))

    def ledger_outlet_candidates(self, outlets: list[str], since: str | None, until: str | None,
                                 exclude: str, *, crediting_only: bool = False, limit: int = 200,
                                 near: str | None = None) -> list[str]:
        """Placed documents from one of `outlets` (normalised names, compared lowercased without a
        leading 'the') or crediting one of them (only those with `crediting_only`), dated within
        [since, until] when given; at most `limit` of each kind, latest first."""
        ld, c = L.ledger_documents.c, L.ledger_credits.c
        bare = func.lower(ld.outlet)
        names = list(outlets) + [f"the {o}" for o in outlets]
        conditions = [ld.document != exclude]
        if since:
            conditions.append(func.coalesce(ld.date, since) >= since)
        if until:
            conditions.append(func.substr(func.coalesce(ld.date, until), 1, len(until)) <= until)
        order = (ld.date.desc(), ld.document)
        by_outlet = select(ld.document).where(bare.in_(names), *conditions).order_by(*order).limit(limit)
        crediting = (select(ld.document).join_from(L.ledger_documents, L.ledger_credits, c.document == ld.document)
                     .where(c.name.in_(outlets), *conditions).order_by(*order).limit(limit))
        with self._read() as connection:
            found = set(connection.execute(crediting).scalars())
            if not crediting_only:
                found |= set(connection.execute(by_outlet).scalars())
        return sorted(found)

    def ledger_group_members(self, origin: str) -> list[str]:
        ld = L.ledger_documents.c
        with self._read() as connection:
            return list(connection.execute(select(ld.document).where(ld.origin == origin)).scalars())

    def ledger_outlets(self) -> list[str]:
        ld = L.ledger_documents.c
        with self._read() as connection:
            return [o for o in connection.execute(select(ld.outlet).distinct()).scalars() if o]

    # -- the claims of a document, as the clusters read them -------------------------------------
    def ledger_claim_rows(self, document_id: str) -> list[dict]:
        """A document's claims with their entities' block keys (corpus entity, else the document
        entity's key) and the asserter's."""
        return self.ledger_claim_rows_many([document_id]).get(document_id, [])

    def ledger_claim_rows_many(self, document_ids: Iterable[str]) -> dict[str, list[dict]]:
        """`ledger_claim_rows` of many documents in three queries per 500 (the update reads the
        pending documents in chunks); document -> its claims in ordinal order."""
        c, ce, e = T.claims.c, T.claim_entities.c, T.entities.c
        out: dict[str, list[dict]] = {}
        with self._read() as connection:
            for chunk in _chunks(list(document_ids)):
                claims = [dict(r) for r in connection.execute(
                    select(c.id, c.document, c.text, c.start, c.end, c.status, c.asserter_name, c.asserter_entity,
                           c.evidence_kind, c.evidence_source, c.subject, c.object, c.ordinal)
                    .where(c.document.in_(chunk)).order_by(c.document, c.ordinal)).mappings()]
                entity_keys = {(r.document, r.key): (r.corpus_entity or r.key, r.name, r.type)
                               for r in connection.execute(select(e.document, e.key, e.corpus_entity, e.name, e.type)
                                                           .where(e.document.in_(chunk)))}
                links: dict[str, list[str]] = {}
                for r in connection.execute(select(ce.claim, ce.entity_key).where(ce.document.in_(chunk))
                                            .order_by(ce.claim, ce.ordinal)):
                    links.setdefault(r.claim, []).append(r.entity_key)
                for claim in claims:
                    doc = claim.pop("document")
                    keys = [entity_keys[(doc, k)] for k in links.get(claim["id"], []) if (doc, k) in entity_keys]
                    claim["entity_keys"] = [k[0] for k in keys]
                    claim["entity_names"] = {k[0]: k[1] for k in keys}
                    asserter = entity_keys.get((doc, claim["asserter_entity"])) if claim["asserter_entity"] else None
                    claim["asserter_key"] = asserter[0] if asserter else None
                    out.setdefault(doc, []).append(claim)
        return out

    # -- claim vectors computed beside the analysis ----------------------------------------------
    def save_claim_vectors(self, rows: list[dict]) -> int:
        """Store claim vectors (`claim`, `document`, `model`, `vector` bytes) for the ledger to
        place; idempotent by claim, and rows of claims the store does not hold are skipped (their
        document failed to store). Returns how many rows were new."""
        if not rows:
            return 0
        c, v = T.claims.c, L.ledger_vectors.c
        with self._write(f"claim vectors of {rows[0]['document']}") as connection:
            known = set()
            for chunk in _chunks(sorted({r["claim"] for r in rows})):
                known.update(connection.execute(select(c.id).where(c.id.in_(chunk))).scalars())
            new = [r for r in rows if r["claim"] in known]
            if not new:
                return 0
            before = set()
            for chunk in _chunks(sorted(known)):
                before.update(connection.execute(select(v.claim).where(v.claim.in_(chunk))).scalars())
            new = [r for r in new if r["claim"] not in before]
            if new:
                connection.execute(self._insert_ignore(L.ledger_vectors),
                                   [{k: r[k] for k in ("claim", "document", "model", "vector")} for r in new])
            return len(new)

    def ledger_vectors_of(self, document_ids: Iterable[str], model: str) -> dict[str, bytes]:
        """claim -> its stored vector made by `model`, for the claims of the documents."""
        v = L.ledger_vectors.c
        out: dict[str, bytes] = {}
        with self._read() as connection:
            for chunk in _chunks(list(document_ids)):
                out.update((r.claim, bytes(r.vector)) for r in connection.execute(
                    select(v.claim, v.vector).where(v.document.in_(chunk), v.model == model)))
        return out

    # -- cluster candidates --------------------------------------------------------------------
    def ledger_clusters_for_keys(self, keys: list[str], limit: int = 2000) -> list[dict]:
        """Clusters sharing a block key with a new claim: id, centroid, size, representative
        text, figures and polarity (the representative's), most recently updated first."""
        return self.ledger_cluster_states(self.ledger_block_clusters(keys, limit))

    def ledger_block_clusters(self, keys: list[str], limit: int = 2000) -> list[str]:
        """The ids of the `limit` clusters most recently updated (ties: the greater id) among
        those with one of the block keys, from the index (key, updated, cluster).

        A merge of each key's list, newest first, read a page at a time: a key is read further
        only while its last row read could still be among the `limit` (the union's top is known
        once every key's unread rows rank below the `limit`-th found). A common entity's block
        of 30,000 clusters costs the rows it contributes, not its size nor `limit` rows for
        each of a document's keys (the earlier query read and sorted up to 2,000 per key)."""
        keys = sorted(set(keys))
        if not keys:
            return []
        found: dict[str, str] = {}  # cluster -> its updated
        page = {k: max(16, limit // len(keys)) for k in keys}
        last: dict[str, tuple[str, str]] = {}  # key -> (updated, cluster) of its last row read
        done = ("", "")  # below every row: a key read to its end
        floor = done  # the limit-th best found so far: a row below it cannot be among the best
        todo = list(keys)
        with self._read() as connection:
            while todo:
                for chunk in _chunks(todo, 50):
                    more = chunk[0] in last  # after the first round every key left has been read
                    params = {"fu": floor[0], "fc": floor[1]} if more else {}
                    for i, key in enumerate(chunk):
                        if more:  # the next page: below its last row, at or above the floor
                            params[f"u{i}"], params[f"c{i}"] = last[key]
                        params[f"k{i}"], params[f"n{i}"] = key, page[key]
                    got: dict[str, int] = dict.fromkeys(chunk, 0)
                    # All rows at once (`all`): a document reads some thousands of them, and a
                    # row fetched at a time cost more than the query (docs/scale.md).
                    for key, cluster, updated in connection.execute(_block_sql(len(chunk), more), params).all():
                        found[cluster] = updated
                        got[key] += 1
                        if key not in last or (updated, cluster) < last[key]:
                            last[key] = (updated, cluster)
                    for key in chunk:
                        if got[key] < page[key]:
                            last[key] = done  # read to its end, or to the floor
                        page[key] *= 2
                best = sorted(((u, c) for c, u in found.items()), reverse=True)[:limit]
                if len(best) == limit:
                    floor = best[-1]
                found = {c: u for u, c in best}
                todo = [k for k in keys if last[k] > floor]
        return [c for _, c in best]

    def ledger_key_pages(self, pages: dict[str, tuple[tuple[str, str] | None, int]],
                         floor: tuple[str, str] = ("", "")) -> dict[str, list[tuple[str, str]]]:
        """The next rows of block keys' lists, newest first: for each key, (below, n) asks for its
        `n` rows (updated, cluster) just below `below` and at or above `floor` (below None: its
        `n` newest, whatever the floor). The pages `ledger.block_index` reads and keeps."""
        out: dict[str, list[tuple[str, str]]] = {k: [] for k in pages}
        with self._read() as connection:
            for more in (False, True):
                keys = [k for k, (below, _) in pages.items() if (below is not None) == more]
                for chunk in _chunks(keys, 50):
                    params = {"fu": floor[0], "fc": floor[1]} if more else {}
                    for i, key in enumerate(chunk):
                        below, n = pages[key]
                        if more:
                            params[f"u{i}"], params[f"c{i}"] = below
                        params[f"k{i}"], params[f"n{i}"] = key, n
                    for key, cluster, updated in connection.execute(_block_sql(len(chunk), more), params).all():
                        out[key].append((updated, cluster))
        return out

    def ledger_cluster_states(self, ids: list[str]) -> list[dict]:
        """What placement reads of clusters (`ledger_clusters_for_keys`' rows), in the order given."""
        cl, lc = L.ledger_clusters.c, L.ledger_claims.c
        rows: dict[str, dict] = {}
        with self._read() as connection:
            for chunk in _chunks(list(ids)):
                query = (select(cl.id, cl.representative, cl.centroid, cl.size, cl.text, cl["keys"], cl.first_seen,
                                cl.last_seen, cl.documents, lc.figures, lc.polarity, lc.document, lc.embedding)
                         .join(L.ledger_claims, lc.claim == cl.representative).where(cl.id.in_(chunk)))
                for r in connection.execute(query).mappings().all():
                    row = dict(r)
                    embedding = row.pop("embedding")
                    row["centroid"] = row["centroid"] or embedding  # empty: its representative's (0006)
                    rows[row["id"]] = row
        return [rows[i] for i in ids if i in rows]

    def ledger_existing_clusters(self, ids: list[str]) -> set[str]:
        cl = L.ledger_clusters.c
        found: set[str] = set()
        with self._read() as connection:
            for chunk in _chunks(list(ids)):
                found.update(connection.execute(select(cl.id).where(cl.id.in_(chunk))).scalars())
        return found

    # -- writes --------------------------------------------------------------------------------
    def ledger_place(self, document: dict, origin: dict, bands: list[str], credits: list[str],
                     regrouped: dict[str, str], relinked: dict[str, dict], claims: list[dict], clusters: list[dict],
                     keys: list[tuple[str, str]], conflicts: list[dict], version: str) -> str | None:
        """One document's ledger state in one transaction: its origin row, LSH bands and credits,
        the origins of regrouped documents, its claims, new and changed clusters, block keys and
        conflicts. Returns the `updated` it gave the clusters and their key rows; None (nothing
        written) when the document was placed already."""
        now = _now()
        module = sqlite if self.dialect == "sqlite" else postgresql

        def ignore(table):
            return module.insert(table).on_conflict_do_nothing()

        with self._write(f"ledger of {document['id']}") as connection:
            # The document row first, as the store writes documents: when another process placed
            # this document meanwhile (two ingests on one store), the insert takes nothing (on
            # PostgreSQL it waits for the other's commit) and this placement is dropped whole.
            placed = connection.execute(ignore(L.ledger_documents).values(
                document=document["id"], origin=origin["origin"], copy_of=origin.get("copy_of"),
                rule=origin["rule"], containment=origin["containment"], outlet=document.get("outlet"),
                date=document.get("date"), claims_placed=1, ledger_version=version, updated=now)
                .returning(L.ledger_documents.c.document)).first()
            if placed is None:
                return None
            # The many-row tables by `insert_rows`: one statement a table on PostgreSQL (store/bulk.py).
            insert_rows(connection, self.dialect, L.ledger_bands,
                        [{"key": b, "document": document["id"]} for b in bands], ignore=True)
            if credits:
                connection.execute(ignore(L.ledger_credits),
                                   [{"document": document["id"], "name": n} for n in credits])
            ld = L.ledger_documents.c
            for member, new_origin in regrouped.items():
                connection.execute(update(L.ledger_documents).where(ld.document == member)
                                   .values(origin=new_origin, updated=now))
            for member, link in relinked.items():
                connection.execute(update(L.ledger_documents).where(ld.document == member)
                                   .values(**link, updated=now))
            fields = ("representative", "text", "centroid", "size", "keys", "first_seen", "last_seen", "documents")
            new = [{"id": c["id"], **{k: c[k] for k in fields}, "updated": now} for c in clusters if c.get("new")]
            changed = [{"b_id": c["id"], **{k: c[k] for k in fields}, "updated": now}
                       for c in clusters if not c.get("new")]
            insert_rows(connection, self.dialect, L.ledger_clusters, new)
            if changed:  # one statement, many parameter sets
                connection.execute(update(L.ledger_clusters).where(L.ledger_clusters.c.id == bindparam("b_id"))
                                   .values({k: bindparam(k) for k in (*fields, "updated")}), changed)
                # Its block keys carry its `updated` and `documents` (the indexes read them).
                connection.execute(update(L.ledger_keys).where(L.ledger_keys.c.cluster == bindparam("b_id"))
                                   .values(updated=bindparam("updated"), documents=bindparam("documents")),
                                   [{"b_id": c["b_id"], "updated": now, "documents": c["documents"]} for c in changed])
            insert_rows(connection, self.dialect, L.ledger_claims, claims, ignore=True)
            if keys:
                documents = {c["id"]: c["documents"] for c in clusters}
                insert_rows(connection, self.dialect, L.ledger_keys,
                            [{"key": k, "cluster": c, "updated": now, "documents": documents.get(c, 1)}
                             for k, c in keys], ignore=True)
            if conflicts:
                connection.execute(ignore(L.ledger_conflicts), conflicts)
            # Its waiting vectors are in ledger_claims now.
            connection.execute(delete(L.ledger_vectors).where(L.ledger_vectors.c.document == document["id"]))
        return now  # the `updated` its clusters and their key rows took (`ledger.block_index`)

    def ledger_forget(self, document_ids: list[str]) -> None:
        """Make documents pending again (their facts were replaced): their origin rows, bands,
        credits and placed claims go; the next update places them afresh."""
        lc, cl = L.ledger_claims.c, L.ledger_clusters.c
        with self._write("ledger forget") as connection:
            touched = set()
            for chunk in _chunks(list(document_ids)):
                touched.update(connection.execute(select(lc.cluster).where(lc.document.in_(chunk))
                                                  .distinct()).scalars())
            for chunk in _chunks(list(document_ids)):
                for table in (L.ledger_claims, L.ledger_bands, L.ledger_credits, L.ledger_documents):
                    connection.execute(delete(table).where(table.c.document.in_(chunk)))
            # Clusters left without members go; those that lost their representative take another.
            members = select(lc.claim).where(lc.cluster == cl.id)
            connection.execute(delete(L.ledger_clusters).where(~members.exists()))
            # The rest count their documents again (and their keys with them).
            count = select(func.count(lc.document.distinct())).where(lc.cluster == cl.id).scalar_subquery()
            lk = L.ledger_keys.c
            for chunk in _chunks(sorted(touched)):
                connection.execute(update(L.ledger_clusters).where(cl.id.in_(chunk)).values(documents=count))
                connection.execute(update(L.ledger_keys).where(lk.cluster.in_(chunk)).values(
                    documents=select(cl.documents).where(cl.id == lk.cluster).scalar_subquery()))
            still = select(lc.claim).where(lc.claim == cl.representative)
            connection.execute(update(L.ledger_clusters).where(~still.exists())
                               .values(representative=select(func.min(lc.claim)).where(lc.cluster == cl.id)
                                       .scalar_subquery()))

    def ledger_reset(self) -> None:
        """Forget the whole ledger (a full rebuild follows)."""
        with self._write("ledger reset") as connection:
            for table in L.LEDGER_TABLES:
                connection.execute(delete(table))

    # -- reads for clusters, dossiers ----------------------------------------------------------
    def ledger_cluster_ids(self, *, keys: list[str] | None = None, all_keys: bool = False) -> list[str]:
        """Cluster ids, optionally only those with a block key among `keys` (every one of them
        with `all_keys`)."""
        k = L.ledger_keys.c
        with self._read() as connection:
            if not keys:
                return list(connection.execute(select(L.ledger_clusters.c.id)
                                               .order_by(L.ledger_clusters.c.first_seen, L.ledger_clusters.c.id))
                            .scalars())
            query = select(k.cluster).where(k.key.in_(keys)).group_by(k.cluster)
            if all_keys:
                query = query.having(func.count(k.key.distinct()) == len(set(keys)))
            return sorted(connection.execute(query).scalars())

    def ledger_top_clusters(self, keys: list[str], limit: int) -> tuple[list[str], int]:
        """Of the clusters with a key among `keys`: the `limit` most documents mention (ties:
        the greater id first), and how many there are. Each key's own first `limit` come from
        the index (key, documents, cluster), as in `ledger_block_clusters`."""
        keys = sorted(set(keys))
        found: dict[str, int] = {}
        with self._read() as connection:
            total = _distinct_clusters(connection, keys)
            for chunk in _chunks(keys, 50):
                part = ("SELECT * FROM (SELECT cluster, documents FROM ledger_keys WHERE key = :k{i} "
                        "ORDER BY documents DESC, cluster DESC LIMIT :limit) AS b{i}")
                query = text("SELECT DISTINCT cluster, documents FROM ("
                             + " UNION ALL ".join(part.format(i=i) for i in range(len(chunk)))
                             + ") AS u ORDER BY documents DESC, cluster DESC LIMIT :limit")
                params = {f"k{i}": key for i, key in enumerate(chunk)} | {"limit": limit}
                found.update((r[0], r[1]) for r in connection.execute(query, params))
        ids = [c for c, _ in sorted(found.items(), key=lambda x: (x[1], x[0]), reverse=True)[:limit]]
        return ids, total

    def ledger_cluster_of(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """claim -> the cluster it was placed in (claims not placed yet are left out)."""
        lc = L.ledger_claims.c
        out: dict[str, str] = {}
        with self._read() as connection:
            for chunk in _chunks(list(claim_ids)):
                out.update((r.claim, r.cluster) for r in connection.execute(
                    select(lc.claim, lc.cluster).where(lc.claim.in_(chunk))))
        return out

    def ledger_cluster_sizes(self, cluster_ids: list[str]) -> dict[str, int]:
        """cluster -> how many documents mention it."""
        lc = L.ledger_claims.c
        out: dict[str, int] = {}
        with self._read() as connection:
            for chunk in _chunks(list(cluster_ids)):
                out.update(dict(connection.execute(select(lc.cluster, func.count(lc.document.distinct()))
                                                   .where(lc.cluster.in_(chunk)).group_by(lc.cluster)).all()))
        return out

    def ledger_cluster_members(self, cluster_ids: list[str]) -> list[dict]:
        """Every mention of the clusters with what the ledger reports of it: the claim's span,
        status, asserter, evidence, the document's origin, outlet, date and title."""
        lc, c, ld = L.ledger_claims.c, T.claims.c, L.ledger_documents.c
        p = T.publications.c
        asserter = T.entities.alias("asserter")
        out = []
        with self._read() as connection:
            for chunk in _chunks(list(cluster_ids)):
                rows = connection.execute(
                    select(lc.cluster, lc.claim, lc.document, lc.score, lc["keys"], lc.figures, lc.polarity, lc.date,
                           c.text, c.start, c.end, c.status, c.asserter_name, c.asserter_entity,
                           c.evidence_kind, c.evidence_source, c.evidence_role, c.evidence_cue_text,
                           ld.origin, ld.outlet, ld.rule,
                           func.coalesce(asserter.c.corpus_entity, asserter.c.key).label("asserter_key"))
                    .join_from(L.ledger_claims, T.claims, c.id == lc.claim)
                    .join(L.ledger_documents, ld.document == lc.document)
                    # `key || ''`: not by the key's own index. Keys are per document ("united-states"
                    # in every document naming it), so SQLite's planner, without statistics, took
                    # ix_entities_key and read every document's entity of that key for each
                    # mention (a dossier at 50k: 240 ms of its 300); by document it reads ~100.
                    .outerjoin(asserter, (asserter.c.document == lc.document)
                               & ((asserter.c.key + "") == c.asserter_entity))
                    .where(lc.cluster.in_(chunk))
                    .order_by(lc.cluster, func.coalesce(lc.date, "9999"), lc.document, c.start)).mappings().all()
                out.extend(dict(r) for r in rows)
            return attach_publications(out, lambda chunk: connection.execute(
                select(p.document, p.title, p.outlet, p.seq).where(p.document.in_(chunk))
                .order_by(p.document, p.seq)))

    def ledger_cluster_rows(self, cluster_ids: list[str]) -> dict[str, dict]:
        cl = L.ledger_clusters.c
        out = {}
        with self._read() as connection:
            for chunk in _chunks(list(cluster_ids)):
                for r in connection.execute(select(cl.id, cl.representative, cl.text, cl.size, cl["keys"],
                                                   cl.first_seen, cl.last_seen).where(cl.id.in_(chunk))).mappings():
                    out[r["id"]] = dict(r)
        return out

    def ledger_conflicts_of(self, cluster_ids: list[str]) -> list[dict]:
        f = L.ledger_conflicts.c
        out = []
        with self._read() as connection:
            for chunk in _chunks(list(cluster_ids)):
                out.extend(dict(r) for r in connection.execute(
                    select(L.ledger_conflicts).where((f.a.in_(chunk)) | (f.b.in_(chunk)))).mappings().all())
        return out

    def ledger_entity_names(self, keys: Iterable[str]) -> dict[str, str]:
        """Block key -> a display name: the corpus entity's name, else the document entity's."""
        keys = list(keys)
        e, ce = T.entities.c, T.corpus_entities.c
        out: dict[str, str] = {}
        with self._read() as connection:
            for chunk in _chunks(keys):
                out.update(dict(connection.execute(select(ce.id, ce.name).where(ce.id.in_(chunk))).all()))
                rest = [k for k in chunk if k not in out]
                if rest:
                    # By the index (key, corpus_entity, name) of 0007: the loose key's rows only,
                    # not its every row; a key named two ways takes the first name in order.
                    for r in connection.execute(select(e.key, e.name).where(e.key.in_(rest), e.corpus_entity.is_(None))
                                                .order_by(e.key, e.name)):
                        out.setdefault(r.key, r.name)
        return out

    def ledger_resolve_entity(self, name: str) -> list[tuple[str, str]]:
        """Block keys an entity name or id stands for: (key, display name)."""
        e, ce = T.entities.c, T.corpus_entities.c
        lowered = name.lower()
        with self._read() as connection:
            found = dict(connection.execute(select(ce.id, ce.name).where(
                (ce.id == name) | (func.lower(ce.name) == lowered))).all())
            # One SELECT per index, not an OR: each reads its index only (migration 0007), where
            # SQLite's OR of three indexes read every matching row from the table (66,000 rows
            # for "United States" at 100k documents). UNION removes the same duplicates DISTINCT did;
            # ordered, so a key named two ways takes the same name on either dialect and any plan.
            each = [select(e.key, e.corpus_entity, e.name).where(match) for match in (
                e.key == name, func.lower(e.name) == lowered, func.lower(e.key) == lowered)]
            rows = connection.execute(union(*each).order_by("key", "corpus_entity", "name")).all()
        for r in rows:
            key = r.corpus_entity or r.key
            found.setdefault(key, r.name)
        return sorted(found.items())

    def ledger_status(self) -> dict:
        with self._read() as connection:
            def count(table):
                return connection.execute(select(func.count()).select_from(table)).scalar_one()

            return {"documents": count(T.documents), "placed": count(L.ledger_documents),
                    "origins": connection.execute(select(func.count(L.ledger_documents.c.origin.distinct())))
                    .scalar_one(),
                    "clusters": count(L.ledger_clusters), "claims": count(L.ledger_claims),
                    "conflicts": count(L.ledger_conflicts)}

