"""Cue words in another sense give no status (docs/audit.md, "Claims": a word in another
sense, a cue in another clause than the claim, do not count): a "may" of permission, a race
rating, a modal of the arguing rather than of what is argued, and questions the claim says
were raised. Sentences written for these tests."""

import pytest
from claim_views import claim_with as _claim


@pytest.mark.parametrize("text, words", [
    # A "may" of permission under a rule, or restricting an action with "only".
    ("By statute the board may only order repairs to the harbour wall.\n", "order repairs"),
    ("Under the agreement, the company may sell the land after 2030.\n", "sell the land"),
    ("Residents may only park on the north side of the street.\n", "park on the north"),
    # A race rating is no hedge.
    ("The race is rated likely Democratic by most forecasters.\n", "race is rated"),
    # The claim says questions were raised; it asks nothing itself.
    ("The delays have raised new questions about the contractor.\n", "raised new questions"),
])
def test_cues_in_another_sense_give_no_status(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status in ("asserted", "reported"), (claim.status, [c.text for c in claim.cues])


@pytest.mark.parametrize("text, words", [
    ("One could argue that the ferry service has never been better.\n", "ferry service"),
    ("Some might argue that the tax cut has already paid for itself.\n", "tax cut"),
])
def test_a_modal_of_arguing_does_not_reach_what_is_argued(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status in ("asserted", "reported"), (claim.status, [c.text for c in claim.cues])
    assert not any(c.text.lower() in ("could", "might") for c in claim.cues)


@pytest.mark.parametrize("text, words, status, cue", [
    # A "may" of possibility stays, also with "only" on a state and under a non-rule.
    ("The rise in prices may only be temporary.\n", "rise in prices", "speculative", "may"),
    ("Under pressure from investors, the company may sell the land.\n", "sell the land",
     "speculative", "may"),
    # "likely" before anything but a party still hedges.
    ("The harbour is likely to reopen in May.\n", "reopen", "hedged", "likely"),
    # A modal on the claim's own verb still speculates.
    ("The new bridge could cut journey times by half.\n", "journey times", "speculative", "could"),
])
def test_the_same_words_in_their_sense_keep_their_status(analyze, text, words, status, cue):
    claim = _claim(analyze(text), words)
    assert claim.status == status and cue in [c.text.lower() for c in claim.cues], (
        claim.status, [c.text for c in claim.cues])


def test_a_passive_by_names_the_agent_not_a_rule(analyze):
    # The "by" of a passive is an agent, not a rule framing the clause: the "may" stays a
    # possibility (guards the narrowness of the permission rule).
    claim = _claim(analyze("The harbour board may be replaced by order of the minister.\n"),
                   "harbour board")
    assert claim.status == "speculative" and "may" in [c.text.lower() for c in claim.cues]
