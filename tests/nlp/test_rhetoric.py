"""The shipped sentence encoder's rhetoric heads in a spaCy pipeline, on a sentence written for this test."""

import pytest
import spacy

from claimscope.model.records import Technique
from claimscope.nlp.rhetoric import technique_density
from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR

LABELS = {
    "Loaded_Language", "Name_Calling,Labeling", "Exaggeration,Minimisation",
    "Appeal_to_fear-prejudice", "Flag-Waving", "Slogans",
}
LOADED = (
    "The Senator said the bill passed on Tuesday.\n"
    "These treacherous, bloodthirsty thugs are waging a savage war on our great, "
    "God-fearing nation and its heroic patriots!"
)


@pytest.fixture(scope="module")
def nlp():
    if not (SENTENCE_MODEL_DIR / "model.onnx").exists():
        pytest.fail("the shipped sentence encoder is missing")
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("claimscope_rhetoric")
    return pipeline


def test_loaded_sentence_gets_emotive_techniques(nlp):
    doc = nlp(LOADED)
    group = doc.spans["techniques"]
    second = LOADED.index("These")
    hits = [s for s in group if s.start_char >= second]
    assert hits, "no technique found in an obviously loaded sentence"
    assert {s.label_ for s in hits} & LABELS
    # The plain factual sentence is left alone.
    assert not [s for s in group if s.end_char <= second]
    # Scores line up with spans and records mirror the span group.
    assert len(group.attrs["scores"]) == len(group) == len(doc._.techniques)
    for span, score, record in zip(group, group.attrs["scores"], doc._.techniques):
        assert 0.0 < score <= 1.0
        assert isinstance(record, Technique)
        assert (record.label, record.text) == (span.label_, doc.text[record.start : record.end])


def test_empty_text(nlp):
    doc = nlp("")
    assert list(doc.spans["techniques"]) == [] and doc._.techniques == []


def test_technique_density_per_hundred_sentences():
    found = [Technique("Doubt", 0, 3, 0.9), Technique("Doubt", 5, 8, 0.8),
             Technique("Slogans", 9, 12, 0.7)]
    assert technique_density(found, 50) == {"Doubt": 4.0, "Slogans": 2.0}
    assert technique_density(found, 0) == {}


SEVERAL = (
    "The committee met on Monday.\n"
    "These treacherous thugs are waging a savage war on our nation!\n"
    "The report was published in March.\n"
    "Only a fool would believe the lying, corrupt media elites.\n"
    "Is this really a coincidence? Wake up, America!\n"
)


def test_min_score_keeps_exactly_the_techniques_scored_at_least_that(nlp):
    everything = nlp(SEVERAL)._.techniques
    assert len(everything) >= 2, "the test needs several techniques to cut between"
    cut = sorted(t.score for t in everything)[len(everything) // 2]
    strict = spacy.blank("en")
    strict.add_pipe("sentencizer")
    strict.add_pipe("claimscope_rhetoric", config={"min_score": cut})
    doc = strict(SEVERAL)
    assert doc._.techniques == [t for t in everything if t.score >= cut]
    assert len(doc.spans["techniques"]) == len(doc._.techniques) < len(everything)
