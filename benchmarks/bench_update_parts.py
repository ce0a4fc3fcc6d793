"""One ledger update of whatever a store has pending, with CPU timers around its parts.

    python benchmarks/bench_update_parts.py --db STORE --prepare 1000 --seed 7000000
    python benchmarks/bench_update_parts.py --db COPY.db [--limit 200] [--fixed-clock] [--src OLD/src]
    python benchmarks/bench_update_parts.py --compare A.db B.db

The update's CPU and wall time per 1,000 placed documents, the cross-encoder's pairs, and the
CPU of each part (store reads, the write, the block index, `Block`, origins, the cross-encoder)
per 1,000: process time around each call, so a part's figure includes what it calls (cProfile's
own cost doubled the Python-heavy parts, and a sampling profiler counts time spent waiting for
the disk). Run it on a copy: it places the documents. `--fixed-clock` stamps every placement
with one time, so two codes placing copies of one store see the same candidates (a block's
2,000 are ordered by `updated` to the second), and `--compare` then checks that two stores
placed the same way: claim -> cluster and score, conflicts, key rows, cluster rows (centroid
bytes included), origins (docs/scale.md, third round). `--prepare N` saves N replicas of
bench_ledger's base articles (out/bench-ledger/base.db) with their worker vectors, unplaced, as
bench_scale.py's measurement does; `--src` runs another checkout's code (its `src`).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

TIMES: dict[str, list] = {}
SERVER: list = []  # a PostgreSQL server's CPU reader (server_cpu.ServerCpu), when it is local


def timer(owner, name: str, label: str, server_too: bool = True) -> None:
    """`server_too`: also the PostgreSQL server's CPU during each call. Not around the per-claim
    parts (tens of thousands of calls): reading /proc for each cost the client more CPU than
    they take."""
    f = getattr(owner, name, None)
    if f is None:  # not in this code (an older checkout)
        return

    def wrapped(*args, **kwargs):
        server = SERVER[0].seconds() if SERVER and server_too else None
        started = time.process_time()
        try:
            return f(*args, **kwargs)
        finally:
            t = TIMES.setdefault(label, [0.0, 0, 0.0])
            t[0] += time.process_time() - started
            t[1] += 1
            if server is not None:
                t[2] += SERVER[0].seconds() - server

    setattr(owner, name, wrapped)


def instrument() -> None:
    import claimscope.ledger.update as U
    from claimscope.ledger import clusters as C
    from claimscope.runtime.cross_encoder import CrossEncoder
    from claimscope.store.ledger_repository import LedgerRepository

    for name in ("ledger_key_pages", "ledger_block_clusters", "ledger_cluster_states", "ledger_place",
                 "ledger_existing_clusters", "ledger_band_candidates", "ledger_outlet_candidates",
                 "ledger_origin_docs", "ledger_claim_rows_many", "ledger_vectors_of", "ledger_pending"):
        timer(LedgerRepository, name, f"store.{name}")
    if hasattr(U, "BlockIndex"):
        timer(U.BlockIndex, "clusters", "BlockIndex.clusters (its store reads included)")
    timer(U.ClusterCache, "get", "ClusterCache.get (its store reads included)")
    timer(U.Block, "__init__", "Block.__init__ (the candidate matrix)")
    timer(U.Block, "candidates", "Block.candidates", server_too=False)
    timer(U, "assign", "origins.assign")
    timer(C, "place_ranked", "clusters.place_ranked (the cross-encoder included)", server_too=False)
    timer(CrossEncoder, "logits", "the cross-encoder", server_too=False)


def run(args) -> None:
    import claimscope.store.ledger_repository as LR

    if args.fixed_clock:
        LR._now = lambda: "2026-12-01T12:00:00+00:00"
    from claimscope.ledger.learned_matcher import LearnedMatcher
    from claimscope.ledger.update import update_ledger
    from claimscope.store import open_store

    matcher = LearnedMatcher()
    matcher.embed(["warm up"])
    instrument()
    from server_cpu import ServerCpu

    with open_store(args.db) as store:
        server = ServerCpu(store)
        if server.pid is not None:
            SERVER.append(server)
        before = os.getloadavg()
        server_before = server.seconds()
        wall, cpu = time.perf_counter(), time.process_time()
        stats = update_ledger(store, matcher, limit=args.limit)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        server_cpu = None if server_before is None else server.seconds() - server_before
    n = stats["documents"]
    if not n:
        print("nothing was pending")
        return
    print(stats)
    print(f"per 1,000 new documents: CPU {cpu * 1000 / n:.1f} s, wall {wall * 1000 / n:.1f} s ({n} placed); "
          f"cross-encoder pairs {matcher._matcher.cross_pairs}; load before {before[0]:.1f} / {before[1]:.1f} / "
          f"{before[2]:.1f}, after {os.getloadavg()[0]:.1f}")
    if server_cpu is not None:
        print(f"PostgreSQL server CPU {server_cpu * 1000 / n:.1f} s per 1k (client + server "
              f"{(cpu + server_cpu) * 1000 / n:.1f} s)")
    for label, (seconds, calls, on_server) in sorted(TIMES.items(), key=lambda x: -x[1][0]):
        extra = f", server {on_server * 1000 / n:.1f} s" if SERVER and on_server else ""
        print(f"  {label:55s} {seconds * 1000 / n:7.1f} s per 1k  ({calls} calls{extra})")


def prepare(args) -> None:
    import bench_ledger as BL

    from claimscope.ledger import claim_vectors
    from claimscope.ledger.learned_matcher import LearnedMatcher
    from claimscope.model.corpus import Publication
    from claimscope.store import open_store

    with open_store(str(REPO / "out" / "bench-ledger" / "base.db")) as store:
        base = [d.analysis.as_dict() for d in store.iter_documents()]
        BL.learn_links(store)
    BL.learn_vocabulary(base)
    matcher = LearnedMatcher()
    with open_store(args.db, upgrade=True) as store:
        items = [BL.replica(base[i % len(base)], args.seed + i) for i in range(args.prepare)]
        store.save_many([(a, Publication.of(a.document)) for a in items])
        BL.link(store, [(a, base[i % len(base)]["document"]["id"]) for i, a in enumerate(items)], first=False)
        store.save_claim_vectors([r for a in items for r in claim_vectors.rows_of(
            {"document": {"id": a.document.id}, "claim_vectors": claim_vectors.encode(a.as_dict(), matcher)})])
        print(store.ledger_status())
        if store.dialect == "sqlite":  # the file alone is then the store: copies of it are whole
            with store.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def compare(a: str, b: str) -> int:
    """Prints what differs between two SQLite stores' ledgers; 1 when anything does."""
    def q(path, sql):
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute(sql).fetchall()

    queries = {
        "claims (claim, cluster, score)": "select claim, cluster, round(score, 4) from ledger_claims",
        "conflicts": "select a, b, kind, round(score, 4) from ledger_conflicts",
        "key rows": "select key, cluster, updated, documents from ledger_keys",
        "cluster rows": "select id, representative, hex(centroid), size, keys, documents, first_seen, last_seen, "
                        "updated from ledger_clusters",
        "origins": "select document, origin, copy_of, rule from ledger_documents",
    }
    differ = 0
    for name, sql in queries.items():
        x, y = set(q(a, sql)), set(q(b, sql))
        differ += len(x ^ y)
        print(f"{name}: {len(x)} / {len(y)} rows, {len(x ^ y)} differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a copy of a store with documents pending")
    parser.add_argument("--limit", type=int, help="place only the first N pending documents")
    parser.add_argument("--fixed-clock", action="store_true", help="one `updated` stamp for every placement")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), help="compare two SQLite stores' ledgers")
    parser.add_argument("--prepare", type=int, help="save N replicas with their worker vectors, unplaced")
    parser.add_argument("--seed", type=int, default=7_000_000, help="the first prepared replica's number")
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the claimscope code to run")
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not args.db:
        parser.error("--db or --compare")
    sys.path.insert(0, str(args.src))
    if args.prepare:
        prepare(args)
    else:
        run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
