"""Ingest speed: `analyze` alone against `ingest` with 1 and 2 workers, on the same texts, in one run.

    python benchmarks/bench_ingest.py [--limit N] [--db URL] [--workers 1,2] [--texts DIR ...]

Texts: PolNeAR train + dev (924 articles, ../shared/data/polnear/{train,dev}/text/*.txt). Each
ingest pass writes a fresh store (a SQLite file in a temporary folder, or with --db a fresh
PostgreSQL database created next to the one the URL names). Prints articles/s (wall time with
pipeline start-up, and steady state from the first stored document to the last), the store's
share of the one-worker pass, the 2-worker speed-up, a re-ingest pass (every text already
stored), the store's size per 1,000 documents, and search and entity-listing latency at that
size. Targets (issue 8): the store adds < 10% to analysis time; 2 workers >= 1.5x 1 worker.
Not a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from claimscope.settings import Settings
from claimscope.workspace import Workspace

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
QUERIES = ["Trump", "Clinton", "election", "police", "immigration", "tax", "Obama", "war",
           "court", "said", "economy", "Russia", "vote", "health care", "climate"]


def texts(folders: list[Path], limit: int | None) -> list[str]:
    files = sorted(str(p) for folder in folders for p in folder.glob("*.txt"))
    return files[:limit] if limit else files


class Timed:
    """Wraps a store: the time spent in its calls, so the store's share can be read off."""

    def __init__(self, store):
        self.store, self.seconds = store, 0.0

    def __getattr__(self, name):
        value = getattr(self.store, name)
        if not callable(value):
            return value

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return value(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
        return timed


def analyze_pass(targets: list[str]) -> dict:
    ws = Workspace(Settings())
    started = time.perf_counter()
    ws.nlp  # noqa: B018 - pipeline start-up is part of the wall time, as in ingest
    loaded = time.perf_counter()
    n = 0
    for target in targets:
        for info in ws.documents(target):
            ws.analyze_document(info)
            n += 1
    done = time.perf_counter()
    return {"n": n, "wall": done - started, "steady": done - loaded}


def ingest_pass(targets: list[str], db: str, workers: int) -> dict:
    settings = Settings()
    settings.db = db
    ws = Workspace(settings)
    timed = Timed(ws.store)
    ws._store = timed  # the benchmark's own instrument; the Workspace calls it as the store
    started = time.perf_counter()
    first = last = None
    outcomes: dict[str, int] = {}
    for result in ws.ingest(targets, workers=workers):
        now = time.perf_counter()
        first = first or now
        last = now
        outcomes[result.outcome.value] = outcomes.get(result.outcome.value, 0) + 1
    done = time.perf_counter()
    ws._store = timed.store
    n = sum(outcomes.values())
    steady = (last - first) * n / max(1, n - 1) if first and last and n > 1 else done - started
    return {"n": n, "wall": done - started, "steady": steady, "store_seconds": timed.seconds,
            "outcomes": outcomes, "workspace": ws}


def latency(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def store_size(db: str) -> int:
    if "://" not in db:
        return sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
    import sqlalchemy as sa

    engine = sa.create_engine(db)
    with engine.connect() as conn:
        size = conn.execute(sa.text("select pg_database_size(current_database())")).scalar_one()
    engine.dispose()
    return int(size)


def fresh_database(url: str, name: str) -> str:
    """A new, empty PostgreSQL database beside the one `url` names (dropped first if there)."""
    import sqlalchemy as sa

    base = sa.make_url(url)
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'drop database if exists "{name}"'))
        conn.execute(sa.text(f'create database "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="Only the first N texts.")
    parser.add_argument("--db", default=None, help="A PostgreSQL URL (default: fresh SQLite files).")
    parser.add_argument("--workers", default="1,2", help="Worker counts to time, comma-separated.")
    parser.add_argument("--texts", type=Path, nargs="*",
                        default=[POLNEAR / "train" / "text", POLNEAR / "dev" / "text"])
    args = parser.parse_args()
    targets = texts(args.texts, args.limit)
    print(f"{len(targets)} texts from {', '.join(str(t) for t in args.texts)}")
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))

    base = analyze_pass(targets)
    print(f"analyze alone: {base['n']} articles, {base['n'] / base['wall']:.2f}/s wall "
          f"({base['wall']:.0f} s with start-up), {base['n'] / base['steady']:.2f}/s steady")

    runs = {}
    for workers in [int(w) for w in args.workers.split(",")]:
        db = (fresh_database(args.db, f"bench_ingest_{workers}w") if args.db
              else str(tmp / f"ingest-{workers}w.db"))
        run = ingest_pass(targets, db, workers)
        runs[workers] = run
        share = run["store_seconds"] / run["wall"]
        print(f"ingest, {workers} worker(s): {run['n'] / run['wall']:.2f}/s wall "
              f"({run['wall']:.0f} s), {run['n'] / run['steady']:.2f}/s steady; store calls "
              f"{run['store_seconds']:.1f} s = {share:.1%} of the wall time; {run['outcomes']}")
        run["db"] = db

    if 1 in runs:
        one = runs[1]
        added = one["steady"] / base["steady"] - 1
        print(f"store overhead, 1 worker against analyze alone (steady): {added:+.1%} "
              f"(target < 10%); store calls / analysis time: "
              f"{one['store_seconds'] / base['steady']:.1%}")
    if 1 in runs and 2 in runs:
        print(f"2-worker speed-up: {runs[1]['wall'] / runs[2]['wall']:.2f}x wall, "
              f"{runs[1]['steady'] / runs[2]['steady']:.2f}x steady (target >= 1.5x)")

    last = runs[max(runs)]
    again = ingest_pass(targets, last["db"], max(runs))
    print(f"re-ingest (all stored): {again['n'] / again['wall']:.1f}/s ({again['wall']:.1f} s); "
          f"{again['outcomes']}")

    for run in [*runs.values(), again]:
        run["workspace"].close()  # SQLite checkpoints its WAL into the file on the last close
    empty_db = (fresh_database(args.db, "bench_ingest_empty") if args.db else str(tmp / "empty.db"))
    Workspace(Settings(db=empty_db)).store.close()
    size, empty = store_size(last["db"]), store_size(empty_db)
    store = Workspace(Settings(db=last["db"])).store
    n = store.stats()["documents"]
    print(f"store: {n} documents, {size / 1e6:.1f} MB ({empty / 1e6:.2f} MB of it an empty store): "
          f"{(size - empty) / n * 1000 / 1e6:.1f} MB per 1,000 documents")
    try:
        samples = []
        for _ in range(5):
            for q in QUERIES:
                samples += latency(lambda q=q: store.search(q), 1)[:1]
        samples.sort()
        print(f"search at {n} documents: {statistics.median(samples):.1f} ms median, "
              f"{samples[int(0.95 * len(samples))]:.1f} ms p95 ({len(QUERIES)} queries x 5)")
    except (NotImplementedError, ImportError) as exc:
        print(f"search: not in this store yet ({type(exc).__name__}: {exc})")
    try:
        entities = latency(store.corpus_entities, 10)
        print(f"entity listing at {n} documents ({len(store.corpus_entities())} corpus entities): "
              f"{entities[0]:.1f} ms median, {entities[1]:.1f} ms p95")
    except (NotImplementedError, ImportError) as exc:
        print(f"entity listing: not in this store yet ({type(exc).__name__}: {exc})")
    try:  # the per-document entities, which exist whether or not linking has run
        entities = latency(store.document_entities, 5)
        print(f"document-entity listing at {n} documents ({len(store.document_entities())} rows): "
              f"{entities[0]:.1f} ms median, {entities[1]:.1f} ms p95")
    except (NotImplementedError, ImportError) as exc:
        print(f"document-entity listing: not in this store yet ({type(exc).__name__}: {exc})")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
