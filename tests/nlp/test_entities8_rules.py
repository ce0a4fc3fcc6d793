"""Entity rules of issue 9, helper entities8, each on sentences written for the test: link
lines of the page, names inside an outlet's name, a president's name before "administration",
capitals as cities, a byline's outlet, epithets, landmarks, firms and teams, and
the place list without fragments of names."""

from entity_views import entities_of, entities_with, shown

from claimscope.nlp.entity_knowledge import is_place


def _mention_texts(ents, entity_id):
    return [m.text for e in ents if e.id == entity_id for m in e.mentions]


def test_the_place_list_holds_no_fragments_of_place_names():
    for fragment in ("Abu", "Dhabi", "Addis", "Ababa", "Des", "Moines", "Hong", "Kong", "Kuala", "Lumpur",
                     "Baton", "Rouge"):
        assert not is_place(fragment), fragment
    for place in ("Abu Dhabi", "Addis Ababa", "Des Moines", "Hong Kong", "Kuala Lumpur", "Baton Rouge"):
        assert is_place(place), place


def test_names_on_a_link_line_are_no_mentions(entity_nlp):
    ents = entities_of(entity_nlp, "The governor of Ohio signed the bill on Monday.\n"
                       "Related: Senator Mara Velkova blasts Ohio budget plan\n"
                       "Read more: How Tobias Renner won the primary\n"
                       "Click for more from Reuters.\n"
                       "The bill takes effect in July.")
    assert not entities_with(ents, "Velkova") and not entities_with(ents, "Renner"), shown(ents)
    assert not entities_with(ents, "Reuters"), shown(ents)
    ohio = entities_with(ents, "Ohio")
    assert len(ohio) == 1 and len(ohio[0].mentions) == 1, shown(ents)


def test_a_button_run_into_the_articles_first_line_keeps_the_line(entity_nlp):
    ents = entities_of(entity_nlp, "Read more There is a saying in Ohio that teachers repeat.")
    assert entities_with(ents, "Ohio"), shown(ents)


def test_a_place_inside_an_outlets_name_is_no_mention_of_the_place(entity_nlp):
    ents = entities_of(entity_nlp, "Marta Quill\nUSA TODAY\nThe senator spoke to reporters on Tuesday. "
                       "She later appeared on Al Jazeera America.")
    assert not _mention_texts(ents, "united-states"), shown(ents)


def test_a_presidents_name_before_administration_is_no_mention_of_him(entity_nlp):
    ents = entities_of(entity_nlp, "The Trump administration said on Monday it would appeal the ruling. "
                       "Later, President Trump said he agreed.")
    trump = entities_with(ents, "Trump")
    assert len(trump) == 1 and [m.text for m in trump[0].mentions] == ["Trump"], shown(ents)
    assert trump[0].mentions[0].start > 20, shown(ents)  # the second sentence's "Trump"


def test_a_person_named_only_by_his_administration_is_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "Officials of the Obama administration defended the rule in court.")
    assert not entities_with(ents, "Obama"), shown(ents)


def test_a_possessive_administration_stays_the_persons(entity_nlp):
    ents = entities_of(entity_nlp, "Barack Obama defended the rule. Obama's administration had written it.")
    obama = entities_with(ents, "Obama")
    assert len(obama) == 1 and len(obama[0].mentions) == 2, shown(ents)


def test_a_capital_after_a_place_preposition_is_the_city_not_the_country(entity_nlp):
    ents = entities_of(entity_nlp, "Thousands of protesters gathered in Moscow on Sunday. "
                       "Moscow denied any role in the attack, and Russia recalled its envoy.")
    assert _mention_texts(ents, "russia") == ["Moscow", "Russia"], shown(ents)
    city = [e for e in ents if e.id != "russia" and any(m.text == "Moscow" for m in e.mentions)]
    assert len(city) == 1 and city[0].type == "GPE" and len(city[0].mentions) == 1, shown(ents)


def test_a_capital_in_a_dateline_is_the_city(entity_nlp):
    ents = entities_of(entity_nlp, "BEIJING (Reuters) - China said on Friday it would cut tariffs.")
    assert _mention_texts(ents, "china") == ["China"], shown(ents)


