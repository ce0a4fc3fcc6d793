"""Epistemic statuses come only from cues that mean them where they stand, through the real
pipeline; sentences written for these tests."""

import pytest
from claim_views import claim_with as _claim

from claimscope.nlp.cues import CueMatcher
from claimscope.nlp.epistemic import read_status


@pytest.mark.parametrize("text, words", [
    # A programme name is no question.
    ("The minister faced the opposition leader at Prime Minister's Questions on Wednesday.\n",
     "opposition leader"),
    # "claims" the noun is no hedge.
    ("The agency processed four thousand tax claims in the spring.\n", "tax claims"),
    # "appeared" meaning "was shown" is no hedge.
    ("She first appeared on Playschool in 1985 and later presented the news.\n", "Playschool"),
    # A likely nominee is a noun's description, not a hedge of the sentence.
    ("The governor defeated the likely nominee in the June primary.\n", "likely nominee"),
    # "could not vote" says they were unable to, it does not speculate.
    ("Before the reform, thousands of residents could not vote in local elections.\n",
     "could not vote"),
    # Interrogated, not doubted.
    ("The driver was questioned by detectives for six hours on Monday.\n", "detectives"),
    # A belief the sentence requires, not one it reports.
    ("The new treaty requires all of the members to believe its promises.\n", "requires"),
    # "I expected" the shop to be open: a past plan, not a hedge.
    ("I expected the bakery to be open on Sunday morning.\n", "bakery"),
    # Claiming responsibility is taking it, not hedging.
    ("No group had claimed responsibility for the fire by Monday evening.\n", "responsibility"),
    # Few would deny it: an affirmation.
    ("Few would deny that the new bridge has cut journey times across the city.\n",
     "journey times"),
])
def test_cue_words_in_other_senses_give_no_status(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status in ("asserted", "reported"), (claim.status, [c.text for c in claim.cues])


def test_a_negation_in_a_concessive_clause_does_not_deny_the_main_clause(analyze):
    a = analyze("The insurer will pay the families even if there is no link to the fire.\n")
    claim = _claim(a, "pay the families")
    assert claim.status != "denied"
    assert all("no link" not in c.text for c in claim.cues)


def test_a_cue_in_one_clause_does_not_reach_the_next(analyze):
    a = analyze("The council approved the new harbour plan on Monday, although the cost could "
                "rise sharply next year.\n")
    assert _claim(a, "approved the new harbour plan").status == "asserted"
    rise = _claim(a, "cost could rise")
    assert rise.status == "speculative" and [c.text for c in rise.cues] == ["could"]


def test_a_conjunct_that_shares_the_subject_shares_the_clause(analyze):
    a = analyze("The new injection often gives quick relief but may be painful for children.\n")
    claim = _claim(a, "quick relief")
    assert claim.status == "speculative" and [c.text for c in claim.cues] == ["may"]
    b = analyze("The harbour reopened on Monday and officials think the ferries may return.\n")
    assert _claim(b, "harbour reopened").status == "asserted"


@pytest.mark.parametrize("text, words, status, cue", [
    ("The auditors appear to have lost the original files.\n", "lost the original files",
     "hedged", "appear"),
    ("The claims seemed exaggerated to most of the inspectors.\n", "exaggerated", "hedged",
     "seemed"),
    ("Did the port authority know about the cracks in the quay?\n", "port authority", "questioned",
     "?"),
    ("The minister dismissed the allegations that her office leaked the memo.\n", "office leaked",
     "denied", "dismissed"),
    ("There is no evidence that the mayor took the money.\n", "mayor took the money", "denied",
     "no evidence"),
    ("The mayor is expected to resign before the summer recess.\n", "resign", "speculative",
     "expected"),
    ("The company claimed that the leak had been contained by noon.\n", "leak had been contained",
     "hedged", "claimed"),
    ("The senator has continued to question the cost of the bridge.\n", "cost of the bridge",
     "questioned", "question"),
])
def test_cues_that_mean_their_status_decide_and_are_shown(analyze, text, words, status, cue):
    claim = _claim(analyze(text), words)
    assert claim.status == status
    assert cue in [c.text for c in claim.cues]


def test_every_status_but_asserted_and_reported_shows_its_cue_in_the_claims_sentence(analyze):
    text = ("The shipment allegedly reached the rebels in March. The rebels could attack the "
            "harbour again. Would the navy respond? The ministry denied that it armed the "
            "militia. Many analysts think the ceasefire would probably collapse within weeks. "
            "If the talks fail, the army would move north, and the border might close.\n")
    a = analyze(text)
    for claim in a.claims:
        if claim.status in ("asserted", "reported"):
            continue
        assert claim.cues, claim
        sentence_start = text.rfind(".", 0, claim.start) + 1
        assert all(sentence_start <= c.start and text[c.start:c.end] == c.text for c in claim.cues)


def test_the_learned_probability_alone_never_hedges(workspace):
    # Past the threshold the head hedges only with a cue of the claim's own, which it shows.
    nlp = workspace.nlp
    matcher = CueMatcher(nlp.vocab)
    plain = nlp("The committee met in the old town hall on Tuesday.")
    reading = read_status(matcher.find(plain), claim=plain[:-1], attribution_cue=None,
                          uncertain_probability=0.99)
    assert reading.status == "asserted" and reading.cues == []
    weak = nlp("The committee would meet in the old town hall on Tuesday.")
    reading = read_status(matcher.find(weak), claim=weak[:-1], attribution_cue=None,
                          uncertain_probability=0.99)
    # "would" is a prediction or condition: speculative, never an evidential hedge.
    assert reading.status == "speculative" and [c.text for c in reading.cues] == ["would"]
    reading = read_status(matcher.find(weak), claim=weak[:-1], attribution_cue=None,
                          uncertain_probability=0.1)
    assert reading.status == "asserted"


@pytest.mark.parametrize("text, words", [
    # The denial verb is inside the author's claim: a negative fact, asserted.
    ("The senator forcefully rejected the characterization of his remarks by the press.\n",
     "rejected the characterization"),
    ("The coach dismissed the ultimatum from the club owners on Sunday.\n", "ultimatum"),
])
def test_a_denial_inside_the_claim_asserts_a_negative_fact(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status != "denied", [c.text for c in claim.cues]


def test_an_authors_denial_noun_denies_its_that_clause(analyze):
    claim = _claim(analyze("There is no evidence that the mayor took the money.\n"), "mayor took")
    assert claim.text == "the mayor took the money"
    assert claim.status == "denied" and [c.text for c in claim.cues] == ["no evidence"]


def test_a_conditional_would_is_speculative_not_hedged(analyze):
    claim = _claim(analyze("If the mayor becomes the nominee, that would help the party in the "
                           "suburbs.\n"), "help the party")
    assert claim.status != "hedged"


@pytest.mark.parametrize("text, words", [
    # The question is the embedded clause's, not the claim that the council deliberates.
    ("The council is weighing whether to close the old library next year.\n", "weighing"),
    # A question negated through "going to" is no question.
    ('"I am not going to question her motive," the mayor said.\n', "her motive"),
    # "as likely" compares rates; it does not hedge.
    ("Young drivers are nearly four times as likely to crash at night as older drivers.\n",
     "four times"),
])
def test_cues_in_a_clause_of_their_own_or_in_another_sense_give_no_status(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status in ("asserted", "reported"), (claim.status, [c.text for c in claim.cues])
