"""Content and source edges on hand-written sentences (none from any corpus), with the real
spaCy model: the kinds of edge error speakers5 found on tuning-pool articles of issue 9."""

from __future__ import annotations

from role_groups import last_content, role_group

from claimscope.nlp.attribution import with_contents
from claimscope.nlp.attribution_edges import complete_contents
from claimscope.nlp.attribution_filter import record_sides
from claimscope.nlp.attribution_governor import with_governing_sources


def _words(text, part):
    return None if part is None else text[part.start : part.end]


def test_a_final_cue_with_only_circumstances_after_it_reports_the_clause_before(parse):
    text = ("The dock workers had walked out over pay and safety rules, the union's Ellen Marsh said "
            "Tuesday on Harbour Radio.\n")
    doc = parse(text)
    group = role_group(text, "the union's Ellen Marsh", "said")
    (done,), _ = with_contents(doc, [group], [])
    assert last_content(text, done) == "The dock workers had walked out over pay and safety rules"


def test_a_cue_followed_by_what_was_said_still_takes_the_rest_of_its_sentence(parse):
    text = "Ellen Marsh said the dock workers had walked out over pay.\n"
    doc = parse(text)
    (done,), _ = with_contents(doc, [role_group(text, "Ellen Marsh", "said")], [])
    assert last_content(text, done) == "the dock workers had walked out over pay"


def test_the_widening_leaves_the_writers_participle_out(parse):
    text = ("Councillors say it is time to sell the old ferry and repay what they can on the loan, "
            "underscoring how far apart the two parties remain on the harbour.")
    doc = parse(text)
    group = role_group(text, "Councillors", "say",
                       "it is time to sell the old ferry and repay what they can on the loan")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "it is time to sell the old ferry and repay what they can on the loan"


def test_a_past_verb_after_a_modal_clause_is_not_part_of_what_was_argued(parse):
    text = ("The campaign argued that the city should raise the harbour tax, opposed a new stadium, "
            "and promoted a plan for a tram.")
    doc = parse(text)
    group = role_group(text, "The campaign", "argued",
                       "that the city should raise the harbour tax, opposed a new stadium, and promoted a plan for a tram")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "that the city should raise the harbour tax"


def test_a_verb_sharing_the_modal_stays_in_the_content(parse):
    text = "Keller argued that the city should raise the harbour tax and repair the quay."
    doc = parse(text)
    group = role_group(text, "Keller", "argued", "that the city should raise the harbour tax and repair the quay")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "that the city should raise the harbour tax and repair the quay"


def test_the_writers_sentence_before_is_no_side_of_a_later_cue(parse):
    text = ("Keller is trying hard to keep the ferry running until spring. (On why many engineers "
            "say the ferry is unsafe, see our report.)")
    doc = parse(text)
    group = role_group(text, "many engineers", "say",
                       "Keller is trying hard to keep the ferry running until spring.", "the ferry is unsafe")
    done = record_sides(doc, group)
    assert [_words(text, c) for c in done.contents] == ["the ferry is unsafe"]


def test_a_quotation_before_its_cue_stays_a_side(parse):
    text = '"The ferry is unsafe." Marsh said the quay is unsafe too.'
    doc = parse(text)
    group = role_group(text, "Marsh", "said", "The ferry is unsafe.", "the quay is unsafe too")
    done = record_sides(doc, group)
    assert len(done.contents) == 2


def test_the_tail_of_the_writers_clause_is_cut_off_a_quotation(parse):
    text = ('While officials have condemned what Keller says he did, "the plans of the quay were '
            'already public," Marsh said on the radio.')
    doc = parse(text)
    group = role_group(text, "Marsh", "said", 'he did, "the plans of the quay were already public,"')
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == '"the plans of the quay were already public,"'


