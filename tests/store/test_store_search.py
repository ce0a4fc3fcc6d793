"""Full-text search and stats on real analyses of the demo corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from claimscope.errors import BadQuery


def _text(store, document_id: str) -> str:
    return store.load(document_id).analysis.document.text


def test_claim_hits_point_at_the_claim_and_mark_the_words(filled):
    hits = filled.search('"port essary"')
    claims = [h for h in hits if h.kind == "claim"]
    assert len(claims) >= 5
    for h in claims:
        text = _text(filled, h.document)
        assert text[h.start:h.end] == h.text
        assert "[port essary]" in h.snippet.lower()
        assert h.outlet and h.date and h.status


def test_document_hits_give_the_offsets_of_the_first_match(filled):
    hits = [h for h in filled.search("residue", limit=50) if h.kind == "document"]
    assert hits
    for h in hits:
        assert _text(filled, h.document)[h.start:h.end].lower().startswith("residue")
        assert "[residue]" in h.snippet.lower()
        assert h.text  # the publication's title


def test_stemming_prefixes_and_operators(filled):
    # "killed", "killing" and "kills" all stem to kill; the prefix finds them too.
    stems = {h.id for h in filled.search("kill")}
    prefix = {h.id for h in filled.search("kill*")}
    assert stems and stems <= prefix
    memo = {h.id for h in filled.search("memo", limit=200)}
    leaked = {h.id for h in filled.search("memo AND leaked", limit=200)}
    without = {h.id for h in filled.search("memo NOT leaked", limit=200)}
    assert leaked and without and leaked.isdisjoint(without) and leaked | without <= memo
    either = {h.id for h in filled.search("residue OR memo", limit=200)}
    assert memo <= either and {h.id for h in filled.search("residue", limit=200)} <= either
    assert filled.search("zyzzyvaqx") == []


def test_filters(filled):
    reported = filled.search("brigade", status="reported", limit=200)
    assert reported and all(h.kind == "claim" and h.status == "reported" for h in reported)
    ledger = filled.search("brigade", outlet="The Morning Ledger", limit=200)
    assert ledger and all(h.outlet == "The Morning Ledger" for h in ledger)
    window = filled.search("brigade", since="2025-03-05", until="2025-03-07", limit=200)
    assert window and all("2025-03-05" <= h.date <= "2025-03-07" for h in window)
    assert filled.search("brigade", until="2025-03-02") == []
    assert {h.date for h in filled.search("brigade", until="2025-03", limit=200)} >= {"2025-03-10"}
    everything = filled.search("brigade", limit=200)
    kestria = filled.search("brigade", entity="Kestria", limit=200)
    assert kestria and len(kestria) < len(everything)
    for h in kestria:
        analysis = filled.load(h.document).analysis
        keys = {e.id for e in analysis.entities if e.name.lower() == "kestria" or e.id == "kestria"}
        if h.kind == "claim":
            claim = next(c for c in analysis.claims if c.id == h.id)
            assert keys & (set(claim.entities) | {claim.asserter_entity})
        else:
            assert keys


def test_a_linked_corpus_entity_filters_search(filled):
    from claimscope.model.corpus import CorpusEntity

    rows = [r for r in filled.document_entities() if r["name"] == "Red Dawn Brigade"]
    assert rows
    links = {(r["document"], r["key"]): "Q-brigade" for r in rows}
    filled.set_entity_links(links, [CorpusEntity(id="Q-brigade", name="Red Dawn Brigade", type="ORG")])
    [entity] = filled.corpus_entities(type="ORG")
    assert entity.documents == len({r["document"] for r in rows})
    assert entity.mentions == sum(r["mentions"] for r in rows)
    hits = filled.search("claimed OR responsibility", entity="Q-brigade", limit=200)
    assert hits and {h.document for h in hits} <= {r["document"] for r in rows}
    assert filled.stats()["entities"] == 1
    filled.set_entity_links({}, [], replace=True)
    assert filled.corpus_entities() == [] and filled.stats()["entities"] == 0


@pytest.mark.parametrize("query, why", [
    ('"port essary', "unbalanced quote"),
    ("(brigade OR memo", "unbalanced parenthesis"),
    ("brigade)", "')'"),
    ("OR brigade", "OR needs a word"),
    ("brigade AND", "ends where a word should be"),
    ("NOT memo", "NOT needs a word"),
    ("--- ***", "no letters or digits"),
    ("", "nothing to search for"),
    ("bri*gade", "'*' only ends a word"),
])
def test_a_malformed_query_is_a_one_line_error(filled, query, why):
    with pytest.raises(BadQuery) as info:
        filled.search(query)
    assert info.value.code == "E405" and why in info.value.message and "\n" not in info.value.message


def test_bad_filters_are_errors(filled):
    with pytest.raises(BadQuery, match="not a status"):
        filled.search("brigade", status="rumoured")
    with pytest.raises(BadQuery, match="not an ISO date"):
        filled.search("brigade", since="last week")


def test_search_sees_replaced_facts(store, demo_analyses):
    import copy

    from claimscope.model.analysis import Analysis

    analysis = next(a for a in demo_analyses if any("residue" in c.text for c in a.claims))
    store.save(analysis)
    assert any(h.kind == "claim" for h in store.search("residue"))
    newer = Analysis.from_dict(copy.deepcopy(analysis.as_dict()))
    newer.claims = [c for c in newer.claims if "residue" not in c.text]
    store.replace_facts(newer)
    hits = store.search("residue")
    assert hits and all(h.kind == "document" for h in hits)  # the text still says it


def test_stats_count_what_is_stored(filled, demo_analyses):
    stats = filled.stats()
    claims = [c for a in demo_analyses for c in a.claims]
    assert stats["documents"] == len(demo_analyses)
    assert stats["claims"] == len(claims)
    assert stats["attributions"] == sum(len(a.attributions) for a in demo_analyses)
    assert stats["techniques"] == sum(len(a.techniques) for a in demo_analyses)
    assert stats["outlets"] == len({a.document.meta["outlet"] for a in demo_analyses})
    for status, n in stats["by_status"].items():
        assert n == sum(1 for c in claims if c.status == status)
    for kind, n in stats["by_evidence"].items():
        assert n == sum(1 for c in claims if c.evidence.kind == kind)
    assert sum(stats["by_status"].values()) == stats["claims"]


def test_upgrade_rebuilds_a_sqlite_search_index_out_of_step(tmp_path, demo_analyses):
    """The FTS5 tables point at rowids (which a VACUUM may renumber) and are kept in step by
    triggers; an index out of step (emptied here) is repaired by `claimscope upgrade`."""
    import re
    import sqlite3

    from claimscope.store import open_store, upgrade_store

    path = tmp_path / "claimscope.db"
    with open_store(str(path)) as store:
        for analysis in demo_analyses[:3]:
            store.save(analysis)
        expected = {c.id for a in demo_analyses[:3] for c in a.claims
                    if re.search(r"\bkestria\b", c.text.lower())}
        assert expected and {h.id for h in store.search("kestria", limit=500) if h.kind == "claim"} == expected
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO claims_fts(claims_fts) VALUES ('delete-all')")
    connection.commit()
    connection.close()
    with open_store(str(path)) as store:
        assert not [h for h in store.search("kestria", limit=500) if h.kind == "claim"]
    upgrade_store(str(path))
    with open_store(str(path)) as store:
        assert {h.id for h in store.search("kestria", limit=500) if h.kind == "claim"} == expected


@pytest.mark.parametrize("query", ["brigade", "residue OR memo"])
def test_a_smaller_limit_is_the_first_hits_of_a_larger(filled, query):
    # Documents are asked only for what the claim hits leave of the limit (store/search.py):
    # every cut of the whole answer, across the claims' end, must be what that limit gives.
    whole = filled.search(query, limit=2000)
    claims = sum(1 for h in whole if h.kind == "claim")
    assert 0 < claims < len(whole)  # both kinds, so the cut falls on each side of the claims
    for n in sorted({1, claims - 1, claims, claims + 1, claims + 2, len(whole)} - {0}):
        assert filled.search(query, limit=n) == whole[:n]
