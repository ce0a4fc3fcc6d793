"""Record edges (`claimscope.nlp.attribution_records`) on sentences written for these tests, with
the real spaCy model and the shipped tagger."""

from __future__ import annotations

import pytest

from claimscope.model.records import Attribution, TextSpan
from claimscope.nlp import attribution, paragraphs  # noqa: F401  (register the factories)
from claimscope.nlp.attribution_records import record_edges


@pytest.fixture(scope="module")
def nlp(attribution_nlp):
    return attribution_nlp


def by_cue(doc, word):
    found = [a for a in doc._.attributions if a.cue.text.lower().endswith(word)]
    assert found, [(a.source, a.cue.text, a.content) for a in doc._.attributions]
    return found[0]


def test_source_without_its_relative_clause(nlp):
    doc = nlp("Orla Fenwick, who ran the harbour office for a decade, said the new dock would open in May.")
    att = by_cue(doc, "said")
    assert att.source is not None and att.source.text == "Orla Fenwick"
    assert doc.text[att.source.start:att.source.end] == att.source.text


def test_anonymous_official_without_relative_clause(nlp):
    doc = nlp("A transport ministry official, who spoke on the condition of anonymity, said Friday "
              "that the line would close for repairs.")
    att = by_cue(doc, "said")
    assert att.source is not None and att.source.text == "A transport ministry official"


def test_raising_passive_names_no_source(nlp):
    doc = nlp("According to the Courier, Harlan has also phoned several senators. Harlan is reported "
              "to have met the envoy twice in the spring.")
    att = [a for a in doc._.attributions if "reported" in a.cue.text]
    assert att and att[0].source is None




# The rules below on records made by hand (the tagger's spans as it gives them on news text),
# over the parse of the real spaCy model.

def span(text, part, after=0):
    start = text.index(part, after)
    return TextSpan(start, start + len(part), part)


def record(text, source, cue, content):
    return Attribution(id="a0", kind="indirect", cue=span(text, cue),
                       source=span(text, source) if source else None, content=span(text, content))


def test_under_fire_over_a_report_claiming(nlp):
    text = "Senator Mara Voss is under fire over a report claiming that she took gifts from a lobbyist."
    [att] = record_edges(nlp(text), [record(text, "Senator Mara Voss", "is under fire over a report claiming",
                                            "that she took gifts from a lobbyist")])
    assert att.cue.text == "claiming" and att.source.text == "a report"


def test_a_statement_saying_stays_the_subjects(nlp):
    text = "The union released a statement saying that the strike would go on."
    [att] = record_edges(nlp(text), [record(text, "The union", "released a statement saying",
                                            "that the strike would go on")])
    assert att.source.text == "The union"


def test_as_x_put_it_content_without_it(nlp):
    text = "As the historian Elsa Marburg put it, the river made the town and the town forgot the river."
    [att] = record_edges(nlp(text), [record(text, "the historian Elsa Marburg", "put",
                                            "it, the river made the town and the town forgot the river")])
    assert att.content.text == "the river made the town and the town forgot the river"


def test_according_to_inside_a_relative_clause(nlp):
    text = ("The mayor will open the bridge at a time when she has been weakened by other factors "
            "that, according to a recent Marlow poll, have pushed her approval rating to a new low.")
    [att] = record_edges(nlp(text), [record(text, "a recent Marlow poll", "according to",
                                            "the bridge at a time when she has been weakened by other factors that")])
    assert att.content.text == "have pushed her approval rating to a new low"


def test_according_to_after_a_relative_clause(nlp):
    text = ("Officials are asking if Dana Pell, of Easton, who was chief engineer for Corvex, according "
            "to an online profile, broke the rules by leaving early, according to local media.")
    [att] = record_edges(nlp(text), [record(text, "an online profile", "according to",
                                            "Officials are asking if Dana Pell, of Easton, who was chief engineer for Corvex")])
    assert att.content.text == "who was chief engineer for Corvex"


def test_that_clause_reaches_its_verb(nlp):
    text = ("Kessler explains that, despite all the noise online, when you look at careful samples of "
            "both camps, the two groups do not really disagree on much.")
    [att] = record_edges(nlp(text), [record(text, "Kessler", "explains",
                                            "that, despite all the noise online, when you look at careful samples of both camps")])
    assert att.content.text.endswith("the two groups do not really disagree on much")


def test_raising_passive_by_hand(nlp):
    text = "Harlan is said to have met the envoy twice."
    [att] = record_edges(nlp(text), [record(text, "Harlan", "is said", "to have met the envoy twice")])
    assert att.source is None


def test_plain_said_keeps_its_source(nlp):
    text = "Harlan said he met the envoy twice."
    [att] = record_edges(nlp(text), [record(text, "Harlan", "said", "he met the envoy twice")])
    assert att.source.text == "Harlan"


def test_spoken_quote_mark_is_no_cue(nlp):
    text = ("The Harbor Workers Union issued a statement Monday, writing, quote, \u201cWe will not back "
            "down from this fight until every dock is safe,\u201d they said.")
    quote = "\u201cWe will not back down from this fight until every dock is safe,\u201d"
    [att] = record_edges(nlp(text), [record(text, None, "quote", quote)])
    assert att.cue.text == "writing"
    assert att.source is not None and att.source.text == "The Harbor Workers Union"
