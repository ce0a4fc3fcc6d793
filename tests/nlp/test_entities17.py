"""Entity rules of issue 9 (round entities17): a name spelled with and without a space is one
organisation ("Delta Air Lines", "Delta Airlines"); the portfolio word of a title ("Health
Secretary") is no organisation. Sentences written for the test, the real spaCy model."""

from entity_views import entities_of, entities_with, shown


def test_a_name_spelled_with_and_without_a_space_is_one_organisation(entity_nlp):
    ents = entities_of(entity_nlp, "Delta Air Lines said it would add flights from Detroit. A spokesman for "
                       "Delta Airlines said the airport was ready, and Delta Airlines staff were trained.")
    found = {e.id for e in entities_with(ents, "Delta")}
    assert len(found) == 1, shown(ents)


def test_two_names_that_differ_in_letters_stay_apart(entity_nlp):
    ents = entities_of(entity_nlp, "Delta Air Lines said it would add flights from Detroit. A spokesman for "
                       "Alaska Airlines said the airport was ready.")
    assert {e.id for e in entities_with(ents, "Delta")} != {e.id for e in entities_with(ents, "Alaska")}, shown(ents)


def test_the_portfolio_word_of_a_title_is_no_organisation(entity_nlp):
    ents = entities_of(entity_nlp, "Health Secretary Kathleen Sebelius defended the rollout on Tuesday before "
                       "a Senate panel. Republicans on the panel pressed Sebelius on the cost.")
    assert not [e for e in ents if e.name == "Health"], shown(ents)
    assert [e for e in ents if e.name == "Kathleen Sebelius" and e.type == "PERSON"], shown(ents)


def test_a_newspapers_and_a_terminals_head_words_say_what_they_are(entity_nlp):
    ents = entities_of(entity_nlp, "The London Telegraph reported that passengers waited for hours at the "
                       "McNamara Terminal on Friday, while the Valtoria Herald ran the story on Saturday.")
    types = {e.name: e.type for e in ents}
    assert types.get("London Telegraph") == "ORG", shown(ents)
    assert types.get("McNamara Terminal") == "FAC", shown(ents)
    assert types.get("Valtoria Herald") == "ORG", shown(ents)
