"""World-knowledge typing of entities (issue 9, helper entities6; nlp/entity_knowledge.py), each
on sentences written for the test: outlets, chambers, movements, religions, persons the tagger
typed as places or bodies, eponymous adjectives, idioms, captions and credits, headlines in
capitals, names run together, initials."""

from entity_views import entities_of, entities_with, shown


def _types(ents):
    return {e.name: e.type for e in ents}


def test_a_news_channel_is_an_organisation_not_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "Speaking to Al Jazeera, the minister said talks had stalled. "
                       "Al Jazeera reported the clashes first.")
    assert [e.type for e in entities_with(ents, "Jazeera")] == ["ORG"], shown(ents)


def test_an_outlets_short_and_long_names_are_one_organisation(entity_nlp):
    ents = entities_of(entity_nlp, "According to Breitbart, the deal was off. Breitbart News reported it "
                       "on Sunday. The Daily Caller and HuffPost disagreed, as did Axios.")
    breitbart = entities_with(ents, "Breitbart")
    assert len(breitbart) == 1 and breitbart[0].type == "ORG", shown(ents)
    assert [e.type for e in entities_with(ents, "HuffPost")] == ["ORG"], shown(ents)


def test_movements_are_organisations(entity_nlp):
    ents = entities_of(entity_nlp, "The Tea Party and Occupy Wall Street were compared. Antifa and the "
                       "Proud Boys clashed in the streets.")
    assert _types(ents).get("Occupy Wall Street") == "ORG", shown(ents)
    assert _types(ents).get("Antifa") == "ORG", shown(ents)


def test_a_religion_its_adjective_and_its_believers_are_one_group(entity_nlp):
    ents = entities_of(entity_nlp, "Muslims pray five times a day. Islam forbids it, said the imam, "
                       "citing Islamic law. Judaism and the Jewish community were also named.")
    islam = entities_with(ents, "Islam")
    assert len(islam) == 1 and islam[0].type == "NORP", shown(ents)
    assert {m.text for m in islam[0].mentions} >= {"Muslims", "Islam", "Islamic"}, shown(ents)
    jews = entities_with(ents, "Judaism")
    assert len(jews) == 1 and jews[0].type == "NORP", shown(ents)


def test_eponymous_adjectives_and_idioms_are_no_entities(entity_nlp):
    ents = entities_of(entity_nlp, "It was a Herculean effort. The plan is a Trojan horse for higher "
                       "taxes, critics said, in an Aristotelean sense.")
    assert not any(w in m.text for e in ents for m in e.mentions
                   for w in ("Herculean", "Trojan", "Aristotelean")), shown(ents)


def test_a_credit_label_is_no_entity_of_the_story(entity_nlp):
    ents = entities_of(entity_nlp, "Enlarge this image toggle caption Dana Whitlock/Getty Images "
                       "Dana Whitlock/Getty Images\nThe senator spoke on Friday in Ohio. Photo illustration by Slate. "
                       "Getty Images.")
    assert not entities_with(ents, "Getty") and not entities_with(ents, "Illustration"), shown(ents)
    assert entities_with(ents, "Ohio"), shown(ents)


def test_a_headline_in_capitals_is_the_names_the_body_gives(entity_nlp):
    ents = entities_of(entity_nlp, "MARK ZUCKERBERG TESTIFIES\nMark Zuckerberg told senators on Tuesday that "
                       "the firm erred. Zuckerberg apologized.")
    found = entities_with(ents, "Zuckerberg") + entities_with(ents, "ZUCKERBERG")
    assert len({e.id for e in found}) == 1, shown(ents)
    assert not any("TESTIFIES" in m.text for e in ents for m in e.mentions), shown(ents)


def test_two_surnames_run_together_are_two_people(entity_nlp):
    ents = entities_of(entity_nlp, "Donald Trump rallied in Pennsylvania with Lou Barletta. The crowd "
                       "cheered Barletta Trump for an hour, and Trump spoke last.")
    assert not any(e.name == "Barletta Trump" for e in ents), shown(ents)


