"""Entity extraction on hand-written sentences: the forms a name takes in real articles
(group forms, short forms, first names, credits, compounds) and the type each entity gets."""


from entity_views import entities_of, entities_with


def test_singular_and_plural_of_a_group_are_one_entity(entity_nlp):
    ents = entities_of(entity_nlp, "Kenyans voted on Sunday. A Kenyan official said the count was slow, and "
                          "Kenyan observers agreed. Many Buddhists stayed home; one Buddhist monk "
                          "spoke to reporters.")
    assert len(entities_with(ents, "Buddhist")) == 1, [(e.name, e.type) for e in ents]
    assert len(entities_with(ents, "Kenyan")) == 1, [(e.name, e.type) for e in ents]


def test_a_demonym_links_to_its_country_in_the_text(entity_nlp):
    ents = entities_of(entity_nlp, "Floods hit Kenya on Monday. Kenyan officials said 40 people had died, "
                          "and Kenyans in the capital gave blood.")
    kenya = entities_with(ents, "Kenya")
    assert len(kenya) == 1 and kenya[0].type == "GPE", [(e.name, e.type) for e in ents]


def test_a_first_name_alone_is_the_one_person_with_that_first_name(entity_nlp):
    ents = entities_of(entity_nlp, "Marianne Okafor won the primary. Supporters chanted for Marianne as "
                          "the results came in, and Okafor thanked them.")
    people = entities_with(ents, "Marianne")
    assert len(people) == 1 and people[0].name == "Marianne Okafor"
    assert len(people[0].mentions) == 3


def test_a_surname_that_is_also_a_title_word_is_still_the_surname(entity_nlp):
    ents = entities_of(entity_nlp, "Representative Harold King spoke on Tuesday. King said the bill was "
                          "dead, and King later left the chamber.")
    kings = entities_with(ents, "King")
    assert len(kings) == 1 and kings[0].type == "PERSON", [(e.name, e.id) for e in kings]
    assert kings[0].name == "Harold King"


def test_a_photo_credit_is_the_photographer_not_a_name_with_the_agency(entity_nlp):
    ents = entities_of(entity_nlp, "Protesters marched on the capitol. Photo: Dana Whitcombe/Reuters\n\n"
                          "The march ended at noon. Photograph: Liam Ostrander/2019 Getty Images")
    names = {e.name for e in ents}
    assert not any("/" in n for n in names), names


def test_hyphenated_adjective_compounds_are_not_mentions(entity_nlp):
    ents = entities_of(entity_nlp, "The pro-Kenyan militia and anti-Buddhist groups clashed. The diner has a "
                          "Marilyn Monroe-style booth, and the Kenyan-Somali border was closed.")
    texts = {m.text for e in ents for m in e.mentions}
    assert not any("-" in t for t in texts), texts


def test_the_house_is_not_the_white_house_and_in_washington_is_the_city(entity_nlp):
    ents = entities_of(entity_nlp, "The White House said the plan was final. The House voted against it on "
                          "Friday. Delegates met in Washington on Monday.")
    gov = [e for e in ents if e.id == "us-government"]
    assert gov and {m.text.lower() for m in gov[0].mentions} <= {"white house", "the white house"}
    washington = entities_with(ents, "Washington")
    assert washington and washington[0].type == "GPE", [(e.name, e.id, e.type) for e in ents]


def test_department_of_x_and_x_department_are_one_organisation(entity_nlp):
    ents = entities_of(entity_nlp, "The Department of Agriculture issued new rules. The Agriculture "
                          "Department said farmers had until May.")
    assert len(entities_with(ents, "Agriculture")) == 1, [(e.name, e.id) for e in ents]


def test_a_company_is_known_by_its_first_word_and_its_head_word_types_it(entity_nlp):
    ents = entities_of(entity_nlp, "Senator Ruth Calloway owns shares in Brennock Bank Holding Company and "
                          "Verlaine Labs. Her stake in Brennock grew last year.")
    brennock = entities_with(ents, "Brennock")
    assert len(brennock) == 1 and brennock[0].type == "ORG", [(e.name, e.type) for e in brennock]
    assert {e.type for e in entities_with(ents, "Verlaine")} == {"ORG"}


def test_a_name_after_a_possessive_or_a_party_is_a_person_of_its_own(entity_nlp):
    ents = entities_of(entity_nlp, "Channel Nine’s Gregory Fallon reported from the border. Democrats Doug "
                          "Halvey and Ann Purcell voted no.")
    names = {e.name for e in ents}
    assert "Gregory Fallon" in names and "Doug Halvey" in names, names
    assert not any("Fallon" in n and "Nine" in n for n in names)


def test_a_lone_initial_is_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "Rep. Harold King, R., spoke. The letter was signed J. and posted.")
    assert not any(e.name.rstrip(".").isalpha() and len(e.name.rstrip(".")) == 1 for e in ents), \
        [e.name for e in ents]


def test_a_heading_word_that_is_a_common_noun_in_the_body_is_no_name(entity_nlp):
    ents = entities_of(entity_nlp, "Why Labels Matter\n\nThe labels on food are confusing, and labels "
                          "change every year.")
    assert not entities_with(ents, "Labels"), [(e.name, e.type) for e in ents]


