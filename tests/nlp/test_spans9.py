"""Span and junk kinds of the issue 9 audit (round spans9): a content that runs into the next
frame or past its quotation into the writer's next sentence, a name taken for a saying ("also
called", "calling himself"), a predicate after "dubbed", a negated agentless passive, "did not
rule out", and the writer's evaluative adverb in a cue. Hand-written sentences (none from any
corpus), with the real spaCy model."""

from __future__ import annotations

import pytest
from role_groups import last_content, role_group

from claimscope.nlp.attribution import to_records
from claimscope.nlp.attribution_edges import complete_contents
from claimscope.nlp.attribution_filter import cue_reports, with_negated_verbs
from claimscope.nlp.attribution_junk import is_junk

# ------------------------------------------------------------------ names and predicates

@pytest.mark.parametrize("text, source, cue, content", [
    ("A harbour worker, also called Tomas, said he had not been paid since March.", "A harbour worker",
     "also called", "Tomas"),
    ("The candidate, calling himself a lifelong reformer, toured the docks on Friday.", "The candidate",
     "calling", "himself a lifelong reformer"),
    ('Marsh took the stage on Friday, calling himself "the people\'s mayor."', "Marsh", "calling",
     'himself "the people\'s mayor."'),
    ("Locals have dubbed him Big Tom.", "Locals", "have dubbed", "him Big Tom"),
])
def test_names_one_gives_or_takes_are_junk(parse, text, source, cue, content):
    assert is_junk(parse(text), role_group(text, source, cue, content))


@pytest.mark.parametrize("text, source, cue, content", [
    ("Critics have dubbed the plan a giveaway to developers.", "Critics", "have dubbed",
     "the plan a giveaway to developers"),
    ("Critics have called him a liar.", "Critics", "have called", "him a liar"),
    ("The mayor described himself as a reluctant candidate.", "The mayor", "described",
     "himself as a reluctant candidate"),
])
def test_a_predicate_said_of_something_stays(parse, text, source, cue, content):
    assert not is_junk(parse(text), role_group(text, source, cue, content))


# ------------------------------------------------------------------ negations

def test_a_negated_agentless_passive_is_junk(parse):
    text = "Holt told reporters that she was treated unfairly, and she was not even cited for speeding."
    assert is_junk(parse(text), role_group(text, None, "was not even cited", "for speeding"))


def test_a_negated_agentless_passive_quoted_is_junk_too(parse):
    text = 'Holt said she was treated "like a criminal," and she was not even cited for speeding.'
    assert is_junk(parse(text), role_group(text, None, "was not even cited", 'she was treated "like a criminal,"'))


@pytest.mark.parametrize("text, source, cue, content", [
    ("The report was not confirmed by the ministry, Holt said.", "Holt", "said",
     "The report was not confirmed by the ministry"),
    ('The figures, Holt said, were "not confirmed by anyone."', "Holt", "said", '"not confirmed by anyone."'),
])
def test_a_saying_about_a_negated_passive_stays(parse, text, source, cue, content):
    assert not is_junk(parse(text), role_group(text, source, cue, content))


@pytest.mark.parametrize("text, source, cue, content", [
    ("The governor did not rule out a run for the Senate next year.", "The governor", "did not rule out",
     "a run for the Senate next year"),
    ("The mayor has not ruled out raising the harbour levy.", "The mayor", "has not ruled out",
     "raising the harbour levy"),
])
def test_not_ruling_out_says_what_may_come(parse, text, source, cue, content):
    doc = parse(text)
    group = role_group(text, source, cue, content)
    assert cue_reports(doc, group)
    assert not is_junk(doc, group)


def test_a_negated_topic_is_still_junk(parse):
    text = "The governor did not discuss a run for the Senate."
    assert is_junk(parse(text), role_group(text, "The governor", "did not discuss", "a run for the Senate"))


def test_a_cue_that_stops_at_its_negation_takes_its_verb(parse):
    text = "The governor did not rule out a run for the Senate next year."
    doc = parse(text)
    (done,) = with_negated_verbs(doc, [role_group(text, "The governor", "did not")])
    assert text[done.cue.start:done.cue.end] == "did not rule out"


def test_a_negated_verb_another_role_holds_stays_out_of_the_cue(parse):
    text = "The governor did not rule out a run for the Senate next year."
    doc = parse(text)
    group = role_group(text, "The governor", "did not", "rule out a run for the Senate next year")
    assert with_negated_verbs(doc, [group]) == [group]


# ------------------------------------------------------------------ content edges

def test_a_content_ends_before_the_next_frame_it_ran_into(parse):
    text = ("Berridge believes the strike will end soon while Hollis, a union organiser from the docks, "
            "said she expects it to last all winter.\n")
    doc = parse(text)
    mine = role_group(text, "Berridge", "believes", "the strike will end soon while Hollis")
    theirs = role_group(text, "Hollis, a union organiser from the docks", "said", "she expects it to last all winter")
    done, _ = complete_contents(doc, [mine, theirs])
    assert last_content(text, done) == "the strike will end soon"


def test_a_quoted_report_ends_before_the_writers_next_sentence(parse):
    text = 'The Tribune reported that the cranes "were damaged by the storm." That means the port will stay shut.\n'
    doc = parse(text)
    group = role_group(text, "The Tribune", "reported",
                       'that the cranes "were damaged by the storm." That means the port will stay shut')
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == 'that the cranes "were damaged by the storm."'