def test_initials_and_the_full_given_names_are_one_person(entity_nlp):
    ents = entities_of(entity_nlp, "J.D. Vance spoke first. Then James David Vance spoke again, and "
                       "Vance said more.")
    assert len(entities_with(ents, "Vance")) == 1, shown(ents)


def test_a_given_name_and_a_surname_typed_as_a_place_is_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "The plan, opposed in Virginia Beach, would also fund summer camps, an idea "
                       "pushed by Mayor Hale's daughter Ivanka.")
    assert _types(ents).get("Ivanka") == "PERSON", shown(ents)
    assert _types(ents).get("Virginia Beach") in ("GPE", "LOC"), shown(ents)


def test_a_chamber_is_an_organisation_not_a_place(entity_nlp):
    # a guard: the fresh set's "the House" typed as a place did not reproduce on these sentences,
    # but the chambers lexicon must keep a chamber an organisation after a place cue
    ents = entities_of(entity_nlp, "The vote near the Senate was close, and lawmakers in the House balked.")
    assert all(e.type == "ORG" for e in entities_with(ents, "Senate") + entities_with(ents, "House")), shown(ents)


def test_a_title_of_a_film_holds_no_person(entity_nlp):
    ents = entities_of(entity_nlp, "The film Gone with the Wind was shown on Friday in Atlanta.")
    assert not entities_with(ents, "Wind"), shown(ents)


def test_a_disease_is_no_organisation(entity_nlp):
    ents = entities_of(entity_nlp, "Most adults follow news about the COVID-19 outbreak, the survey found.")
    assert not any(e.type == "ORG" for e in entities_with(ents, "COVID")), shown(ents)


def test_a_full_name_the_tagger_called_a_body_is_a_person(entity_nlp):
    # the tagger's ORG on "Nikki Haley" (a surname that is also a given name)
    ents = entities_of(entity_nlp, "Nikki Haley criticized the plan on Monday, and the Boy Scouts and Sandy "
                       "Hook families agreed. The scouts met in the Rose Garden.")
    types = _types(ents)
    assert types.get("Nikki Haley") == "PERSON", shown(ents)
    assert types.get("Rose Garden") != "PERSON", shown(ents)


def test_a_title_case_headline_of_common_words_is_no_body(parse):
    # the tagger's ORG on such a line, checked on the span itself
    from spacy.tokens import Span

    from claimscope.nlp.entity_mentions import is_heading_phrase, lower_case_words

    doc = parse("Factory Output Falls In March, Jobless Rate Steady\nThe jobless rate held steady in "
                "March, the Bureau of Labor Statistics said.\nThe Bureau of Labor Statistics met.")
    words = lower_case_words(doc)
    jobless = next(t.i for t in doc if t.text == "Jobless")
    assert is_heading_phrase(Span(doc, jobless, jobless + 2, label="ORG"), words)
    bureau = [t.i for t in doc if t.text == "Bureau"][-1]
    assert not is_heading_phrase(Span(doc, bureau, bureau + 4, label="ORG"), words)

def test_a_given_name_the_tagger_called_a_place_is_the_one_person_with_it(parse):
    # the tagger's place "Milo" beside its person "Milo Brandt"
    from claimscope.model.records import Entity, Mention
    from claimscope.nlp.entities import _type_from_knowledge

    doc = parse("A former pupil, Milo Brandt, disliked it. So Milo baked bread before class.")
    ents = {"milo-brandt": Entity(id="milo-brandt", name="Milo Brandt", type="PERSON",
                                  mentions=[Mention(16, 27, "Milo Brandt")]),
            "milo": Entity(id="milo", name="Milo", type="GPE", mentions=[Mention(45, 49, "Milo")])}
    labels = {"milo-brandt": ["PERSON!"], "milo": ["GPE"]}
    _type_from_knowledge(doc, ents, labels, {})
    assert list(ents) == ["milo-brandt"] and len(ents["milo-brandt"].mentions) == 2, ents

