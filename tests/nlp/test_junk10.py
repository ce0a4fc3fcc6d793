"""Junk and span kinds of issue 9 (round junk10): a scene a picture or a person shows, a name
"what X calls", a question put to the speaker ("when asked if ..."), a negated "know if", a
deliberation over a question, "so-called" and a verb of asking with a counted object.
Hand-written sentences (none from any corpus), with the real spaCy model."""

from __future__ import annotations

import pytest
from role_groups import role_group

from claimscope.nlp.attribution import with_contents
from claimscope.nlp.attribution_edges import complete_contents
from claimscope.nlp.attribution_junk import is_junk, rules_version, without_questions_put


@pytest.mark.parametrize("text, source, cue, content", [
    # a picture or a person shows a scene, a thing or an attitude
    ("A video posted online showed protesters tearing down a fence outside the town hall.",
     "A video posted online", "showed", "protesters tearing down a fence outside the town hall"),
    ("Photos from the scene showed firefighters carrying a woman from the building.", "Photos from the scene",
     "showed", "firefighters carrying a woman from the building"),
    ("In the port, a militia commander showed an array of seized rifles.", "a militia commander", "showed",
     "an array of seized rifles"),
    ("He has shown nothing but contempt for the courts.", "He", "has shown", "nothing but contempt for the courts"),
    ("Harbour workers show up needing care that the clinic cannot give.", "Harbour workers", "show",
     "needing care that the clinic cannot give"),
    # a name: what someone calls it
    ("The region is home to what the agency calls the worst drought in a century.", "the agency", "calls",
     "the worst drought in a century"),
    ("The aim was to improve what was termed \"quality of life\" issues for the crews.", None, "was termed",
     "\"quality of life\" issues for the crews"),
    ("Auditors prepared so-called exception reports that they believed should reach the regulator.", "Auditors",
     "called", "that they believed should reach the regulator"),
    # the question put to the speaker, not what the speaker said
    ("Kemp said when asked if the council was investigating the mayor.", "Kemp", "said",
     "if the council was investigating the mayor"),
    ("Ryan was asked on television whether he was \"abandoning his crew.\"", None, "was asked",
     "whether he was \"abandoning his crew.\""),
    # "know if" under a negation asks whether; a deliberation leaves its question open
    ("We don't know if the plan will work.", "We", "don't know", "if the plan will work"),
    ("Nobody knows if the council will approve the budget.", "Nobody", "knows",
     "if the council will approve the budget"),
    ("The board considered whether the mayor could be blamed for everything.", "The board", "considered",
     "whether the mayor could be blamed for everything"),
    ("The pollsters avoided predicting whether the Greens could win in November.", "The pollsters",
     "avoided predicting", "whether the Greens could win in November"),
    # a passive "expected" without an infinitive or a clause: who is due where
    ("Several ministers are expected at the commemorations in Valtoria.", "Several ministers", "are expected",
     "at the commemorations in Valtoria"),
    ("More cuts were expected at other agencies if the budget fails.", None, "were expected",
     "at other agencies if the budget fails"),
    ("Kemp had been expected to address the killing of the fisherman.", "Kemp", "had been expected to address",
     "the killing of the fisherman"),
    # questioning a person is asking, not doubting a proposition
    ("Months before, his wife questioned the harbour chief, Ada Brenner, at a hearing.", "his wife", "questioned",
     "the harbour chief, Ada Brenner, at a hearing"),
    ("Senators grilled him for three hours.", "Senators", "grilled", "him for three hours"),
    # a verb of asking takes whom it asks, not a count
    ("Interviewers ask the two men about it all the time.", "Interviewers", "ask",
     "the two men about it all the time"),
])
def test_scenes_names_questions_and_open_knowledge_are_junk(parse, text, source, cue, content):
    assert is_junk(parse(text), role_group(text, source, cue, content))