def test_a_next_quotation_with_its_own_frame_is_not_this_content(parse):
    text = 'Holt said the levy "will pass." "It has to," she added.\n'
    doc = parse(text)
    said = role_group(text, "Holt", "said", 'the levy "will pass." "It has to,"')
    added = role_group(text, "she", "added")
    done, _ = complete_contents(doc, [said, added])
    assert last_content(text, done) == 'the levy "will pass."'


@pytest.mark.parametrize("text, content", [
    ('Holt said the levy "will pass." "It has to. There is no other way."\n',
     'the levy "will pass." "It has to. There is no other way."'),
    ('The Tribune reported that the cranes "were damaged. The port will stay shut."\n',
     'that the cranes "were damaged. The port will stay shut."'),
])
def test_a_quotation_that_runs_on_stays_whole(parse, text, content):
    doc = parse(text)
    source, cue = ("Holt", "said") if text.startswith("Holt") else ("The Tribune", "reported")
    (done,) = complete_contents(doc, [role_group(text, source, cue, content)])
    assert last_content(text, done) == content


# ------------------------------------------------------------------ the writer's adverb

@pytest.mark.parametrize("text, cue, content, expected", [
    ("Marsh falsely claimed that the vote had been rigged.", "falsely claimed", "that the vote had been rigged",
     "claimed"),
    ("Marsh has wrongly said that the vote had been rigged.", "has wrongly said", "that the vote had been rigged",
     "said"),
    ("Marsh repeatedly said that the vote had been rigged.", "repeatedly said", "that the vote had been rigged",
     "repeatedly said"),
    ("The vote was rigged, Marsh said falsely.", "said falsely", "The vote was rigged", "said falsely"),
])
def test_a_records_cue_leaves_out_the_writers_judgement(text, cue, content, expected):
    (record,) = to_records(text, [role_group(text, "Marsh", cue, content)])
    assert record.cue.text == expected


def test_a_report_nested_in_the_content_stays_in_it(parse):
    text = ("The Tribune reported that the fund was nearly spent on Thursday, with the harbour board saying "
            "it had approved more than 900 loans.\n")
    doc = parse(text)
    outer = role_group(text, "The Tribune", "reported", text[text.index("that the fund"):-2])
    inner = role_group(text, "the harbour board", "saying", "it had approved more than 900 loans")
    done, _ = complete_contents(doc, [outer, inner])
    assert last_content(text, done) == text[text.index("that the fund"):-2]


def test_a_content_ends_before_a_participle_frame_it_ran_into(parse):
    text = ("The senators wrote that the agency should withdraw the rules, arguing that it has no authority "
            "to impose them.\n")
    doc = parse(text)
    wrote = role_group(text, "The senators", "wrote", text[text.index("that the agency"):-2])
    arguing = role_group(text, None, "arguing", "that it has no authority to impose them")
    done, _ = complete_contents(doc, [wrote, arguing])
    assert last_content(text, done) == "that the agency should withdraw the rules"


def test_a_quotation_opened_before_the_content_runs_on(parse):
    text = ('“The mayor was so cautious that he said the harbour was safe. For that matter, he never '
            'checked the cranes.”\n')
    doc = parse(text)
    group = role_group(text, "he", "said", "the harbour was safe. For that matter, he never checked the cranes")
    (done,) = complete_contents(doc, [group])
    assert last_content(text, done) == "the harbour was safe. For that matter, he never checked the cranes"


def test_a_headlines_report_label_is_junk(parse):
    text = "Holt takes aim at the mayor Lena Marsh Harbour board met on cranes: report MORE and lists her plans.\n"
    assert is_junk(parse(text), role_group(text, "Harbour board", "report", "MORE and lists her plans"))


def test_a_report_after_its_subject_stays(parse):
    text = "The Harbour Times reports that the ferry will stop running in June.\n"
    assert not is_junk(parse(text), role_group(text, "The Harbour Times", "reports",
                                               "that the ferry will stop running in June"))


# ------------------------------------------------------------------ sources of elided subjects

@pytest.mark.parametrize("text, source, cue, content, expected_source, expected_content", [
    ("Harbour groups did not sign the letter but have argued Trainor is unqualified.\n", "Trainor",
     "have argued", "is unqualified", "Harbour groups", "Trainor is unqualified"),
    ("Sessions failed to disclose the contacts with Ambassador Kislyak and then said they were not "
     "about the campaign.\n", "Ambassador Kislyak", "said", "they were not about the campaign", "Sessions",
     "they were not about the campaign"),
])
def test_a_false_source_of_an_elided_subject_gives_way_to_the_clauses_subject(
        parse, text, source, cue, content, expected_source, expected_content):
    from claimscope.nlp.attribution_governor import with_governing_sources

    doc = parse(text)
    (done,) = with_governing_sources(doc, [role_group(text, source, cue, content)])
    assert text[done.source.start:done.source.end] == expected_source
    assert last_content(text, done) == expected_content


@pytest.mark.parametrize("text, source, cue, content", [
    ('"The talks went well," said Marsh, and left the room.\n', "Marsh", "said", '"The talks went well,"'),
    ("Holt met the ambassador and Kemp said the talks had gone well.\n", "Kemp", "said", "the talks had gone well"),
])
def test_a_speaker_of_the_cues_own_stays(parse, text, source, cue, content):
    from claimscope.nlp.attribution_governor import with_governing_sources

    doc = parse(text)
    (done,) = with_governing_sources(doc, [role_group(text, source, cue, content)])
    assert text[done.source.start:done.source.end] == source
