"""A new article page, one at a time: CPU milliseconds to build N distinct pages nobody asked for yet.

    PYTHONPATH=src python benchmarks/bench_article_page.py              # 50 pages of out/bench_serve/store.db
    PYTHONPATH=src python benchmarks/bench_article_page.py --parts      # and the CPU ms of each part of a page
    PYTHONPATH=src python benchmarks/bench_article_page.py --profile    # and a cProfile top 25

Under bench_serve's load most article pages are answered from the page cache; the p95 is set by
the first visits, each built in full (the document, its claims' clusters across the corpus, the
markup, the template). This times that build in-process: the app is started (its lifespan opens
the store), five pages warm it up, then the page view itself (`document_page` without the cache
around it) runs on this thread for N random stored documents, so process time is the pages' own.
The cluster summaries the app keeps between pages are kept here too, as in the server. Build the
store first with `benchmarks/bench_serve.py --build-only`. The machine is shared: the output
says the load average; CPU time, not wall time, is the figure to compare.

1 December 2026, 2 shared cores at load average 6-7, the 1,000-document bench_serve store:
`-n 200 --seed 9` 22.4 / 22.7 ms before (commit 118dee4), 13.8 / 14.1 ms after (cluster summaries
10.3 -> 6.8 ms, the stored document 6.7 -> 1.8 ms); `--seed 1` (50 pages) 20.1 -> 11.3 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=REPO / "out" / "bench_serve" / "store.db")
    parser.add_argument("-n", type=int, default=50, help="pages to build")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--parts", action="store_true", help="CPU ms per part of the page")
    parser.add_argument("--profile", action="store_true", help="a cProfile top 25 (slower pages)")
    args = parser.parse_args()

    from fastapi.testclient import TestClient
    from starlette.requests import Request

    from claimscope.settings import Settings
    from claimscope.store import open_store
    from claimscope.web.app import create_app
    from claimscope.web.config import WebConfig
    from claimscope.web.pages import document as page

    with open_store(str(args.db), create=False) as store:
        ids = sorted(d.id for d in store.documents())
    picked = random.Random(args.seed).sample(ids, args.n + 5)
    parts: dict[str, float] = {}
    if args.parts:
        _time_parts(page, parts)
    app = create_app(Settings(db=str(args.db)), WebConfig(load_pipeline=False))
    view = page.document_page.__wrapped__  # the page, not the kept answer

    def build(document_id: str) -> None:
        request = Request({"type": "http", "app": app, "path": f"/documents/{document_id}", "query_string": b"",
                           "headers": [], "method": "GET", "scheme": "http", "server": ("bench", 80),
                           "root_path": ""})
        assert view(request, document_id).status_code == 200

    before = os.getloadavg()
    with TestClient(app):  # the lifespan: store, stamp, cache
        for document_id in picked[:5]:
            build(document_id)
        parts.clear()
        profile = cProfile.Profile() if args.profile else None
        cpu, wall = time.process_time(), time.perf_counter()
        if profile:
            profile.enable()
        for document_id in picked[5:]:
            build(document_id)
        if profile:
            profile.disable()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    after = os.getloadavg()
    print(f"{args.n} new article pages: {1000 * cpu / args.n:.1f} ms CPU per page, {1000 * wall / args.n:.1f} ms "
          f"wall; load average before {before[0]:.1f}, after {after[0]:.1f}")
    for name, seconds in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<20} {1000 * seconds / args.n:6.2f} ms")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    return 0


def _time_parts(page, parts: dict[str, float]) -> None:
    """Wrap the page's steps to add up their CPU time (no profiler: its overhead skews the split)."""
    from claimscope.workspace import Workspace

    def timed(owner, name: str) -> None:
        function = getattr(owner, name)

        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                parts[name] = parts.get(name, 0.0) + time.process_time() - started

        setattr(owner, name, wrapper)

    for name in ("show", "cluster_summaries", "claim_clusters", "entity_links", "document_origin"):
        timed(Workspace, name)
    for name in ("answer", "nest", "article_spans"):
        timed(page, name)


if __name__ == "__main__":
    raise SystemExit(main())