def test_an_imperative_headline_verb_is_no_part_of_the_name(entity_nlp):
    ents = entities_of(entity_nlp, "Tell Obama to veto the bill\n\nCampaigners urged Barack Obama to act.")
    assert not any(e.name.startswith("Tell") for e in ents), [e.name for e in ents]


def test_a_state_postal_code_is_a_place(entity_nlp):
    ents = entities_of(entity_nlp, "He lives in Duluth, MN, with his wife.")
    codes = [e for e in ents if e.name == "MN"]
    assert codes and all(e.type == "GPE" for e in codes), [(e.name, e.type) for e in ents]


def test_places_after_place_prepositions_and_in_lists_of_places_are_places(entity_nlp):
    ents = entities_of(entity_nlp, "Shelling hit the village of Zaborivka overnight. Fighting spread near "
                          "Horodyshche, and refugees fled to Kharkiv, Zaborivka and Poltava.")
    for word in ("Zaborivka", "Horodyshche"):
        found = entities_with(ents, word)
        assert found and {e.type for e in found} == {"GPE"}, [(e.name, e.type) for e in ents]


def test_a_person_the_tagger_calls_an_organisation_is_a_person_by_first_name(entity_nlp):
    ents = entities_of(entity_nlp, "Oleksandr Turchynov ordered troops to the east.")
    found = entities_with(ents, "Turchynov")
    assert found and found[0].type == "PERSON", [(e.name, e.type) for e in ents]


def test_companies_listed_with_companies_are_organisations(entity_nlp):
    ents = entities_of(entity_nlp, "She holds stock in Microsoft, Verizon, Pfizer and Apple, and her husband "
                          "owns shares of Alphabet, Intel and Amazon.")
    wrong = [(e.name, e.type) for e in ents if e.type != "ORG"]
    assert not wrong, wrong


def test_a_title_alone_is_no_entity_and_no_part_of_the_name(entity_nlp):
    ents = entities_of(entity_nlp, "Constable Mary Hale said the road was shut. The Constable added that "
                          "nobody was hurt.")
    assert [(e.name, e.type) for e in ents] == [("Mary Hale", "PERSON")]


def test_a_groups_first_word_and_a_mistyped_plural_are_the_group(entity_nlp):
    ents = entities_of(entity_nlp, "Native Americans marched on Monday, and Native leaders spoke. Jews and "
                          "Jewish groups joined them.")
    assert len(entities_with(ents, "Native")) == 1, [(e.name, e.type) for e in ents]
    assert len(entities_with(ents, "Jew")) == 1, [(e.name, e.type) for e in ents]


def test_a_title_or_a_corporate_word_is_no_given_name(entity_nlp):
    ents = entities_of(entity_nlp, "Democrats invested in three companies: General Electric, MetLife and "
                          "Pfizer.")
    assert {e.type for e in entities_with(ents, "Electric")} == {"ORG"}, [(e.name, e.type) for e in ents]
    ents = entities_of(entity_nlp, "Due to its energy subsidiary, GE Power, which operates a division.")
    assert {e.type for e in entities_with(ents, "GE Power")} == {"ORG"}, [(e.name, e.type) for e in ents]


def test_a_list_of_names_before_a_place_noun_is_a_list_of_places(entity_nlp):
    ents = entities_of(entity_nlp, "Tanks moved out of the Penza, Saratov and Ulyanovsk regions.")
    for word in ("Penza", "Saratov", "Ulyanovsk"):
        found = entities_with(ents, word)
        assert found and found[0].type == "GPE", [(e.name, e.type) for e in ents]


def test_an_adjective_made_from_a_persons_name_is_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "Greta Halvorsen won the vote. Her Halvorsenian style of politics "
                          "worries her rivals, and Trumpian slogans filled the hall where Donald "
                          "Trump spoke.")
    assert not any(e.name.endswith("ian") for e in ents), [(e.name, e.type) for e in ents]


def test_hyphens_inside_a_name_keep_the_name(entity_nlp):
    ents = entities_of(entity_nlp, "Ban Ki-moon met Park Geun-hye in Seoul. Jaish-e-Mohammed claimed the "
                          "attack.")
    names = {e.name for e in ents}
    assert {"Ban Ki-moon", "Park Geun-hye"} <= names, names


def test_a_base_named_after_a_person_is_known_by_that_name_alone(entity_nlp):
    ents = entities_of(entity_nlp, "Jets took off from Luke Air Force Base on Monday. A pilot at Luke said "
                          "the runway was closed.")
    luke = entities_with(ents, "Luke")
    assert len(luke) == 1 and luke[0].type == "FAC", [(e.name, e.type) for e in ents]
    assert len(luke[0].mentions) == 2