def test_the_one_asked_is_not_part_of_the_question(parse):
    text = "The reporter asked Mayor Keller if he could still promise that the ferry would sail in June."
    doc = parse(text)
    group = role_group(text, "The reporter", "asked",
                       "Mayor Keller if he could still promise that the ferry would sail in June")
    (done,) = with_governing_sources(doc, [group])
    assert last_content(text, done) == "if he could still promise that the ferry would sail in June"


def test_an_inverted_speaker_tagged_as_content_becomes_the_source(parse):
    text = ("The meeting will take place on Friday and will include groups supporting dock workers, "
            "fishermen and others, said the official, who asked not to be named.")
    doc = parse(text)
    group = role_group(text, "fishermen and others", "said", "the official, who asked not to be named")
    (done,) = with_governing_sources(doc, [group])
    assert _words(text, done.source).startswith("the official")
    assert last_content(text, done).startswith("The meeting will take place on Friday")
    assert last_content(text, done).endswith("fishermen and others")


def test_a_verb_in_an_unlabelled_list_shares_the_subject_of_the_first(parse):
    text = ("His campaign had at various times cast doubt on the harbour treaty, argued that the navy "
            "should leave, and promoted a tram.")
    doc = parse(text)
    group = role_group(text, None, "argued", "that the navy should leave")
    (done,) = with_governing_sources(doc, [group])
    assert _words(text, done.source) == "His campaign"


def test_a_content_keeps_the_conjunction_that_opens_it(parse):
    text = "Since she has been in prison, Marsh has earned a degree in law, the station reported."
    doc = parse(text)
    group = role_group(text, "the station", "reported", "she has been in prison, Marsh has earned a degree in law")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "Since she has been in prison, Marsh has earned a degree in law"


def test_a_questions_auxiliary_is_not_part_of_the_source(parse):
    from claimscope.nlp.attribution_filter import trim_source

    text = "Why did Keller say the ferry was safe?"
    doc = parse(text)
    group = role_group(text, "did Keller", "say", "the ferry was safe")
    assert _words(text, trim_source(doc, group.source)) == "Keller"


def test_a_cue_ending_its_paragraph_in_a_colon_reports_the_next_paragraph(parse):
    text = ("As for the ferry's future, the Harbour Gazette writes that:\n\n"
            "The old ferry will sail until the new quay opens in spring.\n")
    doc = parse(text)
    group = role_group(text, "the Harbour Gazette", "writes that:", "the ferry's future")
    (done,), _ = with_contents(doc, [group], [])
    assert last_content(text, done) == "The old ferry will sail until the new quay opens in spring"


def test_a_colon_cue_with_a_clause_before_it_keeps_that_clause(parse):
    text = "The ferry will sail until spring, the Harbour Gazette writes:\n\nMore follows below.\n"
    doc = parse(text)
    group = role_group(text, "the Harbour Gazette", "writes:", "The ferry will sail until spring")
    (done,), _ = with_contents(doc, [group], [])
    assert last_content(text, done) == "The ferry will sail until spring"


def test_a_cue_in_a_relative_clause_keeps_its_content_out_of_the_main_clause(parse):
    text = ("Ellen Marsh, the engineer who came forward to say she drew the plans of the quay, was one "
            "of dozens of engineers hired by the port.")
    doc = parse(text)
    group = role_group(text, "the engineer", "came forward to say",
                       "she drew the plans of the quay, was one of dozens of engineers hired by the port")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "she drew the plans of the quay"


def test_a_report_in_the_writers_words_stops_at_its_sentence(parse):
    text = "Many dock workers are saying that the ferry should be sold. I agree with them."
    doc = parse(text)
    group = role_group(text, "Many dock workers", "are saying",
                       "that the ferry should be sold. I agree with them")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "that the ferry should be sold"


def test_a_quotation_may_run_on_past_its_sentence(parse):
    text = 'Marsh said: "The ferry should be sold. We agree with the council."'
    doc = parse(text)
    group = role_group(text, "Marsh", "said:", '"The ferry should be sold. We agree with the council."')
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == '"The ferry should be sold. We agree with the council."'