@pytest.mark.parametrize("text, source, cue, content", [
    ("The latest poll shows Kemp leading Brenner by four points.", "The latest poll", "shows",
     "Kemp leading Brenner by four points"),
    ("The video shows that the officer fired first.", "The video", "shows", "that the officer fired first"),
    ("Recent posts show Brenner is a member of the Green party.", "Recent posts", "show",
     "Brenner is a member of the Green party"),
    ("Kemp showed that the budget could not be balanced.", "Kemp", "showed", "that the budget could not be balanced"),
    ("Union leader Ada Brenner termed the new rule \"modest but important.\"", "Union leader Ada Brenner",
     "termed", "the new rule \"modest but important.\""),
    ("Critics have called the plan a giveaway to developers.", "Critics", "have called",
     "the plan a giveaway to developers"),
    ("Kemp said if she were mayor she would close the port.", "Kemp", "said", "if she were mayor she would close the port"),
    ("The mayor knows the port will close in May.", "The mayor", "knows", "the port will close in May"),
    ("But they add it is too soon to predict whether the Greens will win a majority.", "they",
     "add it is too soon to predict", "whether the Greens will win a majority"),
    ("They depicted the harbour plan as a sale of public land.", "They", "depicted",
     "the harbour plan as a sale of public land"),
    ("Kemp portrayed her fight with the council as a \"make-or-break moment\" for the port.", "Kemp", "portrayed",
     "her fight with the council as a \"make-or-break moment\" for the port"),
    ("Kemp is expected to win the seat.", "Kemp", "is expected", "to win the seat"),
    ("It was expected that all councillors take a tough stance on crime.", None, "was expected",
     "that all councillors take a tough stance on crime"),
    ("The auditors questioned the findings of the harbour board.", "The auditors", "questioned",
     "the findings of the harbour board"),
    ("Patrols reported forty incidents along the border.", "Patrols", "reported", "forty incidents along the border"),
])
def test_findings_predicates_and_conditions_stay(parse, text, source, cue, content):
    assert not is_junk(parse(text), role_group(text, source, cue, content))


def test_the_question_put_is_no_fragment_of_what_was_said(parse):
    text = 'Brenner responded "no" on Wednesday when asked whether the council was in an inquiry.'
    group = role_group(text, "Brenner", "responded", '"no"', "whether the council was in an inquiry")
    done = without_questions_put(parse(text), group)
    assert [text[c.start : c.end] for c in done.contents] == ['"no"']
    (statement,), _ = with_contents(parse(text), [group], [])
    assert [text[c.start : c.end] for c in statement.contents] == ['"no"']


@pytest.mark.parametrize("text, cue, content, expected", [
    ('Kemp said Wednesday she did not "want to get caught in semantics" when asked if the probe was an inquiry.',
     "said", 'she did not "want to get caught in semantics" when asked if the probe was an inquiry',
     'she did not "want to get caught in semantics"'),
    ("Kemp said the harbour would reopen in May, after being asked about the strike.", "said",
     "the harbour would reopen in May, after being asked about the strike", "the harbour would reopen in May"),
])
def test_a_content_ends_before_the_question_put(parse, text, cue, content, expected):
    doc = parse(text)
    (done,) = complete_contents(doc, [role_group(text, "Kemp", cue, content)])
    assert text[done.contents[-1].start : done.contents[-1].end] == expected


@pytest.mark.parametrize("text, cue, content", [
    ("Kemp said the videos show Brenner calmly leaving his car when asked to do so by the police.", "said",
     "the videos show Brenner calmly leaving his car when asked to do so by the police"),
    ('Kemp said that Brenner "lashed out at the harbour pilots when he was asked whether the port would close."',
     "said", 'that Brenner "lashed out at the harbour pilots when he was asked whether the port would close."'),
])
def test_a_request_or_a_quoted_question_stays_in_the_content(parse, text, cue, content):
    doc = parse(text)
    (done,) = complete_contents(doc, [role_group(text, "Kemp", cue, content)])
    assert text[done.contents[-1].start : done.contents[-1].end].rstrip(".") == content.rstrip(".")


def test_rules_version_is_bumped():
    assert rules_version() == "rules-1.4.8"
