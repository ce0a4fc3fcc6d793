"""Fixtures of the ingest tests: a folder and a rows file of short original articles."""

from __future__ import annotations

import json

import pytest
from batch_articles import article, row


@pytest.fixture
def corpus(tmp_path) -> dict:
    """24 files and 10 rows; one file repeats another's text (one document, two publications)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(24):
        (folder / f"art-{i:02d}.txt").write_text(article(i), encoding="utf-8")
    (folder / "copy-of-03.txt").write_text(article(3), encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(row(i)) + "\n" for i in range(24, 34)), encoding="utf-8")
    return {"folder": folder, "rows": rows, "inputs": 35, "texts": {article(i) for i in range(34)}}
