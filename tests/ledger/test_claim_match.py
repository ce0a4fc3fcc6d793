"""The claim matcher (shipped encoder and decision) on pairs written for these tests."""

import numpy as np
import pytest

from claimscope.ledger.claim_match import FEATURES, ClaimMatcher, pair_features


@pytest.fixture(scope="module")
def matcher():
    return ClaimMatcher()


def test_same_claim_reworded_matches(matcher):
    pairs = [
        ("Nine people were killed in the explosion at the harbour on Monday.",
         "The harbour explosion on Monday killed nine people."),
        ("The city council approved the new budget on Tuesday.",
         "On Tuesday the city council passed the new budget."),
    ]
    for match in matcher.match_pairs(pairs):
        assert match.same, match


def test_different_figure_negation_or_topic_does_not_match(matcher):
    base = "Nine people were killed in the explosion at the harbour on Monday."
    a, b, c = matcher.match_pairs([
        (base, "Eleven people were killed in the explosion at the harbour on Monday."),
        ("Mayor Halvorsen was involved in the harbour land deal.",
         "Mayor Halvorsen was not involved in the harbour land deal."),
        (base, "The ferry company raised its ticket prices for the summer."),
    ])
    # the calibrated score alone would match the first two pairs: the checks keep them apart
    assert a.probability >= matcher.threshold and not a.same and a.veto == "figures"
    assert b.probability >= matcher.threshold and not b.same and b.veto == "polarity"
    assert not c.same and c.probability < matcher.threshold


def test_embeddings_are_unit_vectors_for_the_index(matcher):
    vectors = matcher.embed(["The dock was closed.", "Port workers went on strike."])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_features_line_up_with_the_shipped_decision(matcher):
    assert matcher.features == list(FEATURES)
    assert len(pair_features("a b", "a c", 0.5)) == len(FEATURES) == len(matcher.coef)
