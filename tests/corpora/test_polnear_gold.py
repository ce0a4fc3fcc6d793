"""PolNeAR reader on the real corpus; skipped when ../shared/data is absent."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from claimscope.corpora.polnear import annotation_files, read_split

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DEV = SHARED / "polnear" / "dev"

pytestmark = [
    pytest.mark.gold,
    pytest.mark.skipif(not DEV.is_dir(), reason="../shared/data is absent"),
]


def test_dev_split_counts_and_first_annotator_choice():
    files = annotation_files(DEV)
    assert len(files) == 84
    all_files = sorted((DEV / "attributions").glob("*.ann"))
    assert len(all_files) > 84  # some articles have two annotators
    for name, (annotator, path) in files.items():
        candidates = [p for p in all_files if p.stem.rpartition("_")[0] == name]
        assert path == candidates[0] and path.stem.endswith("_" + annotator)


def test_reader_spans_lie_in_the_text_and_roles_are_filled():
    docs = list(islice(read_split(DEV), 5))
    assert len(docs) == 5
    total = 0
    for doc in docs:
        for att in doc.attributions:
            total += 1
            assert att.cue or att.content
            for role in ("source", "cue", "content"):
                for start, end in att.role(role):
                    assert 0 <= start < end <= len(doc.text)
                    assert doc.text[start:end].strip()
    assert total > 20


def test_whole_dev_split_has_mostly_complete_attributions():
    docs = list(read_split(DEV))
    atts = [a for d in docs for a in d.attributions]
    assert len(atts) > 2000
    with_cue = sum(bool(a.cue) for a in atts) / len(atts)
    with_source = sum(bool(a.source) for a in atts) / len(atts)
    assert with_cue > 0.99 and 0.85 < with_source < 0.99
    assert any(len(a.content) > 1 for a in atts)  # discontinuous contents are kept as fragments
