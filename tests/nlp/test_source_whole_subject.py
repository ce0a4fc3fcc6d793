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


def test_a_source_ending_on_the_asides_closing_dash_is_the_whole_subject_too(parse):
    # The closing dash hangs on the verb, outside the subject: a tagger's source "New Jersey --
    # where reporters stay during the visits --" took it in, and New Jersey was the speaker.
    from claimscope.nlp.attribution_filter import _whole_subject
    from claimscope.nlp.attribution_spans import RoleSpan

    text = ("A person familiar with the dinner at the hotel in Berkeley Heights, New Jersey -- where "
            "reporters stay during the visits -- said the aide attended a dinner.")
    doc = parse(text)
    start = text.index("New Jersey")
    end = text.index("said") - 1
    cue = RoleSpan("cue", text.index("said"), text.index("said") + 4, 1.0)
    found = _whole_subject(doc, cue, RoleSpan("source", start, end, 1.0))
    assert text[found.start : found.end].startswith("A person familiar with the dinner")
    assert text[found.start : found.end].endswith("during the visits")


def test_a_plain_named_subject_is_left_as_it_is(analyze):
    a = analyze("Mayor Linda Hart, who opened the bridge on Monday, said the crews had worked for "
                "two years.\n")
    att = _only(a, "the crews had worked")
    assert "Linda Hart" in att.source.text
