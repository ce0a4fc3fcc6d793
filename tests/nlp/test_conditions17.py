"""Statuses of issue 9 (round conditions17, tuning pool): a claim whose main clause predicts
("will", "would") on a condition of its own ("If ...", "Unless ...", "Should he ...") is
speculative, and shows the condition's word as its cue; a concessive "even if" and a clause
without a prediction are not. Hand-written text, the real spaCy model."""

from __future__ import annotations

TEXT = ("The council of Valtoria meets again on Friday.\n\n"
        "Should the mayor decide to run again, she will need the support of the harbour unions.\n\n"
        "Unless the board finds new money, there will be no repairs next year.\n\n"
        "Even if the board finds new money, the repairs will not start before May.\n\n"
        "If you walk along the quay, the damage is plain to see.\n\n"
        "The mayor said that if the unions agreed, the harbour would reopen in June.\n")


def _claim(analysis, words):
    (claim,) = [c for c in analysis.claims if words in c.text]
    return claim


def test_a_prediction_on_a_condition_is_speculative_with_its_word(analyze):
    a = analyze(TEXT)
    for words, cue in (("support of the harbour unions", "Should"), ("no repairs next year", "Unless"),
                       ("would reopen in June", "if")):
        claim = _claim(a, words)
        assert claim.status == "speculative", (words, claim.status)
        assert [c.text for c in claim.cues] == [cue]


def test_a_concession_and_a_condition_without_prediction_are_not(analyze):
    a = analyze(TEXT)
    assert _claim(a, "not start before May").status != "speculative"
    assert _claim(a, "plain to see").status != "speculative"
