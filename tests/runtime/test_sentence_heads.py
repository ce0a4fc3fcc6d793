"""The shipped sentence encoder's pooled heads (real ONNX) rank obvious cases the right way round."""

from __future__ import annotations

import pytest

from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR
from claimscope.runtime.sentence_heads import SentenceHeads


@pytest.fixture(scope="module")
def heads() -> SentenceHeads:
    return SentenceHeads()


def test_model_directory_follows_the_contract():
    for name in ("model.onnx", "tokenizer.json", "config.json", "MODEL_CARD.md",
                 "sentence_heads.npz", "tc_head.npz"):
        assert (SENTENCE_MODEL_DIR / name).is_file(), name


def test_thresholds_are_probabilities(heads):
    assert set(heads.thresholds) == {"checkworthy", "uncertain"}
    assert all(0.0 < t < 1.0 for t in heads.thresholds.values())


def test_hedged_sentence_is_more_uncertain_than_a_flat_one(heads):
    hedged = "Some experts believe the bridge may possibly have been designed by a local engineer."
    flat = "The bridge was designed by a local engineer and opened in 1931."
    p_hedged, p_flat = heads.predict([hedged, flat])
    assert p_hedged["uncertain"] > p_flat["uncertain"] + 0.2


def test_numeric_claim_is_more_checkworthy_than_a_greeting(heads):
    claim = "Unemployment fell from 10 percent to 4.7 percent during the last eight years."
    greeting = "Thank you very much, and good evening to everybody here tonight."
    p_claim, p_greeting = heads.predict([greeting, claim])[::-1]
    assert p_claim["checkworthy"] > p_greeting["checkworthy"] + 0.2


def test_predictions_keep_input_order_and_batching_does_not_change_them(heads):
    texts = [
        "It is thought that the castle might date from the twelfth century.",
        "Hello.",
        "The company reported revenue of 3 billion dollars in 2019, up 12 percent.",
    ] * 7
    together = heads.predict(texts)
    alone = [heads.predict([t])[0] for t in texts[:3]]
    # Dynamic int8 quantization picks activation scales per batch tensor, so a sentence's
    # probabilities move slightly with its batch mates (the fp32 export is exact); not more.
    for a, b in zip(together[:3], alone):
        assert a == pytest.approx(b, abs=0.03)
    assert together[0] == pytest.approx(together[3], abs=1e-6)
    assert all(0.0 <= v <= 1.0 for row in together for v in row.values())


def test_empty_input_gives_empty_output(heads):
    assert heads.predict([]) == []


def test_a_span_of_an_encoded_text_scores_like_the_text_alone(heads):
    # The claims component pools a claim's pieces out of the sentence pass; for a claim that
    # is the whole sentence this must be exactly what the sentence alone gets.
    text = "Officials said the plant may have released more chlorine than it reported."
    units = heads.encode(text)
    from_units = heads.score_spans(units, [(0, len(text))])[0]
    alone = heads.predict([text])[0]
    assert from_units == pytest.approx(alone, abs=1e-5)


def test_part_of_a_sentence_is_scored_from_its_own_pieces(heads):
    text = "The mayor smiled at the cameras, and the council may have hidden a 40 million dollar deficit."
    units = heads.encode(text)
    cut = text.index("the council")
    whole, greeting, claim = heads.score_spans(units, [(0, len(text)), (0, cut), (cut, len(text))])
    assert claim["uncertain"] > greeting["uncertain"]
    assert greeting != whole != claim
