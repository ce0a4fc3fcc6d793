"""The ledger end to end on the demo corpus, in real SQLite and PostgreSQL stores, with the real
pipeline's analyses and the shipped claim matcher: clusters, independence, assessments, figure
updates and disputes, denials, the dossier and its renderings, and the incremental update."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import pytest

from claimscope.ledger.facade import Ledger
from claimscope.render import dossier as render
from claimscope.store import open_store

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"
MANIFEST = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
MIRVIK = ("11-coastline-mirvik-derailment", "12-morning-ledger-mirvik-copy", "13-essary-herald-mirvik-toll")


def _doc_ids(store) -> dict[str, str]:
    return {Path(d.name).stem: d.id for d in store.documents()}


def _cluster_with(records, words: str, document: str | None = None) -> dict:
    found = [r for r in records if any(words in m["text"] and (document is None or m["document"] == document)
                                       for m in r["mentions"])]
    assert found, f"no cluster has a mention with {words!r}"
    return max(found, key=lambda r: len(r["mentions"]))


@pytest.fixture
def ledger(demo_store):
    return Ledger(demo_store)


def test_every_mention_is_a_span_of_a_stored_document(ledger, demo_store):
    records = ledger.clusters()
    texts = {}
    for r in records:
        for m in r["mentions"]:
            if m["document"] not in texts:
                texts[m["document"]] = demo_store.load(m["document"]).analysis.document.text
            assert texts[m["document"]][m["start"]:m["end"]] == m["text"]
        assert r["documents"] == len({m["document"] for m in r["mentions"]})
        assert r["origins"] <= r["documents"] and r["independent_sources"] <= len(r["mentions"])
        assert r["assessment"] in ("known", "claimed", "speculated", "denied", "contested")
        assert r["grade"][0] in "ABCDEF" and r["grade"][1] in "123456"


def test_an_anonymous_source_repeated_by_a_copy_is_one_source(ledger, demo_store):
    ids = _doc_ids(demo_store)
    records = ledger.clusters()
    signal = _cluster_with(records, "signal system on the Mirvik line had failed twice")
    assert {m["document"] for m in signal["mentions"]} == {ids[MIRVIK[0]], ids[MIRVIK[1]]}
    assert (signal["documents"], signal["origins"], signal["independent_sources"]) == (2, 1, 1)
    assert signal["sources"][0]["kind"] == "anonymous"
    assert signal["assessment"] == "claimed"
    assert "1 document is a copy" in signal["independence"]


def test_a_death_toll_that_rises_is_an_update_not_a_dispute(ledger, demo_store):
    ids = _doc_ids(demo_store)
    records = ledger.clusters()
    nine = _cluster_with(records, "killing nine people", ids[MIRVIK[0]])
    eleven = _cluster_with(records, "rose to eleven", ids[MIRVIK[2]])
    assert nine["id"] != eleven["id"]
    link = next(c for c in eleven["conflicts"] if c["cluster"] == nine["id"])
    assert link["kind"] == "figure" and link["update"]
    assert eleven["assessment"] != "contested" and nine["assessment"] != "contested"


def test_nine_dead_against_seventeen_is_contested(ledger, demo_store):
    ids = _doc_ids(demo_store)
    records = ledger.clusters()
    nine = _cluster_with(records, "nine people died in the explosion", ids["04-kestria-today-rejects"])
    assert any(c["kind"] == "figure" and not c["update"] for c in nine["conflicts"])
    assert nine["assessment"] == "contested"
    seventeen = _cluster_with(records, "rose to 17", ids["03-ledger-brigade-claims"])
    assert seventeen["independent_sources"] >= 2  # several outlets count 17 dead


def test_a_claim_denied_by_the_party_it_concerns(ledger):
    records = ledger.clusters(entity="Carvelian Railways")
    denial = _cluster_with(records, "ignored warnings about the track")
    assert denial["assessment"] == "denied"
    assert "Carvelian Railways" in denial["reason"]
    assert denial["grade"].endswith("4")


def test_dossier_keys_sections_and_renderings(ledger):
    dossier = ledger.dossier(["Kestria"])
    for key in ("entities", "known", "claimed", "speculated", "denied", "contested", "timeline"):
        assert key in dossier
    assert dossier["entities"] and dossier["entities"][0]["name"] == "Republic of Kestria"
    items = [r for key in ("known", "claimed", "speculated", "denied", "contested") for r in dossier[key]]
    assert items and all(r["assessment"] in dossier and r in dossier[r["assessment"]] for r in items)
    for r in items:
        for key in ("id", "text", "assessment", "grade", "documents", "origins", "independent_sources",
                    "sources", "mentions", "conflicts"):
            assert key in r
    firsts = [t["first_seen"] for t in dossier["timeline"]]
    assert firsts == sorted(firsts)
    # A changing figure reads oldest first, the newest last.
    mirvik = ledger.dossier(["Mirvik"])
    dead = next(s for s in mirvik["figures"] if s["quantity"] == "dead")
    assert [f["value"] for f in dead["figures"]][0] == 9.0 and dead["figures"][-1]["value"] == 11.0
    # Every rendering names the spans it rests on.
    first = items[0]["mentions"][0]
    where = f"{first['document']} {first['start']}-{first['end']}"
    assert where in render.markdown(dossier) and where in render.terminal(dossier, width=400)
    assert where in render.html_page(dossier)


def test_two_entities_together_and_dates(ledger):
    together = ledger.dossier(["Kestria", "Red Dawn Brigade"])
    alone = ledger.dossier(["Kestria"])
    assert 0 < together["summary"]["clusters"] < alone["summary"]["clusters"]
    late = ledger.dossier(["Kestria"], since="2025-03-12")
    dates = [m["date"] for key in ("known", "claimed", "speculated", "denied", "contested")
             for r in late[key] for m in r["mentions"]]
    assert dates and min(dates) >= "2025-03-12"


def test_html_escapes_article_text(ledger):
    dossier = ledger.dossier(["Kestria"])
    item = next(r for key in ("claimed", "known") for r in dossier[key])
    item["text"] = '<script>alert(1)</script> "x" & y'
    page = render.html_page(dossier)
    assert "<script>" not in page and html.escape('<script>alert(1)</script>') in page


def test_new_documents_update_the_ledger_without_recomputing(store_url, demo_corpus_analyses):
    by_name = {Path(a.document.name).stem: a for a in demo_corpus_analyses}
    first = [a for name, a in by_name.items() if name not in MIRVIK]
    with open_store(store_url) as store:
        store.save_many([(a, None) for a in first])
        ledger = Ledger(store)
        assert ledger.update()["documents"] == len(first)
        before = {r["id"]: len(r["mentions"]) for r in ledger.clusters()}
        store.save_many([(by_name[name], None) for name in MIRVIK])
        step = ledger.update()
        assert step["documents"] == len(MIRVIK)
        after = {r["id"]: len(r["mentions"]) for r in ledger.clusters()}
        # Clusters of the old documents are where they were; the new ones only add.
        assert all(after.get(cid, 0) >= n for cid, n in before.items())
        assert sum(after.values()) - sum(before.values()) == step["claims"]
        ids = _doc_ids(store)
        origins = {d["id"]: d["origin"] for d in ledger.documents()}
        assert origins[ids[MIRVIK[1]]] == ids[MIRVIK[0]]


def test_ingest_places_what_it_stores(tmp_path, workspace):
    """`Workspace.ingest` runs the ledger update after its batches (SQLite, real pipeline)."""
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    folder = tmp_path / "mirvik"
    folder.mkdir()
    entries = [d for d in MANIFEST["documents"] if d["id"] in MIRVIK]
    for d in entries:
        shutil.copy(DEMO / d["file"], folder / d["file"])
    (folder / "manifest.json").write_text(json.dumps({"documents": entries}), encoding="utf-8")
    settings = Settings()
    settings.aliases = workspace.settings.aliases
    settings.db = str(tmp_path / "ingest.db")
    ws = Workspace(settings)
    try:
        results = list(ws.ingest([str(folder)], workers=1))
        assert len(results) == 3
        status = ws.store.ledger_status()
        assert status["placed"] == status["documents"] == 3 and status["origins"] == 2
    finally:
        ws.close()


def test_a_forgotten_document_is_placed_again(ledger, demo_store):
    """What reanalyze does after swapping a document's facts: forget it, place it afresh."""
    ledger.update()
    before = demo_store.ledger_status()
    document = _doc_ids(demo_store)["01-coastline-port-blast"]
    demo_store.ledger_forget([document])
    assert demo_store.ledger_pending() == [document]
    assert ledger.update()["documents"] == 1
    after = demo_store.ledger_status()
    assert (after["placed"], after["claims"]) == (before["placed"], before["claims"])
    copy = _doc_ids(demo_store)["02-essary-herald-port-blast"]
    assert {d["id"]: d["origin"] for d in ledger.documents()}[copy] == document
