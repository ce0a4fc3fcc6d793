"""Nearest-cluster lookup: NumPy brute force over a block's centroids against a usearch HNSW index.

    python benchmarks/bench_vector_index.py [--sizes 2000,100000,1000000] [--queries 200]

The ledger blocks candidates by entity and then takes the nearest centroids by dot product. This
measures what that last step costs at block sizes the ledger sees (a few thousand clusters per
document query) and at whole-corpus sizes (an index over every cluster, which a claim naming no
entity would need): per-query latency (top 8), build/add time and memory, and usearch's recall of
the exact top 8. Vectors are random unit vectors of the claim encoder's 384 dimensions with
planted near neighbours (the measurement is of speed; recall on real embeddings will differ).
Needs `pip install usearch` (the `bench` extra).
"""

from __future__ import annotations

import argparse
import time

import numpy as np

DIM = 384
TOP = 8


def unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    from usearch.index import Index

    rng = np.random.default_rng(7)
    print(f"{'clusters':>9} {'numpy ms/q':>10} {'usearch ms/q':>12} {'usearch build s':>15} {'recall@8':>8} "
          f"{'numpy MB':>8} {'usearch MB':>10}")
    for n in [int(s) for s in args.sizes.split(",")]:
        data = unit(rng.standard_normal((n, DIM)))
        picks = rng.integers(0, n, args.queries)
        queries = unit(data[picks] + 0.3 * rng.standard_normal((args.queries, DIM)).astype(np.float32) / np.sqrt(DIM) * 8)
        started = time.perf_counter()
        exact = []
        for q in queries:
            scores = data @ q
            top = np.argpartition(-scores, TOP)[:TOP]
            exact.append(set(top[np.argsort(-scores[top])].tolist()))
        numpy_ms = (time.perf_counter() - started) * 1000 / args.queries

        index = Index(ndim=DIM, metric="ip", dtype="i8", connectivity=16, expansion_add=128, expansion_search=64)
        started = time.perf_counter()
        index.add(np.arange(n), data, log=False)
        build = time.perf_counter() - started
        started = time.perf_counter()
        found = [set(index.search(q, TOP).keys.tolist()) for q in queries]
        usearch_ms = (time.perf_counter() - started) * 1000 / args.queries
        recall = np.mean([len(a & b) / TOP for a, b in zip(exact, found)])
        print(f"{n:>9} {numpy_ms:>10.2f} {usearch_ms:>12.3f} {build:>15.1f} {recall:>8.3f} "
              f"{data.nbytes / 2**20:>8.0f} {index.memory_usage / 2**20:>10.0f}", flush=True)


if __name__ == "__main__":
    main()
