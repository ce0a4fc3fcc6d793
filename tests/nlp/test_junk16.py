"""Junk kinds of issue 9 (round junk16, tuning pool): the writer's hypothesis ("Let's say ...",
"Anyone who thinks ... is dreaming", "Whoever believes ...") and a challenge or a dare to do
something are no statements; "Those who say ..." and "challenged the ruling" still are.
Hand-written sentences (none from any corpus), with the real spaCy model."""

from __future__ import annotations

import pytest
from role_groups import role_group

from claimscope.nlp.attribution_junk import is_junk


@pytest.mark.parametrize("text, source, cue, content", [
    ("Let's say they are right about the threat.", "'s", "say", "they are right about the threat"),
    ("Let us say the board is right about the costs.", "us", "say", "the board is right about the costs"),
    ("Anyone who thinks the levy will pass this year is dreaming.", "Anyone", "thinks",
     "the levy will pass this year"),
    ("Anybody who says the plan is cheap is lying to you.", "Anybody", "says", "the plan is cheap"),
    ("Whoever believes the harbour will reopen soon has not seen the books.", "Whoever", "believes",
     "the harbour will reopen soon"),
    ("I challenge everyone to find a way to help the fishermen before winter.", "I", "challenge",
     "everyone to find a way to help the fishermen before winter"),
    ("She dared the council to vote on the levy.", "She", "dared", "the council to vote on the levy"),
    ("Whether she knows it or not, the mayor is taking on a wider fight.", "she", "knows",
     "it or not, the mayor is taking on a wider fight"),
])
def test_hypotheses_and_challenges_are_junk(parse, text, source, cue, content):
    assert is_junk(parse(text), role_group(text, source, cue, content))


@pytest.mark.parametrize("text, source, cue, content", [
    ("Those who say the plan will fail have not read it.", "Those", "say", "the plan will fail"),
    ("Residents who say the water is unsafe have filed a complaint.", "Residents", "say", "the water is unsafe"),
    ("The mayor says we should let the courts decide.", "The mayor", "says", "we should let the courts decide"),
    ("The union challenged the claim that its members were to blame.", "The union", "challenged",
     "the claim that its members were to blame"),
    ("Kemp said the board had failed.", "Kemp", "said", "the board had failed"),
])
def test_statements_of_real_speakers_stay(parse, text, source, cue, content):
    assert not is_junk(parse(text), role_group(text, source, cue, content))


CARD = ("Mayor Ada Brenner Ada Louise BrennerValtoria council votes on budget Kemp says the harbour levy is "
        "fair MORE criticized the harbour board on Monday.")


def test_a_hover_card_of_linked_headlines_is_junk(parse):
    assert is_junk(parse(CARD), role_group(CARD, "Kemp", "says", "the harbour levy is fair"))


def test_a_name_with_an_inner_capital_is_no_hover_card(parse):
    text = "Senator Ada McKenzie said the harbour levy was fair and the council should back it."
    assert not is_junk(parse(text), role_group(text, "Senator Ada McKenzie", "said",
                                               "the harbour levy was fair and the council should back it"))
