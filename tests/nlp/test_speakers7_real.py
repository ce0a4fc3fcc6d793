"""Speaker errors of the kinds issue 9's fresh audit wrote up (speakers7), on hand-written
sentences (none from any corpus), with the real spaCy model: documents that speak for their
maker, transcript labels, groups that are no one entity, the one told, an office typed as a
person."""

from __future__ import annotations

import pytest
from speaker_views import speaker_of

# ---------------------------------------------------------------- kind 2: documents, polls, offices


@pytest.mark.parametrize("text, words, who", [
    ("Northwind Energy issued a statement on Monday. The statement said the company had complied "
     "with every rule.\n", "complied with every rule", "Northwind Energy"),
    ("The Harbour Trust published its annual report on Friday. The report concluded that the port "
     "had lost money for a third year.\n", "lost money for a third year", "Harbour Trust"),
    ("The poll, conducted by Marist College, found that voters were split.\n", "voters were split",
     "Marist College"),
])
def test_a_document_speaks_for_whoever_made_it(analyze, text, words, who):
    assert speaker_of(analyze(text), words) == who


def test_a_document_whose_maker_the_text_never_names_stays_unresolved(analyze):
    a = analyze("Northwind Energy opened a plant in Westbrook. A report was leaked to reporters on "
                "Monday. The report said the plant had failed two inspections.\n")
    assert speaker_of(a, "failed two inspections") is None


# ---------------------------------------------------------------- kind 3: transcript labels


def test_a_speaker_label_in_capitals_is_the_person_of_that_name(analyze):
    a = analyze("Host Jane Keller interviewed Senator Mark Hollis on Sunday.\n\n"
                "KELLER: Will you vote for the harbour bill?\n\n"
                "HOLLIS: I will vote for it, because the port needs new cranes.\n")
    assert speaker_of(a, "vote for the harbour bill") == "Jane Keller"
    assert speaker_of(a, "the port needs new cranes") == "Mark Hollis"


# ---------------------------------------------------------------- kinds 5-7: groups


def test_they_after_the_people_a_company_hired_is_not_the_company(analyze):
    a = analyze("Northwind Energy hired two engineers, Mark Hollis and Jane Keller, to inspect the plant. "
                "They said the turbines were unsafe.\n")
    assert speaker_of(a, "turbines were unsafe") is None


def test_they_right_after_the_company_spoke_is_still_the_company(analyze):
    a = analyze("Northwind Energy said on Monday it would close the plant. They said the decision "
                "was final.\n")
    assert speaker_of(a, "decision was final") == "Northwind Energy"


def test_two_surnames_joined_by_and_are_no_one_speaker(analyze):
    a = analyze("Mark Hollis met Tom Berridge on Monday. Hollis and Berridge said they had reached a deal.\n")
    assert speaker_of(a, "reached a deal") is None


@pytest.mark.parametrize("text, words", [
    ("Some Republicans said the bill went too far. The Republican Party has backed the plan for years.\n",
     "went too far"),
    ("Many Democrats said the plan was a mistake, even as the Democratic National Committee endorsed it.\n",
     "plan was a mistake"),
])
def test_some_members_of_a_party_are_not_the_party(analyze, text, words):
    assert speaker_of(analyze(text), words) is None


def test_one_name_of_an_office_with_and_inside_it_still_speaks(analyze):
    a = analyze("The Office of Management and Budget said the cuts were needed.\n")
    assert speaker_of(a, "cuts were needed") == "Office of Management and Budget"


# ---------------------------------------------------------------- kind 8: the one told


def test_the_one_told_in_a_passive_is_not_the_speaker(analyze):
    a = analyze("Mark Hollis was told by aides that the plan would fail.\n")
    assert speaker_of(a, "plan would fail") is None


# ---------------------------------------------------------------- kind 9: an office typed as a person


def test_an_office_typed_as_a_person_takes_no_surname_of_a_person(parse):
    from claimscope.model.records import Entity, TextSpan
    from claimscope.nlp.speakers import SpeakerResolver

    text = ("The Office of Management and Budget under Trump cut the grants. Donald Trump praised "
            "the cuts. Trump said the grants were wasteful.")
    doc = parse(text)

    def at(name: str, nth: int = 0) -> TextSpan:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        return TextSpan.cut(text, start, start + len(name))

    office = Entity(id="omb", name="Office of Management and Budget under Trump", type="PERSON",
                    mentions=[at("Office of Management and Budget under Trump")])
    trump = Entity(id="trump", name="Donald Trump", type="PERSON", mentions=[at("Donald Trump")])
    lone = Entity(id="lone", name="Trump", type="PERSON", mentions=[at("Trump said")])
    resolver = SpeakerResolver(doc, [office, trump, lone])
    start = text.index("Trump said")
    assert resolver.resolve(start, start + len("Trump")) == "trump"


def test_an_acronym_the_tagger_missed_is_the_organisation_of_those_initials(analyze):
    a = analyze("There was modest job growth in May, the Bureau of Labor Statistics reported Friday.\n\n"
                "According to BLS:\n\n"
                "-- 175,000 jobs were added to payrolls last month.\n")
    assert speaker_of(a, "175,000 jobs were added") == "Bureau of Labor Statistics"