def test_a_relative_pronoun_before_the_speaker_is_not_the_source(parse):
    from claimscope.nlp.attribution_filter import trim_source

    text = "The Gazette wrote about the clerk who it says was behind the leaks."
    doc = parse(text)
    group = role_group(text, "who it", "says", "was behind the leaks")
    assert _words(text, trim_source(doc, group.source)) == "it"


def test_words_on_the_cue_before_a_quotation_stay_in_the_content(parse):
    text = 'The official said the mayor\'s answer will be, "Fine, the ferry sails. Let us talk."'
    doc = parse(text)
    group = role_group(text, "The official", "said", 'the mayor\'s answer will be, "Fine, the ferry sails. Let us talk."')
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done).startswith("the mayor's answer will be")


def test_the_one_who_tried_to_suggest_is_the_source(parse):
    text = "Marsh and harbour officials, though, tried to at the same time suggest that the ferry was safe."
    doc = parse(text)
    group = role_group(text, None, "suggest", "that the ferry was safe")
    (done,) = with_governing_sources(doc, [group])
    assert _words(text, done.source) == "Marsh and harbour officials"


def test_a_place_ending_a_preposition_is_not_part_of_the_source(parse):
    from claimscope.nlp.attribution_filter import trim_source

    text = "In Iran, a leading conservative cleric, Grand Ayatollah Nasser Brook, said the ferry was safe."
    doc = parse(text)
    group = role_group(text, "Iran, a leading conservative cleric, Grand Ayatollah Nasser Brook,", "said",
                       "the ferry was safe")
    assert _words(text, trim_source(doc, group.source)).startswith("a leading conservative cleric")


def test_a_content_stops_at_a_semicolon_before_the_writers_own_frame(parse):
    text = "Liberals worry that Marsh might be too harsh on the port; I don't think anybody expects her to close it."
    doc = parse(text)
    group = role_group(text, "Liberals", "worry",
                       "that Marsh might be too harsh on the port; I don't think anybody expects her to close it")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "that Marsh might be too harsh on the port"


def test_a_clause_conjoined_to_the_cue_is_not_its_content(parse):
    text = ("A harbour account said the strikers had “won all their demands” but there was no word that "
            "the strike was over and officials said the ferries were running.")
    doc = parse(text)
    group = role_group(text, "A harbour account", "said", "that the strike was over and officials")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "the strikers had “won all their demands”"


def test_the_cues_own_subject_at_the_end_of_a_content_is_the_source(parse):
    text = ("A harbour account said the strikers had won but there was no word that the strike was over "
            "and officials said the ferries were running.")
    doc = parse(text)
    cue = text.rindex("said")
    group = role_group(text, "A harbour account", None, "that the strike was over and officials",
                       "the ferries were running")
    group = type(group)(cue=type(group.contents[0])("cue", cue, cue + 4), source=group.source,
                        contents=group.contents)
    (done,) = with_governing_sources(doc, [group])
    assert _words(text, done.source) == "officials"
    assert [_words(text, c) for c in done.contents] == ["the ferries were running"]


def test_a_side_with_only_a_gerund_is_no_claim_of_its_own(parse):
    text = "Prior to reaching a deal, both unions said they would each need to give something up."
    doc = parse(text)
    group = role_group(text, "both unions", "said", "Prior to reaching a deal,",
                       "they would each need to give something up")
    done = record_sides(doc, group)
    assert [_words(text, c) for c in done.contents] == ["they would each need to give something up"]


def test_a_circumstance_of_the_cue_is_not_part_of_the_source(parse):
    from claimscope.nlp.attribution_filter import trim_source

    text = '"The ferry is safe," said Ellen Marsh, the harbour engineer, in an email last month.'
    doc = parse(text)
    group = role_group(text, "Ellen Marsh, the harbour engineer, in an email last month", "said", "The ferry is safe,")
    assert _words(text, trim_source(doc, group.source)).rstrip(",") == "Ellen Marsh, the harbour engineer"
