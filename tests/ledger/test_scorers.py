"""The FNC-1 score and macro-F1 on labels written here, checked by hand."""

import pytest

from claimscope.evaluation.stance import fnc_score, stance_scores


def test_fnc_score_weights():
    gold = ["agree", "unrelated", "discuss", "disagree"]
    # best = 1.0 + 0.25 + 1.0 + 1.0 = 3.25
    assert fnc_score(gold, gold) == 1.0
    # agree->discuss: 0.25; unrelated right: 0.25; discuss->unrelated: 0; disagree right: 1.0
    assert fnc_score(gold, ["discuss", "unrelated", "unrelated", "disagree"]) == pytest.approx(1.5 / 3.25)


def test_macro_f1_counts_every_class():
    gold = ["agree", "agree", "unrelated", "unrelated"]
    s = stance_scores(gold, ["agree", "unrelated", "unrelated", "unrelated"])
    # agree F1 2/3, unrelated F1 0.8, disagree and discuss 0 (absent, never predicted)
    assert s["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 4)
    assert s["confusion"]["agree"]["unrelated"] == 1
