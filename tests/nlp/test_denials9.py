"""Denials, as the ledger needs them: the claim a source denies is the proposition denied, with
the denier as its asserter and the denial verb as its cue; a sentence that says nobody denies
something, or that it is hard to deny, affirms it and stays the author's (docs/audit.md,
"Claims": for a denied claim the asserter is the one who denies it). Sentences written for
these tests."""

import pytest
from claim_views import claim_with as _claim
from claim_views import cue_texts


@pytest.mark.parametrize("text, words, asserter, cue", [
    # The parser reads "that discomfort" as a determiner and its noun: the clause is still
    # what was denied.
    ("On Wednesday, Paul Ryan denied that discomfort with the party's direction was a factor "
     "in his decision to retire.\n", "discomfort with the party", "Paul Ryan", "denied"),
    # A claim noun's content clause that the parser took for a relative clause.
    ("However, Ed Donovan disputed accounts that the operation lasted for months.\n",
     "the operation lasted", "Ed Donovan", "disputed"),
    ("Governor Maria Lopez rejected the idea that the new tax deserved a comparison with the "
     "old one.\n", "the new tax deserved", "Maria Lopez", "rejected"),
])
def test_the_denied_proposition_is_the_deniers(analyze, text, words, asserter, cue):
    claim = _claim(analyze(text), words)
    assert claim.status == "denied", (claim.text, claim.status, cue_texts(claim))
    assert claim.asserter_name == asserter
    assert cue in cue_texts(claim)
    assert not claim.text.lower().startswith(("accounts", "the idea"))  # the noun is not denied


@pytest.mark.parametrize("text, words", [
    ("No one disputes that sea levels are rising along the coast.\n", "sea levels are rising"),
    ("Few would dispute that the new bridge eased the traffic.\n", "the new bridge eased"),
    ("Nobody denies that the harbour needs dredging.\n", "the harbour needs dredging"),
    ("I find it increasingly hard to deny that the ferry plan has failed.\n", "ferry plan has failed"),
    ("It is difficult to dispute that rents rose last year.\n", "rents rose last year"),
])
def test_saying_nobody_denies_it_affirms_it(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status != "denied", (claim.text, cue_texts(claim))
    assert claim.asserter_name in ("the author", "I"), claim.asserter_name


def test_a_relative_clause_on_a_claim_noun_is_not_what_was_denied(analyze):
    # "the claims that he made": "that" is the object of "made"; nothing here says he made
    # a claim that is denied, so no denied claim "he made in the interview" is made up.
    analysis = analyze("Mayor Ana Ruiz rejected the claims that he made in the interview.\n")
    assert not any(c.status == "denied" and c.text.startswith("he made") for c in analysis.claims), \
        [(c.text, c.status) for c in analysis.claims]


@pytest.mark.parametrize("text, words, asserter, cue", [
    # A bare plural claim noun with its that-clause is what was rejected: a saying, not a stance.
    ("Foreign Ministry spokesman Alexander Lukashevich on Thursday rejected claims that Russia "
     "had interfered in the election.\n", "Russia had interfered", "Alexander Lukashevich", "rejected"),
    ("Sarah Collins dismissed reports that the talks had collapsed.\n", "the talks had collapsed",
     "Sarah Collins", "dismissed"),
])
def test_rejecting_claims_that_is_a_denial(analyze, text, words, asserter, cue):
    claim = _claim(analyze(text), words)
    assert claim.status == "denied", (claim.text, claim.status, cue_texts(claim))
    assert claim.asserter_name == asserter
    assert cue in cue_texts(claim)


def test_rejecting_an_offer_is_no_denial(analyze):
    analysis = analyze("The union rejected the offer on Friday.\n")
    assert not analysis.attributions
    assert all(c.status != "denied" for c in analysis.claims)


def test_a_relative_clause_on_a_bare_claim_noun_frames_no_saying(analyze):
    # "that he had heard": "that" is the object of "heard"; he rejected claims, and nothing
    # here says he denied that he heard from voters.
    analysis = analyze("The senator rejected claims that he had heard from voters.\n")
    assert not any(c.status == "denied" and c.text.startswith("he had heard") for c in analysis.claims), \
        [(c.text, c.status) for c in analysis.claims]
