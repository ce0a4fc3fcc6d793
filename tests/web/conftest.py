"""Web fixtures: a real store (SQLite and PostgreSQL) holding the demo corpus, and clients of
the real app over it. The demo corpus is analysed once per session (`demo_analyses`), stored
once per test module, its entities linked and its ledger updated as `claimscope ingest` does."""

from __future__ import annotations

import pytest
from web_support import client_for, fill


@pytest.fixture(scope="module")
def demo_store_url(module_store_url, demo_analyses):
    """A store URL (each dialect) holding the whole demo corpus; the module's tests only read it."""
    fill(module_store_url, demo_analyses)
    return module_store_url


@pytest.fixture(scope="module")
def api(demo_store_url):
    with client_for(demo_store_url) as client:
        yield client
