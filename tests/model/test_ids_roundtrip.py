"""Hash ids hold across documents, and an Analysis survives its JSON form unchanged."""

from __future__ import annotations

import json

from claimscope.model.analysis import Analysis
from claimscope.model.corpus import Publication
from claimscope.model.ids import fact_id, make_id

TEXT = (
    "The harbour authority said on Monday that the blast was caused by a gas leak. "
    '"We have no evidence of sabotage," a spokeswoman for the port told reporters. '
    "Critics allege the inspections were skipped."
)


def test_make_id_is_deterministic_and_order_sensitive():
    assert make_id("a", "b") == make_id("a", "b")
    assert make_id("ab", "c") != make_id("a", "bc")
    assert make_id("a", None, "b") == make_id("a", "b")
    assert fact_id("claim", "doc-1", 0, 5) != fact_id("claim", "doc-2", 0, 5)
    assert fact_id("claim", "doc-1", 0, 5).startswith("clm-")


def test_analysis_ids_are_hashes_with_ordinal_labels(analyze):
    a = analyze(TEXT)
    assert a.claims and a.attributions
    ids = [c.id for c in a.claims] + [x.id for x in a.attributions]
    assert len(ids) == len(set(ids))
    assert all(c.id == fact_id("claim", a.document.id, c.start, c.end) for c in a.claims)
    assert [c.label for c in a.claims] == [f"c{i + 1}" for i in range(len(a.claims))]
    attribution_ids = {x.id for x in a.attributions}
    assert all(c.attribution in attribution_ids for c in a.claims if c.attribution)
    assert any(c.attribution for c in a.claims)


def test_from_dict_round_trips_through_json(analyze):
    a = analyze(TEXT, outlet="Harbour Gazette", date="2024-03-02")
    plain = a.as_dict()
    again = Analysis.from_dict(json.loads(json.dumps(plain)))
    assert again.as_dict() == plain
    assert plain["document"]["text"] == TEXT


def test_publication_reads_the_document_meta(analyze):
    a = analyze(TEXT, outlet="Harbour Gazette", date="2024-03-02", url="https://example.org/x")
    pub = Publication.of(a.document)
    assert (pub.document, pub.outlet, pub.date) == (a.document.id, "Harbour Gazette", "2024-03-02")
    other = Publication(document=a.document.id, name="copy.txt", outlet="Other Times")
    assert pub.id != other.id and pub.id == Publication.of(a.document).id
