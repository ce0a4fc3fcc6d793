"""Ledger speed: update time for new documents at 1k and 10k stored, and dossier latency p95.

    python benchmarks/bench_ledger.py [--base 120] [--sizes 1000,10000] [--new 200] [--out out/bench-ledger]

How the stores are built (say it when quoting the figures):
1. `--base` real AllSides articles (../shared/data/allsides) are analysed by the real pipeline
   and ingested (which updates the ledger) into a base store, kept in `--out` and reused.
2. Larger stores replay those stored analyses under new document ids: in replica k of an
   article every word of its text (and of every span) is replaced by the k-th choice of a word of
   the same length from the base articles' vocabulary, so offsets hold, the text still tokenizes
   like English for the claim encoder, no replica is a copy of another (its MinHash bands are its
   own) and its claims are not the same claims; entity ids are kept, so block sizes grow with the
   corpus as with real recurring entities. The ledger state of the stored replicas is replayed too (each
   replica's claims in clusters of their own, with the base article's embeddings, LSH bands
   computed from the replica's text): building 10k stores by running the ledger would take
   longer than the measurement.
3. The measurement: `--new` further replicas (never stored before) are saved, then the real
   incremental update places them (origins, embeddings by the shipped claim encoder, cluster
   placement, conflicts); the time is reported per 1,000 new documents.
4. Dossier latency: the dossier of each of the most mentioned entities, repeated; p50/p95.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sqlalchemy import func, insert, select  # noqa: E402

from claimscope.ledger.facade import Ledger  # noqa: E402
from claimscope.ledger.learned_matcher import LearnedMatcher  # noqa: E402
from claimscope.ledger.origins import band_keys, shingles, signature  # noqa: E402
from claimscope.model.analysis import Analysis  # noqa: E402
from claimscope.model.ids import assign_ids, make_id  # noqa: E402
from claimscope.settings import Settings  # noqa: E402
from claimscope.store import ledger_tables as L  # noqa: E402
from claimscope.store import open_store  # noqa: E402
from claimscope.workspace import Workspace  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


def base_store(out: Path, n: int) -> Path:
    path = out / "base.db"
    if path.exists():
        with open_store(str(path), upgrade=True) as store:
            if store.ledger_status()["documents"] >= n:
                return path
    rows = out / "base.jsonl"
    with gzip.open(SHARED / "allsides" / "allsides.jsonl.gz", "rt", encoding="utf-8") as handle, \
            rows.open("w", encoding="utf-8") as sink:
        kept = 0
        for line in handle:
            item = json.loads(line)
            if 1500 <= len(item.get("text") or "") <= 6000 and item.get("date"):
                sink.write(json.dumps({k: item.get(k) for k in ("id", "title", "outlet", "date", "author", "url",
                                                                "text")}) + "\n")
                kept += 1
                if kept >= n:
                    break
    settings = Settings()
    settings.db = str(path)
    workspace = Workspace(settings)
    started = time.perf_counter()
    results = list(workspace.ingest([str(rows)], workers=2))
    workspace.close()
    print(f"base store: {sum(r.outcome == 'stored' for r in results)} AllSides articles analysed and ingested "
          f"in {time.perf_counter() - started:.0f} s")
    return path


WORD = re.compile(r"[A-Za-z]+")
VOCABULARY: dict[int, list[str]] = {}


def learn_vocabulary(base: list[dict]) -> None:
    words: dict[int, set[str]] = {}
    for data in base:
        for w in WORD.findall(data["document"]["text"]):
            words.setdefault(len(w), set()).add(w.lower())
    VOCABULARY.update({n: sorted(ws) for n, ws in words.items()})


def _cipher(k: int):
    """Replica k's word substitution: each word -> a same-length vocabulary word, by a hash of
    (k, word), keeping its capitalisation."""
    def swap(match: re.Match) -> str:
        word = match.group(0)
        choices = VOCABULARY.get(len(word)) or [word.lower()]
        digest = hashlib.blake2b(f"{k}:{word.lower()}".encode(), digest_size=8).digest()
        new = choices[int.from_bytes(digest, "little") % len(choices)]
        if word.isupper() and len(word) > 1:
            return new.upper()
        return new[0].upper() + new[1:] if word[0].isupper() else new

    return lambda text: WORD.sub(swap, text)


def _transform(value, cipher):
    if isinstance(value, dict):
        return {k: (cipher(v) if k == "text" and isinstance(v, str) else _transform(v, cipher))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_transform(v, cipher) for v in value]
    return value


def replica(data: dict, k: int) -> Analysis:
    cipher = _cipher(k)
    analysis = Analysis.from_dict(_transform(data, cipher))
    assign_ids(analysis)
    return analysis


def replay_ledger(store, base_rows: dict, analysis: Analysis, original: str, k: int) -> None:
    """Write a replica's ledger rows: its own origin and bands, its claims in clusters of their own."""
    doc = analysis.document.id
    claims = {c.start: c.id for c in analysis.claims}
    rows = base_rows[original]
    now = "2026-12-01T00:00:00+00:00"
    with store.engine.begin() as connection:
        connection.execute(insert(L.ledger_documents).values(
            document=doc, origin=doc, copy_of=None, rule="original", containment=0.0, outlet=rows["outlet"],
            date=rows["date"], claims_placed=1, ledger_version="replay", updated=now))
        keys = band_keys(signature(shingles(analysis.document.text)))
        connection.execute(insert(L.ledger_bands), [{"key": key, "document": doc} for key in keys])
        mapping = {cid: f"clu-{make_id(k, cid)}" for cid in {c["cluster"] for c in rows["claims"]}}
        clusters, members, key_rows = {}, [], set()
        for c in rows["claims"]:
            claim = claims.get(c["start"])
            if claim is None:
                continue
            cluster = mapping[c["cluster"]]
            clusters.setdefault(cluster, {"id": cluster, "representative": claim, "text": c["text"],
                                          "centroid": c["embedding"], "size": 0, "keys": c["keys"],
                                          "first_seen": rows["date"], "last_seen": rows["date"], "updated": now})
            clusters[cluster]["size"] += 1
            members.append({"claim": claim, "document": doc, "cluster": cluster, "score": 1.0,
                            "embedding": c["embedding"], "keys": c["keys"], "figures": c["figures"],
                            "polarity": c["polarity"], "date": rows["date"]})
            key_rows.update((key, cluster) for key in c["keys"])
        if clusters:
            connection.execute(insert(L.ledger_clusters), list(clusters.values()))
            connection.execute(insert(L.ledger_claims), members)
            connection.execute(insert(L.ledger_keys), [{"key": a, "cluster": b} for a, b in sorted(key_rows)])


