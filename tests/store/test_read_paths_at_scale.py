"""The reads every ledger read makes first, kept cheap at 100k documents (docs/scale.md, fourth
round): nothing pending found from two counts, entity lookups from covering indexes (0007), a
block's cluster count from its largest key's index, search ranking before snippets; each against
what it replaced."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import func, select, text

from claimscope.ledger.facade import Ledger
from claimscope.ledger.matching import LexicalMatcher
from claimscope.store import ledger_tables as L
from claimscope.store import open_store
from claimscope.store import tables as T
from claimscope.store.schema import alembic_config


def _names(analyses) -> list[str]:
    """Entity names and keys of the analyses, in several cases (the lookups are any-case)."""
    found = set()
    for a in analyses:
        for e in a.entities:
            found.update({e.name, e.name.upper(), e.id})
    return sorted(found)[:40] + ["no such entity"]


def test_nothing_pending_by_counts_and_pending_still_found(store, demo_analyses):
    first, second = demo_analyses[:2], demo_analyses[2:4]
    store.save_many([(a, None) for a in first])
    assert sorted(store.ledger_pending()) == sorted(a.document.id for a in first)
    Ledger(store, matcher=LexicalMatcher()).update()
    assert store.ledger_pending() == []
    store.save_many([(a, None) for a in second])
    assert sorted(store.ledger_pending()) == sorted(a.document.id for a in second)
    assert len(store.ledger_pending(limit=1)) == 1
    # A forgotten document is pending again although it is still stored.
    Ledger(store, matcher=LexicalMatcher()).update()
    store.ledger_forget([first[0].document.id])
    assert store.ledger_pending() == [first[0].document.id]


def test_block_count_by_its_largest_key_is_count_distinct(store, demo_analyses):
    store.save_many([(a, None) for a in demo_analyses])
    Ledger(store, matcher=LexicalMatcher()).update()
    k = L.ledger_keys.c
    with store.engine.connect() as connection:
        sizes = dict(connection.execute(select(k.key, func.count()).group_by(k.key)).all())
    common = sorted(sizes, key=lambda key: (-sizes[key], key))
    assert sizes[common[0]] > 1
    # One key; the largest and one smaller (counted by index and lookups); many keys of a few
    # rows each (more rows than the largest: one count(DISTINCT)); keys that hold nothing.
    many = common[len(common) // 2:]
    assert sum(sizes[key] for key in many[1:]) > sizes[many[0]]
    for keys in (common[:1], common[:2], common[:6], many, common[3:9] + ["e:no-such-entity"], ["e:no-such-entity"]):
        with store.engine.connect() as connection:
            expected = connection.execute(select(func.count(k.cluster.distinct())).where(k.key.in_(keys))).scalar_one()
        assert store.ledger_top_clusters(keys, 5)[1] == expected, keys


def _old_resolve(connection, name: str) -> list[str]:
    """The keys the lookup gave before 0007: one SELECT DISTINCT over an OR of the three."""
    e = T.entities.c
    rows = connection.execute(select(e.key, e.corpus_entity).where(
        (e.key == name) | (func.lower(e.name) == name.lower()) | (func.lower(e.key) == name.lower())).distinct())
    return sorted({r.corpus_entity or r.key for r in rows})


def test_entity_lookups_read_as_before_migration_0007(store_url, demo_analyses):
    """At head, down at 0006 (the indexes without the carried columns) and up again, every lookup
    of names, keys and loose keys' display names gives the same answer, with the old query's keys."""
    with open_store(store_url) as store:
        store.save_many([(a, None) for a in demo_analyses])
        names = _names(demo_analyses)
        keys = sorted({e.id for a in demo_analyses for e in a.entities})

        def reads():
            return [store.ledger_resolve_entity(n) for n in names], store.ledger_entity_names(keys)

        at_head = reads()
        assert sum(bool(r) for r in at_head[0]) > 10 and at_head[1]
        with store.engine.connect() as connection:
            corpus = set(connection.execute(select(T.corpus_entities.c.id)).scalars())
            for name, found in zip(names, at_head[0]):
                old = _old_resolve(connection, name)
                assert [k for k, _ in found if k not in corpus or k in old] == old, name
        if store.dialect == "sqlite":
            # Each branch of the lookup, and the loose keys' names, read an index only.
            with store.engine.connect() as connection:
                for where in ("key = 'x'", "lower(name) = 'x'", "lower(key) = 'x'",
                              "key IN ('x', 'y') AND corpus_entity IS NULL"):
                    plan = " ".join(r[3] for r in connection.execute(
                        text(f"EXPLAIN QUERY PLAN SELECT key, corpus_entity, name FROM entities WHERE {where}")))
                    assert "COVERING INDEX" in plan, (where, plan)
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0006")
        assert reads() == at_head
        with store.engine.begin() as connection:
            # A store that lost an expression index (bench_ledger's base store has none) upgrades too.
            connection.execute(text("DROP INDEX ix_entities_lower_name"))
            command.upgrade(alembic_config(connection), "head")
        assert reads() == at_head


def test_search_ranks_documents_by_bm25_first_as_one_query_did(store, demo_analyses):
    """SQLite's document hits: bm25 alone first, then snippets for those at or above the cut;
    the same hits in the same order as the one query that made a snippet for every match, ties
    at the cut included (a common word, small limits)."""
    if store.dialect != "sqlite":
        pytest.skip("the two-pass ranking is SQLite's; PostgreSQL ranks in one query")
    from claimscope.store.query import parse, to_fts5

    store.save_many([(a, None) for a in demo_analyses])
    one_query = text("""SELECT d.id, -bm25(documents_fts) AS score FROM documents_fts
        JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH :match
        ORDER BY bm25(documents_fts), d.id LIMIT :limit""")
    for query in ("the", "said OR the", "police", "no-such-word-anywhere"):
        for limit in (1, 2, 3, 7, 50):
            with store.engine.connect() as connection:
                expected = [(r.id, round(float(r.score), 6)) for r in connection.execute(
                    one_query, {"match": to_fts5(parse(query)), "limit": limit})]
            got = [(h.id, h.score) for h in store.search(query, limit=limit) if h.kind == "document"]
            # Claim hits come first and take their share of the limit.
            assert got == expected[:len(got)] and (len(got) == len(expected) or len(got) + sum(
                h.kind == "claim" for h in store.search(query, limit=limit)) == limit), (query, limit)
