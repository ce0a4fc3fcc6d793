"""The reads the workbench's pages make (store/page_reads.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter

import pytest

from claimscope.errors import EntityNotFound
from claimscope.ledger.facade import Ledger
from claimscope.settings import Settings
from claimscope.workspace import Workspace


@pytest.fixture
def linked(store_url, demo_analyses):
    """The demo corpus stored, entities linked and the ledger updated (as ingest leaves it)."""
    settings = Settings()
    settings.db = store_url
    ws = Workspace(settings)
    ws.store.save_many([(a, None) for a in demo_analyses])
    ws.link_entities()
    Ledger(ws.store).update()
    yield ws.store
    ws.close()


def test_page_reads_agree_with_the_stored_analyses(linked, demo_analyses):
    analysis = max(demo_analyses, key=lambda a: len(a.claims))
    doc = analysis.document.id
    clusters = linked.claim_clusters(doc)
    assert set(clusters) == {c.id for c in analysis.claims}
    assert all(c.startswith("clu-") for c in clusters.values())
    links = linked.entity_links(doc)
    assert set(links) <= {e.id for e in analysis.entities} and links

    # Claims by document and status, as the analyses have them.
    expected = Counter((a.document.id, c.status) for a in demo_analyses for c in a.claims)
    assert {(r["document"], r["status"]): r["claims"] for r in linked.claim_counts()} == dict(expected)

    # The top entities are corpus_entities()'s first, ties broken the same way.
    everything = linked.corpus_entities()
    for n in (1, 5, 15, len(everything) + 3):
        assert linked.top_corpus_entities(n) == everything[:n]

    top = everything[0]
    entity = linked.corpus_entity(top.id)
    assert (entity.name, entity.mentions, entity.documents) == (top.name, top.mentions, top.documents)
    mentions = linked.entity_mentions(top.id)
    assert len(mentions) == top.mentions and len({m["document"] for m in mentions}) == top.documents
    texts = {a.document.id: a.document.text for a in demo_analyses}
    assert all(texts[m["document"]][m["start"]:m["end"]] == m["text"] for m in mentions)
    with pytest.raises(EntityNotFound):
        linked.corpus_entity("ent-nope")


def test_load_many_gives_what_load_gives(linked, demo_analyses):
    ids = [a.document.id for a in demo_analyses]
    many = linked.load_many(ids[::-1] + ["doc-0000000000000000"])
    assert [d.id for d in many] == ids[::-1]  # asked order, unknown ids left out
    for record in many:
        one = linked.load(record.id)
        assert record.analysis.as_dict() == one.analysis.as_dict()
        assert record.publications == one.publications and record.first_ingested == one.first_ingested
    assert [d.id for d in linked.iter_documents_batched(batch=4)] == sorted(ids)
