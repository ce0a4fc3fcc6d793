"""The article page's faster reads give exactly what the store's own reads give (both dialects):
`load_document` is `load`, and the clusters' records built through `PageLedgerReads` are the
records built from the store."""

from __future__ import annotations

import pytest
from pages_store import dialect_settings  # noqa: F401  (a fixture)

from claimscope.errors import DocumentNotFound
from claimscope.ledger.views import build_records
from claimscope.store import open_store
from claimscope.store.page_members import PageLedgerReads


@pytest.fixture(scope="module")
def store(dialect_settings):  # noqa: F811
    with open_store(dialect_settings.db, create=False) as opened:
        yield opened


def test_load_document_is_load(store):
    ids = [d.id for d in store.documents()]
    assert len(ids) >= 5
    for document_id in ids:
        assert store.load_document(document_id) == store.load(document_id)
    with pytest.raises(DocumentNotFound) as slow:
        store.load("no-such-document")
    with pytest.raises(DocumentNotFound) as fast:
        store.load_document("no-such-document")
    assert str(fast.value) == str(slow.value) and "no-such-document" in str(fast.value)


def test_page_ledger_reads_give_the_stores_records(store):
    documents = [d.id for d in store.documents()]
    clusters = sorted({c for d in documents for c in store.claim_clusters(d).values()})
    assert clusters
    with PageLedgerReads(store) as reads:
        members = reads.ledger_cluster_members(clusters)
        assert members == store.ledger_cluster_members(clusters)
        # The asserter join is what the fast read replaces: it must have had something to find.
        assert any(m["asserter_key"] for m in members)
        assert reads.ledger_cluster_rows(clusters) == store.ledger_cluster_rows(clusters)
        assert reads.ledger_conflicts_of(clusters) == store.ledger_conflicts_of(clusters)
        keys = sorted({k[2:] for row in store.ledger_cluster_rows(clusters).values() for k in row["keys"]
                       if k.startswith("e:")})
        assert keys and reads.ledger_entity_names(keys) == store.ledger_entity_names(keys)
        for document in documents:  # a page's selection: conflicting clusters outside it are read too
            ids = sorted(set(store.claim_clusters(document).values()))
            assert build_records(reads, ids, {}) == build_records(store, ids, {})
