"""Entity rules of issue 9, helper entities16 (type and merge errors on real text), each on
sentences written for the test: a department's acronym of the words after "Department of",
an agency's acronym beside a long name written a little differently, the Soviet Union under
its other names, two persons' surnames joined by "and" in one tagged span, a news outlet
named after a person, and a capitalised common noun the tagger called a group."""

from entity_views import entities_of, entities_with, shown


def _one_entity(ents, *words) -> bool:
    """Each word is in a mention of one and the same entity, and of no other."""
    found = {e.id for w in words for e in entities_with(ents, w)}
    return len(found) == 1 and all(entities_with(ents, w) for w in words)


def test_a_departments_acronym_of_the_words_after_department_of(entity_nlp):
    ents = entities_of(entity_nlp, "The Department of Health and Human Services issued new rules on Tuesday. "
                       "An HHS spokeswoman said the rules would take effect in May.")
    assert _one_entity(ents, "HHS", "Department of Health"), shown(ents)


def test_a_ministrys_acronym_of_the_words_after_ministry_of(entity_nlp):
    ents = entities_of(entity_nlp, "The Ministry of Coastal Fisheries and Harbours closed the port. "
                       "A CFH official said it would reopen soon.")
    assert _one_entity(ents, "CFH", "Ministry of Coastal"), shown(ents)


def test_an_acronym_the_tagger_calls_a_noun_joins_its_agency(entity_nlp):
    ents = entities_of(entity_nlp, "The Substance Abuse and Mental Health Services Administration released "
                       "figures on Monday. SAMHSA said overdoses fell. The agency had warned earlier.")
    assert _one_entity(ents, "SAMHSA", "Substance Abuse"), shown(ents)


def test_an_acronym_beside_a_long_name_written_without_one_word(entity_nlp):
    ents = entities_of(entity_nlp, "The Substance Abuse and Mental Health Administration released figures "
                       "on Monday. SAMHSA said overdoses fell.")
    assert _one_entity(ents, "SAMHSA", "Substance Abuse"), shown(ents)


def test_an_acronym_with_one_letter_less_than_the_long_name(entity_nlp):
    ents = entities_of(entity_nlp, "The Coastal Fisheries Protection Service Agency released figures. "
                       "A CFPA spokesman said catches fell.")
    assert _one_entity(ents, "CFPA", "Coastal Fisheries"), shown(ents)


def test_an_acronym_near_two_long_names_stays_apart(entity_nlp):
    ents = entities_of(entity_nlp, "The Coastal Water Quality Board met the Coastal Water Safety Board. "
                       "The CWQSB did not attend.")
    assert not any(len({m.text for m in e.mentions}) > 1 and any("CWQSB" in m.text for m in e.mentions)
                   for e in ents), shown(ents)


def test_the_ussr_and_soviet_are_the_soviet_union(entity_nlp):
    ents = entities_of(entity_nlp, "The Soviet Union collapsed in 1991. Many in the USSR had expected reform, "
                       "and Soviet leaders resisted it.")
    assert _one_entity(ents, "USSR", "Soviet Union", "Soviet") and entities_with(ents, "USSR")[0].type == "GPE", \
        shown(ents)


def test_the_supreme_soviet_is_no_mention_of_the_country(entity_nlp):
    ents = entities_of(entity_nlp, "The Supreme Soviet met on Monday. The Soviet Union sent a delegation.")
    assert [e.type for e in entities_with(ents, "Supreme Soviet")] == ["ORG"], shown(ents)
    assert [m.text for m in entities_with(ents, "Soviet Union")[0].mentions] == ["Soviet Union"], shown(ents)


def _mentions(ents, name) -> list[str]:
    return [m.text for e in ents if e.name == name for m in e.mentions]


def test_two_surnames_joined_by_and_are_two_persons(entity_nlp):
    ents = entities_of(entity_nlp, "Halvorsen and Okafor met in Denver. Greta Halvorsen said the deal was done, "
                       "and Marianne Okafor said it was not.")
    assert not entities_with(ents, "Halvorsen and"), shown(ents)
    assert _mentions(ents, "Greta Halvorsen") == ["Halvorsen", "Greta Halvorsen"], shown(ents)
    assert _mentions(ents, "Marianne Okafor") == ["Okafor", "Marianne Okafor"], shown(ents)


