"""Second reading of entities8's rules (review9a), each on a sentence written for it: a poll's
share after an acronym is no stock's change, a president's name the tagger calls a body before
"administration" is still no mention of him, a park whose name is its company's speaks as a body."""

from entity_views import entities_of, entities_with, shown


def test_an_acronym_before_a_polls_share_is_no_ticker(entity_nlp):
    ents = entities_of(entity_nlp, "Trust fell for the FBI, 41%, and for the CIA, 38%, the survey found.")
    assert entities_with(ents, "FBI") and entities_with(ents, "CIA"), shown(ents)


def test_a_signed_change_after_a_symbol_is_still_a_ticker(entity_nlp):
    ents = entities_of(entity_nlp, "Shares of Apple AAPL, +0.50% rose after the report.")
    assert not entities_with(ents, "AAPL") and entities_with(ents, "Apple"), shown(ents)


def test_a_presidents_name_tagged_a_body_before_administration_is_no_mention(entity_nlp):
    # the tagger calls "Biden" here a body (ORG): the name is still the president's
    ents = entities_of(entity_nlp, "The Trump administration official and Biden administration officials "
                       "met Trump on Friday.")
    assert not entities_with(ents, "Biden"), shown(ents)
    trump = entities_with(ents, "Trump")
    assert len(trump) == 1 and len(trump[0].mentions) == 1, shown(ents)


def test_a_bodys_name_before_administration_stays_a_mention(entity_nlp):
    ents = entities_of(entity_nlp, "Harvard administration officials declined to comment.")
    assert entities_with(ents, "Harvard"), shown(ents)


def test_a_park_named_as_its_company_is_no_facility(entity_nlp):
    ents = entities_of(entity_nlp, "SeaWorld said on Tuesday it would end its orca shows.")
    park = entities_with(ents, "SeaWorld")
    assert park and park[0].type != "FAC", shown(ents)


def test_a_place_before_a_titles_elect_stays_a_place(entity_nlp):
    ents = entities_of(entity_nlp, "In Ohio, Gov.-elect Mike DeWine named his cabinet.")
    assert entities_with(ents, "Ohio"), shown(ents)
