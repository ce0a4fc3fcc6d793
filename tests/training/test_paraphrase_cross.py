"""The paraphrase cross-encoder's training path on a few MRPC pairs (torch: the `train` extra)."""

import json
import math

import numpy as np
import pytest

from claimscope.training.paraphrase_cross import BAND_HIGH, BAND_LOW, banded


def test_band_settles_pairs_outside_it_as_the_ledger_does():
    p = np.array([0.9, 0.2, 0.4, 0.7])
    cosine = np.array([BAND_LOW - 0.01, BAND_HIGH, BAND_LOW, BAND_HIGH - 0.01])
    assert banded(p, cosine).tolist() == [0.0, 1.0, 0.4, 0.7]


def test_full_fine_tune_on_both_orders_writes_a_held_out_curve(shared_data, tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from claimscope.training import paraphrase_cross

    result = paraphrase_cross.train(shared_data, tmp_path / "model", work_dir=tmp_path / "work",
                                    epochs=1, batch_size=8, limit=12, threads=1, export=False)
    # 12 pairs in both orders are 24 training rows: 3 steps of 8 (one order would be 2)
    (epoch,) = result["history"]
    assert epoch["epoch"] == 1 and epoch["step"] == math.ceil(2 * 12 / 8)
    assert all(0.0 <= epoch[k] <= 1.0 for k in ("f1_at_0.5", "f1_both_orders_at_0.5", "f1_band_vetoes_at_0.5"))
    both = np.load(tmp_path / "work" / "held-out-torch-epoch1.npy")
    assert both.shape == (2, 8) and ((both >= 0) & (both <= 1)).all()
    assert json.loads((tmp_path / "work" / "curve.json").read_text())["held_out_fold"] == 0
    assert not (tmp_path / "model").exists()  # the curve only: nothing shipped
    import torch

    state = torch.load(tmp_path / "work" / "model.pt")
    # all layers trained: the lowest layer's weights moved away from the base model's
    from claimscope.training.cross_encoder import PairClassifier

    base = PairClassifier(2).state_dict()
    key = "encoder.encoder.layer.0.attention.self.query.weight"
    assert not torch.equal(state[key], base[key])
    assert torch.equal(state["encoder.embeddings.word_embeddings.weight"],
                       base["encoder.embeddings.word_embeddings.weight"])
