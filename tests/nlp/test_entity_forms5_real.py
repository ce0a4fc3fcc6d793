"""Entity faults of fresh tuning-pool articles (issue 9, helper entities5), each on sentences
written for the test: names the tagger cut or ran together, acronyms, datelines, typing by the
words around a name, alternate names of one law, linked-headline boxes, demonyms."""

from entity_views import entities_of, entities_with, shown


def _named(ents):
    return {(e.name, e.type) for e in ents}


def test_a_name_cut_at_for_and_and_is_one_name(entity_nlp):
    ents = entities_of(entity_nlp, "The figures came from the U.S. Centers for Medicare and Medicaid Services "
                       "on Monday, officials said.")
    assert [e.name for e in entities_with(ents, "Medicaid")] == ["U.S. Centers for Medicare and Medicaid Services"], shown(ents)
    assert not any(e.name in ("Medicare", "U.S. Centers") for e in ents), shown(ents)


def test_an_acronym_in_brackets_is_a_mention_of_the_name_before_it(entity_nlp):
    ents = entities_of(entity_nlp, "The memo names the Department of Justice (DOJ) and the Federal Bureau of "
                       "Investigation (FBI). The FBI declined to comment, and the DOJ said nothing.")
    assert not any("(" in m.text for e in ents for m in e.mentions), shown(ents)
    fbi = entities_with(ents, "FBI")
    doj = entities_with(ents, "DOJ")
    assert len(fbi) == 1 and fbi[0].name == "Federal Bureau of Investigation", shown(ents)
    assert len(doj) == 1 and doj[0].name == "Department of Justice", shown(ents)


def test_a_persons_name_before_a_bodys_acronym_is_the_body(entity_nlp):
    ents = entities_of(entity_nlp, "The Federal Bureau of Investigation (FBI) and the Department of Justice "
                       "(DOJ) kept the file. Hollis said the report raises questions about the Obama DOJ and "
                       "the Comey FBI as they stood then.")
    assert not any(e.name in ("Comey FBI", "Obama DOJ") for e in ents), shown(ents)
    assert all(e.type == "ORG" for e in entities_with(ents, "FBI")), shown(ents)


def test_a_body_written_with_an_acronym_at_its_end_stays_whole(entity_nlp):
    ents = entities_of(entity_nlp, "The Super PAC raised $9 million. The PAC spent it in Ohio. Donors met in "
                       "Washington DC on Monday, and DC officials came.")
    assert "Super PAC" in {e.name for e in ents}, shown(ents)
    assert not any(e.name == "DC" and e.type == "ORG" for e in ents), shown(ents)


def test_a_possessive_ends_a_persons_name(entity_nlp):
    ents = entities_of(entity_nlp, "Sources said it could end Robert Mueller’s Special Counsel investigation "
                       "into the president, Carla Hendry wrote.")
    assert ("Robert Mueller", "PERSON") in _named(ents), shown(ents)
    assert not any("Counsel" in e.name for e in ents), shown(ents)


def test_a_dateline_city_in_capitals_is_a_place(entity_nlp):
    ents = entities_of(entity_nlp, "DETROIT -- The debate in Michigan was ugly, and the candidates said so.")
    assert ("DETROIT", "GPE") in _named(ents), shown(ents)


def test_who_after_a_name_makes_a_person_but_not_after_a_place_it_follows(entity_nlp):
    ents = entities_of(entity_nlp, "Reporters spoke with Kinetik Justice, who joined us by phone from his cell. "
                       "The plan will placate nervous Democrats on Capitol Hill, who have argued for it.")
    assert ("Kinetik Justice", "PERSON") in _named(ents), shown(ents)
    assert all(e.type != "PERSON" for e in entities_with(ents, "Capitol")), shown(ents)


def test_a_name_before_a_word_for_a_facility_is_that_facility(entity_nlp):
    ents = entities_of(entity_nlp, "The House will soon debate the Keystone XL pipeline and federal lands.")
    assert all(e.type == "FAC" for e in entities_with(ents, "Keystone")), shown(ents)


def test_head_words_type_movements_days_and_agreements(entity_nlp):
    ents = entities_of(entity_nlp, "He co-founded the Free Dakota Movement. Prisoners struck on International "
                       "Workers’ Day. Mexico signed the North American Free Trade Agreement. Doris Day sang.")
    named = _named(ents)
    assert ("Free Dakota Movement", "ORG") in named, shown(ents)
    assert ("International Workers’ Day", "EVENT") in named, shown(ents)
    assert ("North American Free Trade Agreement", "LAW") in named, shown(ents)
    assert ("Doris Day", "PERSON") in named, shown(ents)


def test_jail_words_make_a_jail_only_before_a_jails_head(entity_nlp):
    ents = entities_of(entity_nlp, "The vendor Velmont Correctional Services fed the inmates of the Holman "
                       "Correctional Facility badly.")
    assert all(e.type == "ORG" for e in entities_with(ents, "Velmont")), shown(ents)
    assert all(e.type == "FAC" for e in entities_with(ents, "Holman")), shown(ents)


def test_the_laws_other_names_are_one_law(entity_nlp):
    ents = entities_of(entity_nlp, "Obamacare enrollment fell short. The Affordable Care Act needs 7 million "
                       "people, and supporters of the ACA were worried.")
    law = entities_with(ents, "Obamacare")
    assert len(law) == 1 and law[0].type == "LAW", shown(ents)
    assert {m.text for m in law[0].mentions} >= {"Obamacare", "Affordable Care Act", "ACA"}, shown(ents)


def test_wh_is_the_white_house(entity_nlp):
    ents = entities_of(entity_nlp, "Someone told the White House to light a candle and the WH set the table "
                       "on fire, an aide said.")
    assert len(entities_with(ents, "WH")) == 1 and entities_with(ents, "WH") == entities_with(ents, "White House"), \
        shown(ents)


