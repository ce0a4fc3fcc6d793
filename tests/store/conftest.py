"""Store fixtures: real analyses of the demo corpus, made once per session by the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimscope.store import open_store

# `demo_analyses` (every demo article analysed once per session) is in tests/conftest.py: the
# store's tests and the web app's share it.


@pytest.fixture(scope="session")
def demo_json(demo_analyses, tmp_path_factory) -> list[Path]:
    """The same analyses as JSON files, for subprocesses that must not load the pipeline."""
    folder = tmp_path_factory.mktemp("analyses")
    paths = []
    for i, analysis in enumerate(demo_analyses):
        path = folder / f"{i:02d}.json"
        path.write_text(json.dumps(analysis.as_dict(), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def store(store_url):
    with open_store(store_url) as s:
        yield s


@pytest.fixture
def filled(store, demo_analyses):
    """A store holding the whole demo corpus (one batch: the distributed writers' path)."""
    store.save_many([(analysis, None) for analysis in demo_analyses])
    return store
