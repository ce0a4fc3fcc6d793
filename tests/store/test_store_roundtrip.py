"""What goes into the store comes back exactly: analyses, publications, order of every list."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from sqlalchemy import func, select

from claimscope.errors import DocumentNotFound
from claimscope.model.analysis import Analysis
from claimscope.model.corpus import Publication
from claimscope.store import SaveOutcome, open_store
from claimscope.store import tables as T


def test_every_demo_analysis_round_trips(filled, demo_analyses):
    for analysis in demo_analyses:
        stored = filled.load(analysis.document.id)
        assert stored.analysis.as_dict() == analysis.as_dict(), analysis.document.name
        assert stored.first_ingested
        assert [p.outlet for p in stored.publications] == [analysis.document.meta["outlet"]]


def test_round_trip_survives_reopening(store_url, demo_analyses):
    analysis = demo_analyses[4]
    with open_store(store_url) as store:
        store.save(analysis)
    with open_store(store_url) as store:
        assert store.load(analysis.document.id).analysis.as_dict() == analysis.as_dict()


def test_every_fact_row_names_its_document_offsets_and_component(filled, demo_analyses):
    with filled.engine.connect() as connection:
        for table in (T.entities, T.mentions, T.attributions, T.claims, T.claim_cues, T.arguments,
                      T.structure, T.techniques):
            rows = connection.execute(select(table)).mappings().all()
            for row in rows:
                assert row["document"].startswith("doc-")
                assert row["component"].startswith("claimscope_") and row["component_version"]
                assert 0 <= row["start"] <= row["end"]
        claims = connection.execute(select(T.claims.c.component_version).distinct()).scalars().all()
    assert claims == [demo_analyses[0].components["claimscope_claims"]]


def test_the_same_text_twice_is_stored_once(store, demo_analyses):
    analysis = demo_analyses[0]
    assert store.save(analysis) is SaveOutcome.stored
    assert store.save(analysis) is SaveOutcome.already_stored
    assert store.save_many([(analysis, None), (analysis, None)]) == [SaveOutcome.already_stored] * 2
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(T.documents)).scalar_one() == 1
        assert connection.execute(select(func.count()).select_from(T.claims)).scalar_one() == len(analysis.claims)
        assert connection.execute(select(func.count()).select_from(T.publications)).scalar_one() == 1


def test_one_text_two_publications(store, demo_analyses):
    analysis = demo_analyses[0]
    store.save(analysis)
    # The same wire text printed by another outlet: a second publication, no second document.
    meta = {**analysis.document.meta, "outlet": "The Other Paper", "url": "https://other.example/x"}
    copy_ = dataclasses.replace(analysis, document=dataclasses.replace(analysis.document, name="other.txt",
                                                                      meta=meta))
    assert store.save(copy_) is SaveOutcome.publication_added
    assert store.save(copy_) is SaveOutcome.already_stored
    stored = store.load(analysis.document.id)
    assert [p.outlet for p in stored.publications] == [analysis.document.meta["outlet"], "The Other Paper"]
    assert stored.analysis.as_dict() == analysis.as_dict()  # the first publication's meta and name
    third = Publication(document=analysis.document.id, name="feed.jsonl#3", outlet="Third Outlet")
    assert store.add_publication(third, {"outlet": "Third Outlet"}) is SaveOutcome.publication_added
    assert store.add_publication(third) is SaveOutcome.already_stored
    assert len(store.load(analysis.document.id).publications) == 3
    assert store.stats()["outlets"] == 3 and store.stats()["documents"] == 1
    with pytest.raises(DocumentNotFound):
        store.add_publication(Publication(document="doc-0000000000000000", name="x"))


def test_save_many_is_one_batch_with_the_same_outcomes(store, demo_analyses):
    outcomes = store.save_many([(a, None) for a in demo_analyses[:3]] + [(demo_analyses[0], None)])
    assert outcomes == [SaveOutcome.stored] * 3 + [SaveOutcome.already_stored]
    assert len(store.documents()) == 3


def test_replace_facts_swaps_a_documents_facts(store, demo_analyses):
    analysis = demo_analyses[2]
    store.save(analysis)
    newer = Analysis.from_dict(copy.deepcopy(analysis.as_dict()))
    newer.claims = newer.claims[:2]
    newer.techniques = []
    newer.components = {**newer.components, "claimscope": "9.9.9"}
    store.replace_facts(newer)
    stored = store.load(analysis.document.id)
    assert stored.analysis.as_dict() == newer.as_dict()
    assert store.pipeline_versions()[analysis.document.id] == "9.9.9"
    with store.engine.connect() as connection:
        n = connection.execute(select(func.count()).select_from(T.claims)
                               .where(T.claims.c.document == analysis.document.id)).scalar_one()
    assert n == 2
    with pytest.raises(DocumentNotFound):
        store.replace_facts(demo_analyses[3])


def test_documents_list_filters_and_pages(filled, demo_analyses):
    everything = filled.documents()
    assert [d.id for d in everything] == sorted(a.document.id for a in demo_analyses)
    ledger = filled.documents(outlet="the morning ledger")
    assert ledger and all(d.outlet == "The Morning Ledger" for d in ledger)
    march4 = filled.documents(since="2025-03-04", until="2025-03-04")
    assert march4 and all(d.date == "2025-03-04" for d in march4)
    first, second = filled.documents(limit=4), filled.documents(after=everything[3].id, limit=4)
    assert [d.id for d in first + second] == [d.id for d in everything[:8]]
    assert {d.pipeline for d in everything} == {demo_analyses[0].components["claimscope"]}


def test_iter_documents_by_entity(filled, demo_analyses):
    names = {e.name for a in demo_analyses for e in a.entities}
    name = "Kestria" if "Kestria" in names else sorted(names)[0]
    expected = sorted(a.document.id for a in demo_analyses if any(e.name == name for e in a.entities))
    assert [d.id for d in filled.iter_documents(entity=name)] == expected
    assert len(list(filled.iter_documents())) == len(demo_analyses)
