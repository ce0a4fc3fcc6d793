"""The browse reads the web API pages through (store/browse.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from claimscope.errors import BadQuery
from claimscope.model.corpus import CorpusEntity


def _all(read, **filters) -> list:
    out, after = [], None
    while True:
        page = read(**filters, after=after, limit=4)
        out.extend(page)
        if len(page) < 4:
            return out
        after = page[-1].id if hasattr(page[-1], "id") else page[-1]["id"]


def test_documents_in_id_order_with_first_publication_and_filters(filled, demo_analyses):
    every = _all(filled.browse_documents)
    assert [d.id for d in every] == sorted(a.document.id for a in demo_analyses)
    by_id = {a.document.id: a.document.meta for a in demo_analyses}
    assert all(d.outlet == by_id[d.id]["outlet"] and d.date == by_id[d.id]["date"] for d in every)
    assert {d.outlet for d in _all(filled.browse_documents, outlet="COASTLINE WIRE")} == {"Coastline Wire"}
    assert [d.date for d in _all(filled.browse_documents, since="2025-03-15", until="2025-03-15")] == \
        ["2025-03-15", "2025-03-15"]
    assert _all(filled.browse_documents, language="de") == []
    brigade = {d.id for d in _all(filled.browse_documents, q='"Red Dawn Brigade"')}
    assert brigade == {a.document.id for a in demo_analyses if "Red Dawn Brigade" in a.document.text}


def test_claims_by_status_evidence_worthiness_document_and_text(filled, demo_analyses):
    claims = [c for a in demo_analyses for c in a.claims]
    every = _all(filled.browse_claims)
    assert [c["id"] for c in every] == sorted(c.id for c in claims)
    denied = _all(filled.browse_claims, status=["denied"])
    assert {c["id"] for c in denied} == {c.id for c in claims if c.status == "denied"}
    named = _all(filled.browse_claims, evidence=["named_person", "named_organization"])
    assert {c["id"] for c in named} == {c.id for c in claims
                                        if c.evidence.kind in ("named_person", "named_organization")}
    worthy = _all(filled.browse_claims, check_worthy=False)
    assert {c["id"] for c in worthy} == {c.id for c in claims if not c.check_worthy}
    one = demo_analyses[5].document.id
    assert {c["document"] for c in _all(filled.browse_claims, document=one)} == {one}
    kestria = {c["id"] for c in _all(filled.browse_claims, entity="kestria")}
    # The entity's key in each document (the alias id), named in the claim or its asserter.
    assert kestria and kestria == {c.id for c in claims if "kestria" in c.entities or c.asserter_entity == "kestria"}
    with pytest.raises(BadQuery, match="status"):
        filled.browse_claims(status=["sure"])
    with pytest.raises(BadQuery, match="limit"):
        filled.browse_claims(limit=0)


def test_corpus_entities_their_documents_mentions_and_an_edit(filled, demo_analyses):
    first = demo_analyses[0]
    entity = first.entities[0]
    corpus_id = "ce-test-" + entity.id
    links = {(a.document.id, e.id): corpus_id for a in demo_analyses for e in a.entities if e.name == entity.name}
    filled.set_entity_links(links, [CorpusEntity(id=corpus_id, name=entity.name, type=entity.type)])
    found = filled.browse_entity(corpus_id)
    assert found.documents == len({d for d, _ in links}) and found.mentions > 0
    assert [e.id for e in filled.browse_entities(type=entity.type.lower(), q=entity.name[1:4])] == [corpus_id]
    documents = filled.browse_entity_documents(corpus_id)
    assert [d["id"] for d in documents] == sorted({d for d, _ in links})
    assert sum(d["mentions"] for d in documents) == found.mentions
    texts = {a.document.id: a.document.text for a in demo_analyses}
    mentions = filled.browse_mentions(corpus_id)
    assert len(mentions) == found.mentions
    assert all(texts[m["document"]][m["start"]:m["end"]] == m["text"] for m in mentions)
    edited = filled.edit_corpus_entity(corpus_id, aliases=["Alias One"], name="Renamed")
    assert (edited.name, edited.aliases) == ("Renamed", ["Alias One"])
    assert filled.edit_corpus_entity("ce-nobody", name="x") is None
    assert filled.browse_entity("ce-nobody") is None


def test_the_stamp_changes_with_the_corpus(store, demo_analyses):
    import time

    empty = store.browse_stamp()
    store.save(demo_analyses[0])
    one = store.browse_stamp()
    assert one != empty
    store.save(demo_analyses[0])  # the same text again changes nothing
    assert store.browse_stamp() == one
    time.sleep(1.05)  # analysed_at has a precision of one second
    store.replace_facts(demo_analyses[0])  # a re-analysis
    assert store.browse_stamp() != one
