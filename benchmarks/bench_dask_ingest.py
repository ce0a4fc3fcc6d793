"""Ingest on a Dask cluster against local worker processes, in one run, into PostgreSQL.

    scripts/test_pg.sh sh -c 'PYTHONPATH=src .venv/bin/python benchmarks/bench_dask_ingest.py --db "$CLAIMSCOPE_TEST_PG"'
    python benchmarks/bench_dask_ingest.py [--n 60] [--db URL] [--stream-rows 20000] [--stream-docs 60]

Texts: the first N AllSides articles (../shared/data/allsides/allsides.jsonl.gz), written to a
JSONL file that every pass ingests (so every pass streams its input). Passes, each into a fresh
store (a fresh PostgreSQL database beside the one --db names, or SQLite files without --db):
local ingest with 1 and 2 worker processes, then `--scheduler` on a LocalCluster of 1 and 2 Dask
worker processes (one thread each). Prints articles/s (wall with start-up, and steady state
from the first stored document to the last) and the scaling efficiency of 2 workers against 1
(steady rate ratio / 2; target >= 90% of linear on 2 cores). Then a 2-worker Dask pass in which one
worker is killed with SIGKILL mid-run: the stored rows are counted (every article once). Then
memory: a JSONL of `--stream-rows` distinct rows (the N texts repeated, each copy numbered) read
end to end (the reading side alone), and ingested on the cluster until `--stream-docs` are
stored, sampling the peak RSS of the client and of each worker (psutil). The memory part runs
first, before a local pass loads the pipeline into this process.

Not a test: the figures depend on the machine and on what else runs on it (the load average is
printed with each pass).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import fresh_database  # noqa: E402 - the same fresh PostgreSQL databases

from claimscope.settings import Settings  # noqa: E402
from claimscope.workspace import Workspace  # noqa: E402

ALLSIDES = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "allsides.jsonl.gz"
FIELDS = ("id", "title", "outlet", "date", "author", "url", "text")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


def write_articles(path: Path, n: int) -> list[dict]:
    rows = []
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as source:
        for line in source:
            row = json.loads(line)
            if row.get("text") and len(row["text"]) < 20_000:  # no outlier longer than 20k chars
                rows.append({k: row.get(k) for k in FIELDS})
            if len(rows) == n:
                break
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def store_url(args, tmp: Path, name: str) -> str:
    return fresh_database(args.db, f"bench_dask_{name}") if args.db else str(tmp / f"{name}.db")


def ingest_pass(targets: list[str], db: str, *, workers: int | None = None,
                scheduler: str | None = None, on_result=None, stop_after: int | None = None) -> dict:
    settings = Settings()
    settings.db = db
    ws = Workspace(settings)
    started = time.perf_counter()
    first = last = None
    outcomes: dict[str, int] = {}
    try:
        for result in ws.ingest(targets, workers=workers, scheduler=scheduler):
            now = time.perf_counter()
            first = first or now
            last = now
            outcomes[result.outcome.value] = outcomes.get(result.outcome.value, 0) + 1
            n = sum(outcomes.values())
            if on_result is not None:
                on_result(n)
            if n % 20 == 0:
                print(f"  [{'dask' if scheduler else 'local'} {workers or ''}] {n} after "
                      f"{now - started:.0f} s", file=sys.stderr, flush=True)
            if stop_after and n >= stop_after:
                break
    finally:
        ws.close()
    done = time.perf_counter()
    n = sum(outcomes.values())
    steady = (last - first) * n / max(1, n - 1) if first and last and n > 1 else done - started
    return {"n": n, "wall": done - started, "steady": steady, "outcomes": outcomes,
            "first": (first or done) - started}


def report(label: str, run: dict) -> None:
    print(f"{label}: {run['n'] / run['wall']:.2f} articles/s wall ({run['wall']:.0f} s, first stored "
          f"after {run['first']:.0f} s), {run['n'] / run['steady']:.2f}/s steady; {run['outcomes']}; "
          f"{load()}", flush=True)


def count_rows(db: str) -> dict[str, int]:
    import sqlalchemy as sa

    from claimscope.store import tables as T

    engine = sa.create_engine(db if "://" in db else f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            counts = {t: conn.execute(sa.select(sa.func.count()).select_from(getattr(T, t))).scalar_one()
                      for t in ("documents", "analyses", "publications", "claims")}
            counts["distinct documents"] = conn.execute(
                sa.select(sa.func.count(sa.distinct(T.documents.c.text)))).scalar_one()
        return counts
    finally:
        engine.dispose()


def cluster(workers: int):
    from distributed import Client, LocalCluster

    local = LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                         dashboard_address=None, silence_logs=40)
    return local, Client(local, set_as_default=False)


def worker_cpu(client) -> float:
    total = 0.0
    for pid in client.run(os.getpid).values():
        times = psutil.Process(pid).cpu_times()
        total += times.user + times.system
    return total


def speed_passes(args, tmp: Path, feed: str) -> dict:
    runs = {}
    for workers in (1, 2):
        runs[("local", workers)] = run = ingest_pass([feed], store_url(args, tmp, f"local{workers}"),
                                                     workers=workers)
        report(f"local ingest, {workers} worker process(es)", run)
    for workers in (1, 2):
        started = time.perf_counter()
        local, client = cluster(workers)
        up = time.perf_counter() - started
        try:
            cpu0 = worker_cpu(client)
            run = ingest_pass([feed], store_url(args, tmp, f"dask{workers}"),
                              scheduler=local.scheduler_address)
            run["cpu"] = worker_cpu(client) - cpu0
        finally:
            client.close()
            local.close()
        runs[("dask", workers)] = run
        report(f"dask ingest, {workers} worker process(es)", run)
        print(f"  cluster start {up:.1f} s (not in the pass); worker CPU per article "
              f"{run['cpu'] / run['n']:.2f} s (pipeline load included)", flush=True)
    for kind in ("local", "dask"):
        one, two = runs[(kind, 1)], runs[(kind, 2)]
        speedup = one["steady"] / two["steady"]
        print(f"{kind}: 2 workers against 1, steady: {speedup:.2f}x = {speedup / 2:.0%} of linear "
              f"(target >= 90%); wall {one['wall'] / two['wall']:.2f}x")
    for workers in (1, 2):
        d, lo = runs[("dask", workers)], runs[("local", workers)]
        print(f"{workers} worker(s): dask steady rate / local steady rate = "
              f"{lo['steady'] / d['steady']:.2f}")
    return runs


def kill_pass(args, tmp: Path, feed: str, n: int) -> None:
    db = store_url(args, tmp, "dask_kill")
    local, client = cluster(2)
    killed: list[int] = []

    def kill_at(stored: int) -> None:
        if killed or stored < n // 3:
            return
        pids = client.run(os.getpid)
        busy = [w for w, keys in client.processing().items() if keys and w in pids] or list(pids)
        os.kill(pids[busy[0]], signal.SIGKILL)
        killed.append(pids[busy[0]])

    try:
        run = ingest_pass([feed], db, scheduler=local.scheduler_address, on_result=kill_at)
    finally:
        client.close()
        local.close()
    report(f"dask ingest, 2 workers, one killed with SIGKILL (pid {killed}) after {n // 3} results", run)
    counts = count_rows(db)
    verdict = "nothing lost, nothing doubled" if (
        counts["documents"] == counts["distinct documents"] == counts["analyses"] == n) else "MISMATCH"
    print(f"  rows after the run: {counts}; expected {n} documents: {verdict}", flush=True)
    again = ingest_pass([feed], db, workers=1)
    print(f"  the same input again (local): {again['outcomes']}; rows {count_rows(db)}", flush=True)


class Sampler:
    """Peak RSS of this process and of the cluster's worker processes, sampled every 0.2 s."""

    def __init__(self, client=None):
        self.client, self.peak, self.samples = client, {}, []
        self._stop = threading.Event()
        self._pids = client.run(os.getpid) if client is not None else {}
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            sample = {"client": me.memory_info().rss}
            for i, pid in enumerate(self._pids.values()):
                try:
                    sample[f"worker {i}"] = psutil.Process(pid).memory_info().rss
                except psutil.Error:
                    pass
            self.samples.append((time.perf_counter(), sample))
            for k, v in sample.items():
                self.peak[k] = max(self.peak.get(k, 0), v)
            time.sleep(0.2)

    def now(self, key: str = "client") -> int:
        return self.samples[-1][1].get(key, 0) if self.samples else 0


