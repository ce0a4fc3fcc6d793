"""The linking scorer, and the gold file's promise: ids, offsets and clusters, never text."""

from __future__ import annotations

import json

import pytest

from claimscope.evaluation.entity_linking import GOLD, combine, load_gold, score


def test_pairwise_and_bcubed_on_a_small_clustering():
    gold = {("d", "a"): "x", ("d", "b"): "x", ("d", "c"): "x", ("d", "e"): "y"}
    predicted = {("d", "a"): 1, ("d", "b"): 1, ("d", "c"): 2, ("d", "e"): 2}
    s = score(gold, predicted)
    assert (s.pairs_gold, s.pairs_predicted, s.pairs_correct) == (3, 2, 1)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(1 / 3)
    # B-cubed precision: a, b 2/2; c 1/2; e 1/2 -> 0.75; recall: a, b 2/3; c 1/3; e 1 -> 2/3
    assert s.bcubed_p == pytest.approx(0.75) and s.bcubed_r == pytest.approx(2 / 3)
    perfect = score(gold, {k: v for k, v in gold.items()})
    assert perfect.f1 == 1.0 and perfect.bcubed_f1 == 1.0
    both = combine([s, perfect])
    assert both.pairs_gold == 6 and both.pairs_correct == 4 and both.items == 8


def test_the_gold_file_holds_no_document_text():
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    for gold_set in data["sets"]:
        assert set(gold_set) <= {"name", "aliases", "link_aliases", "shared", "documents"}
        for document in gold_set["documents"]:
            assert set(document) == {"file", "entities"}
            for entity in document["entities"]:
                assert set(entity) == {"id", "type", "first", "cluster"}
                assert all(isinstance(x, int) for x in entity["first"])


def test_the_gold_file_names_files_that_exist_here_or_in_shared_data(shared_data):
    for gold_set in load_gold(GOLD, shared_data):
        assert all(d["path"].is_file() for d in gold_set.documents), gold_set.name
