"""The uncertainty corpus split is deterministic and by document."""

from __future__ import annotations

from collections import Counter

from claimscope.corpora.uncertainty import UncertaintySentence, split_of, split_uncertainty


def test_split_is_deterministic_and_roughly_80_10_10():
    ids = [f"Article {i}_{i * 7}" for i in range(5000)]
    first = [split_of(i) for i in ids]
    assert first == [split_of(i) for i in ids]
    counts = Counter(first)
    assert 0.77 < counts["train"] / 5000 < 0.83
    assert 0.08 < counts["validation"] / 5000 < 0.12
    assert 0.08 < counts["test"] / 5000 < 0.12


def test_seed_changes_the_split():
    ids = [f"doc{i}" for i in range(200)]
    assert [split_of(i) for i in ids] != [split_of(i, seed=1) for i in ids]


def test_sentences_of_one_document_stay_together():
    rows = [
        UncertaintySentence(f"d{d}", f"S{s}", "Text", "x", ("speculation_modal_probable_",) if s else ())
        for d in range(300)
        for s in range(3)
    ]
    parts = split_uncertainty(rows)
    docs = {name: {r.doc_id for r in part} for name, part in parts.items()}
    assert not docs["train"] & docs["test"] and not docs["train"] & docs["validation"]
    assert sum(len(p) for p in parts.values()) == len(rows)
    assert rows[1].label == 1 and rows[0].label == 0
