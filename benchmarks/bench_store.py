"""Store speed: write, load, search and size, on SQLite and/or PostgreSQL (a benchmark, not a test).

    PYTHONPATH=src python benchmarks/bench_store.py --documents 1000 [--pg postgresql+psycopg://...]

Analyses the ten demo articles once with the real pipeline (timed: the analysis cost the store
is compared with), then replays those analyses under new document ids (each text gets a line
appended, ids recomputed; said in the output) to make a store of N documents. Prints, per
dialect: ms per document for `save` (one transaction each) and for `save_many` (batches of 50),
`load` p50/p95, `search` p50/p95 over a few queries, `stats`, and the store's size per 1,000
documents.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import tempfile
import time
from pathlib import Path

from claimscope.ingest import InputFailure
from claimscope.model.analysis import Analysis
from claimscope.model.ids import assign_ids
from claimscope.settings import Settings
from claimscope.store import open_store
from claimscope.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
QUERIES = ('"port essary"', "kill*", "memo NOT leaked", "brigade OR kestria", "residue")


def variants(analyses: list[Analysis], n: int) -> list[Analysis]:
    out = []
    for i in range(n):
        data = copy.deepcopy(analyses[i % len(analyses)].as_dict())
        data["document"]["text"] += f"\n\nReplayed copy {i}."
        variant = Analysis.from_dict(data)
        assign_ids(variant)
        out.append(variant)
    return out


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def size_bytes(store) -> int:
    if store.dialect == "sqlite":
        path = Path(store.engine.url.database)
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    from sqlalchemy import text

    with store.engine.connect() as connection:
        return connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()


def fresh_pg(base: str) -> str:
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"cs_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False),
                         autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


def bench(url: str, docs: list[Analysis]) -> dict:
    half = len(docs) // 2
    with open_store(url) as store:
        t0 = time.perf_counter()
        for analysis in docs[:half]:
            store.save(analysis)
        save_ms = (time.perf_counter() - t0) * 1000 / half
        t0 = time.perf_counter()
        rest = docs[half:]
        for i in range(0, len(rest), 50):
            store.save_many([(a, None) for a in rest[i:i + 50]])
        batch_ms = (time.perf_counter() - t0) * 1000 / len(rest)
        loads = []
        for analysis in docs[:: max(1, len(docs) // 100)]:
            t0 = time.perf_counter()
            store.load(analysis.document.id)
            loads.append((time.perf_counter() - t0) * 1000)
        searches = []
        for _ in range(5):
            for query in QUERIES:
                t0 = time.perf_counter()
                store.search(query, limit=50)
                searches.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        store.stats()
        stats_ms = (time.perf_counter() - t0) * 1000
        size = size_bytes(store)
        dialect = store.dialect
    return {"dialect": dialect, "save_ms": save_ms, "save_many_ms": batch_ms,
            "load_p50": statistics.median(loads), "load_p95": percentile(loads, 0.95),
            "search_p50": statistics.median(searches), "search_p95": percentile(searches, 0.95),
            "stats_ms": stats_ms, "mb_per_1000": size / len(docs) * 1000 / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--pg", help="a PostgreSQL URL on a server where a database may be created")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()

    settings = Settings()
    settings.aliases = REPO / "demo" / "aliases.json"
    workspace = Workspace(settings)
    workspace.analyze_text("Warm-up. The minister said it was fine.")
    t0 = time.perf_counter()
    analyses = [a for a in workspace.analyze(str(REPO / "demo" / "corpus"))
                if not isinstance(a, InputFailure)]
    analyse_ms = (time.perf_counter() - t0) * 1000 / len(analyses)
    print(f"pipeline: {analyse_ms:.0f} ms per demo article ({len(analyses)} articles)")
    docs = variants(analyses, args.documents)
    print(f"store of {len(docs)} documents: the demo analyses replayed under new ids")
    urls = []
    if not args.no_sqlite:
        urls.append(str(Path(tempfile.mkdtemp(prefix="claimscope-bench-")) / "claimscope.db"))
    if args.pg:
        urls.append(fresh_pg(args.pg))
    print(f"{'dialect':<11}{'save':>8}{'batch':>8}{'load50':>8}{'load95':>8}{'srch50':>8}{'srch95':>8}"
          f"{'stats':>8}{'MB/1k':>8}{'store/analysis':>16}")
    for url in urls:
        r = bench(url, docs)
        print(f"{r['dialect']:<11}{r['save_ms']:>8.1f}{r['save_many_ms']:>8.1f}{r['load_p50']:>8.1f}"
              f"{r['load_p95']:>8.1f}{r['search_p50']:>8.1f}{r['search_p95']:>8.1f}{r['stats_ms']:>8.1f}"
              f"{r['mb_per_1000']:>8.1f}{100 * r['save_ms'] / analyse_ms:>15.1f}%")
    print("(times in ms per document or per call; store/analysis = one save against one analysis)")


if __name__ == "__main__":
    main()