def test_her_statement_is_the_statement_of_the_woman_her_stands_for(analyze):
    a = analyze("Senator Lisa Murkowski opposed the motion. Ms. Murkowski, in her statement Friday "
                "explaining why she opposed witnesses, said the process was unfair.\n")
    assert speaker_of(a, "why she opposed witnesses") == "Lisa Murkowski"


# ---------------------------------------------------------------- kind 1: role nouns and pronouns further back


@pytest.mark.parametrize("text", [
    "Mark Hollis, a spokesman for Northwind Energy, defended the plant on Monday. The plant has failed "
    "two inspections since 2019. Regulators fined the company $2 million last year.\n\n"
    "The spokesman said the plant was safe.\n",
    "Dravon Keelhaul is a spokeswoman for the Northwind company. The company makes turbines in Westbrook. "
    "Its sales fell last year.\n\nThe spokeswoman said the plant was safe.\n",
])
def test_the_spokesman_again_is_the_spokesman_the_text_named(analyze, text):
    assert speaker_of(analyze(text), "the plant was safe") in ("Mark Hollis", "Dravon Keelhaul")


def test_the_spokesman_of_a_company_nobody_named_still_speaks_for_it(analyze):
    a = analyze("A spokesman for Northwind Energy defended the plant on Monday.\n\n"
                "The spokesman said the plant was safe.\n")
    assert speaker_of(a, "the plant was safe") == "Northwind Energy"


def test_he_after_someone_elses_unnamed_deputy_is_the_deputy_not_the_one_named(analyze):
    a = analyze("Mark Hollis took office in January. Since then, the port has reopened and the cranes "
                "have been repaired. The work cost $3 million.\n\n"
                "In an interview on Monday, Hollis's deputy praised the work. He said the port would "
                "soon turn a profit.\n")
    assert speaker_of(a, "soon turn a profit") is None


def test_a_persons_office_speaks_for_that_person(analyze):
    a = analyze("Tom Hollis developed the model, and his contract ended in June, according to Mr. Walker's office.\n")
    assert speaker_of(a, "his contract ended") == "Walker"


def test_a_description_with_a_title_of_two_words_is_the_one_who_spoke_before(analyze):
    a = analyze("\u201cWe can be both pro-jobs and pro-environment,\u201d Mr. Pruitt said.\n\n"
                "The former Oklahoma attorney general predicted that getting rid of the plan would bring "
                "back jobs.\n")
    assert speaker_of(a, "bring back jobs") == "Pruitt"


def test_his_analysis_is_the_analysis_of_the_man_his_stands_for(analyze):
    a = analyze("Jonathan Gruber wrote the analysis for the state. About 60 percent of those in the "
                "individual market would see their premiums go up, according to his analysis.\n")
    assert speaker_of(a, "premiums go up") == "Jonathan Gruber"


def test_titles_joined_before_one_name_are_that_one_person(analyze):
    a = analyze("Newsmax CEO and Trump friend Chris Ruddy rang the alarms Monday, saying that the mayor "
                "was considering firing the harbour master.\n")
    assert speaker_of(a, "firing the harbour master") == "Chris Ruddy"


def test_the_document_again_and_again_is_the_one_its_maker_provided(analyze):
    a = analyze("In a document provided to all governors on Thursday, the Harbour Trust spelled out a "
                "three-phase plan. The first phase includes new cranes, according to the document. "
                "The document suggests that schools should stay closed.\n")
    assert speaker_of(a, "first phase includes new cranes") == "Harbour Trust"
    assert speaker_of(a, "schools should stay closed") == "Harbour Trust"


def test_sentences_about_a_thing_keep_the_center_on_the_person_before(analyze):
    a = analyze("Mark Hollis criticized Tom Berridge's plan on Monday. The plan would close the port for "
                "a year. It was approved by the council in May.\n\n"
                "He said the plan would ruin the town.\n")
    assert speaker_of(a, "ruin the town") == "Mark Hollis"


def test_a_sentence_about_a_thing_that_names_another_man_leaves_he_open(analyze):
    a = analyze("Mark Hollis criticized the plan on Monday. The plan, which Tom Berridge wrote, would "
                "close the port for a year.\n\n"
                "He said the plan would ruin the town.\n")
    assert speaker_of(a, "ruin the town") is None


def test_the_wisconsin_republican_is_the_man_before_not_the_party(analyze):
    a = analyze("\u201cI actually make sausage,\u201d said House Speaker Paul Ryan.\n\n"
                "And the Wisconsin Republican says the House should move legislation in Congress.\n")
    # (review8a: was "isn't talking about moving legislation", which junk6's negated-topic rule
    # now drops as no statement, so the test failed on main for a reason not its own)
    assert speaker_of(a, "move legislation") == "Paul Ryan"


def test_they_after_many_democrats_is_not_the_party(analyze):
    a = analyze("Investigators believe Russia's goal was not to elect Mr. Trump, as many Democrats have "
                "asserted.\n\nThey said the hacking reflected an intensification of spy operations.\n")
    assert speaker_of(a, "intensification of spy operations") is None


