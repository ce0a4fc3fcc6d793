"""Issue 9 speaker rules of round speakers16 (tuning pool): a description whose only name is an
adjective ("The Republican lawmaker") is resolved as a description of a person, to the one just
named, or to no one where two could be meant. Hand-written sentences, the real spaCy model."""

from __future__ import annotations

from speaker_views import speaker_of


def test_an_epithet_with_a_party_adjective_is_the_one_just_named(analyze):
    a = analyze("Rep. Ken Buck voted against the bill. The Republican lawmaker said the bill was a "
                "giveaway to banks.")
    assert speaker_of(a, "giveaway to banks") == "Ken Buck"


def test_an_epithet_with_a_party_adjective_after_two_people_is_no_one(analyze):
    a = analyze("Rep. Ken Buck and Rep. Ada Brenner voted against the bill. The Republican lawmaker "
                "said the bill was a giveaway to banks.")
    assert speaker_of(a, "giveaway to banks") is None


def test_a_body_with_a_demonym_is_not_the_country(analyze):
    a = analyze("France sent a delegation to the harbour talks. The French company said the levy "
                "would cost jobs.")
    assert speaker_of(a, "cost jobs") != "France"


def test_the_network_is_the_outlet_that_spoke_in_a_clause_before(analyze):
    a = analyze("But as CNN pointed out, it did not publish the files. The network said the files were "
                "never verified.")
    assert speaker_of(a, "never verified") == "CNN"


def test_the_network_after_two_outlets_spoke_is_no_one(analyze):
    a = analyze("As CNN reported and as NBC News noted, the mayor did not publish the files. The network "
                "said the files were never verified.")
    assert speaker_of(a, "never verified") is None


def test_a_name_in_a_clause_on_the_source_is_not_the_speaker(analyze):
    a = analyze("The flights happen almost daily, according to a senior official accompanying Kerry on "
                "his stop in Baghdad.")
    assert speaker_of(a, "flights happen") is None


def test_the_one_person_of_a_source_phrase_still_speaks(analyze):
    a = analyze("Republican candidate and Florida Sen. Marco Rubio said the bill was dead.")
    assert speaker_of(a, "bill was dead") == "Marco Rubio"


def test_a_name_in_the_quotation_after_the_tag_is_not_the_speaker(analyze):
    a = analyze("The rally in Valtoria ended late on Tuesday.\n\n\"We don't have much of a race anymore,\" "
                "he added, \"Ted Brenner is just about eliminated.\"")
    assert speaker_of(a, "much of a race") is None


def test_a_family_adviser_is_not_the_family_member(analyze):
    a = analyze("Hillary Clinton spoke in Ohio. A Clinton family adviser said the donations were routine.")
    assert speaker_of(a, "donations were routine") is None


def test_an_administration_is_no_committee_named_after_government(analyze):
    a = analyze("The House Oversight and Government Reform Committee asked for the figures in May.\n\n"
                "Last spring the Obama administration announced that eight million people had enrolled.")
    assert speaker_of(a, "eight million people") != "House Oversight and Government Reform Committee"


def test_the_administration_after_the_white_house_is_the_government(analyze):
    a = analyze("The White House said the talks were over. The administration said it would not budge.")
    assert speaker_of(a, "would not budge") == "Government of the United States"


def test_a_firms_data_is_that_firms_not_the_last_data_named(analyze):
    a = analyze("Data from the firms Unacast and SafeGraph showed a slow rise in visits. Data on small "
                "businesses from time management firm Homebase showed a few more firms open.\n\n"
                "A New York Fed index fell slightly. Unacast data showed foot traffic among home "
                "improvement stores crept up.")
    assert speaker_of(a, "foot traffic") == "Unacast"


def test_an_epithet_after_its_quotation_is_the_one_named_just_before(analyze):
    a = analyze("The report was written at the request of Sen. Ada Brenner (D-Vt.). \u201cThe reality, as this "
                "report makes clear, is that wealth has moved to the top,\u201d the former Democratic presidential "
                "candidate said in a statement.")
    assert speaker_of(a, "wealth has moved") == "Ada Brenner"


def test_an_epithet_after_its_quotation_with_two_people_before_is_no_one(analyze):
    a = analyze("The report was written for Sen. Ada Brenner (D-Vt.) and Sen. Mary Kemp (D-Ore.). \u201cThe "
                "reality is that wealth has moved to the top,\u201d the former Democratic presidential candidate "
                "said in a statement.")
    assert speaker_of(a, "wealth has moved") is None


def test_a_court_with_a_place_in_its_phrase_is_not_the_place(analyze):
    a = analyze("The Arizona Supreme Court ruled on Monday. The Arizona Court of Appeals had ruled the other "
                "way.\n\nHowever, the Arizona high court found that the city law violates the free speech of "
                "the two artists.")
    assert speaker_of(a, "city law violates") != "Arizona"


def test_a_court_named_in_full_is_that_court(analyze):
    a = analyze("The Arizona Supreme Court found that the city law violates the free speech of the two artists.")
    assert speaker_of(a, "city law violates") == "Arizona Supreme Court"


def test_a_name_the_tagger_missed_is_not_another_with_the_same_first_name(analyze):
    a = analyze("General Terrence O\u2019Shaughnessy, the commander of U.S. Northern Command, said the number of "
                "troops would exceed 5,200.\n\nGeneral Terrence Oakes, the commander of the northern force, "
                "spoke next.")
    assert speaker_of(a, "would exceed") != "Terrence Oakes"


def test_a_surname_alone_is_still_its_person(analyze):
    a = analyze("Mary Hollis chairs the harbour board. Mrs Hollis said the ferry was safe.")
    assert speaker_of(a, "ferry was safe") == "Mary Hollis"


def test_an_occupation_before_a_name_is_no_part_of_it(analyze):
    a = analyze("Comedian Seth Meyers told his audience that the levy was a joke. Meyers said the council "
                "should resign.")
    assert "Seth Meyers" in [e.name for e in a.entities]
    assert speaker_of(a, "levy was a joke") == "Seth Meyers"


def test_the_occupation_again_is_the_one_who_had_it(analyze):
    a = analyze("Democratic strategist Ada Brenner said the vote was close. The strategist said turnout was low.")
    assert speaker_of(a, "turnout was low") == "Ada Brenner"


SIGNING = ("Donald Trump signed the order on Monday at the White House.\n\n"
           "The president said the order would protect workers.")


def test_the_president_of_a_dated_text_is_the_one_then_in_office(analyze):
    assert speaker_of(analyze(SIGNING, date="2018-05-02"), "protect workers") == "Donald Trump"


def test_the_president_of_an_undated_text_or_another_term_is_no_one(analyze):
    assert speaker_of(analyze(SIGNING), "protect workers") is None
    assert speaker_of(analyze(SIGNING, date="2015-05-02"), "protect workers") is None


def test_a_former_president_is_not_the_president(analyze):
    a = analyze("Former President Barack Obama spoke in Chicago on Monday.\n\nThe president said the order "
                "would protect workers.", date="2018-05-02")
    assert speaker_of(a, "protect workers") != "Barack Obama"
