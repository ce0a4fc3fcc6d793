"""Screenshots of the workbench for the README: docs/workbench-article.png and docs/workbench-dossier.png.

    PYTHONPATH=src python scripts/workbench_screenshots.py [--db out/demo.db]

Ingests the demo corpus into the store first when it is empty or missing, serves the workbench
on a loopback port and drives Debian's chromium (never a downloaded browser) with Playwright.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from claimscope.settings import Settings
from claimscope.web.serve_thread import serve_in_thread
from claimscope.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(REPO / "out" / "demo.db"))
    parser.add_argument("--out", default=str(REPO / "docs"))
    args = parser.parse_args()
    settings = Settings()
    settings.db = args.db
    settings.aliases = REPO / "demo" / "aliases.json"
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    workspace = Workspace(settings)
    if not Path(args.db).exists() or workspace.stats()["documents"] == 0:
        for _ in workspace.ingest([str(REPO / "demo" / "corpus")], workers=1):
            pass
    workspace.close()

    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    with serve_in_thread(settings) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, device_scale_factor=1)
        page.goto(f"{base}/.json")
        overview = page.evaluate("() => JSON.parse(document.body.innerText)")
        # The original article whose claims other documents carry most often, and its claim the
        # most documents carry: its panel shows the corpus at work.
        best, most, claims = None, -1, []
        for d in overview["documents"]:
            page.goto(f"{base}/documents/{d['id']}.json")
            found = page.evaluate("() => JSON.parse(document.body.innerText)")["claims"]
            n = sum((c["across"] or {}).get("documents", 0) >= 2 for c in found)
            if n > most and not d["copy"]:
                best, most, claims = d["id"], n, found
        chosen = max(claims, key=lambda c: ((c["across"] or {}).get("documents", 0), -c["start"]))
        page.goto(f"{base}/documents/{best}")
        page.locator("details.legend-box").evaluate("el => el.open = false")
        page.locator(f"#text a.claim[data-claim='{chosen['id']}']").first.click()
        page.wait_for_selector(".panel.open")
        if chosen["start"] < 1200:
            page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(out / "workbench-article.png"))
        entity = overview["top_entities"][1]["id"]
        page.goto(f"{base}/dossier?entity={entity}")
        page.screenshot(path=str(out / "workbench-dossier.png"))
        page.goto(f"{base}/")
        page.screenshot(path=str(out / "workbench-overview.png"), full_page=False)
        browser.close()
    print(f"wrote {out}/workbench-article.png, workbench-dossier.png, workbench-overview.png")


if __name__ == "__main__":
    main()
