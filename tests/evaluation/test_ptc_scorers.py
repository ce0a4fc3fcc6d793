"""SemEval-2020 Task 11 scorers on hand-made spans (numbers worked out by hand)."""

import pytest

from claimscope.corpora.ptc import merge_spans, parse_label_line, split_ids
from claimscope.evaluation.ptc import score_si, score_tc


def test_si_partial_overlap_is_credited_by_fraction():
    s = score_si({"a": [(5, 15)]}, {"a": [(0, 10)]})
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)


def test_si_merges_overlapping_gold_spans():
    # Gold (0,10) and (5,20) merge into (0,20): one gold span, half covered.
    s = score_si({"a": [(0, 10)]}, {"a": [(0, 10), (5, 20)]})
    assert (s.n_gold, s.precision, s.recall) == (1, 1.0, 0.5)
    assert s.f1 == pytest.approx(2 / 3)


def test_si_is_micro_over_articles():
    # a: exact hit; b: gold missed; c: a false positive with no gold at all.
    s = score_si({"a": [(0, 10)], "c": [(0, 4)]}, {"a": [(0, 10)], "b": [(3, 9)]})
    assert s.precision == pytest.approx(0.5)  # (1 + 0) / 2 predicted spans
    assert s.recall == pytest.approx(0.5)  # (1 + 0) / 2 gold spans


def test_si_prediction_covering_two_gold_spans():
    s = score_si({"a": [(0, 20)]}, {"a": [(0, 5), (10, 20)]})
    assert s.precision == pytest.approx(15 / 20)
    assert s.recall == pytest.approx(1.0)


def test_si_empty_prediction_scores_zero():
    assert score_si({}, {"a": [(0, 5)]}).f1 == 0.0


def test_tc_multi_label_span_aligns_to_best_match():
    gold = [("a", "Doubt", 0, 5), ("a", "Loaded_Language", 0, 5), ("a", "Slogans", 8, 12)]
    swapped = [("a", "Loaded_Language", 0, 5), ("a", "Doubt", 0, 5), ("a", "Slogans", 8, 12)]
    assert score_tc(swapped, gold).micro_f1 == pytest.approx(1.0)
    doubled = [("a", "Doubt", 0, 5), ("a", "Doubt", 0, 5), ("a", "Repetition", 8, 12)]
    s = score_tc(doubled, gold)
    assert s.micro_f1 == pytest.approx(1 / 3)
    assert s.per_label["Doubt"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    assert s.per_label["Slogans"]["recall"] == 0.0


def test_tc_wrong_offsets_do_not_count():
    assert score_tc([("a", "Doubt", 0, 6)], [("a", "Doubt", 0, 5)]).micro_f1 == 0.0


def test_merge_spans_keeps_touching_spans_apart():
    assert merge_spans([(5, 9), (0, 6), (9, 12)]) == [(0, 9), (9, 12)]


def test_label_lines_split_on_tabs_only():
    aid, span = parse_label_line("123\tName_Calling,Labeling\t4\t10\n")
    assert (aid, span.label, span.start, span.end) == ("123", "Name_Calling,Labeling", 4, 10)
    aid, span = parse_label_line("123\t4\t10")
    assert (aid, span.label, span.start, span.end) == ("123", None, 4, 10)


def test_split_is_deterministic_and_disjoint():
    ids = [str(i) for i in range(100)]
    a = split_ids(ids, seed=13, heldout=0.15, validation=0.1)
    assert a == split_ids(list(reversed(ids)), seed=13, heldout=0.15, validation=0.1)
    assert (len(a["heldout"]), len(a["validation"]), len(a["train"])) == (15, 10, 75)
    assert not set(a["heldout"]) & (set(a["train"]) | set(a["validation"]))
