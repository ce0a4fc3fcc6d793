"""Statements whose content says nothing true or false become stances (issue 9, junk):
hand-written sentences, real spaCy model."""

from __future__ import annotations

import pytest
from role_groups import role_group

from claimscope.nlp.attribution import with_contents
from claimscope.nlp.attribution_junk import is_junk


@pytest.mark.parametrize("text, source, cue, content", [
    # a noun phrase the cue acts on
    ("Several church groups condemned the omission, as they should.", "Several church groups",
     "condemned", "the omission, as they should"),
    ("Later a city official cited her case at a briefing as an example of what not to do.",
     "a city official", "cited", "her case at a briefing as an example of what not to do"),
    ("The league released a statement condemning the brawl.", "The league",
     "released a statement condemning", "the brawl"),
    ("The mayor announced a surprise retirement on Monday.", "The mayor", "announced",
     "a surprise retirement on Monday"),
    # a topic
    ("The new minister isn't going to talk about the harbour tax.", "The new minister",
     "isn't going to talk about", "the harbour tax"),
    ("They never even talked about what the fence would look like.", "They",
     "never even talked about", "what the fence would look like"),
    ("We don't believe in rules for their own sake, but because they keep us safe.", "We",
     "don't believe", "in rules for their own sake, but because they keep us safe"),
    # an aim or a request
    ("The neighbours asked Mr. Dorn to repaint the fence before the fair.", "The neighbours",
     "asked", "Mr. Dorn to repaint the fence before the fair"),
    ("The caller asked to be taken to the clinic for a test.", "The caller", "asked",
     "to be taken to the clinic for a test"),
    ("The coach told the players not to speak to reporters if they could not stay calm.",
     "The coach", "told", "the players not to speak to reporters if they could not stay calm"),
    ("The senator vowed to block the pipeline over its cost.", "The senator", "vowed",
     "to block the pipeline over its cost"),
    ("Asked if the mayor had done anything right, Ms. Ortiz laughed.", None, "Asked",
     "if the mayor had done anything right"),
    # an open question after a verb of knowing or saying
    ("The minister did not say how she would pay for the bridge.", "The minister", "did not say",
     "how she would pay for the bridge"),
    ("But I do know what some traders have been up to.", "I", "do know",
     "what some traders have been up to"),
    # the writer's own frame
    ("That said, outside the capital there are real worries about the harvest.", "That", "said",
     "outside the capital there are real worries about the harvest"),
])
def test_contents_that_say_nothing_are_junk(parse, text, source, cue, content):
    doc = parse(text)
    assert is_junk(doc, role_group(text, source, cue, content))


@pytest.mark.parametrize("text, source, cue, content", [
    ("The mayor said the bridge would reopen in May.", "The mayor", "said",
     "the bridge would reopen in May"),
    ("Ms. Kovac described a similar meeting with the board.", "Ms. Kovac", "described",
     "a similar meeting with the board"),
    ("The ministry has denied the allegation from the start.", "The ministry", "has denied",
     "the allegation from the start"),
    ("A survey released last month found 70 percent support for the plan.",
     "A survey released last month", "found", "70 percent support for the plan"),
    ("So far at least 40 deaths have been reported.", None, "have been reported",
     "So far at least 40 deaths"),
    ("Prosecutors had accused Mr. Hale of fraud based on the ledger.", "Prosecutors",
     "had accused", "Mr. Hale of fraud based on the ledger"),
    ("She slammed the council's approach as reckless.", "She", "slammed",
     "the council's approach as reckless"),
    ("The coach has admitted to being embarrassed by the result.", "The coach", "has admitted",
     "to being embarrassed by the result"),
    ("The outbreak was believed to have begun in late spring.", None, "was believed",
     "to have begun in late spring"),
    ("The council rejected the notion that the fund was empty.", "The council", "rejected",
     "the notion that the fund was empty"),
    ("Critics worried that the plan would cost too much.", "Critics", "worried",
     "that the plan would cost too much"),
    ("The mayor has maintained his innocence throughout the trial.", "The mayor", "has maintained",
     "his innocence throughout the trial"),
    ("The mayor has denied knowing about the meeting.", "The mayor", "has denied knowing about",
     "the meeting"),
    ("Ms. Ortiz was calling the issue a distraction.", "Ms. Ortiz", "was calling",
     "the issue a distraction"),
    ("The minister said if she were elected she would close the mine.", "The minister", "said",
     "if she were elected she would close the mine"),
    ('The mayor talked about "a new start for the harbour".', "The mayor", "talked about",
     '"a new start for the harbour"'),
])
def test_propositions_and_quotations_stay(parse, text, source, cue, content):
    doc = parse(text)
    assert not is_junk(doc, role_group(text, source, cue, content))


def test_junk_statements_become_stances(parse):
    text = "The league released a statement condemning the brawl. The coach said the team would appeal."
    doc = parse(text)
    junk = role_group(text, "The league", "released a statement condemning", "the brawl")
    real = role_group(text, "The coach", "said", "the team would appeal")
    statements, stances = with_contents(doc, [junk, real], [])
    assert [text[g.cue.start:g.cue.end] for g in statements] == ["said"]
    assert [text[g.cue.start:g.cue.end] for g in stances] == ["released a statement condemning"]
