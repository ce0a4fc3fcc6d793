"""Issue 9 rules of this round (speakers15), found on the tuning pool: a quotation that calls a
man "he" is not his, so after "Trump mocked Kerry" the "he" who says it is Trump; a ministry the text gives
another owner ("Ukraine's Defense Ministry") is not the "Russian Defense Ministry" of the same
text, and "the ministry said" after several ministries is the one that was just speaking.
Hand-written sentences, the real spaCy model."""

from __future__ import annotations

from entity_views import entities_of, entities_with, shown
from speaker_views import speaker_of

TWO_MINISTRIES = (
    "Ukraine's Defense Ministry said on Monday that its forces had pushed back near Kharkiv. "
    "The Ukrainian ministry gave no figures.\n\n"
    "On Tuesday, the Russian Defense Ministry claimed that its troops had taken two villages in "
    "the east. The ministry said the villages were captured after heavy fighting.")


def test_a_ministry_with_another_owner_is_not_the_longer_name(entity_nlp):
    ents = entities_of(entity_nlp, TWO_MINISTRIES)
    russian = [e for e in ents if e.name == "Russian Defense Ministry"]
    assert len(russian) == 1 and [m.text for m in russian[0].mentions] == ["Russian Defense Ministry"], shown(ents)


def test_the_owner_named_by_the_longer_name_still_joins(entity_nlp):
    ents = entities_of(entity_nlp, "The Russian Defense Ministry said the drills were over. Russia's Defense "
                       "Ministry later published a video.")
    assert len(entities_with(ents, "Defense Ministry")) == 1, shown(ents)


def test_the_ministry_is_the_one_just_speaking(analyze):
    assert speaker_of(analyze(TWO_MINISTRIES), "villages were captured") == "Russian Defense Ministry"


def test_the_ministry_after_another_ministry_spoke_since_is_not_the_first(analyze):
    a = analyze("The Russian Defense Ministry claimed that its troops had taken two villages. Ukraine's "
                "Defense Ministry rejected the claim on Wednesday. The ministry said the villages were "
                "never lost.")
    assert speaker_of(a, "never lost") != "Russian Defense Ministry"


def test_the_report_after_a_survey_is_the_surveys_maker(analyze):
    a = analyze("The Pew Research Center published its annual survey on Monday. The report found that "
                "trust in newspapers had fallen.")
    assert speaker_of(a, "trust in newspapers") == "Pew Research Center"


def test_the_report_after_an_earlier_report_is_not_the_survey(analyze):
    a = analyze("The Pew Research Center published its annual survey on Monday. A report by unnamed "
                "analysts was leaked in May. The report found that trust in newspapers had fallen.")
    assert speaker_of(a, "trust in newspapers") != "Pew Research Center"


def test_a_plural_title_is_no_part_of_the_name(entity_nlp):
    ents = entities_of(entity_nlp, "The letter was signed by Reps. Trey Gowdy of South Carolina and Jim Jordan "
                       "of Ohio. Gowdy said the letter was overdue.")
    assert [e.name for e in entities_with(ents, "Gowdy")] == ["Trey Gowdy"], shown(ents)


def test_the_ministry_two_sentences_on_still_speaks(analyze):
    a = analyze("Ukraine's Defense Ministry said its forces held the line. Earlier Thursday, the Russian Defense "
                "Ministry claimed that several trains carrying weapons had left regions near Ukraine. The ministry "
                "said four trainloads of weapons left on Wednesday. The troops are to reach their permanent bases "
                "before June 1, the ministry added.")
    assert speaker_of(a, "permanent bases") == "Russian Defense Ministry"


MOCKED = ("Trump has been critical of the Iran deal and of Kerry's role in it.\n\n"
          "On Friday, Trump mocked Kerry at the association's annual conference in Dallas, describing him as "
          "\"not the best negotiator we've ever seen\" and mocking Kerry for breaking his leg.\n\n")


def test_a_quote_that_calls_the_object_he_is_the_subjects(analyze):
    a = analyze(MOCKED + "\"He never walked away from the table, except to be in that bicycle race where he fell "
                "and broke his leg,\" he said to cheers from the crowd.")
    assert speaker_of(a, "never walked away") == "Trump"


def test_a_quote_in_the_first_person_after_two_men_stays_open(analyze):
    a = analyze("On Friday, Trump met Kerry at the conference in Dallas.\n\n"
                "\"I never walked away from the table,\" he said to cheers from the crowd.")
    assert speaker_of(a, "never walked away") is None


