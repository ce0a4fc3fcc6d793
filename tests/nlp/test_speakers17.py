"""Speaker rules of issue 9 (round speakers17, tuning pool): a definite title whose only name is
its modifier ("the CIA director", "the Israeli leader", "the Fox News host") is the one person
the text introduced with that modifier and title, and a pronoun after it goes on with that
person. Hand-written sentences, the real spaCy model."""

from __future__ import annotations

from speaker_views import speaker_of

LEADERS = ("CIA Director Mike Pompeo and FBI Director Christopher Wray briefed the committee on "
           "Tuesday.\n\nThe CIA director said that Valtoria's reach ranges far beyond its borders. He said "
           "the agency was watching the port closely.\n\n"
           "Israeli Prime Minister Benjamin Netanyahu met Secretary of State John Kerry in Rome on Monday. "
           "The Israeli leader told reporters that the talks were useful. He expressed fresh doubts that "
           "the Palestinians were committed to peace.\n")


def test_a_title_with_an_organisation_is_the_one_introduced_with_both(analyze):
    a = analyze(LEADERS)
    assert speaker_of(a, "far beyond its borders") == "Mike Pompeo"
    # with two men named in the sentence before, the "He" after it may be refused, never Wray
    assert speaker_of(a, "watching the port") in ("Mike Pompeo", None)


def test_the_leader_with_a_demonym_is_the_one_introduced_with_it(analyze):
    a = analyze(LEADERS)
    assert speaker_of(a, "talks were useful") == "Benjamin Netanyahu"
    assert speaker_of(a, "committed to peace") == "Benjamin Netanyahu"


def test_two_people_with_the_modifier_and_title_is_no_one(analyze):
    a = analyze("CIA Director Mike Pompeo met CIA Director Gina Haspel's deputy, and the two spoke of "
                "CIA Director Ada Brenner too. The CIA director said the agency had not been consulted.")
    assert speaker_of(a, "not been consulted") is None
