"""Ledger fixtures: the demo corpus analysed once per session by the real pipeline, and stores
holding it (SQLite and PostgreSQL through `store_url`)."""

from __future__ import annotations

import pytest

from claimscope.store import open_store


@pytest.fixture(scope="session")
def demo_corpus_analyses(demo_analyses):
    """The session's one analysis of the demo corpus (tests/conftest.py)."""
    return demo_analyses


@pytest.fixture
def demo_store(store_url, demo_corpus_analyses):
    """A real store holding the demo corpus, ledger not updated yet."""
    with open_store(store_url) as store:
        store.save_many([(analysis, None) for analysis in demo_corpus_analyses])
        yield store
