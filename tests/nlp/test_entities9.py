"""Entity rules of issue 9, helper entities9, each on sentences written for the test: a list's
head noun types its names, event heads, a surname the tagger missed after the full name, a
language a word is glossed in, a pet's name, and world knowledge of two persons."""

from entity_views import entities_of, entities_with, shown


def _types(ents, word):
    return {e.type for e in entities_with(ents, word)}


def test_a_lists_head_noun_makes_its_names_companies(entity_nlp):
    ents = entities_of(entity_nlp, "She held shares in telecom companies including Telvora, "
                       "and defense contractors such as Marlock.")
    assert _types(ents, "Telvora") == {"ORG"} and _types(ents, "Marlock") == {"ORG"}, shown(ents)


def test_a_lists_head_noun_makes_its_names_places(entity_nlp):
    # the tagger reads these three as organisations
    ents = entities_of(entity_nlp, "Towns such as Ellory, Brandt and Corvale voted no.")
    assert [_types(ents, w) for w in ("Ellory", "Brandt", "Corvale")] == [{"GPE"}] * 3, shown(ents)


def test_a_comparison_with_one_company_lists_nothing(entity_nlp):
    # "as" without "such" and a singular noun head no list: the person stays a person
    ents = entities_of(entity_nlp, "Mara Velkova served as Speaker. A company like Mara Velkova's would fail.")
    assert _types(ents, "Velkova") == {"PERSON"}, shown(ents)


def test_a_summit_is_an_event(entity_nlp):
    ents = entities_of(entity_nlp, "Tom Vilsack spoke at the Family Leadership Summit in Ames.")
    assert _types(ents, "Summit") == {"EVENT"}, shown(ents)


def test_a_surname_the_tagger_missed_joins_the_full_name(entity_nlp):
    ents = entities_of(entity_nlp, "Senator Joe Manchin chairs the panel. The Senate leader made Manchin "
                       "the ranking member, and Manchin did not divest.")
    manchin = entities_with(ents, "Manchin")
    assert len(manchin) == 1 and len(manchin[0].mentions) == 3, shown(ents)


def test_a_surname_in_an_administration_or_a_hyphen_pair_is_no_mention(entity_nlp):
    ents = entities_of(entity_nlp, "Newt Gingrich spoke. The Clinton-Gingrich template is back. "
                       "Barack Obama spoke. The Obama administration agreed.")
    assert [m.text for e in entities_with(ents, "Gingrich") for m in e.mentions] == ["Newt Gingrich"], shown(ents)
    assert [m.text for e in entities_with(ents, "Obama") for m in e.mentions] == ["Barack Obama"], shown(ents)


def test_a_language_a_word_is_glossed_in_is_no_country(entity_nlp):
    ents = entities_of(entity_nlp, 'His name was Bes, Russian for "demon." Russian troops left.')
    russia = [m.text for e in ents if e.id == "russia" for m in e.mentions]
    assert len(russia) == 1, shown(ents)


def test_a_pets_name_is_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "Olga Patskan said she hid with her cat, Timofey, when the shelling came.")
    assert not entities_with(ents, "Timofey"), shown(ents)


def test_lincoln_and_mlk_are_persons(entity_nlp):
    ents = entities_of(entity_nlp, "From Lincoln to MLK, the country changed.")
    assert _types(ents, "Lincoln") == {"PERSON"} and _types(ents, "MLK") == {"PERSON"}, shown(ents)


def test_a_teams_nickname_alone_is_the_team(entity_nlp):
    # the tagger reads "New York Jets" as a place and "Jets" as a person here: only the
    # nickname rule joins them
    ents = entities_of(entity_nlp, "That summer, Joe Namath made sure his New York Jets did not divide. "
                       "Champions like the Cardinals, Tigers, Jets and others found a way to win.")
    jets = entities_with(ents, "Jets")
    assert len(jets) == 1 and len(jets[0].mentions) == 2, shown(ents)


def test_capitol_hill_is_a_place_built_not_a_body(entity_nlp):
    ents = entities_of(entity_nlp, "Trump will arrive on Capitol Hill at a raw moment.")
    assert _types(ents, "Capitol Hill") == {"FAC"}, shown(ents)


def test_a_title_run_into_a_bodys_name_is_no_part_of_it(entity_nlp):
    ents = entities_of(entity_nlp, "On Friday, NLRB General Counsel Richard Griffin filed the complaint. "
                       "Pentagon Press Secretary John Kirby spoke.")
    assert not entities_with(ents, "Counsel") and not entities_with(ents, "Press"), shown(ents)
    assert entities_with(ents, "NLRB") and entities_with(ents, "Pentagon"), shown(ents)
