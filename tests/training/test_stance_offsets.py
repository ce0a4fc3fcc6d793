"""The log-odds offsets of the stance check (`training.stance_offsets`) on hand-made probabilities."""

import numpy as np

from claimscope.training.stance_offsets import _labels


def test_offsets_move_the_argmax_and_the_threshold_keeps_unrelated_pairs():
    stance = np.array([[0.5, 0.2, 0.3], [0.5, 0.2, 0.3], [0.1, 0.1, 0.8]])
    related = np.array([0.9, 0.6, 0.95])
    by_model = np.array([True, True, False])  # the third was settled by the pre-filter
    idx = np.arange(3)
    assert _labels(stance, related, by_model, idx, np.zeros(3), 0.5) == ["agree", "agree", "unrelated"]
    # log(0.2) + 1.0 > log(0.5): disagree wins; below the related threshold stays unrelated
    assert _labels(stance, related, by_model, idx, np.array([0.0, 1.0, 0.0]), 0.7) == \
        ["disagree", "unrelated", "unrelated"]