def memory_pass(args, tmp: Path, rows: list[dict]) -> None:
    big = tmp / "stream.jsonl"
    with open(big, "w", encoding="utf-8") as out:
        for k in range(args.stream_rows):
            row = dict(rows[k % len(rows)])
            row["id"] = f"{row['id']}-copy{k}"
            row["text"] = f"{row['text']}\n\n(Copy {k} of this article, for the memory benchmark.)"
            out.write(json.dumps(row) + "\n")
    size = big.stat().st_size
    print(f"memory: {args.stream_rows} distinct rows, {size / 1e6:.0f} MB of JSONL", flush=True)

    # The reading side alone: every row parsed, checked and turned into a task payload.
    from claimscope import jobs

    rss = []
    ws = Workspace(Settings())
    started = time.perf_counter()
    with Sampler() as sampler:
        for i, info in enumerate(ws.documents(str(big)), start=1):
            jobs.payload_of(info)
            if i in (1000, args.stream_rows // 2, args.stream_rows):
                rss.append((i, psutil.Process().memory_info().rss))
    seconds = time.perf_counter() - started
    print(f"  reading it end to end (no analysis): {args.stream_rows / seconds:.0f} rows/s; client RSS "
          + ", ".join(f"{rss_ / 1e6:.0f} MB after {i} rows" for i, rss_ in rss)
          + f"; peak {sampler.peak['client'] / 1e6:.0f} MB", flush=True)

    # The reading and submission side: rows read lazily, tasks on the cluster, analyses written
    # in batches (batch.ingest_documents with the Dask pool); the ledger update that a full
    # ingest runs after each 50 documents is left out, its memory is the ledger's.
    from claimscope.batch import ingest_documents
    from claimscope.dask_pool import DaskAnalysisPool
    from claimscope.store import open_store

    local, client = cluster(2)
    marks, n = [], 0
    store = open_store(store_url(args, tmp, "dask_stream"))
    started = time.perf_counter()
    try:
        with Sampler(client) as sampler, DaskAnalysisPool(Settings(), local.scheduler_address) as pool:
            for n, _ in enumerate(ingest_documents(ws.documents(str(big)), store, pool,
                                                   batch=pool.batch), start=1):
                if n in (10, args.stream_docs // 2, args.stream_docs):
                    marks.append((n, psutil.Process().memory_info().rss))
                if n >= args.stream_docs:
                    break
    finally:
        store.close()
        client.close()
        local.close()
    print(f"  streaming it on 2 Dask workers, stopped after {n} stored ({time.perf_counter() - started:.0f} s): "
          "client RSS " + ", ".join(f"{r / 1e6:.0f} MB after {s} stored" for s, r in marks)
          + "; peak " + ", ".join(f"{k} {v / 1e6:.0f} MB" for k, v in sorted(sampler.peak.items()))
          + f"; {load()}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=60, help="AllSides articles per pass.")
    parser.add_argument("--db", default=None, help="A PostgreSQL URL (default: fresh SQLite files).")
    parser.add_argument("--stream-rows", type=int, default=20_000)
    parser.add_argument("--stream-docs", type=int, default=60)
    parser.add_argument("--skip", default="", help="Parts to skip: speed,kill,memory (comma-separated).")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    tmp = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    feed = tmp / "articles.jsonl"
    rows = write_articles(feed, args.n)
    print(f"{len(rows)} AllSides articles ({sum(len(r['text'].split()) for r in rows) / len(rows):.0f} "
          f"words on average) -> {feed}; store: {'PostgreSQL' if args.db else 'SQLite'}; {load()}",
          flush=True)
    # Memory first: later passes load the pipeline into this process (a local 1-worker ingest
    # analyses in process), which would hide the client's own footprint.
    if "memory" not in skip:
        memory_pass(args, tmp, rows)
    if "speed" not in skip:
        speed_passes(args, tmp, str(feed))
    if "kill" not in skip:
        kill_pass(args, tmp, str(feed), len(rows))
    print(f"done; {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
