"""Store and ledger cost as the corpus grows: 1k, 10k, 100k documents, SQLite and PostgreSQL.

    python benchmarks/bench_scale.py --db out/scale/sqlite.db --sizes 1000,10000,100000 --json out/scale/sqlite.json
    python benchmarks/bench_scale.py --db postgresql+psycopg://... --sizes 1000,10000 --json out/scale/pg.json
    python benchmarks/bench_scale.py --plot out/scale/sqlite.json out/scale/pg.json --png docs/scale.png

How the stores are built (say it when quoting the figures): `benchmarks/bench_ledger.py`'s base
store (120 real AllSides articles, ../shared/data/allsides, analysed by the real pipeline and
ingested) is replayed under new document ids: replica k of an article has every word of its
text and spans replaced by a same-length word of the base vocabulary (offsets hold, no replica
copies another, entity ids are kept so entity blocks grow with the corpus as real recurring
entities do), stored with its publication (outlet, date) in bulk transactions of `--batch`
documents, with ledger rows replayed beside it (each replica's claims in clusters of their own,
with the base article's claim vectors; LSH bands from the replica's text). The store grows in
place: the 10k store is the 1k store plus 9k documents.

At each size: store size per 1,000 documents; then `--new` further replicas are stored as
ingest stores them (their claim vectors computed as ingest's workers compute them, timed apart:
that cost is spread over the analysis workers) and the real incremental update places them
(origins, clusters, conflicts), reported per 1,000 new documents; on `--encode-sample` more the
update also runs the encoder itself (what a store without worker vectors costs); then p50/p95
of the dossier of the five most mentioned entities, of full-text search, and of a claim-cluster
lookup (a claim's cluster with its full record). Results are appended to `--json` as each size
finishes, so a long run reports what it reached.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_ledger as BL  # noqa: E402
from server_cpu import ServerCpu  # noqa: E402
from sqlalchemy import func, insert, select, text  # noqa: E402

from claimscope.ledger import claim_vectors  # noqa: E402
from claimscope.ledger.facade import Ledger  # noqa: E402
from claimscope.ledger.learned_matcher import LearnedMatcher  # noqa: E402
from claimscope.ledger.origins import band_keys, shingles, signature  # noqa: E402
from claimscope.ledger.views import build_records  # noqa: E402
from claimscope.model.analysis import Analysis  # noqa: E402
from claimscope.model.corpus import Publication  # noqa: E402
from claimscope.model.ids import assign_ids, make_id  # noqa: E402
from claimscope.store import ledger_tables as L  # noqa: E402
from claimscope.store import open_store  # noqa: E402
from claimscope.store import rows as R  # noqa: E402
from claimscope.store import tables as T  # noqa: E402

QUERIES = ("president", "health OR insurance", '"white house"', "immigra*", "police NOT protest")
REPLAY_NOW = "2026-12-01T00:00:00+00:00"


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def size_bytes(store, used: bool = False) -> int:
    """The store's size on disk; with `used`, on SQLite, without its free pages (a store
    migrated to 0006 keeps the pages it freed until VACUUM, and reuses them as it grows)."""
    if store.dialect == "sqlite":
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            if used:
                pages, free, size = (connection.exec_driver_sql(f"PRAGMA {p}").scalar_one()
                                     for p in ("page_count", "freelist_count", "page_size"))
                return (pages - free) * size
        path = Path(store.engine.url.database)
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()


def replay_rows(items, base_rows) -> dict[str, list]:
    """The ledger rows of replicas (their own origin, bands, clusters of their own), for bulk insert."""
    out = {"documents": [], "bands": [], "clusters": [], "claims": [], "keys": []}
    for analysis, original, k in items:
        doc = analysis.document.id
        rows = base_rows[original]
        out["documents"].append({"document": doc, "origin": doc, "copy_of": None, "rule": "original",
                                 "containment": 0.0, "outlet": rows["outlet"], "date": rows["date"],
                                 "claims_placed": 1, "ledger_version": "replay", "updated": REPLAY_NOW})
        out["bands"].extend({"key": key, "document": doc}
                            for key in band_keys(signature(shingles(analysis.document.text))))
        claims = {c.start: c.id for c in analysis.claims}
        mapping = {cid: f"clu-{make_id(k, cid)}" for cid in {c["cluster"] for c in rows["claims"]}}
        clusters, keys = {}, set()
        for c in rows["claims"]:
            claim = claims.get(c["start"])
            if claim is None:
                continue
            cluster = mapping[c["cluster"]]
            clusters.setdefault(cluster, {"id": cluster, "representative": claim, "text": c["text"],
                                          "centroid": c["embedding"], "size": 0, "keys": c["keys"],
                                          "first_seen": rows["date"], "last_seen": rows["date"],
                                          "updated": REPLAY_NOW, "documents": 1})
            clusters[cluster]["size"] += 1
            out["claims"].append({"claim": claim, "document": doc, "cluster": cluster, "score": 1.0,
                                  "embedding": c["embedding"], "keys": c["keys"], "figures": c["figures"],
                                  "polarity": c["polarity"], "date": rows["date"]})
            keys.update((key, cluster) for key in c["keys"])
        for cluster in clusters.values():
            if cluster["size"] == 1:  # its centroid is its one claim's vector (migration 0006)
                cluster["centroid"] = b""
        out["clusters"].extend(clusters.values())
        out["keys"].extend({"key": a, "cluster": b, "updated": REPLAY_NOW, "documents": 1} for a, b in sorted(keys))
    return out


WORD = re.compile(r"[A-Za-z]+")


def fast_replica(data: dict, k: int) -> Analysis:
    """`bench_ledger.replica`'s word substitution with a cheaper hash and one lookup per
    distinct word (building 100k replicas is otherwise most of the build)."""
    vocabulary = BL.VOCABULARY
    memo: dict[str, str] = {}

    def swap(match: re.Match) -> str:
        word = match.group(0)
        new = memo.get(word)
        if new is None:
            lower = word.lower()
            choices = vocabulary.get(len(word)) or [lower]
            new = choices[zlib.crc32(f"{k}:{lower}".encode()) % len(choices)]
            if word.isupper() and len(word) > 1:
                new = new.upper()
            elif word[0].isupper():
                new = new[0].upper() + new[1:]
            memo[word] = new
        return new

    def cipher(value: str) -> str:
        return WORD.sub(swap, value)

    analysis = Analysis.from_dict(BL._transform(data, cipher))
    assign_ids(analysis)
    return analysis


def bulk_rows(items) -> dict[str, list[dict]]:
    """The store rows of new replicas (documents, publications, facts with their entities linked
    as in the base), per table, for multi-row inserts (the store's `save_many` writes each
    document's tables in turn)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    tables: dict[str, list[dict]] = {"documents": [], "analyses": [], "publications": []}
    for analysis, original, _ in items:
        tables["documents"].append(R.document_row(analysis, now))
        tables["analyses"].append(R.analysis_row(analysis, now))
        p = Publication.of(analysis.document)
        tables["publications"].append({"id": p.id, "document": p.document, "seq": 0, "name": p.name, "url": p.url,
                                       "outlet": p.outlet, "author": p.author, "date": p.date, "title": p.title,
                                       "meta": dict(analysis.document.meta), "first_seen": now})
        links = BL.LINKS.get(original, {})
        for name, rows in R.fact_rows(analysis).items():
            if name == "entities":
                for row in rows:
                    row["corpus_entity"] = links.get(row["key"])
            tables.setdefault(name, []).extend(rows)
    return tables


FACT_ORDER = (T.documents, T.analyses, T.publications, T.entities, T.mentions, T.attributions, T.arguments,
              T.claims, T.claim_cues, T.claim_entities, T.structure, T.techniques)
LEDGER_ORDER = ((L.ledger_documents, "documents"), (L.ledger_bands, "bands"), (L.ledger_clusters, "clusters"),
                (L.ledger_claims, "claims"), (L.ledger_keys, "keys"))

_WORKER: dict = {}


def _make_init(base, base_rows) -> None:
    _WORKER.update(base=base, base_rows=base_rows)


def _make(span: tuple[int, int]) -> tuple[dict, dict]:
    """Replicas span[0]..span[1]-1 as rows: (store tables, ledger tables). Runs in a worker process."""
    base, base_rows = _WORKER["base"], _WORKER["base_rows"]
    items = []
    for i in range(*span):
        data = base[i % len(base)]
        items.append((fast_replica(data, 1000 + i), data["document"]["id"], 1000 + i))
    return bulk_rows(items), replay_rows(items, base_rows)


def grow(store, base, base_rows, start: int, stop: int, batch: int, processes: int = 2) -> float:
    """Replay replicas start..stop-1 into the store in bulk transactions (one per `batch`
    documents; their rows made by `processes` worker processes); seconds taken."""
    import multiprocessing

    started = time.perf_counter()
    if start == 0:
        store.set_entity_links({}, BL.CORPUS_ENTITIES)
    spans = [(k, min(stop, k + batch)) for k in range(start, stop, batch)]
    context = multiprocessing.get_context("fork")  # the workers inherit the loaded base analyses
    with context.Pool(processes, initializer=_make_init, initargs=(base, base_rows)) as pool:
        writing = 0.0
        for n, (tables, ledger) in enumerate(pool.imap(_make, spans), 1):
            at = time.perf_counter()
            with store.engine.begin() as connection:
                if store.dialect == "sqlite":
                    # A bulk load of random-keyed rows: SQLite's default 2 MB page cache makes
                    # every index insert a disk read once the file outgrows it.
                    connection.exec_driver_sql("PRAGMA cache_size = -1500000")
                for table in FACT_ORDER:
                    if tables.get(table.name):
                        connection.execute(insert(table), tables[table.name])
                for table, name in LEDGER_ORDER:
                    if ledger[name]:
                        connection.execute(insert(table), ledger[name])
            writing += time.perf_counter() - at
            if n % 20 == 0 or n == len(spans):
                print(f"  ... {spans[n - 1][1]} documents ({time.perf_counter() - started:.0f} s, "
                      f"{writing:.0f} s writing)", flush=True)
    return time.perf_counter() - started


def measure_update(store, base, seed: int, n: int, matcher, *, worker_vectors: bool) -> dict:
    items = [BL.replica(base[i % len(base)], seed + i) for i in range(n)]
    store.save_many([(a, Publication.of(a.document)) for a in items])
    BL.link(store, [(a, base[i % len(base)]["document"]["id"]) for i, a in enumerate(items)], first=False)
    encode_s = 0.0
    if worker_vectors:
        started = time.perf_counter()
        rows = [r for a in items for r in claim_vectors.rows_of(
            {"document": {"id": a.document.id}, "claim_vectors": claim_vectors.encode(a.as_dict(), matcher)})]
        encode_s = time.perf_counter() - started
        store.save_claim_vectors(rows)
    inner = getattr(matcher, "_matcher", None)  # the learned matcher counts its cross-encoder's pairs
    pairs, pair_s = (inner.cross_pairs, inner.cross_seconds) if inner is not None else (0, 0.0)
    load_before = os.getloadavg()
    server = ServerCpu(store)  # PostgreSQL's own processes: their CPU is not in the client's
    server_before = server.seconds()
    started, cpu = time.perf_counter(), time.process_time()
    stats = Ledger(store, matcher=matcher).update()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    server_cpu = None if server_before is None else server.seconds() - server_before
    if inner is not None:
        pairs, pair_s = inner.cross_pairs - pairs, inner.cross_seconds - pair_s
    return {"new": n, "seconds": seconds, "per_1000": seconds * 1000 / n, "cpu_per_1000": cpu * 1000 / n,
            "server_cpu_per_1000": None if server_cpu is None else server_cpu * 1000 / n,
            "load": os.getloadavg()[0], "load_before": load_before, "load_after": os.getloadavg(),
            "cross_pairs_per_doc": pairs / n, "cross_ms_per_pair": pair_s * 1000 / pairs if pairs else None,
            "claims": stats["claims"],
            "joined": stats["joined"], "encoded": stats["encoded"], "conflicts": stats["conflicts"],
            "encode_per_doc": encode_s / n if worker_vectors else None}


def timed(fn, repeats: int) -> tuple[float, float, int]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), percentile(times, 0.95), len(times)


