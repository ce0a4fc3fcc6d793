"""Helpers of the web tests (imported by name: a module called `conftest` is ambiguous with
several test folders): the settings, filling a store as ingest does, a client of the real app."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from claimscope.settings import Settings
from claimscope.store import open_store
from claimscope.web.app import create_app
from claimscope.web.config import WebConfig

DEMO_ALIASES = Path(__file__).resolve().parents[2] / "demo" / "aliases.json"
TOKEN = "test-token-4f1c"


def web_settings(url: str) -> Settings:
    settings = Settings()
    settings.db = url
    settings.aliases = DEMO_ALIASES
    return settings


def fill(url: str, analyses) -> None:
    """Store the analyses, link their entities and place them in the ledger."""
    from claimscope.workspace import Workspace

    with open_store(url) as store:
        store.save_many([(analysis, None) for analysis in analyses])
    ws = Workspace(web_settings(url))
    try:
        ws.link_entities()
        ws.update_ledger()
    finally:
        ws.close()


def client_for(url: str, workspace=None, **config) -> TestClient:
    """A TestClient (enter it with `with`) over the real app on the store at `url`. Given the
    session's `workspace`, the app analyses with its pipeline rather than loading another."""
    app = create_app(web_settings(url), WebConfig(load_pipeline=False, **config))
    client = TestClient(app)
    if workspace is not None:
        @app.middleware("http")
        async def share_pipeline(request, call_next):
            ws = request.app.state.workspace
            if ws._nlp is None:
                ws._nlp, ws._versions = workspace.nlp, workspace._versions
            return await call_next(request)
    return client
