"""Choose the stance head's inputs by cross-validation over the training stories (training only).

The held-out stories (`training.stance_split`) are for the final figure, once; choices are made
here. The training stories are cut into `K` folds by story (the same stories as
`corpora.fnc1.split_by_story`, hashed with another key), the agree / disagree / discuss
logistic regression is fitted on three and scores the fourth, and the pooled out-of-fold
labels (after the shipped pre-filter and related head, as `StanceModel` decides) give FNC
score and macro-F1 per candidate. Per-class log-odds offsets are then chosen on the same
out-of-fold probabilities (`offsets`).

Run: `python -m claimscope.training.stance_cv [SHARED_DATA]`; the model card and
docs/ledger.md quote its table.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
from pathlib import Path

import numpy as np

from claimscope.corpora.fnc1 import STANCES, read_bodies, read_stances, split_by_story, story_of
from claimscope.evaluation.stance import stance_scores
from claimscope.ledger.overlap import relatedness_features
from claimscope.ledger.stance import (
    N_SCALARS,
    STANCE_MODEL_DIR,
    TfIdf,
    body_sentences,
    head_probs,
    load_head,
    refutation_features,
    stance_features,
)
from claimscope.training.stance_split import SPLIT_SEED, VALIDATION_PERCENT

K = 4
CANDIDATES = [("tfidf+scalars", 0.1), ("tfidf+scalars+refutation", 0.1), ("tfidf+scalars+refutation", 0.3),
              ("tfidf+scalars+refutation", 1.0)]


def build(part, bodies, vectors, model_dir: Path = STANCE_MODEL_DIR) -> dict:
    """Inputs of the pairs of `part` that the shipped pre-filter passes: scalars, refutation
    features, TF-IDF words, P(related) of the shipped related head, labels."""
    config = json.loads((model_dir / "config.json").read_text())
    pre = config["prefilter"]
    related_head = load_head(model_dir / config["heads_file"], "related")
    tfidf = TfIdf.load(model_dir / config["vocabulary_file"])
    overlap = [relatedness_features(p.headline, bodies[p.body_id]) for p in part]
    z = np.array(overlap) @ np.array(pre["coef"]) + pre["intercept"]
    keep = [k for k, v in enumerate(1 / (1 + np.exp(-z))) if v >= pre["threshold"]]
    scalars, refutation = [], []
    for k in keep:
        p = part[k]
        sents = body_sentences(bodies[p.body_id])
        vecs = np.stack([vectors[s] for s in sents]) if sents else np.zeros((0, 384), np.float32)
        sims = vecs @ vectors[p.headline] if sents else np.zeros(0)
        scalars.append(stance_features(p.headline, vectors[p.headline], sents, vecs, overlap[k])[:N_SCALARS])
        refutation.append(refutation_features(p.headline, sents, sims))
    x = np.array(scalars, dtype=np.float32)
    words = np.hstack([tfidf.transform([part[k].headline for k in keep]),
                       tfidf.transform([bodies[part[k].body_id] for k in keep])])
    return {"keep": np.array(keep), "scalars": x, "refutation": np.array(refutation, dtype=np.float32),
            "words": words, "related": head_probs(related_head, x)[:, 1],
            "y": np.array([STANCES.index(part[k].stance) for k in keep])}


def inputs(data: dict, name: str) -> tuple[np.ndarray, int]:
    """(matrix, number of leading columns to standardise) for a candidate's `stance_inputs`."""
    front = [data["scalars"]] + ([data["refutation"]] if name.endswith("+refutation") else [])
    n = sum(a.shape[1] for a in front)
    return np.hstack(front + [data["words"]]), n


