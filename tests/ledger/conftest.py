"""Ledger fixtures: the demo corpus analysed once per session by the real pipeline, and stores
holding it (SQLite and PostgreSQL through `store_url`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.store import open_store

DEMO_CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"


@pytest.fixture(scope="session")
def demo_corpus_analyses(workspace):
    from claimscope.ingest import InputFailure

    results = list(workspace.analyze(str(DEMO_CORPUS)))
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert not failures, failures
    return results


@pytest.fixture
def demo_store(store_url, demo_corpus_analyses):
    """A real store holding the demo corpus, ledger not updated yet."""
    with open_store(store_url) as store:
        store.save_many([(analysis, None) for analysis in demo_corpus_analyses])
        yield store
