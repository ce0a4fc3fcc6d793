"""Statuses of issue 9 (round conditions17, tuning pool): a claim whose main clause predicts
("will", "would") on a condition of its own ("If ...", "Unless ...", "Should he ...") is
speculative, and shows the condition's word as its cue; a concessive "even if" and a clause
without a prediction are not. Hand-written text, the real spaCy model."""

from __future__ import annotations

from claim_views import claim_with, cue_texts

TEXT = ("The council of Valtoria meets again on Friday.\n\n"
        "Should the mayor decide to run again, she will need the support of the harbour unions.\n\n"
        "Unless the board finds new money, there will be no repairs next year.\n\n"
        "Even if the board finds new money, the repairs will not start before May.\n\n"
        "If you walk along the quay, the damage is plain to see.\n\n"
        "The mayor said that if the unions agreed, the harbour would reopen in June.\n")


def test_a_prediction_on_a_condition_is_speculative_with_its_word(analyze):
    a = analyze(TEXT)
    for words, cue in (("support of the harbour unions", "Should"), ("no repairs next year", "Unless"),
                       ("would reopen in June", "if")):
        claim = claim_with(a, words)
        assert claim.status == "speculative", (words, claim.status)
        assert cue_texts(claim) == [cue]


def test_a_concession_and_a_condition_without_prediction_are_not(analyze):
    a = analyze(TEXT)
    assert claim_with(a, "not start before May").status != "speculative"
    assert claim_with(a, "plain to see").status != "speculative"