def base_ledger_rows(store) -> dict:
    from claimscope.store import tables as T

    lc, c, ld = L.ledger_claims.c, T.claims.c, L.ledger_documents.c
    out: dict[str, dict] = {}
    with store.engine.connect() as connection:
        for r in connection.execute(select(ld.document, ld.outlet, ld.date)):
            out[r.document] = {"outlet": r.outlet, "date": r.date, "claims": []}
        for r in connection.execute(select(lc.document, lc.cluster, lc.embedding, lc["keys"], lc.figures,
                                           lc.polarity, c.start, c.text).join(T.claims, c.id == lc.claim)):
            out[r.document]["claims"].append(dict(r._mapping))
    return out


LINKS: dict[str, dict[str, str]] = {}  # base document -> entity key -> corpus entity
CORPUS_ENTITIES: list = []


def learn_links(store) -> None:
    """The base store's entity links, which every replica of a document shares (as `ingest`
    links them), so that replicas' block keys are the corpus entities' as in the base."""
    for row in store.document_entities():
        if row["corpus_entity"]:
            LINKS.setdefault(row["document"], {})[row["key"]] = row["corpus_entity"]
    CORPUS_ENTITIES.extend(store.corpus_entities())


def link(store, items: list[tuple[Analysis, str]], first: bool) -> None:
    links = {(a.document.id, key): ce for a, original in items for key, ce in LINKS.get(original, {}).items()}
    store.set_entity_links(links, CORPUS_ENTITIES if first else [])


