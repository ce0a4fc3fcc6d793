"""One store for the page tests and the browser tests: the demo corpus plus two hostile articles.

Built once per test session (a module-level cache: the page and the browser tests both import
the fixture, and a conftest of our own would be edited by two helpers). Entities are linked and
the ledger updated, as `claimscope ingest` leaves a store.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[2] / "demo"

# Hostile articles, written for these tests: every kind of markup an attacker might plant in a
# text or a manifest. A page that let any of it through would set window.__pwned or open a dialog.
HOSTILE_TEXTS = {
    "hostile-script.txt": (
        "Officials in Kestria said on Monday <script>window.__pwned = 1; alert('script')</script> that the "
        "northern port was closed. The minister denied that <img src=x onerror=\"window.__pwned=2;alert('img')\"> "
        "any ships had been seized. According to a leaked memo, <a href=\"javascript:window.__pwned=3\">the "
        "harbour authority</a> may have known of the risk for weeks.\n"),
    "hostile-attrs.txt": (
        "The harbour master told reporters that \" onmouseover=\"window.__pwned=4\" x=\" the cranes were safe. "
        "Critics said the inquiry </textarea><iframe src=\"javascript:alert(5)\"></iframe> was a whitewash "
        "and {{ 7*7 }} questions remained unanswered about Kestria.\n"),
}
HOSTILE_MANIFEST = {"documents": [
    {"file": "hostile-script.txt", "title": "<script>window.__pwned=6</script>Port closed",
     "outlet": "<img src=x onerror=alert(7)>Evil Outlet", "url": "javascript:window.__pwned=8",
     "author": "\"><svg onload=alert(9)>", "date": "2025-03-20"},
    {"file": "hostile-attrs.txt", "title": "Cranes \" onfocus=\"alert(10)\" autofocus=\"", "outlet": "Evil Outlet",
     "url": "data:text/html,<script>alert(11)</script>", "date": "2025-03-21"},
]}

_BUILT: dict = {}


def _demo_analyses(request, workspace):
    try:  # the session's demo analyses when the suite has them (tests/conftest.py after the merge)
        return request.getfixturevalue("demo_analyses")
    except pytest.FixtureLookupError:
        from claimscope.ingest import InputFailure

        results = list(workspace.analyze(str(DEMO / "corpus")))
        assert not any(isinstance(r, InputFailure) for r in results)
        return results


def _build(kind: str, request, workspace, tmp_path_factory, url: str | None = None):
    if kind in _BUILT:
        return _BUILT[kind]
    from claimscope.ingest import InputFailure
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    analyses = list(_demo_analyses(request, workspace))
    if "hostile_analyses" not in _BUILT:
        folder = tmp_path_factory.mktemp("hostile")
        for name, text in HOSTILE_TEXTS.items():
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "manifest.json").write_text(json.dumps(HOSTILE_MANIFEST), encoding="utf-8")
        hostile = list(workspace.analyze(str(folder)))
        assert not any(isinstance(r, InputFailure) for r in hostile), hostile
        _BUILT["hostile_analyses"] = hostile
        _BUILT["hostile"] = {a.document.meta.get("title"): a.document.id for a in hostile}
    settings = Settings()
    settings.db = url or str(tmp_path_factory.mktemp("pages-store") / "claimscope.db")
    settings.aliases = DEMO / "aliases.json"
    ws = Workspace(settings)
    ws.store.save_many([(a, None) for a in analyses + _BUILT["hostile_analyses"]])
    ws.link_entities()
    ws.update_ledger()
    ws.close()
    _BUILT[kind] = settings
    return settings


@pytest.fixture(scope="module")
def pages_settings(request, workspace, tmp_path_factory):
    """Settings naming a SQLite store with the demo corpus and the hostile articles."""
    return _build("sqlite", request, workspace, tmp_path_factory)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def dialect_settings(request, workspace, tmp_path_factory):
    """The same store on SQLite, and on PostgreSQL when CLAIMSCOPE_TEST_PG names a server."""
    if request.param == "sqlite":
        yield _build("sqlite", request, workspace, tmp_path_factory)
        return
    base = os.environ.get("CLAIMSCOPE_TEST_PG")
    if not base:
        pytest.skip("CLAIMSCOPE_TEST_PG is not set (scripts/test_pg.sh sets it; CI always does)")
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"cs_pages_{uuid.uuid4().hex[:12]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _build("postgresql", request, workspace, tmp_path_factory,
                     url.set(database=name).render_as_string(hide_password=False))
    finally:
        _BUILT.pop("postgresql", None)
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def hostile_ids() -> dict[str, str]:
    """title -> document id of the hostile articles (after `pages_settings` ran)."""
    return dict(_BUILT["hostile"])
