"""The workbench in a real browser: Debian's chromium driven by Playwright (never a downloaded
browser). A reader's path through it, the claim panel with and without JavaScript, and hostile
stored text that must not run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pages_store import hostile_ids, pages_settings  # noqa: F401  (a fixture)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is not installed (Debian package `chromium`)")


@pytest.fixture(scope="module")
def base_url(pages_settings):  # noqa: F811
    from claimscope.web.serve_thread import serve_in_thread

    with serve_in_thread(pages_settings) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    # A CSP violation (an inline style or script of ours) or a missing asset is a console error.
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


def test_a_reader_goes_from_the_overview_to_a_mention_in_context(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("svg.chart rect").count() > 10
    page.fill("form.bigsearch input[name=q]", "memo")
    page.click("form.bigsearch button")
    page.wait_for_url(re.compile(r"/search\?q=memo"))
    assert page.locator("ol.hits li").count() > 0
    page.locator("ol.hits li.claim a.hit-link").first.click()
    page.wait_for_url(re.compile(r"/documents/doc-[0-9a-f]+#m-\d+-\d+"))
    # The hit's claim is highlighted in the text, and its panel is open.
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert "hl" in target.get_attribute("class").split()
    claim = target.get_attribute("data-claim")
    assert page.locator(f"#c-{claim}").is_visible()

    # Click another highlighted claim: its panel shows status, evidence, asserter, argument, cluster.
    other = page.locator(f"#text a.claim:not([data-claim='{claim}'])").first
    other_id = other.get_attribute("data-claim")
    other.click()
    panel = page.locator(f"#c-{other_id}")
    assert panel.is_visible() and not page.locator(f"#c-{claim}").is_visible()
    for label in ("Status", "Evidence", "Asserter", "Argument", "Across the corpus"):
        assert panel.locator("dt", has_text=label).count() == 1
    assert page.locator(".legend-box li").count() >= 6 + 5  # every status and every span kind

    # A dossier, and a source link to the mention in context.
    page.goto(base_url + "/dossier?entity=Kestria")
    link = page.locator("a.mention").first
    href = link.get_attribute("href")
    document, start, end = re.fullmatch(r"/documents/(doc-[0-9a-f]+)#m-(\d+)-(\d+)", href).groups()
    link.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    target = page.locator(f"#m-{start}-{end}")
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate("el => el.getBoundingClientRect().top >= 0 && "
                           "el.getBoundingClientRect().bottom <= window.innerHeight")
    assert not page.errors, page.errors


def test_the_claim_panel_opens_without_javascript(browser, base_url, page):
    context = browser.new_context(java_script_enabled=False)
    nojs = context.new_page()
    page.goto(base_url + "/")
    href = page.locator("table.documents a").first.get_attribute("href")
    nojs.goto(base_url + href)
    claim = nojs.locator("#text a.claim").first
    claim_id = claim.get_attribute("data-claim")
    assert not nojs.locator(f"#c-{claim_id}").is_visible()
    claim.click()
    assert nojs.url.endswith(f"#c-{claim_id}")
    assert nojs.locator(f"#c-{claim_id}").is_visible()
    # A dossier's link to a mention lands on it, marked by :target alone.
    nojs.goto(base_url + "/dossier?entity=Kestria")
    link = nojs.locator("a.mention").first
    start_end = link.get_attribute("href").split("#", 1)[1]
    link.click()
    target = nojs.locator(f"#{start_end}")
    assert target.evaluate("el => el.matches(':target') && getComputedStyle(el).outlineStyle === 'solid'")
    context.close()


def test_hostile_stored_text_does_not_run_in_the_browser(page, base_url):
    paths = ["/", "/search?q=Kestria", "/search?q=harbour", "/dossier?entity=Kestria", "/graph",
             "/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "/dossier?entity=%3Cscript%3Ealert(1)%3C/script%3E"]
    paths += [f"/documents/{doc}" for doc in hostile_ids().values()]
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        for el in page.locator("#text a.claim").all()[:5]:  # hover and click what a reader would
            el.hover()
            el.click()
        assert page.evaluate("() => window.__pwned") is None, path
    assert not page.dialogs, page.dialogs
    # The payload is on the page as text a reader can see.
    page.goto(base_url + "/documents/" + hostile_ids()["<script>window.__pwned=6</script>Port closed"])
    assert "<script>window.__pwned = 1;" in page.locator("#text").inner_text()


def test_the_graph_is_drawn_by_the_vendored_library(page, base_url):
    page.goto(base_url + "/graph")
    page.wait_for_function("() => window.__claimscopeGraph && window.__claimscopeGraph.nodes().length > 0")
    nodes = page.evaluate("() => window.__claimscopeGraph.nodes().length")
    assert nodes == page.evaluate("async () => (await (await fetch('/graph.json')).json()).nodes.length")
    assert page.locator("#graph canvas").count() > 0
    assert not page.errors, page.errors
