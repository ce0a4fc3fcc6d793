"""Claims of issue 9 (round claims17, tuning pool): a transcript that runs its turns together in
one paragraph ('... DAVID GREGORY: A cover-up of what? JOHN MCCAIN: Of the ...') gives each turn
to its label's speaker, and a label of a surname alone is the one person of the text by that
surname. Hand-written text, the real spaCy model."""

from __future__ import annotations

from claim_views import claim_with

TRANSCRIPT = ("Senator Ada Brenner sparred with the host over the harbour inquiry on Sunday (transcript via "
              "the network):\n\n"
              "ADA BRENNER: I'm asking you, do you care whether the money was lost? The information has not "
              "been forthcoming. I know that it hasn't. TOM BAKER: Well, what you said was a cover-up. "
              "BRENNER: The harbour board has not answered our letters. We need the answers.\n\n"
              "UPDATE: The board said on Monday it would reply.\n")


def _asserter(analysis, words):
    return claim_with(analysis, words).asserter_name


def test_turns_run_together_in_a_paragraph_are_their_speakers(analyze):
    a = analyze(TRANSCRIPT)
    assert _asserter(a, "not been forthcoming") == "Ada Brenner"
    assert _asserter(a, "what you said was a cover-up") == "TOM BAKER"


def test_a_surname_label_is_the_person_by_that_surname(analyze):
    assert _asserter(analyze(TRANSCRIPT), "answered our letters") == "Ada Brenner"


def test_a_heading_label_is_no_turn(analyze):
    a = analyze(TRANSCRIPT)
    assert _asserter(a, "Brenner sparred with the host") != "Ada Brenner"
    assert _asserter(a, "it would reply") != "Ada Brenner"
