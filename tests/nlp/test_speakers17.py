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


SPEAKER_GOES_ON = (
    "The election is two weeks away and foreign policy has barely come up.\n\n"
    "Both President Obama and Republican candidate Romney say they will not accept a nuclear-armed Iran, "
    "but Karim Sadjadpour says voters are tired of wars in the Middle East.\n\n"
    '"I think a majority of Americans would like to see more of a focus on nation-building at home," he '
    'says. "That is going to be very difficult to do if we embark on a conflict with Iran."\n\n'
    "Tanaka, 42, a private security operator, was kidnapped in Syria in August, according to a post on "
    "a blog he kept.\n\n"
    '"I cannot identify the destination," Tanaka wrote in his last blog post. "But the next one could be '
    'the most dangerous." He added: "I hope to film my fighting scenes during an upcoming visit."\n')


def test_the_speaker_of_the_sentence_before_is_the_he_of_the_next(analyze):
    a = analyze(SPEAKER_GOES_ON)
    assert speaker_of(a, "focus on nation-building") == "Karim Sadjadpour"


def test_both_sides_of_a_quote_split_around_its_tag_have_its_speaker(analyze):
    a = analyze(SPEAKER_GOES_ON)
    assert speaker_of(a, "very difficult to do") == "Karim Sadjadpour"


def test_a_quotation_after_a_tag_with_a_place_goes_on_with_the_tag(analyze):
    a = analyze(SPEAKER_GOES_ON)
    assert speaker_of(a, "the most dangerous") == "Tanaka"


def test_a_man_named_after_the_speaker_stops_the_he(analyze):
    a = analyze("Karim Sadjadpour says voters are tired of wars, and Martin Indyk agrees with him.\n\n"
                '"I think a majority of Americans would like to see more of a focus on home," he says.\n')
    assert speaker_of(a, "focus on home") != "Karim Sadjadpour"
