"""Reads only, on a store bench_scale.py built: dossier, search and claim-cluster lookup, wall
and CPU time of each call, with the load average before and after.

    PYTHONPATH=src python benchmarks/bench_scale_reads.py --db out/scale/big.db --json out/scale/reads-50k.json

The same five entities (the most mentioned in out/bench-ledger/base.db, as bench_scale.py picks
them), its search queries, and 40 claims drawn with a fixed seed; each dossier and search is
asked four times. The ledger is brought up to date first, so the reads see a placed store.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale as S  # noqa: E402
from server_cpu import ServerCpu  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from claimscope.ledger.facade import Ledger  # noqa: E402
from claimscope.ledger.learned_matcher import LearnedMatcher  # noqa: E402
from claimscope.ledger.views import build_records  # noqa: E402
from claimscope.store import ledger_tables as L  # noqa: E402
from claimscope.store import open_store  # noqa: E402


def timed(calls, server: ServerCpu | None = None) -> dict:
    """p50 / p95 of each call's wall time and CPU (of this process; with a PostgreSQL `server`
    on this machine also of the server's processes, and of the two together)."""
    wall, cpu, db = [], [], []
    for call in calls:
        s = server.seconds() if server else None
        w, c = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        if s is not None:
            db.append((server.seconds() - s) * 1000)
    out = {"p50": statistics.median(wall), "p95": S.percentile(wall, 0.95),
           "cpu_p50": statistics.median(cpu), "cpu_p95": S.percentile(cpu, 0.95), "n": len(wall)}
    if db:
        both = [a + b for a, b in zip(cpu, db)]
        out.update(server_cpu_p50=statistics.median(db), server_cpu_p95=S.percentile(db, 0.95),
                   both_cpu_p50=statistics.median(both), both_cpu_p95=S.percentile(both, 0.95))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a store bench_scale.py built (path or URL)")
    parser.add_argument("--json", required=True, help="where to write the figures")
    args = parser.parse_args()
    entities = S.top_entities(S.REPO / "out" / "bench-ledger" / "base.db")
    result = {"db": args.db, "load_before": os.getloadavg()}
    with open_store(args.db) as store:
        ledger = Ledger(store, matcher=LearnedMatcher())
        ledger.update()
        server = ServerCpu(store)
        result["dossier"] = timed([lambda n=n: ledger.dossier([n]) for _ in range(4) for n in entities], server)
        result["search"] = timed([lambda q=q: store.search(q, limit=50) for _ in range(4) for q in S.QUERIES],
                                 server)
        lc = L.ledger_claims.c
        with store.engine.connect() as connection:
            total = connection.execute(select(func.count()).select_from(L.ledger_claims)).scalar_one()
            rng = random.Random(7)
            claims = [connection.execute(select(lc.claim).order_by(lc.claim).offset(o).limit(1)).scalar_one()
                      for o in sorted(rng.randrange(total) for _ in range(40))]
        result["lookup"] = timed([lambda c=c: build_records(store, [store.ledger_cluster_of([c])[c]], {})
                                  for c in claims], server)
        result["documents"] = store.ledger_status()["documents"]
    result["load_after"] = os.getloadavg()
    text = json.dumps(result, indent=1)
    print(text)
    Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