def measure_reads(store, matcher, entities: list[str], repeats: int) -> dict:
    ledger = Ledger(store, matcher=matcher)
    ledger.update()  # nothing pending: the reads below are reads
    out = {}
    times, clusters = [], []
    for _ in range(repeats):
        for name in entities:
            started = time.perf_counter()
            dossier = ledger.dossier([name])
            times.append((time.perf_counter() - started) * 1000)
            clusters.append(dossier["clusters_found"])
    out["dossier"] = {"p50": statistics.median(times), "p95": percentile(times, 0.95), "n": len(times),
                      "clusters_found_median": statistics.median(clusters)}
    times = []
    for _ in range(repeats):
        for query in QUERIES:
            started = time.perf_counter()
            store.search(query, limit=50)
            times.append((time.perf_counter() - started) * 1000)
    out["search"] = {"p50": statistics.median(times), "p95": percentile(times, 0.95), "n": len(times)}
    lc = L.ledger_claims.c
    with store.engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(L.ledger_claims)).scalar_one()
        rng = random.Random(7)
        offsets = sorted(rng.randrange(total) for _ in range(40))
        claims = [connection.execute(select(lc.claim).order_by(lc.claim).offset(o).limit(1)).scalar_one()
                  for o in offsets]
    times = []
    for claim in claims:
        started = time.perf_counter()
        cluster = store.ledger_cluster_of([claim])[claim]
        build_records(store, [cluster], {})
        times.append((time.perf_counter() - started) * 1000)
    out["lookup"] = {"p50": statistics.median(times), "p95": percentile(times, 0.95), "n": len(times)}
    return out


