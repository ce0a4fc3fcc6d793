"""Issue 9 speaker rules of speakers11: a "he" whose center is "the president" is the one
current holder of the title ("former President X" is no rival of the president now); a surname
with its generation ("Hollis Jr.") is the one person whose name holds both; a capitalised subject
the tagger took for a verb is a surname. Hand-written sentences, the real spaCy model."""

from __future__ import annotations

import pytest
from speaker_views import speaker_of


def test_a_he_after_the_president_as_center_is_the_president_now(analyze):
    a = analyze("Former President Alan Brooks praised the plan in March. Critics of President Daniel "
                "Marsh say the bill was rushed. In May, the president held a garden party to celebrate "
                "the bill. Weeks later, he privately called the bill \"a mess.\"")
    assert speaker_of(a, "a mess") == "Daniel Marsh"


def test_the_center_chain_runs_through_the_president(analyze):
    a = analyze("Senator Ruth Calder and former President Alan Brooks spoke at the dinner, and President "
                "Daniel Marsh arrived late. The president did not talk about taxes. He praised the "
                "teachers of the state.\n\n\"We are not done,\" he said.")
    assert speaker_of(a, "We are not done") == "Daniel Marsh"


def test_two_presidents_now_leave_the_he_open(analyze):
    a = analyze("President Daniel Marsh met President Luis Ortega of Paraguay in May. Critics say the "
                "deal was rushed. In June, the president held a garden party to celebrate the deal. "
                "Weeks later, he privately called the deal \"a mess.\"")
    assert speaker_of(a, "a mess") is None


def test_the_former_president_is_never_the_president_now(analyze):
    a = analyze("Former President Alan Brooks praised the plan in March, and President Daniel Marsh "
                "signed it in May. The former president said the plan would save the port.")
    assert speaker_of(a, "would save the port") != "Daniel Marsh"  # (None: the rule does not pick)


def _resolver(parse, text, names):
    from claimscope.model.records import Entity, TextSpan
    from claimscope.nlp.speakers import SpeakerResolver

    doc = parse(text)
    entities = []
    for name in names:
        start = text.index(name)
        entities.append(Entity(id=name.lower().replace(" ", "-").strip("."), name=name, type="PERSON",
                               mentions=[TextSpan(start, start + len(name), name)]))
    return doc, SpeakerResolver(doc, entities)


def test_a_surname_with_its_generation_is_the_one_whose_name_holds_both(parse):
    text = "Donald Hollis Jr. met Donald Hollis Sr on Monday. Later, Hollis Jr. said the talks went well."
    doc, resolver = _resolver(parse, text, ["Donald Hollis Jr.", "Donald Hollis Sr"])
    start = text.rindex("Hollis Jr.")
    span = doc.char_span(start, start + len("Hollis Jr."), alignment_mode="expand")
    assert resolver._surname(span) == "donald-hollis-jr"


def test_a_bare_shared_surname_stays_open(parse):
    text = "Donald Hollis Jr. met Donald Hollis Sr on Monday. Later, Hollis said the talks went well."
    doc, resolver = _resolver(parse, text, ["Donald Hollis Jr.", "Donald Hollis Sr"])
    start = text.rindex("Hollis said")
    assert resolver._surname(doc.char_span(start, start + len("Hollis"))) is None


@pytest.mark.parametrize("pos, expected", [("VERB", "mark-keller"), ("ADJ", None)])
def test_a_capitalised_subject_tagged_a_verb_is_a_surname(parse, pos, expected):
    text = "Mark Keller spoke in May. Keller frequently has praised the port."
    doc, resolver = _resolver(parse, text, ["Mark Keller"])
    token = next(t for t in doc if t.text == "Keller" and t.idx > 10)
    token.pos_ = pos
    token.dep_ = "nsubj"
    assert resolver._surname(doc[token.i : token.i + 1]) == expected