def test_handles_addresses_designators_and_joined_names_are_no_entities(entity_nlp):
    from spacy.tokens import Span

    ents = entities_of(entity_nlp, "Copyright 2019 The Daily Ledger, LLC. The U.S.-Mexico border is long.")
    texts = {m.text for e in ents for m in e.mentions}
    assert not any("-" in t or t == "LLC" for t in texts), texts
    linker = entity_nlp.get_pipe("claimscope_entities")
    doc = entity_nlp("Write to @RCalloway or ruth.calloway@example.com today.")
    for token in doc:
        if "@" in token.text:
            assert linker._junk(Span(doc, token.i, token.i + 1, label="PERSON"), set())


def test_an_owner_before_a_possessive_is_a_name_of_its_own(entity_nlp):
    ents = entities_of(entity_nlp, "The Labor Department’s Wage and Hour Division ruled on Monday.")
    names = {e.name for e in ents}
    assert not any("Wage" in n and "Department" in n for n in names), names


def test_a_party_before_a_chamber_is_the_party_and_the_chamber(entity_nlp):
    ents = entities_of(entity_nlp, "The Republican House passed the bill, and the Democratic Senate "
                          "refused it.")
    names = {e.name for e in ents}
    assert {"House", "Senate"} <= names and not any(" House" in n or " Senate" in n for n in names), names


def test_a_name_with_and_without_its_possessive_ending_is_one_entity(entity_nlp):
    ents = entities_of(entity_nlp, "Workers at Brennock’s stores struck. Brennock said the talks would go "
                          "on, and Brennock’s managers agreed.")
    assert len(entities_with(ents, "Brennock")) == 1, [(e.name, [m.text for m in e.mentions]) for e in ents]


def test_a_head_word_alone_is_a_name_only_through_a_fuller_name(entity_nlp):
    ents = entities_of(entity_nlp, "Kessler Motors cut jobs. The Company said profits rose.")
    assert [e.name for e in ents] == ["Kessler Motors"], [(e.name, e.type) for e in ents]
    ents = entities_of(entity_nlp, "The New York Times reported it first. The Times said the memo was real.")
    times = entities_with(ents, "Times")
    assert len(times) == 1 and len(times[0].mentions) == 2


def test_an_honorific_before_a_name_makes_it_a_person(entity_nlp):
    from claimscope.model.records import Entity, Mention
    from claimscope.nlp.entities import _type_from_context

    text = "The congresswoman Kealoha took a different view, and Kealoha left."
    doc = entity_nlp(text)
    starts = [i for i in range(len(text)) if text.startswith("Kealoha", i)]
    entity = Entity(id="kealoha", name="Kealoha", type="ORG",
                    mentions=[Mention(s, s + 7, "Kealoha") for s in starts])
    _type_from_context(doc, {"kealoha": entity}, {"kealoha": ["ORG", "ORG"]}, {})
    assert entity.type == "PERSON"


def test_a_place_inside_a_quoted_title_is_no_mention_of_it(entity_nlp):
    ents = entities_of(entity_nlp, "He wrote “A Short History of Kenya” in 1990. Kenya was then poor.")
    assert [m.text for e in ents if e.name == "Kenya" for m in e.mentions] == ["Kenya"]


def test_a_quoted_name_alone_is_still_a_name(entity_nlp):
    ents = entities_of(entity_nlp, "The group calling itself “Red Dawn Brigade” claimed the attack.")
    assert any("Red Dawn Brigade" in e.name for e in ents), [e.name for e in ents]


def test_a_place_at_the_end_of_an_organisations_name_is_still_the_place(entity_nlp):
    ents = entities_of(entity_nlp, "Mirvale Bank of Tampa closed on Monday. Tampa is hot.")
    tampa = [e for e in ents if any(m.text == "Tampa" for m in e.mentions)]
    assert tampa and "Bank" not in tampa[0].name, [(e.name, e.type) for e in ents]


def test_two_names_joined_before_a_noun_are_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "There was zero evidence of Trump-Russia collusion, Donald Trump said.")
    assert not any("-" in m.text for e in ents for m in e.mentions), [e.name for e in ents]


def test_a_court_case_is_a_law(entity_nlp):
    ents = entities_of(entity_nlp, "The ruling in Brown v Board of Education still stands, said Ruth Calloway.")
    assert {e.type for e in entities_with(ents, "Brown")} == {"LAW"}, [(e.name, e.type) for e in ents]


def test_an_adverb_at_the_start_of_a_sentence_is_no_part_of_the_name(entity_nlp):
    ents = entities_of(entity_nlp, "Marianne Okafor and Greta Halvorsen spoke. Later Okafor and Halvorsen left.")
    assert not any(e.name.startswith("Later") for e in ents), [e.name for e in ents]
    okafor = entities_with(ents, "Okafor")
    assert len(okafor) == 1 and len(okafor[0].mentions) == 2


def test_a_possessive_or_a_comma_inside_a_name_keeps_the_name_whole(entity_nlp):
    ents = entities_of(entity_nlp, "The Women’s National Rowing Association met in May. Agents of the "
                          "Bureau of Alcohol, Tobacco and Firearms raided the farm.")
    names = {e.name for e in ents}
    assert "Women" not in names and not any(n.startswith("Tobacco") for n in names), names