def top_entities(base_path: Path) -> list[str]:
    with open_store(str(base_path)) as store:
        e = T.entities.c
        with store.engine.connect() as connection:
            return [r.name for r in connection.execute(
                select(e.name, func.count().label("n")).where(e.type.in_(("PERSON", "ORG", "GPE")))
                .group_by(e.name).order_by(func.count().desc()).limit(5))]


def run(args) -> None:
    out = args.base_dir
    base_path = BL.base_store(out, args.base)
    with open_store(str(base_path), upgrade=True) as store:
        base = [doc.analysis.as_dict() for doc in store.iter_documents()]
        base_rows = BL.base_ledger_rows(store)
        BL.learn_links(store)
    BL.learn_vocabulary(base)
    entities = top_entities(base_path)
    matcher = LearnedMatcher()
    matcher.embed(["warm up"])
    print(f"{len(base)} AllSides articles analysed; the stores replay them under new document ids "
          "(word-substituted texts, see the docstring)", flush=True)
    results = json.loads(args.json.read_text()) if args.json.exists() and args.resume else []
    with open_store(args.db) as store:
        dialect = store.dialect
        have = store.ledger_status()["documents"]
        replayed = have
        for size in [int(s) for s in args.sizes.split(",")]:
            if any(r["size"] == size and r["dialect"] == dialect for r in results):
                continue
            build_s = 0.0
            if replayed < size:
                print(f"growing the {dialect} store to {size} documents", flush=True)
                build_s = grow(store, base, base_rows, replayed, size, args.batch)
                replayed = size
            if args.grow_only:
                if size < have:
                    continue  # grown past it before this run: no snapshot of that size to take
                if dialect == "sqlite" and args.snapshot:
                    size_bytes(store)  # checkpoints the WAL into the file
                    args.snapshot.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(Path(store.engine.url.database), args.snapshot / f"sqlite-{size}.db")
                print(f"grown to {size} documents in {build_s:.0f} s", flush=True)
                (args.json.parent / f"build-{dialect}-{size}.json").write_text(json.dumps(
                    {"size": size, "build_s": build_s, "mb_per_1000": size_bytes(store) / size * 1000 / 1e6}))
                continue
            status = store.ledger_status()
            total = status["documents"]
            row = {"dialect": dialect, "size": size, "documents": total, "claims": status["claims"],
                   "clusters": status["clusters"], "build_s": build_s,
                   "mb_per_1000": size_bytes(store) / total * 1000 / 1e6,
                   "mb_used_per_1000": size_bytes(store, used=True) / total * 1000 / 1e6,
                   "at": datetime.now(UTC).isoformat(timespec="seconds"), "tag": args.tag}
            row["update"] = measure_update(store, base, args.seed + 10_000_000 + size, args.new, matcher,
                                           worker_vectors=True)
            if args.encode_sample and size <= args.encode_max:
                row["update_encoding"] = measure_update(store, base, args.seed + 20_000_000 + size,
                                                        args.encode_sample, matcher, worker_vectors=False)
            row.update(measure_reads(store, matcher, entities, args.repeats))
            results.append(row)
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(results, indent=1))
            print_row(row, flush=True)
            # The measured documents stay: the next size counts them, and replicas go on after them.


