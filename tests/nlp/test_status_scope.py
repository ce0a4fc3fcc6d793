"""A question mark questions only the clause or sentence it ends, and a hedge inside a reported
content hedges that content, through the real pipeline; sentences written for these tests."""

import pytest
from claim_views import claim_with as _claim
from claim_views import cue_texts as _cues


@pytest.mark.parametrize("text, words", [
    # spaCy keeps "a.m. Was ..." in one sentence: the question is the second sentence's only.
    ("The board met at 9 a.m. Was the mayor there?\n", "board met"),
    # A question coordinated after a statement asks its own clause, not the statement.
    ("The ferry fares rose again in March, so who benefits?\n", "fares rose"),
    ("The minister resigned on Tuesday -- why did he go so suddenly?\n", "minister resigned"),
    ("The quay was rebuilt in two years; who paid for it?\n", "quay was rebuilt"),
    ("The council closed the old library in May, but will it ever reopen?\n", "closed the old library"),
])
def test_a_question_joined_to_a_statement_does_not_question_the_statement(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status != "questioned", (claim.text, _cues(claim))
    assert "?" not in _cues(claim)


@pytest.mark.parametrize("text, words", [
    ("Is the new quay safe and will it reopen in the spring?\n", "quay safe"),
    ("Who knew about the cracks, and when did they know it?\n", "knew about the cracks"),
    ("Did the port authority know that the quay was unsafe?\n", "quay was unsafe"),
    # An abbreviation before a capital is no sentence end inside a question.
    ("Did Gen. Halvorsen approve the transfer of the two frigates?\n", "Halvorsen"),
    # A conditional clause belongs to the question it opens.
    ("If the board knew about the cracks in March, why did it wait until June?\n", "wait until"),
    # A fronted word or phrase without a verb is part of the question.
    ("Essentially, do the traders have inside information?\n", "inside information"),
    ("Fares, wages, rents -- how did all of them rise at once?\n", "rise at once"),
    ('"Why would anyone doubt the engineers?" asked Mara Voss.\n', "doubt the engineers"),
    # The question is the object of what stands before it.
    ("Voters along the coast keep asking, will the ferry ever return?\n", "ferry ever return"),
])
def test_a_question_still_questions_its_own_clauses(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status == "questioned", (claim.text, claim.status, _cues(claim))
    assert _cues(claim)


def test_a_cue_in_a_sentence_spacy_joined_to_the_claim_stays_in_that_sentence(analyze):
    # spaCy keeps "p.m. Would ..." in one sentence; "Would" is the question's, not the vote's.
    claim = _claim(analyze("The council voted 7-2 in favour of the plan at 10 p.m. Would the mayor "
                           "sign it?\n"), "council voted")
    assert claim.status == "asserted", (claim.text, claim.status, _cues(claim))


@pytest.mark.parametrize("text, words", [
    # A title's full stop ends no sentence: the cue after it is the claim's own.
    ("The clinic run by Dr. Okafor may close in June.\n", "clinic run by"),
    ("Officers in the U.S. Navy may face charges over the collision.\n", "Navy may face"),
])
def test_an_abbreviation_before_a_name_ends_no_sentence(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status == "speculative" and _cues(claim) == ["may"], (claim.status, _cues(claim))


@pytest.mark.parametrize("text, words, cue", [
    # The parser takes "identified" for the root and hangs "allegedly sold" below it.
    ('According to the report, a harbour official identified only as "M." allegedly sold the '
     "permits to two shipping firms.\n", "allegedly sold", "allegedly"),
    ("The inspectors said a crane driver, hired only last spring, apparently ignored the "
     "warning lights.\n", "ignored the warning lights", "apparently"),
])
def test_a_hedge_inside_a_reported_content_hedges_it(analyze, text, words, cue):
    claim = _claim(analyze(text), words)
    assert claim.status == "hedged", (claim.text, claim.status, _cues(claim))
    assert cue in _cues(claim)


@pytest.mark.parametrize("text, words", [
    # A hedge in a relative clause describes a noun; the content itself is reported flatly.
    ("According to the memo, the colonel met two commanders, one of whom is believed to be the "
     "man known as Kesh.\n", "colonel met"),
    # Only a participle that names its subject is no main verb: the arrest is not hedged.
    ("Man arrested as police allegedly seize drugs worth millions in the harbour.\n", "Man arrested"),
    # A hedge in a concessive clause does not reach the main clause.
    ("According to the auditors, the fund lost money in the spring, although that is likely to "
     "change next year.\n", "fund lost money"),
])
def test_a_hedge_in_a_clause_of_its_own_does_not_hedge_the_claim(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status in ("reported", "asserted"), (claim.text, claim.status, _cues(claim))
