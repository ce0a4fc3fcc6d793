"""claimscope_attribution with the real spaCy model and the shipped ONNX tagger."""

from __future__ import annotations

import pytest

from claimscope.model.records import Attribution
from claimscope.nlp import attribution, paragraphs  # noqa: F401  (register the factories)


@pytest.fixture(scope="module")
def nlp(attribution_nlp):
    return attribution_nlp


def only(doc) -> Attribution:
    assert len(doc._.attributions) == 1, doc._.attributions
    return doc._.attributions[0]


def test_direct_quote_with_said(nlp):
    doc = nlp('"We will not raise taxes on working families," the governor said on Tuesday.')
    att = only(doc)
    assert att.id == "a0" and att.kind == "direct"  # the component's ordinal; collect() hashes it
    assert att.cue.text == "said"
    assert att.source is not None and "governor" in att.source.text
    assert att.content is not None and "raise taxes" in att.content.text
    assert [s.text for s in doc.spans["attribution_cue"]] == ["said"]


def test_indirect_said_that(nlp):
    doc = nlp("The senator said that the new bridge would cost far more than planned.")
    att = only(doc)
    assert att.kind == "indirect"
    assert att.cue.text.startswith("said")
    assert att.source is not None and "senator" in att.source.text
    assert "bridge would cost" in att.content.text
    # Offsets point into the text.
    assert doc.text[att.content.start : att.content.end] == att.content.text


def test_according_to(nlp):
    doc = nlp("According to the police report, the driver was not wearing a seat belt.")
    att = only(doc)
    assert "According to" in att.cue.text
    assert att.source is not None and "report" in att.source.text
    assert "seat belt" in att.content.text


def test_source_in_the_next_sentence_and_no_attribution_in_plain_prose(nlp):
    doc = nlp(
        "The mayor plans to close three libraries next year, officials said.\n\n"
        "The river flooded the valley in 1998."
    )
    att = only(doc)
    assert "officials" in att.source.text and "libraries" in att.content.text
    assert doc.spans["attribution_content"][0].end_char <= len(doc.text.split("\n")[0])


def test_mixed_quote(nlp):
    doc = nlp('The chairman said the merger was "a historic step" for both companies.')
    att = only(doc)
    assert att.kind == "mixed"


def test_role_spans_start_and_end_on_word_boundaries(nlp):
    doc = nlp("Dravon Keelhaul, a spokeswoman for Northwind, said the refinery would reopen. "
              "Inspectors disagreed, according to Brannagh-Vell officials.")
    text = doc.text
    spans = [s for key in ("attribution_source", "attribution_cue", "attribution_content")
             for s in doc.spans[key]]
    assert spans
    for span in spans:
        start, end = span.start_char, span.end_char
        assert start == 0 or not (text[start - 1].isalnum() and text[start].isalnum())
        assert end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    for att in doc._.attributions:
        for part in (att.source, att.cue, att.content):
            if part is not None:
                assert part.start == 0 or not (text[part.start - 1].isalnum() and text[part.start].isalnum())
                assert part.end == len(text) or not (text[part.end - 1].isalnum() and text[part.end].isalnum())