def test_a_shorter_institute_name_joins_the_one_the_tagger_called_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "He spoke at a forum sponsored by the Harold P. Vance Institute. \"This was "
                       "part of the Vance Institute’s freedom work,\" a spokesman said.")
    inst = entities_with(ents, "Institute")
    assert len(inst) == 1 and inst[0].type == "ORG", shown(ents)


def test_a_portfolio_before_secretary_is_no_body(entity_nlp):
    ents = entities_of(entity_nlp, "The lawmakers took the debate to Defense Secretary James Mattis first.")
    assert "James Mattis" in {e.name for e in ents}, shown(ents)
    assert "Defense" not in {e.name for e in ents}, shown(ents)


def test_a_box_of_linked_headlines_names_no_one(entity_nlp):
    ents = entities_of(entity_nlp, "The hard part is left to President Trump Donald John TrumpGOP senators balk "
                       "at trial Warren goes local in race MORE. Trump touted the summit on Twitter.")
    names = {e.name for e in ents}
    assert "Trump" in names or "Donald Trump" in names, shown(ents)
    assert not any("TrumpGOP" in n or n in ("Trump Donald", "Warren") for n in names), shown(ents)


def test_demonyms_join_their_country(entity_nlp):
    ents = entities_of(entity_nlp, "North Korea agreed. The North Korean leader met the South Korean president "
                       "in South Korea. Denmark objected, and Danish officials were angry.")
    assert len(entities_with(ents, "North Korea")) == 1, shown(ents)
    assert entities_with(ents, "South Korean") == entities_with(ents, "South Korea"), shown(ents)
    assert entities_with(ents, "Danish") == entities_with(ents, "Denmark"), shown(ents)


def test_a_places_acronym_joins_the_place(entity_nlp):
    ents = entities_of(entity_nlp, "Protests spread across New York City. Reader photos from NYC's protests "
                       "came in all night.")
    assert entities_with(ents, "NYC") == entities_with(ents, "New York City"), shown(ents)


def test_lower_case_prefixes_and_plural_heading_words_are_no_names(entity_nlp):
    ents = entities_of(entity_nlp, "Trump touted the inter-Korea summit. Partisans always seem to believe it. "
                       "That is better than partisan unilateralism.")
    assert not any("Korea" in e.name for e in ents), shown(ents)
    assert "Partisans" not in {e.name for e in ents}, shown(ents)


def test_a_language_is_no_mention_of_its_country(entity_nlp):
    ents = entities_of(entity_nlp, "Many recruits speak languages like Chinese, Korean or Russian. She speaks "
                       "Danish at home in Denmark, and Danish officials agreed.")
    assert not any(m.text in ("Chinese", "Korean", "Russian") for e in ents for m in e.mentions), shown(ents)
    denmark = entities_with(ents, "Denmark")
    assert len(denmark) == 1 and [m.text for m in denmark[0].mentions].count("Danish") == 1, shown(ents)


def test_a_title_begun_inside_a_bodys_name_is_cut_off(entity_nlp):
    ents = entities_of(entity_nlp, "“That is terrorism,” Department of Homeland Security Acting Deputy Secretary "
                       "Ken Cuccinelli said. Homeland Security’s Federal Protective Service guards the court.")
    dhs = entities_with(ents, "Homeland")
    assert len(dhs) == 1 and dhs[0].name == "Department of Homeland Security", shown(ents)


def test_a_verb_in_lower_case_ends_a_name(entity_nlp):
    ents = entities_of(entity_nlp, "“This should be a no-brainer. Get Alexander-Murray passed & signed,” the "
                       "governor wrote on Monday.")
    assert not any("passed" in e.name or "signed" in e.name for e in ents), shown(ents)


def test_an_acronym_with_and_without_dots_and_a_state_code_join_their_name(entity_nlp):
    ents = entities_of(entity_nlp, "Bowser runs D.C. and its schools. DC is a sanctuary city, she said. Polls "
                       "tie Texas and Ohio.\n\nWI C+2\n\nTX C+1\n\nFL C+2")
    assert entities_with(ents, "DC") == entities_with(ents, "D.C."), shown(ents)
    assert entities_with(ents, "TX") == entities_with(ents, "Texas"), shown(ents)


def test_hashtags_and_capitalised_directions_are_no_names(entity_nlp):
    ents = entities_of(entity_nlp, "Not one question about immigration. #DemDebate — Kamala Harris. He wants "
                       "funding to build more of his wall at the Southern border.")
    names = {e.name for e in ents}
    assert "Kamala Harris" in names, shown(ents)
    assert not any(n in ("DemDebate", "Southern") for n in names), shown(ents)


def test_a_title_case_dateline_with_its_agency_is_the_city(entity_nlp):
    ents = entities_of(entity_nlp, "Washington (CNN) – Republicans want to cut the deficit, the White House said.")
    assert all(e.type == "GPE" for e in entities_with(ents, "Washington")), shown(ents)


def test_a_son_with_jr_after_a_comma_is_not_his_father(entity_nlp):
    ents = entities_of(entity_nlp, "Carl Benson, the founder, spoke first. His son, Carl Benson, Jr., spoke next.")
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 2, shown(ents)
    assert not any(e.name.strip(".") == "Jr" for e in ents), shown(ents)


def test_a_lone_surname_shared_by_father_and_son_names_neither(entity_nlp):
    ents = entities_of(entity_nlp, "Carl Benson founded the firm. Carl Benson Jr. runs it. Benson said the firm "
                       "would survive.")
    lone = [e for e in ents if any(m.text == "Benson" for m in e.mentions)]
    assert len(lone) == 1 and lone[0].name == "Benson", shown(ents)
