"""Entity faults of the after5 audit's kinds (issue 9), each on sentences written for the test:
caption and video labels, a place run into a post-office box, adjectives of two countries,
imperative slogans, a native name after a slash, a family name."""


from entity_views import entities_of, shown


def test_caption_and_story_labels_are_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "Photo\n\nThe mayor of Brackwater said the Harwick Dam would open.\n\n"
                      "Watch Video\n\nThe dam cost $40 million.\n\nVideo\n\nMore Stories\n\n"
                      "Fox News Stories\n\nRelated Stories\n\nCNN Stories")
    names = {e.name for e in ents}
    assert "Harwick Dam" in names, shown(ents)
    assert not any(w in n for n in names for w in ("Photo", "Video", "Watch", "Stories")), shown(ents)


def test_a_place_run_into_a_post_office_box_is_the_place(entity_nlp):
    ents = entities_of(entity_nlp, "Mail the form to North Dakota P.O. Box 88, the clinic said. Write to the "
                      "paper at Montana P.O. 44, Helena.")
    names = {e.name for e in ents}
    assert "North Dakota" in names and "Montana" in names, shown(ents)
    assert not any("P.O" in n or "Box" in n for n in names), shown(ents)


def test_a_body_run_into_its_post_office_box_keeps_its_type(entity_nlp):
    ents = entities_of(entity_nlp, "Donations go to the Harlan Fund P.O. Box 12, Dayton.")
    assert ("Harlan Fund", "ORG") in {(e.name, e.type) for e in ents}, shown(ents)


def test_an_adjective_of_two_countries_is_no_mention_of_either(entity_nlp):
    ents = entities_of(entity_nlp, "The Franco-German plan failed. Sino-American trade fell, and the "
                      "U.S.-Israeli talks stalled on Monday.")
    assert not any(w in m.text for e in ents for m in e.mentions
                   for w in ("German", "American", "Israeli", "U.S.")), shown(ents)


def test_a_country_after_a_hyphen_in_a_real_mention_stays(entity_nlp):
    ents = entities_of(entity_nlp, "Germany objected. Officials in Germany said the plan failed.")
    assert any(e.name == "Germany" for e in ents), shown(ents)


def test_an_imperative_before_a_name_at_a_line_start_is_no_part_of_it(entity_nlp):
    ents = entities_of(entity_nlp, "TELL OBAMA: STOP THE PIPELINE\n\nTell Obama to stop the pipeline.\n\n"
                      "Text VOTE to 12345.\n\nSign the petition to Congress now.")
    names = {e.name for e in ents}
    assert "Obama" in names, shown(ents)
    assert not any(n.split()[0] in ("Tell", "TELL", "Text", "Sign", "VOTE", "STOP") for n in names), shown(ents)


def test_a_native_name_after_a_slash_is_the_same_body(entity_nlp):
    ents = entities_of(entity_nlp, "The suit was filed by the Rosebud Sioux Tribe/Sicangu Oyate in federal "
                      "court. The Rosebud Sioux Tribe said it would appeal.")
    assert len(ents) == 1 and ents[0].name == "Rosebud Sioux Tribe", shown(ents)


def test_a_photo_credit_after_a_slash_is_no_name_of_the_story(entity_nlp):
    # entities5 kept "AFP" and "Getty Images" as two names; the fresh audit set's judges count
    # a credit label as junk (issue 9, entities6), so the credit names nothing, and no one
    # "AFP/Getty Images" either
    ents = entities_of(entity_nlp, "Protesters marched in Delhi on Monday. AFP/Getty Images")
    names = {e.name for e in ents}
    assert names == {"Delhi"}, shown(ents)


def test_a_family_name_is_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "The Hartigan family of Brackwater sued. The Hartigans said they were "
                      "told nothing.")
    hart = [e for e in ents if "Hartigan" in e.name]
    assert len(hart) == 1 and hart[0].type == "PERSON", shown(ents)


def test_a_company_family_of_staff_is_still_the_company(entity_nlp):
    ents = entities_of(entity_nlp, "A United employee died on Monday, the airline said. \"The thoughts of "
                      "the entire United family are with his loved ones,\" United said.")
    assert not any(e.name == "United" and e.type == "PERSON" for e in ents), shown(ents)


def test_a_given_name_that_is_also_a_verb_opens_a_name(entity_nlp):
    ents = entities_of(entity_nlp, "Mark Hale said the bill is bad.\n\nWill Smith agreed on Monday.\n\n"
                      "Will Obama sign the bill?")
    names = {e.name for e in ents}
    assert "Will Smith" in names and "Obama" in names, shown(ents)
