"""The paraphrase cross-encoder answers a pair the same whatever it is asked with, and the
matcher does not ask it about pairs its vetoes refuse (sentences written for these tests)."""

import numpy as np
import pytest

from claimscope.ledger.claim_match import PARAPHRASE_MODEL_DIR, ClaimMatcher
from claimscope.runtime.cross_encoder import CrossEncoder

PAIRS = [
    ("The council approved the new harbour budget on Tuesday.",
     "On Tuesday the harbour budget was passed by the council."),
    ("Police arrested two men after the robbery at the jeweller's on Mill Street late on Saturday night.",
     "Two men were detained."),
    ("The ferry company raised its prices.",
     "Ticket prices on the island ferry went up by a fifth this summer, the operator said in a statement."),
    ("Minister Arlen Voss said the inquiry would report by March.",
     "The inquiry is due to report in March, according to Minister Voss."),
]


@pytest.fixture(scope="module")
def paraphrase():
    return CrossEncoder(PARAPHRASE_MODEL_DIR, threads=1)


def test_a_pair_gets_the_same_logits_alone_or_with_others(paraphrase):
    together = paraphrase.logits(PAIRS)
    alone = np.concatenate([paraphrase.logits([p]) for p in PAIRS])
    reversed_order = paraphrase.logits(PAIRS[::-1])[::-1]
    assert np.array_equal(together, alone) and np.array_equal(together, reversed_order)


def test_batched_runs_would_depend_on_the_neighbours(paraphrase):
    """Why pairs run alone: padded into one batch, the quantized graph answers differently."""
    batched = CrossEncoder(PARAPHRASE_MODEL_DIR, threads=1, batch_size=len(PAIRS))
    assert not np.array_equal(batched.logits(PAIRS), paraphrase.logits(PAIRS))


def test_accepts_is_decide_without_asking_about_vetoed_pairs():
    matcher = ClaimMatcher()
    cosine = (matcher.band_low + matcher.band_high) / 2  # inside the band: the cross-encoder decides
    vetoed = [
        ("Nine people were killed in the harbour explosion.", "Eleven people were killed in the harbour explosion."),
        ("Mayor Halvorsen was involved in the land deal.", "Mayor Halvorsen was not involved in the land deal."),
    ]
    asked = matcher.cross_pairs
    assert not any(matcher.accepts(a, b, cosine) for a, b in vetoed)
    assert matcher.cross_pairs == asked  # refused before the cross-encoder ran
    for a, b in PAIRS + vetoed:
        match = matcher.decide(a, b, cosine)
        for floor in (0.0, 0.6, 0.95):
            assert matcher.accepts(a, b, cosine, floor) == (match.same and match.probability >= floor)
    assert matcher.accepts(*PAIRS[0], cosine) and matcher.cross_pairs > asked