def test_a_quote_that_calls_the_object_he_is_the_subjects_even_with_no_first_name(analyze):
    a = analyze("On Friday, Trump met Kerry at the conference in Dallas.\n\n"
                "\"He never walked away from the table,\" he said to cheers from the crowd.")
    assert speaker_of(a, "never walked away") == "Trump"


DE_BLASIO = ("New York Mayor Bill de Blasio on Thursday entered the race for president. De Blasio, 58, said "
             "he would fight for working people. \"I'm going to keep calling him 'Con Don,'\" de Blasio said.")


def test_a_sentence_opening_particle_surname_is_the_full_name(entity_nlp):
    ents = entities_of(entity_nlp, DE_BLASIO)
    assert [e.name for e in entities_with(ents, "Blasio")] == ["Bill de Blasio"], shown(ents)


def test_the_lower_case_particle_surname_speaks_for_the_full_name(analyze):
    a = analyze(DE_BLASIO)
    assert speaker_of(a, "fight for working people") == "Bill de Blasio"
    assert speaker_of(a, "Con Don") == "Bill de Blasio"


def test_a_name_after_another_persons_apposition_is_its_own_speaker(analyze):
    a = analyze("In an exclusive interview with Fox News' Bret Baier, Attorney General Bill Barr faulted the FBI "
                "for taking a \"very aggressive\" approach to the inquiry. Barr alleged the bureau was eager to "
                "investigate the campaign.")
    assert speaker_of(a, "very aggressive") == "Bill Barr"


def test_a_linked_headline_in_capitals_is_no_attribution(analyze):
    a = analyze("Barr alleged the bureau was eager to investigate the campaign.\n\n"
                "FLYNN JUDGE EMMET SULLIVAN SET TO EXPLAIN WHY HE HAS NOT DISMISSED CASE\n\n"
                "\"It seemed that the bureau was sort of spring-loaded,\" Barr added.")
    assert [x.cue.text for x in a.attributions] == ["alleged", "added"]


def test_a_read_more_line_is_no_attribution(analyze):
    a = analyze("\u201cWe have started lifting limitations on our research and development imposed by the deal,\u201d "
                "Kamalvandi said. \u201cIt will include development of more rapid and advanced centrifuges.\n\n"
                "Iran's uranium enrichment programme: the science explained Read more\n\n"
                "\u201cThe European parties to the deal should know that there is not much time left,\u201d he said.")
    assert "explained" not in [x.cue.text for x in a.attributions]


def test_a_consultancy_the_tagger_made_a_product_is_a_body(entity_nlp):
    ents = entities_of(entity_nlp, "She created a nonprofit group that she later converted into a for-profit "
                       "business called 3E Strategies, a consulting firm that promotes sustainable energy.")
    assert {e.type for e in entities_with(ents, "3E Strategies")} == {"ORG"}, shown(ents)


def test_a_country_after_west_of_is_the_country(entity_nlp):
    ents = entities_of(entity_nlp, "The ship turned off its transponder in the Mediterranean west of Syria, "
                       "ship-tracking data showed. The tanker sent its last signal between Cyprus and Syria on "
                       "Monday. Iran has tried to sell oil to Syria.")
    assert len([e for e in ents if e.name == "Syria"]) == 1, shown(ents)


def test_a_two_word_surname_the_tagger_made_a_body_is_the_person(entity_nlp):
    ents = entities_of(entity_nlp, "Farrah El Dibany, a passenger, said the crew took their passports. \"We were "
                       "just kidnapped.\"\n\nEl Dibany's flight had been hijacked by a man wearing a fake belt. "
                       "\"It was very horrifying,\" El Dibany said.")
    assert [e.name for e in entities_with(ents, "Dibany")] == ["Farrah El Dibany"], shown(ents)


def test_the_state_and_party_description_is_no_group_of_its_own(entity_nlp, analyze):
    text = ("Rep. Peter Roskam said the tax bill would pass. The Illinois Republican told reporters in Chicago "
            "that the vote would come soon. Democrats disagreed.")
    ents = entities_of(entity_nlp, text)
    assert not [e for e in ents if e.name == "Illinois Republican"], shown(ents)
    assert speaker_of(analyze(text), "vote would come soon") == "Peter Roskam"
