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

    # Claims by date and status add up to each date's claims.
    expected = Counter()
    for a in demo_analyses:
        for c in a.claims:
            expected[(a.document.meta.get("date"), c.status)] += 1
    assert {(r["date"], r["status"]): r["claims"] for r in linked.claims_by_date()} == dict(expected)

    top = linked.corpus_entities()[0]
    entity = linked.corpus_entity(top.id)
    assert (entity.name, entity.mentions, entity.documents) == (top.name, top.mentions, top.documents)
    mentions = linked.entity_mentions(top.id)
    assert len(mentions) == top.mentions and len({m["document"] for m in mentions}) == top.documents
    texts = {a.document.id: a.document.text for a in demo_analyses}
    assert all(texts[m["document"]][m["start"]:m["end"]] == m["text"] for m in mentions)
    with pytest.raises(EntityNotFound):
        linked.corpus_entity("ent-nope")
