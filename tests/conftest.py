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