HEADER = (f"{'dialect':<10} {'docs':>7} {'MB/1k':>6} {'used':>5} {'upd s/1k':>8} {'cpu':>5} {'srv':>5} {'pairs/doc':>9} "
          f"{'ms/pair':>7} {'enc ms/doc':>10} {'upd+enc s/1k':>12} {'dossier p50/p95':>16} {'search p50/p95':>15} "
          f"{'lookup p50/p95':>15} {'load 1/5/15 min':>16}")


def print_row(r: dict, flush: bool = False) -> None:
    u = r["update"]
    enc = r.get("update_encoding")
    nan = float("nan")
    load = u.get("load_before") or (u.get("load", nan), nan, nan)
    print(HEADER if flush else "", end="\n" if flush else "")
    print(f"{r['dialect']:<10} {r['documents']:>7} {r['mb_per_1000']:>6.0f} {r.get('mb_used_per_1000', nan):>5.0f} "
          f"{u['per_1000']:>8.1f} {u.get('cpu_per_1000', nan):>5.0f} {u.get('server_cpu_per_1000') or nan:>5.0f} "
          f"{u.get('cross_pairs_per_doc', nan):>9.1f} "
          f"{u.get('cross_ms_per_pair') or nan:>7.1f} {u['encode_per_doc'] * 1000:>10.0f} "
          f"{(enc['per_1000'] if enc else nan):>12.1f} "
          f"{r['dossier']['p50']:>7.0f}/{r['dossier']['p95']:>4.0f} ms {r['search']['p50']:>6.0f}/{r['search']['p95']:>4.0f} ms "
          f"{r['lookup']['p50']:>6.0f}/{r['lookup']['p95']:>4.0f} ms {load[0]:>5.1f}/{load[1]:.1f}/{load[2]:.1f}", flush=True)


