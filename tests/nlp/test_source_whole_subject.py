"""A source found inside the subject of the cue's verb, without the subject's head ("where
reporters stay ..." in "A person familiar with the dinner at the hotel -- where reporters stay
during the visits -- said"), is the whole subject phrase: a lead's reading of a tuning-pool
article found the place inside the aside given as the speaker. Hand-written sentences, the real
spaCy model."""

from __future__ import annotations


def _only(analysis, words):
    found = [a for a in analysis.attributions if a.content and words in a.content.text]
    assert len(found) == 1, [(a.source and a.source.text, a.cue.text) for a in analysis.attributions]
    return found[0]


def test_a_source_inside_the_subjects_aside_is_the_whole_subject(analyze):
    a = analyze("A person familiar with the dinner at the hotel in Berkeley Heights, New Jersey -- "
                "where reporters stay during the visits -- said the aide attended a dinner with "
                "reporters.\n")
    att = _only(a, "the aide attended a dinner")
    assert att.source.text.startswith("A person familiar with the dinner")
    assert att.source_entity is None  # an unnamed person, not New Jersey


def test_a_plain_named_subject_is_left_as_it_is(analyze):
    a = analyze("Mayor Linda Hart, who opened the bridge on Monday, said the crews had worked for "
                "two years.\n")
    att = _only(a, "the crews had worked")
    assert "Linda Hart" in att.source.text
