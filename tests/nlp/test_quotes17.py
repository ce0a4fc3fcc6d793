"""Quotations of issue 9 (round quotes17, tuning pool): a quotation tagged before its tag that
the next sentence of its paragraph goes on quoting keeps that sentence, under the same speaker
and cue; a narrator's sentence before a quotation is not part of its content. Hand-written
text, the real spaCy model."""

from __future__ import annotations

from speaker_views import speaker_of

TEXT = (
    "Economists disagree about the new tariff plan announced on Tuesday.\n\n"
    '"The point is that prices will rise for everyone," said Maria Lindqvist, an economist at the '
    'University of Oslo. "We do not argue that the plan fails. It is just not the whole picture."\n\n'
    'Farmers in the region were less sure. "Nobody asked us," Tom Baker told reporters on Wednesday. '
    '"We had a chance to speak and it was taken away."\n\n'
    "Baker said the group would meet again next week.\n")


def _records(analysis, words):
    return [a for a in analysis.attributions if a.content is not None and words in a.content.text]


def test_the_quotation_after_the_tag_goes_on_with_its_speaker(analyze):
    a = analyze(TEXT)
    (record,) = _records(a, "the whole picture")
    assert record.content.text.strip('"“').startswith("We do not argue")
    assert record.cue.text == "said"
    assert speaker_of(a, "the whole picture") == "Maria Lindqvist"
    (first,) = _records(a, "prices will rise")
    assert "We do not argue" not in first.content.text


def test_a_quotation_with_a_tag_of_its_own_is_not_taken(analyze):
    text = ('"The harbour will reopen in May," said Maria Lindqvist, the mayor of Valtoria. "The repairs '
            'are late," Tom Baker, the harbour master, said on Monday.')
    a = analyze(text)
    assert speaker_of(a, "repairs are late") == "Tom Baker"
    (first,) = _records(a, "harbour will reopen")
    assert "repairs" not in first.content.text


def test_the_narrator_sentence_before_a_quotation_is_not_its_content(analyze):
    a = analyze(TEXT)
    (record,) = _records(a, "Nobody asked us")
    assert "less sure" not in record.content.text
    assert speaker_of(a, "taken away") == "Tom Baker"


GLOSSED = ("The video appeared online on Sunday.\n\n"
           "In it, a masked militant said Japan would pay for its choices, likely referring to the aid the "
           "prime minister pledged in Cairo.\n\n"
           "The minister told reporters the talks had failed, in an apparent reference to the meeting in Geneva.\n\n"
           '"I was speaking of the budget, referring to the cuts we made last year," the spokesman said.\n')


def test_the_writers_gloss_on_what_was_meant_is_not_the_content(analyze):
    a = analyze(GLOSSED)
    (militant,) = _records(a, "pay for its choices")
    assert "referring" not in militant.content.text
    (minister,) = _records(a, "talks had failed")
    assert "reference" not in minister.content.text


def test_the_speakers_own_referring_to_stays_in_the_quotation(analyze):
    (record,) = _records(analyze(GLOSSED), "speaking of the budget")
    assert "referring to the cuts" in record.content.text