def test_two_surnames_the_tagger_made_one_body_are_two_persons(entity_nlp):
    # the tagger reads well-known surnames so ("Trump and Pence"); the sentences are invented
    ents = entities_of(entity_nlp, "Biden and Harris spoke at the rally. Joe Biden said the economy was strong. "
                       "Kamala Harris agreed.")
    assert not entities_with(ents, "Biden and"), shown(ents)
    assert {e.type for e in entities_with(ents, "Biden")} == {"PERSON"} and \
        _mentions(ents, "Kamala Harris") == ["Harris", "Kamala Harris"], shown(ents)


def test_a_company_named_after_two_people_stays_one(entity_nlp):
    ents = entities_of(entity_nlp, "Procter and Gamble said sales rose. Harley Procter founded it.")
    assert entities_with(ents, "Procter and Gamble"), shown(ents)


def test_an_outlet_named_after_a_person_is_the_outlet(entity_nlp):
    ents = entities_of(entity_nlp, "A person familiar with the plans told Bloomberg that the deal was near. "
                       "Bloomberg said it could not confirm the price.")
    assert {e.type for e in entities_with(ents, "Bloomberg")} == {"ORG"}, shown(ents)
    ents = entities_of(entity_nlp, "Bloomberg Businessweek reported that the startup raised $20 million.")
    assert {e.type for e in entities_with(ents, "Bloomberg")} == {"ORG"}, shown(ents)


def test_the_outlets_surname_after_an_honorific_stays_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "Mr. Bloomberg spoke in Denver. A donor told Bloomberg that the race was close.")
    assert {e.type for e in entities_with(ents, "Bloomberg")} == {"PERSON"}, shown(ents)


def test_an_acronym_one_letter_longer_than_three_initials_stays_apart(entity_nlp):
    ents = entities_of(entity_nlp, "The National Academy of Science praised the mission. NASA said the probe "
                       "would launch in June.")
    assert not any({"NASA", "National Academy of Science"} <= {m.text for m in e.mentions} for e in ents), \
        shown(ents)


def test_a_capitalised_common_noun_is_no_group(entity_nlp):
    ents = entities_of(entity_nlp, '"We will close the Border permanently if we must," he wrote. Guards at the '
                       "border said nothing had changed.")
    assert not entities_with(ents, "Border"), shown(ents)


def test_a_group_the_text_also_writes_in_lower_case_stays(entity_nlp):
    ents = entities_of(entity_nlp, "The bill angered Conservatives in the state. Some conservatives said they "
                       "would vote against it.")
    assert [e.type for e in entities_with(ents, "Conservatives")] == ["NORP"], shown(ents)


def test_the_house_joins_the_house_of_representatives(analyze):
    ents = analyze("The House of Representatives voted on Tuesday. The House will vote again next week.\n\n"
                   "CBS News reported the deal. CBS said the deal was done.\n\nThe F.B.I. opened an inquiry. "
                   "Agents of the F.B.I. searched the house.\n").entities
    house = entities_with(ents, "House")
    assert len(house) == 1 and house[0].name == "House of Representatives", shown(ents)


def test_the_house_alone_stays_as_it_is(entity_nlp):
    ents = entities_of(entity_nlp, "The House will vote again next week on the harbour bill.")
    assert [e.name for e in entities_with(ents, "House")] == ["House"], shown(ents)


def test_a_dotted_agency_acronym_is_a_body(entity_nlp):
    ents = entities_of(entity_nlp, "The F.B.I. opened an inquiry. Agents of the F.B.I. searched the house.")
    assert [e.type for e in ents if e.name == "F.B.I."] == ["ORG"], shown(ents)


def test_a_given_name_the_tagger_left_out_is_part_of_the_person(analyze):
    ents = analyze("Ana Navarro, a Republican strategist, said the party was lost. Navarro said the vote "
                   "was a disgrace.").entities
    assert [(e.name, e.type) for e in entities_with(ents, "Navarro")] == [("Ana Navarro", "PERSON")], shown(ents)


def test_a_place_after_a_given_name_stays_a_place(entity_nlp):
    ents = entities_of(entity_nlp, "Mary Kemp flew to Texas on Monday.")
    assert "Texas" in [e.name for e in ents], shown(ents)
