"""Load on the workbench: a store of 1,000 articles, `claimscope serve` in a subprocess, 50 clients.

    PYTHONPATH=src python benchmarks/bench_serve.py                      # build (once) and run 60 s
    PYTHONPATH=src python benchmarks/bench_serve.py --server-workers 2   # claimscope serve --workers 2
    PYTHONPATH=src python benchmarks/bench_serve.py --client httpx       # the same load from httpx

The store is built once under out/bench_serve/ and reused. It holds PolNeAR articles
(../shared/data/polnear, train and dev) analysed by `Workspace.ingest` for at most
`--analyse-minutes`; when that gives fewer than `--articles`, the stored analyses are replayed
under new ids (the text gets a marker line at its end, so a new document id; every fact id is
rehashed) until there are `--articles` documents. The output says how many are real and how
many replayed. Entities are linked and the ledger updated over all of them, as after an ingest.

The server is the real command (`claimscope serve --db ... --port ... --workers N`, read-only)
on loopback. The clients are `--clients` keep-alive connections of `http_load.py` (asyncio
streams, light enough to measure the server rather than themselves; httpx cost ~4 ms of CPU per
request) that never pause, round robin over the API's list, document, search and dossier routes
and the pages' routes when the server has them, each request a random real URL of the store.
After `--warmup` seconds, `--seconds` are measured: per route requests/s, p50/p95/p99 latency,
the error count (any answer but 200, or no answer) and the share of answers the server had kept
(`X-Cache: hit`); the server's and the client's CPU time per request, the load average before
and after (the machine is shared: say how loaded it was), the server's worker count and how
the connections spread over the workers. Uncached dossiers and article pages are timed one at
a time before the load. Targets: zero errors, dossier and article page p95 < 300 ms.

1 December 2026, 2 shared cores at load average 12-23 (docs/api.md has the table), 0 errors:
--workers 2 274 / 383 / 314 requests/s, article page p95 995 / 651 / 777 ms, dossier page p95
184 / 108 / 129 ms; --workers 1 261 / 265 / 330 requests/s, 632 / 666 / 536 ms, 136 / 157 / 107 ms.
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
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_load import LoadResult, fetch_once, run_load  # noqa: E402

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
    """`claimscope serve` itself (`--workers N`: N uvicorn worker processes on one port)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "CLAIMSCOPE_DB": str(db)}
    env.pop("CLAIMSCOPE_TOKEN", None)  # read-only, as a shared workbench runs
    log = open(OUT / "server.log", "w")
    command = [sys.executable, "-m", "claimscope.cli.main", "serve", "--db", str(db),
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its living descendants (uvicorn's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    total, todo = 0.0, [pid]
    while todo:
        here = todo.pop()
        total += stats.get(here, (0, 0.0))[1]
        todo += [child for child, (parent, _) in stats.items() if parent == here]
    return total


def worker_pids(pid: int) -> list[int]:
    """The processes that answer requests: the server's children started by multiprocessing's
    spawn (`serve --workers N`), or the one process itself."""
    workers = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                command = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if int(fields[1]) == pid and b"spawn_main" in command:
                workers.append(int(entry))
    return sorted(workers) or [pid]


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


async def load_httpx(base: str, routes: dict[str, list[str]], clients: int, seconds: float) -> LoadResult:
    """The same load from httpx's AsyncClient (`--client httpx`: to see what the client costs)."""
    import httpx

    result = LoadResult(timings={r: [] for r in routes}, errors={r: 0 for r in routes})
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
                if not ok and len(result.examples) < 10:
                    result.examples.append(f"{answer.status_code} {url} {answer.text[:120]}")
            except httpx.HTTPError as exc:
                ok = False
                if len(result.examples) < 10:
                    result.examples.append(f"{type(exc).__name__} {url}")
            result.timings[route].append(time.perf_counter() - t)
            if not ok:
                result.errors[route] += 1

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        started = time.monotonic()
        await asyncio.gather(*(client(n, http) for n in range(clients)))
        result.elapsed = time.monotonic() - started
    return result


def load(port: int, routes: dict[str, list[str]], clients: int, seconds: float, client: str) -> LoadResult:
    if client == "httpx":
        return asyncio.run(load_httpx(f"http://127.0.0.1:{port}", routes, clients, seconds))
    return asyncio.run(run_load("127.0.0.1", port, routes, clients, seconds))


def cold_times(port: int, urls: list[str]) -> list[float]:
    """Each URL's first answer, one request at a time (nothing else runs)."""

    async def run() -> list[float]:
        times = []
        for url in urls:
            status, _, seconds = await fetch_once("127.0.0.1", port, url)
            if status != 200:
                raise SystemExit(f"{url}: answered {status} before the load")
            times.append(seconds)
        return times

    return asyncio.run(run())


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def summarise(values: list[float]) -> tuple[float, float, float]:
    return tuple(percentile(values, p) * 1000 for p in (50, 95, 99))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=OUT / "store.db")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--analyse-minutes", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=2, help="ingest workers when building the store")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--server-workers", type=int, default=1, help="`claimscope serve --workers N`")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw",
                        help="raw: benchmarks/http_load.py (light); httpx: httpx.AsyncClient")
    parser.add_argument("--api-only", action="store_true", help="only the /api/v1 routes")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT / "result.json")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    info = build_store(args.db, args.articles, args.analyse_minutes, args.workers)
    print(f"store {args.db}: {info['documents']} documents, {info['analysed']} analysed from PolNeAR "
          f"in {info['analyse_seconds']} s, {info['replayed']} replayed under new ids "
          f"(links and ledger {info['link_and_ledger_seconds']} s)", flush=True)
    if args.build_only:
        return 0
    load_before = os.getloadavg()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port, args.server_workers)
    try:
        wait_up(base, server)
        workers = worker_pids(server.pid)
        processes = len(workers)
        routes = targets(args.db, base, pages=not args.api_only)
        # Kept answers are rebuilt when the store changes; their first, uncached computation is
        # timed apart, one request at a time, before any load (with N workers, in one of them).
        rng = random.Random(3)
        cold = {"api dossier": cold_times(port, routes.get("api dossier", [])),
                "page article": cold_times(port, rng.sample(routes.get("page article", []), 30)
                                           if "page article" in routes else [])}
        if args.warmup:
            load(port, routes, args.clients, args.warmup, args.client)
        server_cpu, client_cpu = tree_cpu(server.pid), time.process_time()
        # How the clients' connections spread over the workers, a few seconds into the run.
        from claimscope.web.workers import connections_held

        spread: list[int] = []
        sampler = threading.Timer(min(3.0, args.seconds / 2),
                                  lambda: spread.extend(connections_held(w, port) for w in workers))
        sampler.start()
        result = load(port, routes, args.clients, args.seconds, args.client)
        sampler.join()
        server_cpu, client_cpu = tree_cpu(server.pid) - server_cpu, time.process_time() - client_cpu
    finally:
        server.terminate()
        server.wait(timeout=30)
    load_after = os.getloadavg()
    total = sum(len(t) for t in result.timings.values())
    errors = sum(result.errors.values())
    lines = [f"server: claimscope serve --workers {args.server_workers} ({processes} process"
             f"{'es' if processes != 1 else ''} answering; uvicorn {_implementations()}); "
             f"client: {args.client}, {args.clients} connections; connections per worker "
             f"{'/'.join(map(str, spread)) or '?'}",
             f"machine: {os.cpu_count()} cores, load average (1/5/15 min) before "
             f"{' '.join(f'{x:.2f}' for x in load_before)}, after {' '.join(f'{x:.2f}' for x in load_after)}",
             f"{args.clients} clients, {result.elapsed:.1f} s, {total} requests, "
             f"{total / result.elapsed:.1f} requests/s, {errors} errors, {result.reconnects} reconnects",
             f"CPU per request: server {server_cpu / total * 1000:.2f} ms, client {client_cpu / total * 1000:.2f} ms "
             f"(server {server_cpu / result.elapsed:.2f} cores, client {client_cpu / result.elapsed:.2f} cores)",
             f"{'route':<22} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6} "
             f"{'kept':>5}"]
    summary = {"store": info, "server_workers": args.server_workers, "server_processes": processes,
               "connections_per_worker": spread,
               "client": args.client, "clients": args.clients, "seconds": result.elapsed, "requests": total,
               "requests_per_s": round(total / result.elapsed, 1), "errors": errors,
               "reconnects": result.reconnects, "loadavg_before": load_before, "loadavg_after": load_after,
               "server_cpu_ms_per_request": round(server_cpu / total * 1000, 3),
               "client_cpu_ms_per_request": round(client_cpu / total * 1000, 3), "routes": {}}
    for route, values in result.timings.items():
        p50, p95, p99 = summarise(values)
        share = result.kept.get(route, 0) / len(values) if values else 0.0
        kept = f"{share:>5.0%}" if result.kept else f"{'?':>5}"
        lines.append(f"{route:<22} {len(values):>8} {len(values) / result.elapsed:>7.1f} {p50:>8.0f} "
                     f"{p95:>8.0f} {p99:>8.0f} {result.errors[route]:>6} {kept}")
        summary["routes"][route] = {"requests": len(values), "p50_ms": round(p50, 1), "p95_ms": round(p95, 1),
                                    "p99_ms": round(p99, 1), "errors": result.errors[route],
                                    "kept_share": round(share, 3) if result.kept else None}
    for route, times in cold.items():
        if times:
            c50, c95, _ = summarise(times)
            lines.append(f"uncached {route}, one at a time before the load ({len(times)}): "
                         f"p50 {c50:.0f} ms, p95 {c95:.0f} ms, max {max(times) * 1000:.0f} ms")
            summary[f"uncached {route}"] = {"n": len(times), "p50_ms": round(c50, 1), "p95_ms": round(c95, 1),
                                            "max_ms": round(max(times) * 1000, 1)}
    for example in result.examples:
        lines.append(f"  error: {example}")
    print("\n".join(lines))
    args.out.write_text(json.dumps(summary, indent=2))
    return 0 if errors == 0 else 1


def _implementations() -> str:
    """The HTTP parser and event loop uvicorn picks (`auto`: httptools and uvloop when installed)."""
    import importlib.util

    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return f"{http}, {loop}"


if __name__ == "__main__":
    sys.exit(main())
