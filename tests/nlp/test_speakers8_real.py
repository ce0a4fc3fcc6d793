"""Speaker nulls and wrong speakers of issue 9's tuning pool (speakers8), on hand-written
sentences (none from any corpus), with the real spaCy model: a surname shared with a memorial
the tagger typed as a person, "the president" after two presidents, a court noun after a
person whose surname is "Court", "the spokesman" after "X is a spokesman for Y"."""

from __future__ import annotations

from speaker_views import speaker_of

KING = ("Rep. Peter King of New York spoke on Tuesday. A park ranger stands at the closed Martin "
        "Luther King Jr. Memorial on the National Mall in Washington on Monday. Polls show that "
        "voters are angry with Congress.\n\n")


def test_a_surname_is_the_person_not_a_memorial_named_after_someone_else(analyze):
    a = analyze(KING + "\"Let him say he won the fight,\" King said of the president.\n")
    assert speaker_of(a, "Let him say he won the fight") == "Peter King"
    a = analyze(KING + "King, the New York Republican, said there was plenty of blame to go around.\n")
    assert speaker_of(a, "plenty of blame") == "Peter King"


def test_the_president_is_the_one_titled_last_when_the_other_left_the_text(analyze):
    a = analyze("In 1995, President Bill Clinton vetoed the budget. The shutdown lasted three weeks. "
                "Parks were closed across the country.\n\nPresident Barack Obama weighed in on "
                "Tuesday. The shutdown had begun at midnight. Saying the fight was about health care, "
                "the president said it was strange that one party would make such demands.\n")
    assert speaker_of(a, "strange that one party") == "Barack Obama"


def test_the_president_after_two_presidents_together_stays_unresolved(analyze):
    a = analyze("President Barack Obama met President Francois Hollande on Tuesday. The president "
                "said the talks had gone well.\n")
    assert speaker_of(a, "the talks had gone well") is None
    a = analyze("President Bill Clinton spoke in Paris. President Barack Obama spoke in Berlin, and "
                "Clinton answered him the next day. The president said the talks had gone well.\n")
    assert speaker_of(a, "the talks had gone well") is None


def test_the_court_is_no_person_whose_surname_is_court(analyze):
    a = analyze("Margaret Court won many titles in her career. She has spoken against the law for "
                "years. The court said on Monday that the law was valid.\n")
    assert speaker_of(a, "the law was valid") is None
    a = analyze("The Supreme Court heard the case on Friday. Margaret Court has spoken against the "
                "law for years. The court said on Monday that the law was valid.\n")
    assert speaker_of(a, "the law was valid") == "Supreme Court"


def test_the_spokesman_again_is_the_one_who_is_a_spokesman_for_the_company(analyze):
    a = analyze("Tom Keller is a spokesman for Northwind. The company plans to close two plants next "
                "year. The spokesman said the workers would be offered other jobs.\n")
    assert speaker_of(a, "offered other jobs") == "Tom Keller"


def test_a_person_after_an_outlets_possessive_is_the_speaker(analyze):
    a = analyze("Critics of the plan have grown louder this month. The Atlantic's Conor Friedersdorf "
                "put it bluntly: \"This is a mistake that the party will regret.\"\n")
    assert speaker_of(a, "a mistake that the party will regret") == "Conor Friedersdorf"


def test_a_university_named_after_a_first_name_is_still_the_university(analyze):
    a = analyze("Stanford University opened a new laboratory in March. The university said the "
                "laboratory would study batteries.\n")
    assert speaker_of(a, "would study batteries") == "Stanford University"


def test_the_president_after_a_former_president_stays_unresolved(analyze):
    a = analyze("In 1995, President Bill Clinton vetoed the budget. The shutdown lasted three weeks. "
                "Parks were closed across the country.\n\nFormer President Barack Obama weighed in on "
                "Tuesday. The shutdown had begun at midnight. Saying the fight was about health care, "
                "the president said it was strange that one party would make such demands.\n")
    assert speaker_of(a, "strange that one party") is None
