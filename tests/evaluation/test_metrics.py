"""The shared precision / recall / F1 arithmetic, including the empty cases scorers rely on."""

import pytest

from claimscope.evaluation import metrics


def test_prf_from_counts():
    p, r, f = metrics.prf(3, 4, 6)
    assert (p, r) == (0.75, 0.5)
    assert f == pytest.approx(0.6)


def test_nothing_predicted_scores_zero_for_spans_and_one_for_vacuous_pairs():
    assert metrics.prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert metrics.prf(0, 0, 0, empty=1.0) == (1.0, 1.0, 1.0)


def test_f1_of_zero_and_zero_is_zero():
    assert metrics.f1(0.0, 0.0) == 0.0
