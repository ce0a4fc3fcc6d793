"""The shipped paraphrase cross-encoder (quantized ONNX) on sentences written for these tests."""

import pytest

from claimscope.ledger.claim_match import PARAPHRASE_MODEL_DIR, ClaimMatcher
from claimscope.runtime.cross_encoder import load_cross_encoder


@pytest.fixture(scope="module")
def paraphrase():
    return load_cross_encoder(str(PARAPHRASE_MODEL_DIR))


def test_paraphrase_cross_encoder_scores_a_paraphrase_above_a_non_paraphrase(paraphrase):
    same = paraphrase.labels.index("same")
    p = paraphrase.probabilities([
        ("The council approved the new harbour budget on Tuesday.",
         "On Tuesday the harbour budget was passed by the council."),
        ("The council approved the new harbour budget on Tuesday.",
         "Fishermen complained about the cold weather on Tuesday."),
        ("Police arrested two men after the robbery at the jeweller's.",
         "Two men were detained by police following the jewellery shop robbery."),
        ("Police arrested two men after the robbery at the jeweller's.",
         "The jeweller's shop will open a second branch next spring."),
    ])[:, same]
    assert p[0] > 0.5 > p[1] and p[2] > 0.5 > p[3], p
    assert p.shape == (4,) and ((p >= 0) & (p <= 1)).all()


def test_matcher_asks_the_cross_encoder_only_inside_the_cosine_band(paraphrase):
    matcher = ClaimMatcher()
    assert matcher.has_cross and matcher.band_low < matcher.threshold + 1 and matcher.band_high <= 1.0
    a, b = "The bridge reopened on Friday.", "On Friday the bridge opened again."
    # outside the band the cosine decides alone; inside it the cross-encoder's P(same)
    assert matcher.probability(a, b, matcher.band_low - 0.01) == 0.0
    assert matcher.probability(a, b, matcher.band_high) == 1.0
    inside = matcher.probability(a, b, (matcher.band_low + matcher.band_high) / 2)
    same = paraphrase.labels.index("same")
    assert inside == pytest.approx(float(paraphrase.probabilities([(a, b)])[0, same]), abs=1e-6)
    assert "cross" in matcher.version


def test_the_shipped_band_is_the_trained_one_and_below_it_the_model_is_not_run():
    """band_low 0.6 (docs/scale.md, fourth round): a pair at cosine 0.55, however alike its
    texts, is not the same claim and costs no cross-encoder run; at 0.65 the model decides."""
    from claimscope.training.paraphrase_cross import BAND_HIGH, BAND_LOW

    matcher = ClaimMatcher()
    assert (matcher.band_low, matcher.band_high) == (BAND_LOW, BAND_HIGH) == (0.6, 0.98)
    a, b = "The council approved the harbour budget on Tuesday.", "On Tuesday the council passed the harbour budget."
    assert matcher.probability(a, b, 0.55) == 0.0 and not matcher.accepts(a, b, 0.55)
    assert matcher.cross_pairs == 0
    assert matcher.probability(a, b, 0.65) > matcher.threshold and matcher.cross_pairs == 1
