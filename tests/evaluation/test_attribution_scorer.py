"""The attribution scorer on hand-made spans: exact vs overlap, one-to-one, absent sources."""

from __future__ import annotations

import pytest

from claimscope.evaluation.attribution import as_fragments, format_table, max_matching, score_corpus


def att(source, cue, content):
    return {"source": source, "cue": cue, "content": content}


def test_fragments_are_merged_and_single_pairs_accepted():
    assert as_fragments([5, 9]) == [(5, 9)]
    assert as_fragments([[5, 7], [0, 5]]) == [(0, 7)]
    assert as_fragments([[0, 3], [4, 6]]) == [(0, 3), (4, 6)]
    assert as_fragments(None) == []


def test_exact_and_overlap_per_role():
    gold = [att([0, 5], [6, 10], [11, 40]), att(None, [50, 55], [56, 80])]
    pred = [att([0, 5], [6, 10], [11, 30]),  # content overlaps, not exact
            att([45, 49], [50, 54], [56, 80])]  # invented source, cue overlaps only
    s = score_corpus([(pred, gold)])
    assert (s.exact["source"].tp, s.exact["source"].n_pred, s.exact["source"].n_gold) == (1, 2, 1)
    assert s.exact["cue"].tp == 1 and s.overlap["cue"].tp == 2
    assert s.exact["content"].tp == 1 and s.overlap["content"].tp == 2
    assert s.exact["cue"].precision == pytest.approx(0.5)
    assert s.overlap["source"].recall == pytest.approx(1.0)
    assert s.overlap["source"].precision == pytest.approx(0.5)
    assert s.overlap["source"].f1 == pytest.approx(2 / 3)
    # First matches (content and source overlap); second fails: gold has no source, pred has one.
    assert s.attribution.tp == 1 and s.attribution.f1 == pytest.approx(0.5)


def test_absent_source_on_both_sides_agrees():
    gold = [att(None, [10, 14], [20, 30])]
    assert score_corpus([([att(None, [10, 14], [22, 25])], gold)]).attribution.tp == 1
    assert score_corpus([([att([0, 3], [10, 14], [22, 25])], gold)]).attribution.tp == 0
    # A gold source that the prediction misses also fails.
    gold2 = [att([0, 3], [10, 14], [20, 30])]
    assert score_corpus([([att(None, [10, 14], [22, 25])], gold2)]).attribution.tp == 0


def test_duplicates_are_not_double_counted():
    gold = [att([0, 5], [6, 10], [11, 40])]
    pred = [att([0, 5], [6, 10], [11, 40]), att([0, 5], [6, 10], [11, 40])]
    s = score_corpus([(pred, gold)])
    assert s.exact["cue"].tp == 1 and s.exact["cue"].n_pred == 2
    assert s.attribution.tp == 1 and s.attribution.precision == pytest.approx(0.5)


def test_maximum_matching_beats_greedy():
    # pred 0 overlaps gold 0 and 1, pred 1 only gold 0: a greedy choice 0->0 would lose one.
    edges = {(0, 0), (0, 1), (1, 0)}
    assert max_matching(2, 2, lambda i, j: (i, j) in edges) == 2


def test_discontinuous_gold_content_exact_needs_the_same_fragments():
    gold = [att([0, 5], [6, 10], [[11, 20], [30, 40]])]
    same = [att([0, 5], [6, 10], [[30, 40], [11, 20]])]
    extent = [att([0, 5], [6, 10], [11, 40])]
    assert score_corpus([(same, gold)]).exact["content"].tp == 1
    assert score_corpus([(extent, gold)]).exact["content"].tp == 0
    assert score_corpus([(extent, gold)]).overlap["content"].tp == 1


def test_micro_average_over_documents_and_table():
    d1 = ([att(None, [0, 3], [4, 9])], [att(None, [0, 3], [4, 9])])
    d2 = ([], [att(None, [0, 3], [4, 9]), att(None, [20, 23], [24, 29])])
    s = score_corpus([d1, d2])
    assert s.exact["cue"].recall == pytest.approx(1 / 3)
    assert s.exact["cue"].precision == pytest.approx(1.0)
    assert s.documents == 2
    table = format_table(s)
    assert "overlap content" in table and "attribution" in table
