"""Independent sources: an unresolved pronoun is no source beside the others, and an outlet that
only relays a document (or its own story) is not a second source (mentions written for these
tests, in the form the store gives them)."""

from claimscope.ledger import assess as A
from claimscope.ledger.sources import UNRESOLVED, counted, explain, independent_sources


def _mention(document, text, *, kind="none", source=None, asserter=None, key=None, outlet="Wire",
             status="reported", date="2025-03-06", origin=None):
    return {"document": document, "origin": origin or document, "text": text, "status": status,
            "evidence_kind": kind, "evidence_source": source, "asserter_name": asserter or source,
            "asserter_key": key, "outlet": outlet, "outlets": [outlet], "date": date}


MEMO = _mention("doc-ledger", "Kestrian intelligence met Brigade commanders", kind="document",
                source="Leaked memo", outlet="The Morning Ledger", status="hedged")
RELAY = _mention("doc-wire", "that a leaked intelligence memo described meetings between Kestrian "
                 "officers and Brigade commanders", kind="media_report", source="The Morning Ledger",
                 key="ent-morning-ledger", outlet="Coastline Wire", date="2025-03-07")
PRONOUN = _mention("doc-panel", "Kestrian officers met Brigade commanders", kind="anonymous", source="It",
                   outlet="Coastline Wire", date="2025-03-12")


def test_an_unresolved_pronoun_beside_other_sources_is_listed_not_counted():
    sources = independent_sources([MEMO, PRONOUN])
    assert counted(sources) == 1
    pronoun = next(s for s in sources if s.name == "It")
    assert pronoun.kind == UNRESOLVED and not pronoun.counted
    assert sources[0].kind == "document" and sources[0].counted
    assert "Not counted: It (unresolved_pronoun" in explain([MEMO, PRONOUN], sources)


def test_a_claim_resting_only_on_unresolved_pronouns_has_one_source():
    other = _mention("doc-other", "Kestrian officers met Brigade commanders", kind="named_person",
                     source="he", outlet="Herald")
    sources = independent_sources([PRONOUN, other])
    assert counted(sources) == 1 and all(s.kind == UNRESOLVED for s in sources)
    assert "the only source" in explain([PRONOUN, other], sources)


def test_an_outlet_relaying_the_document_it_saw_is_not_a_second_source():
    mentions = [MEMO, RELAY, PRONOUN]
    sources = independent_sources(mentions)
    assert counted(sources) == 1
    memo = sources[0]
    assert memo.kind == "document" and set(memo.documents) == {"doc-ledger", "doc-wire"}
    assert memo.relayed_by == ["The Morning Ledger in Coastline Wire"]
    assert "relayed by The Morning Ledger in Coastline Wire" in explain(mentions, sources)


def test_a_document_known_only_through_relays_is_one_source_but_makes_nothing_known():
    sources = independent_sources([RELAY])
    assert [(s.kind, s.name) for s in sources] == [("document", "A leaked intelligence memo")]
    assert sources[0].relayed_only
    # Two outlets relaying the same memo are the memo once, not two media reports.
    herald = _mention("doc-herald", "and a leaked intelligence memo describes officers meeting Brigade "
                      "commanders", asserter="Jo Roe", outlet="The Herald", date="2025-03-08")
    mentions = [RELAY, herald]
    sources = independent_sources(mentions)
    assert counted(sources) == 1 and sources[0].relayed_by == ["The Morning Ledger in Coastline Wire",
                                                               "The Herald (Jo Roe)"]
    cluster = {"mentions_raw": mentions, "entity_names": {}, "conflict_links": []}
    values = A.features(cluster, sources, {})
    assert not values["has_document"]
    assert A.assess(values) == ("claimed", "stated by A leaked intelligence memo (as relayed by The "
                                "Morning Ledger in Coastline Wire), not corroborated by an independent source")
    assert "known here only through that relay" in explain(mentions, sources)


def test_a_report_by_an_outlet_whose_story_is_here_relays_that_storys_source():
    story = _mention("doc-ledger", "the Brigade had help from across the border", kind="anonymous",
                     source="a senior official", outlet="The Morning Ledger")
    retold = _mention("doc-wire", "the Brigade had help from across the border", kind="media_report",
                      source="The Morning Ledger", outlet="Coastline Wire", date="2025-03-07")
    sources = independent_sources([story, retold])
    assert counted(sources) == 1 and sources[0].kind == "anonymous"
    # Without the outlet's story in the cluster its report is the only trace of it: a source.
    alone = independent_sources([retold, _mention("doc-herald", "the Brigade had outside help",
                                                  kind="named_person", source="Priya Halloran",
                                                  key="priya-halloran", outlet="Herald")])
    assert counted(alone) == 2 and {s.kind for s in alone} == {"media_report", "named"}


def test_the_assessment_counts_and_names_only_counted_sources():
    cluster = {"mentions_raw": [MEMO, RELAY, PRONOUN], "entity_names": {}, "conflict_links": []}
    sources = independent_sources(cluster["mentions_raw"])
    values = A.features(cluster, sources, {})
    assert values["independent_sources"] == 1 and values["has_document"]
    assert values["stated_sources"] == 1  # the relay reports what the hedged memo mention hedges
    assessment, reason = A.assess(values)
    assert assessment == "known" and reason == "rests on a document: Leaked memo"
    only_pronoun = {"mentions_raw": [PRONOUN], "entity_names": {}, "conflict_links": []}
    values = A.features(only_pronoun, independent_sources([PRONOUN]), {})
    assert A.assess(values)[1] == ('stated by "It" (unresolved pronoun), not corroborated by an '
                                   "independent source")