def test_the_administration_is_no_company_the_text_named(analyze):
    a = analyze("Mitt Romney asked his staff why all the applicants seemed to be men. The organizers of "
                "MassGap supplied the binders.\n\n"
                "The administration said that women suitable for leadership were rare.\n")
    assert speaker_of(a, "suitable for leadership") is None


def test_a_city_administration_is_not_the_national_government_named_before(analyze):
    a = analyze("The White House condemned the attack on Monday.\n\n"
                "In Donetsk, 11 people were killed by shelling during the night, the city administration "
                "said in a statement.\n")
    assert speaker_of(a, "killed by shelling") is None


def test_his_speech_as_subject_keeps_the_center_on_him(analyze):
    a = analyze("Tom Berridge chairs the harbour board. Mark Hollis attacked the board at length on Monday "
                "for its handling of the floods.\n\n"
                "His speech at other times resembled a greatest-hits package from his campaign. He said he "
                "would rebuild the old quay.\n")
    assert speaker_of(a, "rebuild the old quay") == "Mark Hollis"


def test_the_government_after_another_country_is_not_the_government_named_before(analyze):
    a = analyze("The White House announced new tariffs on Monday. China also signaled on Friday it has no "
                "intention of retreating from a trade war. The government announced it has prepared a list "
                "of $60 billion worth of U.S. goods to hit with duties.\n")
    assert speaker_of(a, "prepared a list") is None


def test_a_person_whose_surname_is_an_office_word_stays_a_person(analyze):
    # review8a: "House" (and "Court", "Service", "Board") in office_words made "Jim House" an
    # office, so the "he" that goes on with him found no one.
    from claimscope.model.records import Entity
    from claimscope.nlp.speakers import _as_office, lexicon

    words = set(lexicon()["office_words"])
    assert _as_office(Entity(id="h", name="Jim House", type="PERSON"), words).type == "PERSON"
    assert _as_office(Entity(id="c", name="Margaret Court", type="PERSON"), words).type == "PERSON"
    assert _as_office(Entity(id="w", name="White House", type="PERSON"), words).type == "ORG"
    assert _as_office(Entity(id="o", name="Office of Management and Budget under Trump",
                             type="PERSON"), words).type == "ORG"
    a = analyze("Jim House, a farmer from Ohio, spoke at the rally. House said the new tariffs were "
                "hurting his family. He said prices had doubled.\n")
    assert speaker_of(a, "prices had doubled") == "Jim House"


def test_the_spokeswoman_is_not_the_spokesman_named_before(analyze):
    # review8a: "the spokeswoman" took the one earlier named spokesman, a man.
    a = analyze("Mark Hollis, a spokesman for Northwind Energy, said the plant was safe. On Tuesday, "
                "the spokeswoman said the plant would close in May.\n")
    assert speaker_of(a, "plant was safe") == "Mark Hollis"
    assert speaker_of(a, "would close in May") != "Mark Hollis"


def test_someone_who_appeared_in_a_report_did_not_make_it(analyze):
    # review8a: "X appeared in a report" made X the maker of "The report said ...".
    a = analyze("Daniel Keller appeared in a report on the harbour last year. The report said that "
                "the port authority had wasted millions on the new quay.\n")
    assert speaker_of(a, "wasted millions") is None
    b = analyze("In a report released on Monday, the Harbour Trust found that the port lost money. "
                "The report said that the new quay had cost too much.\n")
    assert speaker_of(b, "cost too much") == "Harbour Trust"


def test_the_agent_of_a_participle_that_does_not_make_the_document_is_not_its_maker(analyze):
    # review8a: "the report, criticized by X" made X the report's maker, as "conducted by" does.
    a = analyze("The report, criticized by Senator Mark Hollis, said the port had lost money for a "
                "third year.\n")
    assert speaker_of(a, "lost money for a third year") is None
    b = analyze("A poll, conducted by Marist College, found that voters were split.\n")
    assert speaker_of(b, "voters were split") == "Marist College"


def test_the_union_of_strikers_is_not_the_european_union(analyze):
    # review8a: "the union" took the one organisation with "union" in its name, the EU.
    a = analyze("The European Union imposed new tariffs on steel. Dock workers in Westbrook went on "
                "strike on Monday. The union said the strike would last a week.\n")
    assert speaker_of(a, "strike would last a week") is None


def test_the_spokeswoman_after_another_spokeswoman_is_not_the_first(analyze):
    # review8a: "the spokeswoman" walked back past an unnamed "another spokeswoman" to the one
    # named before her.
    a = analyze("Jane Keller, a spokeswoman for the Harbour Trust, said the port was safe.\n\n"
                "Speaking for the Westbrook Council, another spokeswoman said the port was unsafe. "
                "The spokeswoman said the council would sue.\n")
    assert speaker_of(a, "council would sue") is None
    b = analyze("Jane Keller, a spokeswoman for the Harbour Trust, said the port was safe.\n\n"
                "The spokeswoman said the trust would sue.\n")
    assert speaker_of(b, "trust would sue") == "Jane Keller"
