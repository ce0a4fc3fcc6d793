"""Load on the workbench: a store of 1,000 articles, `claimscope serve` in a subprocess, 50 clients.

    PYTHONPATH=src python benchmarks/bench_serve.py                 # build (once) and run
    PYTHONPATH=src python benchmarks/bench_serve.py --seconds 60 --clients 50

The store is built once under out/bench_serve/ and reused. It holds PolNeAR articles
(../shared/data/polnear, train and dev) analysed by `Workspace.ingest` for at most
`--analyse-minutes`; when that gives fewer than `--articles`, the stored analyses are replayed
under new ids (the text gets a marker line at its end, so a new document id; every fact id is
rehashed) until there are `--articles` documents. The output says how many are real and how
many replayed. Entities are linked and the ledger updated over all of them, as after an ingest.

The server is the real command (`claimscope serve --db ... --port ...`, uvicorn, read-only) on
loopback. The clients (asyncio + httpx) hit the API's list, document, search and dossier routes,
and the pages' routes when the server has them, for `--seconds`; per route the output gives
requests/s and p50/p95/p99 latency, and the error count (any answer but 200, or no answer).
Targets: zero errors, dossier and article page p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "out" / "bench_serve"
POLNEAR = REPO.parent / "shared" / "data" / "polnear"

_FACT_ID = re.compile(r"\b(?:att|clm|arg|men|tec|cue|ent|stu|pub)-[0-9a-f]{20}\b")


# -- the store ------------------------------------------------------------------------------------
def polnear_rows(path: Path) -> int:
    """The PolNeAR articles as a JSON Lines file of rows (text and publication fields)."""
    meta = {}
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for split in ("train", "dev"):
            for file in sorted((POLNEAR / split / "text").glob("*.txt")):
                m = meta.get(file.stem, {})
                row = {"id": file.stem, "text": file.read_text(encoding="utf-8"),
                       "outlet": m.get("publisher"), "date": m.get("publication_date"),
                       "title": m.get("title"), "author": m.get("author")}
                out.write(json.dumps({k: v for k, v in row.items() if v not in (None, "", "None")}) + "\n")
                n += 1
    return n


def build_store(db: Path, articles: int, minutes: float, workers: int) -> dict:
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    info_path = db.with_suffix(".json")
    if db.exists() and info_path.exists():
        info = json.loads(info_path.read_text())
        if info.get("documents", 0) >= articles:
            return info
        db.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    rows = db.parent / "polnear.jsonl"
    available = polnear_rows(rows)
    settings = Settings()
    settings.db = str(db)
    ws = Workspace(settings)
    started = time.perf_counter()
    deadline = started + minutes * 60
    real = 0
    results = ws.ingest([str(rows)], workers=workers)
    for result in results:
        if result.outcome.value == "stored":
            real += 1
            if real % 25 == 0:
                print(f"  analysed {real} articles in {time.perf_counter() - started:.0f} s", flush=True)
        if real >= articles or time.perf_counter() > deadline:
            break
    results.close()  # stops the pool; what was stored stays, pending links and ledger are done below
    analyse_s = time.perf_counter() - started
    replayed = replay(ws, articles - real) if real < articles else 0
    t = time.perf_counter()
    ws.link_entities()
    ws.update_ledger()
    info = {"documents": ws.stats()["documents"], "analysed": real, "replayed": replayed,
            "polnear_available": available, "analyse_seconds": round(analyse_s, 1),
            "link_and_ledger_seconds": round(time.perf_counter() - t, 1)}
    ws.close()
    info_path.write_text(json.dumps(info, indent=2))
    return info


def replay(ws, needed: int) -> int:
    """Store `needed` copies of stored analyses under new ids (a marker line ends each text)."""
    from claimscope.model.analysis import Analysis, document_id
    from claimscope.model.corpus import Publication
    from claimscope.model.ids import make_id

    store = ws.store
    sources = [d.id for d in store.documents()]
    done, batch, k = 0, [], 0
    while done < needed:
        k += 1
        for doc_id in sources:
            if done >= needed:
                break
            stored = store.load(doc_id)
            data = stored.analysis.as_dict()
            old = stored.analysis.document.id
            data["document"]["text"] += f"\n\n[replay {k}]"
            new = document_id(data["document"]["text"])
            raw = json.dumps(data).replace(old, new)
            raw = _FACT_ID.sub(lambda m, k=k: m.group(0)[:4] + make_id(m.group(0), k), raw)
            analysis = Analysis.from_dict(json.loads(raw))
            first = stored.publications[0] if stored.publications else None
            publication = Publication(document=new, name=f"{analysis.document.name}#replay{k}",
                                      outlet=first and first.outlet, date=first and first.date,
                                      title=first and first.title, author=first and first.author)
            batch.append((analysis, publication))
            done += 1
            if len(batch) >= 50:
                store.save_many(batch)
                batch = []
    if batch:
        store.save_many(batch)
    return done


# -- the load ---------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    """`claimscope serve` itself; with more than one worker, uvicorn's own command over the same
    app factory (create_app reads CLAIMSCOPE_DB), since serve runs one process."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "CLAIMSCOPE_DB": str(db)}
    env.pop("CLAIMSCOPE_TOKEN", None)  # read-only, as a shared workbench runs
    log = open(OUT / "server.log", "w")
    if workers > 1:
        command = [sys.executable, "-m", "uvicorn", "--factory", "claimscope.web.app:create_app",
                   "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                   "--log-level", "warning"]
    else:
        command = [sys.executable, "-m", "claimscope.cli.main", "serve", "--db", str(db),
                   "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_up(base: str, server: subprocess.Popen, timeout: float = 120) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited ({server.returncode}); see {OUT / 'server.log'}")
        try:
            if httpx.get(base + "/api/v1/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not answer in time")


def targets(db: Path, base: str, pages: bool = True) -> dict[str, list[str]]:
    """Per route, the URLs the clients pick from (real ids, names and words of the store)."""
    import httpx

    from claimscope.store import open_store

    with open_store(str(db), create=False) as store:
        ids = [d.id for d in store.documents()]
        entities = [e for e in store.corpus_entities() if e.documents >= 3][:60]
        words = sorted({w.lower() for c in store.browse_claims(limit=1000)
                        for w in re.findall(r"[A-Za-z]{6,}", c["text"])})
    rng = random.Random(7)
    words = rng.sample(words, min(200, len(words)))
    names = [e.name for e in entities]
    routes = {
        "api list documents": [f"/api/v1/documents?limit=50&cursor={i}" for i in rng.sample(ids, 100)],
        "api document": [f"/api/v1/documents/{i}" for i in ids],
        "api search claims": [f"/api/v1/claims?q={w}&limit=50" for w in words],
        "api search documents": [f"/api/v1/documents?q={w}&limit=20" for w in words],
        "api dossier": [f"/api/v1/dossier?entity={quote(n)}" for n in names],
    }
    page_routes = {
        "page overview": ["/"],
        "page article": [f"/documents/{i}" for i in ids],
        "page search": [f"/search?q={w}" for w in words],
        "page dossier": [f"/dossier?entity={quote(n)}" for n in names],
    }
    for route, urls in (page_routes.items() if pages else ()):  # pages the server has (200, HTML)
        probe = httpx.get(base + urls[0], timeout=60)
        if probe.status_code == 200 and "text/html" in probe.headers.get("content-type", ""):
            routes[route] = urls
    return routes


async def load(base: str, routes: dict[str, list[str]], clients: int, seconds: float) -> dict:
    import httpx

    timings: dict[str, list[float]] = {r: [] for r in routes}
    errors: dict[str, int] = {r: 0 for r in routes}
    examples: list[str] = []
    names = list(routes)
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(n: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(n)
        i = n
        while time.monotonic() < deadline:
            route = names[i % len(names)]  # round robin over routes, a random URL of each
            i += 1
            url = rng.choice(routes[route])
            t = time.perf_counter()
            try:
                answer = await http.get(url)
                ok = answer.status_code == 200
                if not ok and len(examples) < 10:
                    examples.append(f"{answer.status_code} {url} {answer.text[:120]}")
            except httpx.HTTPError as exc:
                ok = False
                if len(examples) < 10:
                    examples.append(f"{type(exc).__name__} {url}")
            timings[route].append(time.perf_counter() - t)
            if not ok:
                errors[route] += 1

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        started = time.monotonic()
        await asyncio.gather(*(client(n, http) for n in range(clients)))
        elapsed = time.monotonic() - started
    return {"timings": timings, "errors": errors, "elapsed": elapsed, "examples": examples}


def cold_times(base: str, urls: list[str]) -> list[float]:
    import httpx

    times = []
    with httpx.Client(base_url=base, timeout=120) as http:
        for url in urls:
            t = time.perf_counter()
            http.get(url).raise_for_status()
            times.append(time.perf_counter() - t)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=OUT / "store.db")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--analyse-minutes", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--server-workers", type=int, default=1,
                        help="1: `claimscope serve`; more: uvicorn --workers N over the same app")
    parser.add_argument("--api-only", action="store_true", help="only the /api/v1 routes")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    info = build_store(args.db, args.articles, args.analyse_minutes, args.workers)
    print(f"store {args.db}: {info['documents']} documents, {info['analysed']} analysed from PolNeAR "
          f"in {info['analyse_seconds']} s, {info['replayed']} replayed under new ids "
          f"(links and ledger {info['link_and_ledger_seconds']} s)", flush=True)
    if args.build_only:
        return 0
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port, args.server_workers)
    try:
        wait_up(base, server)
        routes = targets(args.db, base, pages=not args.api_only)
        # Dossiers are cached by the server while the store is unchanged: their first, uncached
        # computation is timed apart, one request at a time, before any load.
        cold = cold_times(base, routes.get("api dossier", []))
        if args.warmup:
            asyncio.run(load(base, routes, args.clients, args.warmup))
        result = asyncio.run(load(base, routes, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(len(t) for t in result["timings"].values())
    errors = sum(result["errors"].values())
    lines = [f"server: {'claimscope serve (one process)' if args.server_workers == 1 else f'uvicorn, {args.server_workers} worker processes'}; "
             f"load average before the run {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
             f"{args.clients} clients, {result['elapsed']:.1f} s, {total} requests, "
             f"{total / result['elapsed']:.1f} requests/s, {errors} errors",
             f"{'route':<22} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}"]
    summary = {"store": info, "server_workers": args.server_workers, "clients": args.clients, "seconds": result["elapsed"], "requests": total,
               "errors": errors, "routes": {}}
    for route, values in result["timings"].items():
        p50, p95, p99 = (percentile(values, p) * 1000 for p in (50, 95, 99))
        lines.append(f"{route:<22} {len(values):>8} {len(values) / result['elapsed']:>7.1f} {p50:>8.0f} "
                     f"{p95:>8.0f} {p99:>8.0f} {result['errors'][route]:>6}")
        summary["routes"][route] = {"requests": len(values), "p50_ms": round(p50, 1), "p95_ms": round(p95, 1),
                                    "p99_ms": round(p99, 1), "errors": result["errors"][route]}
    if cold:
        c50, c95, c99 = (percentile(cold, p) * 1000 for p in (50, 95, 99))
        lines.append(f"uncached dossiers, one at a time before the load ({len(cold)} entities): "
                     f"p50 {c50:.0f} ms, p95 {c95:.0f} ms, max {max(cold) * 1000:.0f} ms")
        summary["uncached_dossier"] = {"n": len(cold), "p50_ms": round(c50, 1), "p95_ms": round(c95, 1),
                                       "max_ms": round(max(cold) * 1000, 1)}
    for example in result["examples"]:
        lines.append(f"  error: {example}")
    print("\n".join(lines))
    (OUT / "result.json").write_text(json.dumps(summary, indent=2))
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
