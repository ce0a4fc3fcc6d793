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


def test_a_gold_entity_joined_to_another_in_its_text_is_found_by_its_mention(tmp_path):
    """The pipeline now puts a headline's "Okafor" in "Marianne Okafor": the gold entity
    "okafor" is found through the joined entity's later mention, not counted as missing."""
    from claimscope.evaluation.entity_linking import GoldSet, predicted_clusters
    from claimscope.model.records import Entity, Mention

    gold = GoldSet(name="t", aliases=None, documents=[{"file": "a.txt", "path": tmp_path / "a.txt", "entities": [
        {"id": "marianne-okafor", "type": "PERSON", "first": [20, 35], "cluster": "okafor"},
        {"id": "okafor", "type": "PERSON", "first": [0, 6], "cluster": "okafor"},
        {"id": "green-party-s-ann-lee", "type": "ORG", "first": [40, 61], "cluster": "ann-lee"}]}])
    joined = Entity(id="marianne-okafor", name="Marianne Okafor", type="PERSON",
                    mentions=[Mention(20, 35, "Marianne Okafor"), Mention(0, 6, "Okafor")])
    party = Entity(id="green-party", name="Green Party", type="ORG", mentions=[Mention(40, 51, "Green Party")])
    predicted, missing = predicted_clusters(gold, {"a.txt": [joined, party]}, incremental=False)
    assert predicted[("a.txt", "okafor")] == predicted[("a.txt", "marianne-okafor")]
    assert missing == ["a.txt#green-party-s-ann-lee"]  # a span cut in two is not guessed
