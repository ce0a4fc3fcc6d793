"""Shared fixtures: the real pipeline (loaded once per session) and the gold data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
DEMO = REPO / "demo"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not here (gold corpora are only on CI and dev machines)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def workspace():
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    settings = Settings()
    settings.aliases = DEMO / "aliases.json"
    return Workspace(settings)


@pytest.fixture(scope="session")
def analyze(workspace):
    """Analyse a hand-written text with the full pipeline."""

    def run(text: str, **meta):
        return workspace.analyze_text(text, name="test.txt", meta=meta)

    return run


@pytest.fixture(scope="session")
def demo_analyses(workspace):
    """Every demo article analysed through Workspace.analyze (manifest metadata included), once
    per session for every test folder that stores them (store, web)."""
    from claimscope.ingest import InputFailure

    results = list(workspace.analyze(str(DEMO / "corpus")))
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert not failures, failures
    assert len(results) >= 10
    return results


# -- the corpus store: every store test runs on SQLite and on PostgreSQL --------------------------
# CLAIMSCOPE_TEST_PG names a PostgreSQL database on a server where the test user may create
# databases (scripts/test_pg.sh and .ci/run start one); each test gets a fresh database there.
PG_ENV = "CLAIMSCOPE_TEST_PG"


def _pg_base():
    import os

    return os.environ.get(PG_ENV) or None


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The URL of a new, empty store: a SQLite file in tmp_path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "claimscope.db")
        return
    base = _pg_base()
    if base is None:
        pytest.skip(f"{PG_ENV} is not set (scripts/test_pg.sh sets it; CI always does)")
    yield from _fresh_pg_database(base)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_store_url(request, tmp_path_factory):
    """As `store_url`, one store per test module (filled once, read by many tests)."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("store") / "claimscope.db")
        return
    base = _pg_base()
    if base is None:
        pytest.skip(f"{PG_ENV} is not set (scripts/test_pg.sh sets it; CI always does)")
    yield from _fresh_pg_database(base)


def _fresh_pg_database(base: str):
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"cs_test_{uuid.uuid4().hex[:12]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