def test_a_lone_well_known_surname_tagged_a_body_is_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "The firm's board is mostly women, a contrast with Trump, whose company "
                       "did not release such data.")
    assert all(e.type == "PERSON" for e in entities_with(ents, "Trump")), shown(ents)


def test_a_link_is_no_body(parse):
    from claimscope.nlp.entity_knowledge import is_not_an_entity

    doc = parse("The figure was false. https://t.co/Qw8rTy2Lp0 — Ada Quist")
    link = next(t for t in doc if "t.co" in t.text)
    assert is_not_an_entity(doc[link.i:link.i + 1])
    assert not is_not_an_entity(doc[len(doc) - 2:len(doc)])

def test_a_promotion_line_in_capitals_is_no_mention(entity_nlp):
    ents = entities_of(entity_nlp, "Fox News reported the vote on Monday.\nCLICK HERE TO DOWNLOAD THE FOX NEWS "
                       "APP\nThe bill passed.")
    assert [len(e.mentions) for e in entities_with(ents, "Fox") + entities_with(ents, "FOX")] == [1], shown(ents)


def test_a_person_only_world_knowledge_found_takes_her_given_name_alone(parse):
    # the tagger's organisation "Tessa Quill" beside its person "Tessa": once world knowledge makes
    # the full name a person, the given name alone joins her as the tagger's persons' do
    from claimscope.model.records import Entity, Mention
    from claimscope.nlp.entities import _type_from_knowledge

    doc = parse("Tessa Quill is a clever teenager, and Tessa must find it.")
    ents = {"tessa-quill": Entity(id="tessa-quill", name="Tessa Quill", type="ORG",
                                  mentions=[Mention(0, 11, "Tessa Quill")]),
            "tessa": Entity(id="tessa", name="Tessa", type="PERSON", mentions=[Mention(38, 43, "Tessa")])}
    labels = {"tessa-quill": ["ORG"], "tessa": ["PERSON"]}
    _type_from_knowledge(doc, ents, labels, {})
    assert list(ents) == ["tessa-quill"] and ents["tessa-quill"].type == "PERSON", ents


def test_a_firm_named_after_people_the_tagger_called_a_body_stays_one(entity_nlp):
    # "Morgan Stanley": a given name and a surname, tagged ORG; it is a bank, no person
    ents = entities_of(entity_nlp, "Analysts at Morgan Stanley cut their forecast on Monday, and the "
                       "bank's shares fell.")
    assert [e.type for e in entities_with(ents, "Morgan Stanley")] == ["ORG"], shown(ents)


def test_a_lone_surname_that_also_names_an_outlet_the_tagger_called_a_person_stays_one(entity_nlp):
    # "Fox" alone is the network or the actor: with "who starred" the tagger's person stands
    ents = entities_of(entity_nlp, "The opera opened in Zurich, and critics loved it.\n\nFox, who starred "
                       "in the film, said he was grateful. Fox thanked his fans on Monday.")
    assert [e.type for e in entities_with(ents, "Fox")] == ["PERSON"], shown(ents)


def test_a_given_name_read_as_a_place_is_not_the_person_with_it(entity_nlp):
    # "gathered in Madison": the city, not "Madison Cawthorn" of the sentence before
    ents = entities_of(entity_nlp, "Madison Cawthorn spoke in Raleigh on Monday. On Tuesday, protesters "
                       "gathered in Madison to oppose the bill.")
    person = [e for e in ents if e.name == "Madison Cawthorn"]
    assert person and len(person[0].mentions) == 1, shown(ents)
    assert any(e.name == "Madison" and e.type == "GPE" for e in ents), shown(ents)