def plot(files: list[Path], png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [r for f in files for r in json.loads(f.read_text())]
    print(HEADER)
    for r in sorted(rows, key=lambda r: (r["dialect"], r["size"])):
        print_row(r)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    tags = sorted({r.get("tag", "") for r in rows})
    for dialect, style in (("sqlite", "-o"), ("postgresql", "--s")):
        for tag in tags:
            mine = sorted((r for r in rows if r["dialect"] == dialect and r.get("tag", "") == tag),
                          key=lambda r: r["documents"])
            if not mine:
                continue
            name = f"{dialect} {tag}".strip()
            x = [r["documents"] for r in mine]
            axes[0].plot(x, [r["update"]["per_1000"] for r in mine], style, label=f"{name}: update, wall")
            axes[0].plot(x, [r["update"]["cpu_per_1000"] for r in mine], style, alpha=0.5,
                         label=f"{name}: update, CPU of the updating process")
            enc = [(r["documents"], r["update_encoding"]["per_1000"]) for r in mine if r.get("update_encoding")]
            if enc:
                axes[0].plot(*zip(*enc), style, color="grey", alpha=0.6, label=f"{name}: update encoding itself, wall")
            for key, label in (("dossier", "dossier p95"), ("search", "search p95"), ("lookup", "cluster lookup p95")):
                axes[1].plot(x, [r[key]["p95"] for r in mine], style, label=f"{name}: {label}")
    axes[0].axhline(60, color="grey", lw=0.8, ls=":")
    axes[0].set(xscale="log", yscale="log", xlabel="stored documents", ylabel="seconds per 1,000 new documents",
                title="Ledger update (claim vectors from the workers)")
    axes[1].axhline(300, color="grey", lw=0.8, ls=":")
    axes[1].axhline(200, color="grey", lw=0.8, ls=":")
    axes[1].set(xscale="log", yscale="log", xlabel="stored documents", ylabel="ms (p95)", title="Reads")
    for ax in axes:
        ax.legend(fontsize=7)
        ax.grid(alpha=0.3)
    loads = [r["update"]["load_before"][0] for r in rows if r["update"].get("load_before")]
    shared = f"2 shared cores, load {min(loads):.0f}-{max(loads):.0f}" if loads else "2 shared cores"
    fig.suptitle(f"claimscope at scale (AllSides analyses replayed under new ids; {shared}: "
                 "wall times carry the other jobs' share, CPU does not)", fontsize=10)
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=110)
    print(f"wrote {png}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="the store to grow: a SQLite path or a PostgreSQL URL")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--new", type=int, default=200, help="new documents per update measurement")
    parser.add_argument("--encode-sample", type=int, default=50,
                        help="new documents placed with the encoder run by the update (0: skip)")
    parser.add_argument("--encode-max", type=int, default=10_000, help="largest size the encoding update runs at")
    parser.add_argument("--batch", type=int, default=250, help="documents per bulk transaction when growing")
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0, help="offset of the measured replicas' numbers (a rerun "
                                                                "on the same store needs another)")
    parser.add_argument("--base", type=int, default=120)
    parser.add_argument("--base-dir", type=Path, default=REPO / "out" / "bench-ledger")
    parser.add_argument("--json", type=Path, default=REPO / "out" / "scale" / "results.json")
    parser.add_argument("--resume", action="store_true", help="skip sizes already in --json")
    parser.add_argument("--grow-only", action="store_true", help="only grow the store to each size")
    parser.add_argument("--snapshot", type=Path, help="with --grow-only on SQLite: copy the store at each size here")
    parser.add_argument("--tag", default="", help="what code measured (a plot draws each tag apart)")
    parser.add_argument("--plot", nargs="*", type=Path, help="only print the table and plot these result files")
    parser.add_argument("--png", type=Path, default=REPO / "docs" / "scale.png")
    args = parser.parse_args()
    if args.plot:
        plot(args.plot, args.png)
        return
    run(args)


if __name__ == "__main__":
    main()
