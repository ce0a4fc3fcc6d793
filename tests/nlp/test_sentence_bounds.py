"""One sentence split for every component: the attribution tagger's bounds hold every word of
the text, the sentence encoder's ranges are the same sentences without their blanks."""

from __future__ import annotations

from claimscope.nlp.sentence_units import doc_sentence_ranges, sentence_bounds

TEXT = "The mayor said the quay would reopen.  \n\nCritics doubted it. They asked for a review.\n"


def test_bounds_hold_every_word_and_ranges_drop_the_blanks(parse):
    doc = parse(TEXT)
    bounds = sentence_bounds(doc)
    assert all(a[1] <= b[0] for a, b in zip(bounds, bounds[1:]))
    inside = {i for s, e in bounds for i in range(s, e)}
    assert all(i in inside for i, ch in enumerate(TEXT) if not ch.isspace())
    ranges = doc_sentence_ranges(doc)
    assert [TEXT[s:e] for s, e in ranges] == [
        "The mayor said the quay would reopen.", "Critics doubted it.", "They asked for a review."]
    assert all(any(bs <= s and e <= be for bs, be in bounds) for s, e in ranges)


def test_without_a_parser_lines_are_the_bounds_and_the_encoder_reads_lines(parse):
    doc = parse.make_doc(TEXT)
    assert sentence_bounds(doc) == [(0, 40), (40, 41), (41, 86)]
    assert doc_sentence_ranges(doc) is None