def test_a_state_s_abbreviation_after_a_city_stays_a_place(entity_nlp):
    # "VA" is Virginia here, not the Department of Veterans Affairs
    ents = entities_of(entity_nlp, "The mayor of Arlington, VA, said the county would open a new clinic. "
                       "It will serve residents of Richmond, VA, and Norfolk, VA, officials said.")
    assert not any(e.type == "ORG" for e in entities_with(ents, "VA")), shown(ents)


# ---- entities7: tagger persons that are places or bodies, persons the tagger called bodies ----

def test_a_two_word_name_whose_surname_takes_she_is_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "Tulsi Gabbard criticized the plan on Monday. Gabbard said she would "
                       "vote against it.")
    assert [e.type for e in entities_with(ents, "Gabbard")] == ["PERSON"], shown(ents)


def test_a_place_name_the_tagger_called_a_person_is_a_place(entity_nlp):
    ents = entities_of(entity_nlp, "Families of the Sandy Hook victims sued the company. Tourists flocked "
                       "to Victoria Falls last summer.")
    assert _types(ents).get("Sandy Hook") == "GPE", shown(ents)
    assert _types(ents).get("Victoria Falls") == "GPE", shown(ents)


def test_a_school_and_a_team_the_tagger_called_persons_are_organisations(entity_nlp):
    ents = entities_of(entity_nlp, "Students at Georgia Tech protested the decision. The Orlando Magic beat "
                       "the Miami Heat on Tuesday.")
    assert _types(ents).get("Georgia Tech") == "ORG", shown(ents)
    assert _types(ents).get("Orlando Magic") == "ORG", shown(ents)


def test_persons_with_a_place_word_for_a_surname_stay_persons(entity_nlp):
    ents = entities_of(entity_nlp, "Michael Bay and Brian Hook met Grace Chen in Lafayette Park.")
    types = _types(ents)
    assert [types.get(n) for n in ("Michael Bay", "Brian Hook", "Grace Chen")] == ["PERSON"] * 3, shown(ents)


def test_a_classification_mark_and_a_head_word_alone_are_no_entities(entity_nlp):
    ents = entities_of(entity_nlp, "The documents were marked Top Secret, officials said. The Library will "
                       "close early.")
    assert not entities_with(ents, "Secret") and not entities_with(ents, "Library"), shown(ents)


def test_a_neighbourhood_or_town_read_as_a_place_is_a_place(entity_nlp):
    ents = entities_of(entity_nlp, "He was arrested in Capitol Heights on Monday. He grew up in Dorchester "
                       "and later moved to Brookline.")
    assert _types(ents).get("Capitol Heights") == "GPE", shown(ents)
    assert _types(ents).get("Dorchester") == "GPE", shown(ents)


def test_a_surname_after_in_that_is_no_place_stays_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "Voters who believed in McAllister were let down. Confidence in "
                       "McAllister fell.")
    assert [e.type for e in entities_with(ents, "McAllister")] == ["PERSON"], shown(ents)


def test_a_storms_name_is_an_event_not_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "Officials said Cyclone Amphan killed dozens in West Bengal. Amphan "
                       "weakened overnight.")
    assert [e.type for e in entities_with(ents, "Amphan")] == ["EVENT"], shown(ents)


def test_an_agency_and_its_news_agency_form_are_one_outlet(entity_nlp):
    ents = entities_of(entity_nlp, "Reuters News Agency said the talks failed. Reuters later corrected the "
                       "report.")
    assert len(entities_with(ents, "Reuters")) == 1, shown(ents)


def test_a_video_players_buttons_are_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "Senator Mitch McConnell spoke. McConnell Replay More Videos The senator "
                       "left.")
    assert not entities_with(ents, "Replay"), shown(ents)


def test_a_states_chamber_is_an_organisation(entity_nlp):
    ents = entities_of(entity_nlp, "She was elected to the Georgia House in 2010.")
    assert _types(ents).get("Georgia House") == "ORG", shown(ents)
