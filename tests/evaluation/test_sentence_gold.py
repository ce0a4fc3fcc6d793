"""Gold-data checks for the sentence heads; skipped when ../shared/data is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.corpora.claimbuster import read_claimbuster, split_claimbuster
from claimscope.corpora.uncertainty import read_uncertainty, split_uncertainty

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
XML = SHARED / "uncertainty" / "conll2010-wikipedia.xml"
CLAIMBUSTER = SHARED / "claimbuster"

pytestmark = [
    pytest.mark.gold,
    pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is absent"),
]


def test_uncertainty_corpus_counts_match_its_description():
    rows = read_uncertainty(XML)
    assert len(rows) == 20748
    assert sum(len(r.cues) for r in rows) == 3265
    assert len({r.doc_id for r in rows}) == 4530
    # Text with markup removed: no stray tags, cue words kept.
    assert not any("<" in r.text and "ccue" in r.text for r in rows)


def test_uncertainty_split_is_by_document():
    parts = split_uncertainty(read_uncertainty(XML))
    docs = {name: {r.doc_id for r in rows} for name, rows in parts.items()}
    assert not (docs["train"] & docs["validation"] or docs["train"] & docs["test"] or docs["validation"] & docs["test"])


def test_claimbuster_validation_is_carved_from_train_only():
    train, validation = split_claimbuster(read_claimbuster(CLAIMBUSTER / "train.json"))
    test_ids = {r.sentence_id for r in read_claimbuster(CLAIMBUSTER / "test.json")}
    assert 0.08 < len(validation) / (len(train) + len(validation)) < 0.12
    assert not {r.sentence_id for r in validation} & {r.sentence_id for r in train}
    assert not {r.sentence_id for r in validation} & test_ids


def test_shipped_model_reaches_its_reported_checkworthiness_f1():
    from claimscope.evaluation.sentence_heads import evaluate_checkworthiness

    assert evaluate_checkworthiness(CLAIMBUSTER / "test.json")["f1"] >= 0.80


def test_shipped_model_reaches_its_reported_uncertainty_f1():
    from claimscope.evaluation.sentence_heads import evaluate_uncertainty

    assert evaluate_uncertainty(XML, "test")["f1"] >= 0.70
