"""/docs in a real browser (Debian's chromium through Playwright): the vendored Swagger UI draws
the API under the Content-Security-Policy, with no inline script and nothing fetched elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_support import web_settings

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is not installed (Debian package `chromium`)")


def test_swagger_ui_draws_the_api_from_local_files(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    from claimscope.web.serve_thread import serve_in_thread

    with serve_in_thread(web_settings(str(tmp_path / "claimscope.db"))) as base, \
            sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        problems, elsewhere = [], []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(base) else elsewhere.append(r.url))
        page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.goto(base + "/docs")
        page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
        assert "claimscope workbench" in page.inner_text(".swagger-ui .info .title")
        page.locator(".opblock-summary-path", has_text="/api/v1/dossier").first.wait_for(timeout=10_000)
        assert page.locator(".opblock").count() >= 10  # every route drawn as an operation
        browser.close()
    assert problems == [] and elsewhere == []