def build(out: Path, size: int, base: list[dict], base_rows: dict) -> Path:
    path = out / f"replayed-{size}.db"
    if path.exists():
        path.unlink()
    started = time.perf_counter()
    with open_store(str(path), upgrade=True) as store:
        k = 0
        batch = []
        while k < size:
            data = base[k % len(base)]
            analysis = replica(data, 1000 + k)
            batch.append((analysis, data["document"]["id"], 1000 + k))
            k += 1
            if len(batch) == 100 or k == size:
                store.save_many([(a, None) for a, _, _ in batch])
                link(store, [(a, original) for a, original, _ in batch], first=k <= 100)
                for a, original, kk in batch:
                    replay_ledger(store, base_rows, a, original, kk)
                batch = []
        stored = store.ledger_status()
    print(f"store of {size}: {stored['documents']} documents, {stored['claims']} placed claims, "
          f"{stored['clusters']} clusters, built by replay in {time.perf_counter() - started:.0f} s")
    return path


def measure_update(path: Path, base: list[dict], new: int, matcher, seed: int) -> dict:
    with open_store(str(path), upgrade=True) as store:
        items = [replica(base[i % len(base)], 10_000_000 + seed + i) for i in range(new)]
        store.save_many([(a, None) for a in items])
        link(store, [(a, base[i % len(base)]["document"]["id"]) for i, a in enumerate(items)], first=False)
        started = time.perf_counter()
        stats = Ledger(store, matcher=matcher).update()
        seconds = time.perf_counter() - started
    stats["per_1000"] = seconds * 1000 / new
    return stats


def measure_dossier(path: Path, matcher, repeats: int) -> dict:
    from claimscope.store import tables as T

    with open_store(str(path), upgrade=True) as store:
        e = T.entities.c
        with store.engine.connect() as connection:
            top = [r.name for r in connection.execute(
                select(e.name, func.count().label("n")).where(e.type.in_(("PERSON", "ORG", "GPE")))
                .group_by(e.name).order_by(func.count().desc()).limit(5))]
        ledger = Ledger(store, matcher=matcher)
        times, sizes = [], []
        for _ in range(repeats):
            for name in top:
                started = time.perf_counter()
                dossier = ledger.dossier([name])
                times.append(time.perf_counter() - started)
                sizes.append(dossier["summary"]["clusters"])
    times.sort()
    return {"entities": top, "p50": statistics.median(times), "p95": times[int(0.95 * (len(times) - 1))],
            "clusters_per_dossier": statistics.median(sizes), "n": len(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=int, default=120)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--new", type=int, default=200, help="new documents per measurement (reported per 1,000)")
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--out", type=Path, default=REPO / "out" / "bench-ledger")
    parser.add_argument("--no-cross-encoder", action="store_true",
                        help="decide claim pairs by the bi-encoder's regression alone (the paraphrase "
                             "cross-encoder off), to measure what the cross-encoder costs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    base_path = base_store(args.out, args.base)
    with open_store(str(base_path)) as store:
        base = [doc.analysis.as_dict() for doc in store.iter_documents()]
        base_rows = base_ledger_rows(store)
        learn_links(store)
    learn_vocabulary(base)
    matcher = LearnedMatcher(cross=not args.no_cross_encoder)
    matcher.embed(["warm up"])
    print(f"{len(base)} base analyses; larger stores replay them under new document ids "
          "(word-substituted texts, see the docstring)")
    print(f"{'stored':>8} {'new':>5} {'update s':>9} {'s/1k new':>9} {'claims':>7} {'joined':>6} "
          f"{'dossier p50':>11} {'p95':>7}")
    for size in [int(s) for s in args.sizes.split(",")]:
        path = build(args.out, size, base, base_rows)
        stats = measure_update(path, base, args.new, matcher, size)
        dossier = measure_dossier(path, matcher, args.repeats)
        print(f"{size:>8} {args.new:>5} {stats['seconds']:>9.1f} {stats['per_1000']:>9.1f} {stats['claims']:>7} "
              f"{stats['joined']:>6} {dossier['p50'] * 1000:>9.0f}ms {dossier['p95'] * 1000:>5.0f}ms", flush=True)
        inner = matcher._matcher
        if inner.has_cross:
            print(f"         paraphrase cross-encoder: {inner.cross_pairs} pairs, {inner.cross_seconds:.1f} s "
                  f"({inner.cross_seconds * 1000 / max(1, inner.cross_pairs):.1f} ms a pair) so far")
        print(f"         dossier entities: {', '.join(dossier['entities'])}; median {dossier['clusters_per_dossier']} "
              f"clusters per dossier, {dossier['n']} dossiers timed")


if __name__ == "__main__":
    main()