def fit_predict(a: np.ndarray, y: np.ndarray, b: np.ndarray, c: float, n: int) -> np.ndarray:
    """Class-weighted ("balanced") logistic regression as `training.stance.fit_logistic` fits
    it (the first `n` columns standardised), on sparse matrices: the same objective, minutes
    faster."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    mean, scale = a[:, :n].mean(0), a[:, :n].std(0) + 1e-6

    def prep(z):
        return sparse.hstack([sparse.csr_matrix((z[:, :n] - mean) / scale), sparse.csr_matrix(z[:, n:])]).tocsr()

    clf = LogisticRegression(C=c, max_iter=500, class_weight="balanced").fit(prep(a), y)
    return clf.predict_proba(prep(b))


def labels(part, data: dict, stance: np.ndarray, offsets=(0.0, 0.0, 0.0), threshold: float = 0.7) -> list[str]:
    out = ["unrelated"] * len(part)
    best = (np.log(np.maximum(stance, 1e-9)) + np.asarray(offsets)).argmax(1)
    for row, k in enumerate(data["keep"]):
        if data["related"][row] >= threshold:
            out[k] = STANCES[int(best[row])]
    return out


def story_folds(part, k: int = K) -> np.ndarray:
    story = story_of(part)
    return np.array([int(hashlib.sha1(f"cv:{story[p.body_id]}".encode()).hexdigest()[:8], 16) % k for p in part])


def out_of_fold(part, data: dict, name: str, c: float) -> np.ndarray:
    a, n = inputs(data, name)
    fold = story_folds(part)[data["keep"]]
    y = data["y"]
    stance = np.zeros((len(y), 3))
    stance[:, 2] = 1.0
    for f in range(K):
        fit = (fold != f) & (y != 3)
        stance[fold == f] = fit_predict(a[fit], y[fit], a[fold == f], c, n)
    return stance


def summary(s: dict) -> dict:
    return {"fnc_score": round(s["fnc_score"], 4), "macro_f1": round(s["macro_f1"], 4),
            "f1": {k: round(v["f1"], 3) for k, v in s["per_class"].items()}}


def offsets(part, data, stance, gold) -> tuple[tuple[float, float, float], dict]:
    """Agree and disagree log-odds offsets (discuss 0) maximising FNC + macro-F1."""
    best = None
    for a, d in itertools.product(np.arange(-0.5, 0.76, 0.25), np.arange(0.0, 2.01, 0.25)):
        s = stance_scores(gold, labels(part, data, stance, (a, d, 0.0)))
        if best is None or s["fnc_score"] + s["macro_f1"] > best[0]:
            best = (s["fnc_score"] + s["macro_f1"], (float(a), float(d), 0.0), s)
    return best[1], summary(best[2])


def cross_validate(shared: str | Path, work_dir: str | Path = "runs/stance") -> dict:
    from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR, TextEncoder
    from claimscope.training.embedding_cache import cached_embeddings

    shared = Path(shared)
    pairs = read_stances(shared / "fnc1" / "train_stances.csv")
    bodies = read_bodies(shared / "fnc1" / "train_bodies.csv")
    train_pairs, _ = split_by_story(pairs, seed=SPLIT_SEED, validation_percent=VALIDATION_PERCENT)
    texts = list(dict.fromkeys(p.headline for p in pairs))
    texts += [s for b in bodies.values() for s in body_sentences(b)]
    vectors = cached_embeddings(texts, Path(work_dir) / "fnc1-embeddings.npz", TextEncoder(CLAIM_MODEL_DIR))
    data = build(train_pairs, bodies, vectors)
    gold = [p.stance for p in train_pairs]
    table = {}
    for name, c in CANDIDATES:
        stance = out_of_fold(train_pairs, data, name, c)
        chosen, with_offsets = offsets(train_pairs, data, stance, gold)
        table[f"{name}_logistic_C{c}_balanced"] = {
            **summary(stance_scores(gold, labels(train_pairs, data, stance))),
            "offsets": chosen, "with_offsets": with_offsets}
        print(json.dumps({f"{name}_C{c}": table[f"{name}_logistic_C{c}_balanced"]}), flush=True)
    return table


if __name__ == "__main__":
    print(json.dumps(cross_validate(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"), indent=1))