def test_a_bylines_outlet_is_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "By Tom Hale\nBBC News\n\nThe minister told the BBC that talks had stalled.")
    assert not entities_with(ents, "BBC News"), shown(ents)
    bbc = entities_with(ents, "BBC")
    assert len(bbc) == 1 and [m.text for m in bbc[0].mentions] == ["BBC"], shown(ents)


def test_epithets_and_slogans_are_no_entities(entity_nlp):
    ents = entities_of(entity_nlp, "He said the Fake News Media lied again. Reagan, the Gipper, "
                       "won twice, and the crowd chanted Make America Great Again.")
    assert not entities_with(ents, "Fake News") and not entities_with(ents, "Gipper"), shown(ents)
    assert not entities_with(ents, "Make America"), shown(ents)


def test_theme_parks_and_rooms_of_state_are_facilities(entity_nlp):
    ents = entities_of(entity_nlp, "The family flew to Orlando to visit Walt Disney World, and later "
                       "the president spoke from the Oval Office. Tourists climbed to Machu Picchu.")
    for name in ("Disney World", "Oval Office", "Machu Picchu"):
        found = entities_with(ents, name)
        assert found and found[0].type == "FAC", (name, shown(ents))


def test_firms_named_after_people_are_organisations(entity_nlp):
    ents = entities_of(entity_nlp, "Among the clients were Owens Corning and Hilton Grand Vacations, "
                       "the filings show.")
    for name in ("Owens Corning", "Hilton Grand Vacations"):
        found = entities_with(ents, name)
        assert found and found[0].type == "ORG", (name, shown(ents))


def test_a_place_and_a_team_nickname_make_a_team(entity_nlp):
    ents = entities_of(entity_nlp, "Quarterback Joe Namath made sure his New York Jets did not split along racial lines.")
    jets = entities_with(ents, "Jets")
    assert jets and jets[0].type == "ORG", shown(ents)


def test_leagues_are_organisations(entity_nlp):
    ents = entities_of(entity_nlp, "Major League Baseball and the NFL both suspended play.")
    assert [e.type for e in entities_with(ents, "Major League")] == ["ORG"], shown(ents)


def test_a_place_before_a_state_compound_is_a_modifier(entity_nlp):
    ents = entities_of(entity_nlp, "For the first time, the Oak Brook, Ill.-based corporation is being held liable.")
    assert not entities_with(ents, "Oak Brook"), shown(ents)


def test_a_court_case_cut_at_its_v_is_one_case(entity_nlp):
    ents = entities_of(entity_nlp, "The ruling followed June's Supreme Court decision in Noel Canning v. NLRB. "
                       "The rule change cleared the Senate.")
    case = entities_with(ents, "Canning")
    assert len(case) == 1 and case[0].type == "LAW" and "NLRB" in case[0].name, shown(ents)


def test_a_quoted_slogan_is_no_entity(entity_nlp):
    ents = entities_of(entity_nlp, "It was not their faces that made them villains but rather the “Make America Great Again” ball caps favored by the teenagers.")
    assert not entities_with(ents, "Make America"), shown(ents)


def test_a_name_before_a_lower_case_word_is_no_outlets_part(entity_nlp):
    ents = entities_of(entity_nlp, "Mattis told CBS news program Face the Nation that the talks would go on.")
    assert entities_with(ents, "CBS"), shown(ents)


def test_a_capital_after_from_or_to_stays_the_state(entity_nlp):
    ents = entities_of(entity_nlp, "The rebels declared independence from Kiev in two districts.")
    assert _mention_texts(ents, "ukraine") == ["Kiev"], shown(ents)


def test_a_stock_symbol_is_no_name(entity_nlp):
    ents = entities_of(entity_nlp, "One windfall triggered Twitter TWTR, -1.57% buzz. The S&P 500 index "
                       "SPX, -0.39% shot up nearly 80 points.")
    assert not entities_with(ents, "TWTR") and not entities_with(ents, "SPX"), shown(ents)


def test_a_person_before_an_institutions_head_is_the_institution(entity_nlp):
    ents = entities_of(entity_nlp, "Albert Einstein Medical Center (2014–2017): $1,100,000\n\nThe hospital "
                       "declined to comment.")
    found = entities_with(ents, "Einstein")
    assert len(found) == 1 and found[0].type == "ORG" and found[0].name == "Albert Einstein Medical Center", \
        shown(ents)
