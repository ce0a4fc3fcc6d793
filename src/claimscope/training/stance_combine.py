"""Combine the stance cross-encoder with the feature head: chosen on development stories (training only).

`training.stance_cross` trains the cross-encoder on the training stories minus a development
share (`DEV_SEED`) and saves its int8 probabilities on the development and the held-out pairs
(`cross-probabilities.npz`). Here the feature head (`stance_head`, as `training.stance_cv`
chose it) is fitted on the same training stories minus the development share, both are run
on the development pairs, and the weight `w` of P = w * P(cross) + (1 - w) * P(head) is the
one with the best FNC score + macro-F1 there (w = 0: the feature head alone). The held-out
figures of every weight are printed too, for the record; they choose nothing.

Run: `python -m claimscope.training.stance_combine [SHARED_DATA] [RUN_DIR] [STANCE_HEAD]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from claimscope.corpora.fnc1 import read_bodies, read_stances, split_by_story
from claimscope.evaluation.stance import stance_scores
from claimscope.ledger.stance import body_sentences
from claimscope.training.stance_cross import development_split
from claimscope.training.stance_cv import build, fit_predict, inputs, labels, summary
from claimscope.training.stance_split import SPLIT_SEED, VALIDATION_PERCENT

WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)


def cross_rows(data: dict, index: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """The cross-encoder's probabilities for the rows of `data` (discuss where it was not asked:
    pairs the related head calls unrelated, whose stance is never read)."""
    at = {int(k): row for row, k in enumerate(index)}
    out = np.tile(np.array([0.0, 0.0, 1.0]), (len(data["keep"]), 1))
    for row, k in enumerate(data["keep"]):
        if int(k) in at:
            out[row] = probs[at[int(k)]]
    return out


def combine(shared: str | Path, run_dir: str | Path = "runs/stance-cross",
            stance_head: str = "tfidf+scalars+refutation_logistic_C0.3_balanced", work_dir: str | Path = "runs/stance") -> dict:
    from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR, TextEncoder
    from claimscope.training.embedding_cache import cached_embeddings

    shared, run_dir = Path(shared), Path(run_dir)
    pairs = read_stances(shared / "fnc1" / "train_stances.csv")
    bodies = read_bodies(shared / "fnc1" / "train_bodies.csv")
    train_pairs, val_pairs = split_by_story(pairs, seed=SPLIT_SEED, validation_percent=VALIDATION_PERCENT)
    fit_pairs, dev_pairs = development_split(train_pairs)
    texts = list(dict.fromkeys(p.headline for p in pairs))
    texts += [s for b in bodies.values() for s in body_sentences(b)]
    vectors = cached_embeddings(texts, Path(work_dir) / "fnc1-embeddings.npz", TextEncoder(CLAIM_MODEL_DIR))
    kind, c = stance_head.split("_")[0], float(stance_head.split("_C")[1].split("_")[0])
    saved = np.load(run_dir / "cross-probabilities.npz")
    data = {name: build(part, bodies, vectors) for name, part in
            (("fit", fit_pairs), ("dev", dev_pairs), ("train", train_pairs), ("val", val_pairs))}
    head = {}
    for fit, ev in (("fit", "dev"), ("train", "val")):
        a, n = inputs(data[fit], kind)
        b, _ = inputs(data[ev], kind)
        y = data[fit]["y"]
        head[ev] = fit_predict(a[y != 3], y[y != 3], b, c, n)
    cross = {ev: cross_rows(data[ev], saved[f"{ev}_index"], saved[f"{ev}_cross"]) for ev in ("dev", "val")}
    parts = {"dev": dev_pairs, "val": val_pairs}
    table = {}
    for w in WEIGHTS:
        row = {}
        for ev in ("dev", "val"):
            p = w * cross[ev] + (1 - w) * head[ev]
            row[ev] = summary(stance_scores([q.stance for q in parts[ev]], labels(parts[ev], data[ev], p)))
        table[w] = row
        print(json.dumps({"cross_weight": w, **row}), flush=True)
    chosen = max(WEIGHTS, key=lambda w: table[w]["dev"]["fnc_score"] + table[w]["dev"]["macro_f1"])
    return {"stance_head": stance_head, "table": table, "chosen_cross_weight": chosen}


if __name__ == "__main__":
    args = sys.argv[1:]
    print(json.dumps(combine(*(args or ["../shared/data"])), indent=1))
