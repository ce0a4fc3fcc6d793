"""Entity rules of issue 9, helper entities10 (fresh4's entity error kinds), each on sentences
written for the test: clubs, stations and ships the tagger made persons, a service word before
a rank, state abbreviations, "Washington, D.C." the city, buildings in place use, towns before
a state, regions of places, and acronyms the text defines in brackets."""

from entity_views import entities_of, entities_with, shown


def _types(ents, word):
    return {e.type for e in entities_with(ents, word)}


def test_a_teams_nickname_after_the_is_the_club(entity_nlp):
    ents = entities_of(entity_nlp, "The Rams beat the Seahawks on Sunday. The Rams said their quarterback was fine.")
    assert _types(ents, "Rams") == {"ORG"} and _types(ents, "Seahawks") == {"ORG"}, shown(ents)


def test_a_call_sign_is_a_station(entity_nlp):
    ents = entities_of(entity_nlp, "Viewers of WKRB-TV saw the fire first, and WKRB-TV said two people were hurt.")
    assert _types(ents, "WKRB") == {"ORG"}, shown(ents)


def test_a_ships_prefix_makes_a_vessel(entity_nlp):
    ents = entities_of(entity_nlp, "A sailor aboard USS Halvorsen said the ship was hit. The crew of the USS "
                       "Halvorsen cheered.")
    assert _types(ents, "Halvorsen") == {"PRODUCT"}, shown(ents)


def test_a_service_word_before_a_rank_is_no_mention(entity_nlp):
    ents = entities_of(entity_nlp, "Marine Gen. Kenneth Holloway said the troops were ready. "
                       "Air Force Col. Rita Vance agreed.")
    assert not entities_with(ents, "Marine") and not entities_with(ents, "Air Force"), shown(ents)
    assert _types(ents, "Holloway") == {"PERSON"} and _types(ents, "Vance") == {"PERSON"}, shown(ents)


def test_a_state_abbreviation_is_the_state_the_text_names(entity_nlp):
    ents = entities_of(entity_nlp, "He lives in Harrisburg, Pa., and has worked in Pennsylvania for years.")
    state = entities_with(ents, "Pennsylvania")
    assert len(state) == 1 and {m.text for m in state[0].mentions} == {"Pa.", "Pennsylvania"}, shown(ents)


def test_washington_with_its_district_is_the_city(entity_nlp):
    ents = entities_of(entity_nlp, "He grew up outside of Washington, D.C., and moved to Ohio.")
    city = entities_with(ents, "Washington")
    assert len(city) == 1 and city[0].type == "GPE" and not entities_with(ents, "D.C."), shown(ents)


def test_washington_dc_and_washington_are_one_city(entity_nlp):
    ents = entities_of(entity_nlp, "She flew to Washington DC on Monday. She lives in Washington.")
    assert len(entities_with(ents, "Washington")) == 1, shown(ents)


def test_outside_of_a_capital_is_the_city(entity_nlp):
    ents = entities_of(entity_nlp, "Tanks massed south of Moscow. Moscow said the drill was routine.")
    kinds = sorted((e.type, e.id) for e in entities_with(ents, "Moscow"))
    assert ("GPE", "russia") in kinds and any(k == "GPE" and i != "russia" for k, i in kinds), shown(ents)


def test_the_white_houses_lawn_is_the_building(entity_nlp):
    ents = entities_of(entity_nlp, "Reporters gathered on the White House's south lawn. "
                       "The White House said the president would speak.")
    kinds = {e.type for e in entities_with(ents, "White House")}
    assert kinds == {"FAC", "ORG"}, shown(ents)


def test_the_white_house_as_a_speaker_stays_the_government(entity_nlp):
    ents = entities_of(entity_nlp, "The White House press secretary said no. He met her at the White House.")
    assert _types(ents, "White House") == {"ORG"}, shown(ents)


def test_outside_the_pentagon_is_the_building(entity_nlp):
    ents = entities_of(entity_nlp, "Protesters marched outside the Pentagon on Sunday.")
    assert _types(ents, "Pentagon") == {"FAC"}, shown(ents)


def test_the_pentagon_that_speaks_stays_the_department(entity_nlp):
    ents = entities_of(entity_nlp, "Officials at the Pentagon said the strike was legal.")
    assert _types(ents, "Pentagon") == {"ORG"}, shown(ents)


def test_the_world_trade_center_is_a_building(entity_nlp):
    ents = entities_of(entity_nlp, "Planes hit the World Trade Center in 2001.")
    assert _types(ents, "World Trade Center") == {"FAC"}, shown(ents)


def test_a_town_before_a_state_is_a_place(entity_nlp):
    ents = entities_of(entity_nlp, "The fire began in Glen Vesey, N.J., late on Monday. Residents of Glen Vesey fled.")
    assert _types(ents, "Glen Vesey") == {"GPE"}, shown(ents)


def test_a_person_before_a_state_stays_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "Jane Porter, Texas, voted no. Porter said she was tired.")
    assert _types(ents, "Porter") == {"PERSON"}, shown(ents)


def test_a_region_of_a_place_is_no_person(entity_nlp):
    ents = entities_of(entity_nlp, "Snowpack across the entire Sierra Nevada is low. "
                       "The Sierra Nevada snowpack is a storage bank.")
    assert "PERSON" not in _types(ents, "Sierra Nevada"), shown(ents)


def test_a_person_named_after_a_place_stays_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "George Washington crossed the river with his men.")
    assert _types(ents, "George Washington") == {"PERSON"}, shown(ents)


def test_an_acronym_defined_in_brackets_is_its_body(entity_nlp):
    # the acronym's letters are not the initials of every word of the name
    ents = entities_of(entity_nlp, "The Centers for Disease Control and Prevention (CDC) issued new guidance. "
                       "CDC officials said the risk was low.")
    assert len(entities_with(ents, "CDC")) == 1 and entities_with(ents, "CDC") == entities_with(ents, "Centers"), \
        shown(ents)


def test_a_persons_bracket_is_no_acronym_definition(entity_nlp):
    ents = entities_of(entity_nlp, "Mara Delgado (AP) said the guild would strike.")
    assert all(e.type != "PERSON" or "AP" not in [m.text for m in e.mentions] for e in ents), shown(ents)


def test_a_state_that_goes_on_is_no_towns(entity_nlp):
    # "Iowa's caucus" goes on after the state: the name before the comma is a person's
    ents = entities_of(entity_nlp, "From Jimmy Carter to Barack Obama, Iowa's caucus system is a crucible.")
    assert _types(ents, "Barack Obama") == {"PERSON"}, shown(ents)


def test_a_degree_after_a_name_is_no_state(entity_nlp):
    ents = entities_of(entity_nlp, "Physician Michael Hole, MD, discusses his projects. Michael Hole is the "
                       "founding advisor.")
    assert _types(ents, "Michael Hole") == {"PERSON"}, shown(ents)


def test_the_front_door_of_the_white_house_is_the_building(entity_nlp):
    ents = entities_of(entity_nlp, "The front door of the White House was left unlocked.")
    assert _types(ents, "White House") == {"FAC"}, shown(ents)
