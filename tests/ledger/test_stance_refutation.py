"""The stance model's refutation features and evidence, on sentences written here."""

import json
import shutil

import numpy as np

from claimscope.ledger.stance import (
    N_REFUTATION,
    STANCE_MODEL_DIR,
    StanceModel,
    evidence,
    refutation_features,
)

SENTS = ["The mayor visited the harbour on Monday.",
         "Crowds gathered to watch the ships.",
         "Officials said the story about a shark in the harbour was a hoax.",
         "The weather was fine."]


def test_evidence_moves_a_refuting_sentence_ahead_of_truncation():
    sims = np.array([0.9, 0.8, 0.1, 0.7])
    assert evidence(SENTS, sims, k=3) == " ".join([SENTS[0], SENTS[1], SENTS[3]])
    moved = evidence(SENTS, sims, k=3, refuting=1)
    assert moved == " ".join([SENTS[0], SENTS[1], SENTS[2]])
    # nothing to move: the same as without
    assert evidence(SENTS[:2] + SENTS[3:], sims[[0, 1, 3]], k=3, refuting=2) == evidence(
        SENTS[:2] + SENTS[3:], sims[[0, 1, 3]], k=3)


def test_refutation_features_split_on_the_headline_s_own_doubt():
    sims = np.array([0.2, 0.1, 0.9, 0.0])
    asserting = refutation_features("Shark seen in the harbour", SENTS, sims)
    doubting = refutation_features("Shark in the harbour a hoax?", SENTS, sims)
    assert len(asserting) == len(doubting) == N_REFUTATION
    # the most similar sentence refutes; its cue counts once, on the side of the headline's doubt
    assert asserting[0] == 1.0 and asserting[12] == 1.0 and asserting[18] == 0.0
    assert doubting[0] == 1.0 and doubting[12] == 0.0 and doubting[18] == 1.0
    assert asserting[5] > 0.5  # the refuting sentence holds most of the headline's words
    assert refutation_features("Anything", [], np.zeros(0)) == [0.0] * N_REFUTATION


def test_the_cross_weight_averages_the_cross_encoder_in(tmp_path):
    """The config's cross_weight mixes a cross-encoder into the shipped head's stance: with
    weight 1 the labels are the cross-encoder's alone (the paraphrase model stands in, its two
    labels renamed), with weight 0 the feature head's."""
    models = tmp_path / "models"
    shutil.copytree(STANCE_MODEL_DIR, models / "stance")
    cross = models / "stance_cross"
    shutil.copytree(STANCE_MODEL_DIR.parent / "paraphrase", cross)
    config = json.loads((cross / "config.json").read_text())
    config.update({"labels": ["disagree", "agree"], "truncation": "only_second"})
    (cross / "config.json").write_text(json.dumps(config))
    pairs = [("Gas leak caused the harbour blast", "Officials confirmed the harbour blast was caused by a gas "
              "leak. The gas leak was found in a pipe under the harbour.")]

    def run(weight):
        config_path = models / "stance" / "config.json"
        stance_config = json.loads(config_path.read_text())
        stance_config.update({"cross_encoder": "stance_cross", "cross_weight": weight})
        config_path.write_text(json.dumps(stance_config))
        return StanceModel(models / "stance").predict(pairs)[0]

    head, cross_only = run(0.0), run(1.0)
    assert head.label in ("agree", "discuss", "disagree")
    assert cross_only.label in ("agree", "disagree")  # the stand-in never says discuss
    assert cross_only.probabilities["discuss"] == 0.0
