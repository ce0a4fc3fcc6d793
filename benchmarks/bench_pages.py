"""Page latency: each workbench page requested one at a time over HTTP (uvicorn on loopback).

    PYTHONPATH=src python benchmarks/bench_pages.py --db STORE [--repeat 3]

Prints p50/p95 per page over the store's newest documents and most mentioned entities. One
client, so the figures are the server's own time per page (the load test with many clients is
benchmarks/bench_serve.py). Say which store and how loaded the machine was when quoting them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import httpx  # noqa: E402

from claimscope.settings import Settings  # noqa: E402
from claimscope.web.serve_thread import serve_in_thread  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    settings.db = args.db
    with serve_in_thread(settings) as base, httpx.Client(base_url=base, timeout=120) as client:
        overview = client.get("/.json").json()
        docs = [d["id"] for d in overview["documents"][:30]]
        entities = [e["id"] for e in overview["top_entities"][:5]]
        first = client.get(f"/documents/{docs[0]}.json").json()
        clusters = [c["cluster"] for c in first["claims"] if c["cluster"]][:10]
        t = time.perf_counter()
        client.get("/graph")
        print(f"/graph first request (reads every document): {time.perf_counter() - t:.1f} s")
        pages = {
            "/": ["/"] * 5,
            "/documents/{id}": [f"/documents/{d}" for d in docs],
            "/dossier?entity=": [f"/dossier?entity={e}" for e in entities],
            "/dossier.json?entity=": [f"/dossier.json?entity={e}" for e in entities],
            "/entities/{id}": [f"/entities/{e}" for e in entities],
            "/clusters/{id}": [f"/clusters/{c}" for c in clusters],
            "/search?q=": ["/search?q=president", "/search?q=police", "/search?q=said"],
            "/graph": ["/graph"] * 3,
        }
        print(f"{overview['stats']['documents']} documents, {overview['stats']['claims']} claims")
        for name, paths in pages.items():
            times = []
            for _ in range(args.repeat):
                for path in paths:
                    t = time.perf_counter()
                    answer = client.get(path)
                    times.append(time.perf_counter() - t)
                    if answer.status_code != 200:
                        raise SystemExit(f"{path}: {answer.status_code}")
            times.sort()
            p95 = times[max(int(len(times) * 0.95) - 1, 0)]
            print(f"{name:24} p50 {statistics.median(times) * 1000:6.0f} ms   p95 {p95 * 1000:6.0f} ms   (n={len(times)})")


if __name__ == "__main__":
    main()
