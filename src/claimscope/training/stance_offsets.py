"""Would shifting the stance head's class log-odds help? A cross-fitted check (not shipped).

The shipped pipeline (`ledger.stance.StanceModel`) is run once on the held-out validation
stories; its agree / disagree / discuss probabilities get per-class log-odds offsets and the
related threshold is varied. Offsets are chosen on one half of the stories (split by body) and
scored on the other half, both ways, so the figure is not tuned on what it scores.

Run: `python -m claimscope.training.stance_offsets [SHARED_DATA]` (docs/ledger.md quotes its
output for model 1.0.0; 1.1.0's offsets were chosen on the training stories, `training.stance_cv`).
"""

from __future__ import annotations

import itertools
import random
import sys

import numpy as np

from claimscope.corpora.fnc1 import read_bodies, read_stances, split_by_story
from claimscope.evaluation.stance import stance_scores
from claimscope.training.stance_split import SPLIT_SEED, VALIDATION_PERCENT

RELATED = ["agree", "disagree", "discuss"]
GRID = {"agree": np.arange(-1.0, 1.01, 0.25), "disagree": np.arange(0.0, 3.01, 0.25),
        "threshold": [0.5, 0.6, 0.7, 0.8]}


def _labels(stance, related, by_model, idx, offsets, threshold) -> list[str]:
    best = (np.log(np.clip(stance[idx], 1e-9, 1.0)) + offsets).argmax(1)
    return ["unrelated" if not by_model[i] or related[i] < threshold else RELATED[b]
            for i, b in zip(idx, best)]


def cross_fitted(shared: str, threads: int = 2, seed: int = 3) -> dict:
    from claimscope.ledger.stance import StanceModel

    pairs = read_stances(f"{shared}/fnc1/train_stances.csv")
    bodies = read_bodies(f"{shared}/fnc1/train_bodies.csv")
    _, val = split_by_story(pairs, seed=SPLIT_SEED, validation_percent=VALIDATION_PERCENT)
    results = StanceModel(threads=threads).predict([(p.headline, bodies[p.body_id]) for p in val])
    gold = [p.stance for p in val]
    by_model = np.array([r.by == "model" for r in results])
    related = np.array([1.0 - r.probabilities["unrelated"] if m else 0.0 for r, m in zip(results, by_model)])
    stance = np.array([[r.probabilities[lab] / max(1e-9, rel) for lab in RELATED] if m else [0, 0, 1]
                       for r, m, rel in zip(results, by_model, related)])

    def fit(idx):
        g = [gold[i] for i in idx]
        scored = []
        for a, d, t in itertools.product(GRID["agree"], GRID["disagree"], GRID["threshold"]):
            s = stance_scores(g, _labels(stance, related, by_model, idx, np.array([a, d, 0.0]), t))
            scored.append((s["fnc_score"] + s["macro_f1"], float(a), float(d), t))
        return max(scored)[1:]

    names = sorted({p.body_id for p in val})
    random.Random(seed).shuffle(names)
    half = set(names[::2])
    predicted: list[str] = [""] * len(val)
    chosen = []
    for side in (True, False):
        fit_idx = np.array([i for i, p in enumerate(val) if (p.body_id in half) == side])
        test_idx = np.array([i for i, p in enumerate(val) if (p.body_id in half) != side])
        a, d, t = fit(fit_idx)
        chosen.append({"agree": a, "disagree": d, "threshold": t})
        for i, lab in zip(test_idx, _labels(stance, related, by_model, test_idx, np.array([a, d, 0.0]), t)):
            predicted[i] = lab
    shipped = [r.label for r in results]
    summary = lambda s: {"fnc_score": round(s["fnc_score"], 4), "macro_f1": round(s["macro_f1"], 4),  # noqa: E731
                         "f1": {k: round(v["f1"], 3) for k, v in s["per_class"].items()}}
    return {"shipped": summary(stance_scores(gold, shipped)),
            "cross_fitted_offsets": summary(stance_scores(gold, predicted)), "chosen": chosen}


if __name__ == "__main__":
    import json

    print(json.dumps(cross_fitted(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"), indent=1))
