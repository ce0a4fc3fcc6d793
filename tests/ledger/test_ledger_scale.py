"""The ledger at scale: claim vectors from the workers, block and dossier queries by index, and
the migrations that add them (0004, 0005), on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select

from claimscope.ledger import claim_vectors
from claimscope.ledger.facade import Ledger
from claimscope.ledger.learned_matcher import LearnedMatcher
from claimscope.ledger.matching import LexicalMatcher
from claimscope.store import ledger_tables as L
from claimscope.store import open_store
from claimscope.store.schema import alembic_config, head_revision


def _vector_rows(analyses, matcher):
    return [r for a in analyses for r in claim_vectors.rows_of(
        {"document": {"id": a.document.id}, "claim_vectors": claim_vectors.encode(a.as_dict(), matcher)})]


def _invariants(store):
    """Every block key row carries its cluster's `updated` and `documents`, and `documents` is
    the number of documents with a mention in the cluster."""
    with store.engine.connect() as connection:
        clusters = {r.id: (r.updated, r.documents) for r in connection.execute(
            select(L.ledger_clusters.c.id, L.ledger_clusters.c.updated, L.ledger_clusters.c.documents))}
        keys = [tuple(r) for r in connection.execute(
            select(L.ledger_keys.c.key, L.ledger_keys.c.cluster, L.ledger_keys.c.updated, L.ledger_keys.c.documents))]
        members: dict[str, set] = {}
        for r in connection.execute(select(L.ledger_claims.c.cluster, L.ledger_claims.c.document)):
            members.setdefault(r.cluster, set()).add(r.document)
    assert clusters and keys
    assert all((updated, documents) == clusters[cluster] for _, cluster, updated, documents in keys)
    assert {c: d for c, (_, d) in clusters.items()} == {c: len(m) for c, m in members.items()}
    return clusters, keys


def test_worker_vectors_place_exactly_as_the_encoder_does(store_url, demo_corpus_analyses):
    analyses = demo_corpus_analyses[:7]
    matcher = LearnedMatcher()
    with open_store(store_url) as store:
        store.save_many([(a, None) for a in analyses])
        ledger = Ledger(store, matcher=matcher)
        encoded = ledger.update()
        assert encoded["encoded"] == encoded["claims"] > 0
        before = ledger.clusters()
        store.ledger_reset()
        rows = _vector_rows(analyses, matcher)
        assert store.save_claim_vectors(rows) == len(rows) == encoded["claims"]
        assert store.save_claim_vectors(rows) == 0  # idempotent by claim
        read = Ledger(store, matcher=matcher).update()
        assert read["encoded"] == 0 and read["claims"] == encoded["claims"]
        assert Ledger(store, matcher=matcher).clusters() == before
        with store.engine.connect() as connection:  # placed: the waiting vectors are gone
            assert connection.execute(select(L.ledger_vectors.c.claim)).first() is None

        clusters, keys = _invariants(store)
        # The indexed block and dossier queries against a brute force over every row.
        members: dict[str, list[str]] = {}
        for key, cluster, _, _ in keys:
            members.setdefault(key, []).append(cluster)
        for key in sorted(members, key=lambda k: -len(members[k]))[:6]:
            wanted = [key, "e:no-such-entity"]
            recent = sorted(members[key], key=lambda c: (clusters[c][0], c), reverse=True)
            assert store.ledger_block_clusters(wanted, limit=3) == recent[:3]
            top = sorted(members[key], key=lambda c: (clusters[c][1], c), reverse=True)
            assert store.ledger_top_clusters(wanted, 3) == (top[:3], len(members[key]))
        # Several keys at once, with limits that make the block query read pages more than once.
        common = sorted(members, key=lambda k: -len(members[k]))
        for wanted in (common[:2], common[:5], common[1:4] + common[-3:]):
            union = sorted({c for k in wanted for c in members[k]}, key=lambda c: (clusters[c][0], c), reverse=True)
            for limit in (1, 5, 17, 40, len(union), len(union) + 10):
                assert store.ledger_block_clusters(wanted, limit=limit) == union[:limit], (wanted, limit)
        # A re-analysed document is forgotten: the clusters it was in count their documents again.
        store.ledger_forget([analyses[0].document.id])
        _invariants(store)


def test_claim_vector_store_methods(store_url, demo_corpus_analyses):
    analysis = demo_corpus_analyses[0]
    lexical = LexicalMatcher()
    rows = _vector_rows([analysis], lexical)
    with open_store(store_url) as store:
        stray = dict(rows[0], claim="clm-not-stored")
        assert store.save_claim_vectors([stray]) == 0  # its document failed to store: skipped
        store.save_many([(analysis, None)])
        assert store.save_claim_vectors(rows + [stray]) == len(rows)
        got = store.ledger_vectors_of([analysis.document.id], claim_vectors.tag(lexical))
        assert got == {r["claim"]: r["vector"] for r in rows}
        assert store.ledger_vectors_of([analysis.document.id], "another encoder 2") == {}
        stats = Ledger(store, matcher=lexical).update()
        assert stats["encoded"] == 0 and stats["claims"] == len(rows)


def test_migrations_0004_0005_keep_the_ledger(store_url, demo_corpus_analyses):
    """Down to 0003 and up again: the backfilled key rows and document counts are right."""
    lexical = LexicalMatcher()
    with open_store(store_url) as store:
        store.save_many([(a, None) for a in demo_corpus_analyses[:4]])
        Ledger(store, matcher=lexical).update()
        before = _invariants(store)
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0003")
    with open_store(store_url, upgrade=True) as store:
        assert store.ledger_status()["placed"] == 4
        after = _invariants(store)
        assert after[0] == before[0] and sorted(after[1]) == sorted(before[1])
        with store.engine.connect() as connection:
            from alembic.runtime.migration import MigrationContext

            assert MigrationContext.configure(connection).get_current_revision() == head_revision()


def _centroids(store):
    cl, lc = L.ledger_clusters.c, L.ledger_claims.c
    with store.engine.connect() as connection:
        stored = {r.id: (bytes(r.centroid), r.size, bytes(r.embedding)) for r in connection.execute(
            select(cl.id, cl.centroid, cl.size, lc.embedding).join(L.ledger_claims, lc.claim == cl.representative))}
    return stored


def test_a_cluster_of_one_claim_is_read_with_its_claims_vector(store_url, demo_corpus_analyses):
    """Migration 0006: a founded cluster of one claim stores an empty centroid, read back as its
    representative's vector; placing document by document (states read back from the store each
    time) decides as one run does, and 0006 down and up keeps what placement reads."""
    from claimscope.ledger.update import update_ledger

    lexical = LexicalMatcher()
    with open_store(store_url) as store:
        store.save_many([(a, None) for a in demo_corpus_analyses[:6]])
        ledger = Ledger(store, matcher=lexical)
        one_run = ledger.clusters()
        stored = _centroids(store)
        assert {c for c, (v, size, _) in stored.items() if v == b""} == {c for c, (_, size, _) in stored.items()
                                                                          if size == 1}
        assert any(size > 1 for _, size, _ in stored.values())
        ids = sorted(stored)
        states = store.ledger_cluster_states(ids)
        assert all(s["centroid"] == (stored[s["id"]][0] or stored[s["id"]][2]) for s in states)
        assert all(len(s["centroid"]) == 4 * 4096 for s in states)

        store.ledger_reset()
        while update_ledger(store, lexical, limit=1)["documents"]:
            pass
        assert Ledger(store, matcher=lexical).clusters() == one_run

        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0005")
        down = _centroids(store)
        assert all(v == (stored[c][0] or stored[c][2]) for c, (v, _, _) in down.items())
        assert store.ledger_cluster_states(ids) == states
    with open_store(store_url, upgrade=True) as store:
        up = _centroids(store)
        # Up again, every centroid equal to its representative's vector is emptied (also a copy's
        # cluster of two identical vectors, which placement wrote out): the same values are read.
        assert {c for c, (v, _, _) in stored.items() if v == b""} <= {c for c, (v, _, _) in up.items() if v == b""}
        assert {c: v or e for c, (v, _, e) in up.items()} == {c: v or e for c, (v, _, e) in stored.items()}
        assert store.ledger_cluster_states(ids) == states
        assert Ledger(store, matcher=lexical).clusters() == one_run


def test_block_index_keeps_the_stores_lists(store_url, demo_corpus_analyses):
    """The update's kept block-key lists answer as the store's query after every placement,
    for sets of keys and limits that make them read further pages."""
    from claimscope.ledger.block_index import BlockIndex
    from claimscope.ledger.update import ClusterCache, StoreOrigins, place_document

    lexical = LexicalMatcher()
    with open_store(store_url) as store:
        store.save_many([(a, None) for a in demo_corpus_analyses[:6]])
        index, cache, backend = BlockIndex(store), ClusterCache(store), StoreOrigins(store)
        for document_id in store.ledger_pending():
            place_document(store, backend, lexical, document_id, cache=cache, index=index)
            with store.engine.connect() as connection:
                keys = sorted({k for k in connection.execute(select(L.ledger_keys.c.key)).scalars()
                               if not k.startswith("a:")})
            assert keys
            for wanted in (keys[:3], keys, keys[-5:] + ["e:no-such-entity"], keys[::4]):
                for limit in (1, 4, 25, 2000):
                    assert index.clusters(wanted, limit) == store.ledger_block_clusters(wanted, limit), (wanted, limit)
        assert store.ledger_status()["placed"] == 6
