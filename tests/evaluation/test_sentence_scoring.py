"""Positive-class P/R/F1 and threshold choice on hand-made labels."""

from __future__ import annotations

import pytest

from claimscope.evaluation.sentence_heads import best_threshold, prf


def test_prf_counts_and_ratios():
    gold = [1, 1, 1, 0, 0, 1, 0]
    pred = [1, 0, 1, 1, 0, 0, 0]
    s = prf(gold, pred)
    assert (s["tp"], s["fp"], s["fn"], s["positive"], s["n"]) == (2, 1, 2, 4, 7)
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(0.5)
    assert s["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_prf_without_predictions_is_zero_not_an_error():
    s = prf([1, 0], [0, 0])
    assert s["precision"] == 0.0 and s["recall"] == 0.0 and s["f1"] == 0.0


def test_prf_rejects_mismatched_lengths():
    with pytest.raises(ValueError):
        prf([1, 0, 1], [1, 0])


def test_best_threshold_separates_perfectly_ranked_scores():
    gold = [0, 0, 1, 1, 0, 1]
    probs = [0.1, 0.3, 0.8, 0.6, 0.2, 0.9]
    threshold, f1 = best_threshold(gold, probs)
    assert 0.3 < threshold < 0.6
    assert f1 == pytest.approx(1.0)


def test_best_threshold_matches_brute_force():
    gold = [1, 0, 1, 0, 0, 1, 1, 0, 1, 0]
    probs = [0.9, 0.85, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1]
    threshold, f1 = best_threshold(gold, probs)
    brute = max(prf(gold, [p >= t for p in probs])["f1"] for t in probs)
    assert f1 == pytest.approx(brute)
    assert prf(gold, [p >= threshold for p in probs])["f1"] == pytest.approx(f1)


def test_best_threshold_does_not_split_ties():
    threshold, f1 = best_threshold([1, 0, 1], [0.5, 0.5, 0.5])
    assert threshold == 0.5
    assert f1 == pytest.approx(0.8)
