"""Scores for the sentence heads: positive-class precision, recall, F1; corpus runners.

The runners read the gold corpora, predict with a shipped model directory and return figures;
`claimscope eval checkworthiness` / `claimscope eval uncertainty` print them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from claimscope.corpora.claimbuster import read_claimbuster, split_claimbuster
from claimscope.corpora.uncertainty import read_uncertainty, split_uncertainty

UNCERTAINTY_FILE = Path("uncertainty") / "conll2010-wikipedia.xml"


def prf(gold: Iterable[int], predicted: Iterable[bool | int]) -> dict:
    """Precision, recall, F1 of the positive class, with the counts behind them."""
    g = np.asarray(list(gold), dtype=bool)
    p = np.asarray(list(predicted), dtype=bool)
    if g.shape != p.shape:
        raise ValueError(f"gold has {g.size} items, predictions {p.size}")
    tp = int((g & p).sum())
    fp = int((~g & p).sum())
    fn = int((g & ~p).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "tp": tp, "fp": fp, "fn": fn, "n": int(g.size), "positive": int(g.sum()),
    }


def best_threshold(gold: Sequence[int], probs: Sequence[float]) -> tuple[float, float]:
    """The threshold on P(yes) that maximises F1 (midpoint between neighbouring scores)."""
    g = np.asarray(gold, dtype=bool)
    p = np.asarray(probs, dtype=np.float64)
    order = np.argsort(-p, kind="stable")
    sorted_p, sorted_g = p[order], g[order]
    tp = np.cumsum(sorted_g)
    fp = np.cumsum(~sorted_g)
    f1 = 2 * tp / (tp + fp + g.sum())  # predicting the top k+1 as positive
    # Only cut where the score changes, otherwise ties would split arbitrarily.
    valid = np.r_[sorted_p[1:] < sorted_p[:-1], True]
    f1 = np.where(valid, f1, -1.0)
    k = int(np.argmax(f1))
    threshold = float(sorted_p[k] if k + 1 >= len(sorted_p) else (sorted_p[k] + sorted_p[k + 1]) / 2)
    return threshold, float(f1[k])


def shared_data_dir(explicit: str | Path | None = None) -> Path:
    """--data > $CLAIMSCOPE_SHARED_DATA > ../shared/data relative to the working directory."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("CLAIMSCOPE_SHARED_DATA")
    return Path(env) if env else Path.cwd().parent / "shared" / "data"


def _heads(model_dir: str | Path | None):
    from claimscope.runtime.sentence_heads import SentenceHeads

    return SentenceHeads(model_dir)


def score_head(heads, head: str, texts: list[str], gold: list[int], threshold: float | None = None) -> dict:
    probs = np.array([row[head] for row in heads.predict(texts)])
    t = heads.thresholds[head] if threshold is None else threshold
    scores = prf(gold, probs >= t)
    scores["threshold"] = t
    return scores


def evaluate_checkworthiness(
    test_json: str | Path, model_dir: str | Path | None = None, *, threshold: float | None = None
) -> dict:
    rows = read_claimbuster(test_json)
    heads = _heads(model_dir)
    return score_head(heads, "checkworthy", [r.text for r in rows], [r.label for r in rows], threshold)


def evaluate_uncertainty(
    xml_path: str | Path,
    split: str = "test",
    model_dir: str | Path | None = None,
    *,
    seed: int = 2010,
    threshold: float | None = None,
) -> dict:
    rows = read_uncertainty(xml_path)
    if split != "all":
        rows = split_uncertainty(rows, seed=seed)[split]
    heads = _heads(model_dir)
    return score_head(heads, "uncertain", [r.text for r in rows], [r.label for r in rows], threshold)


def validation_scores(model_dir, shared_data: Path, *, claimbuster_seed: int = 13, uncertainty_seed: int = 2010) -> dict:
    """Best-F1 thresholds and scores on validation data only (used when exporting)."""
    heads = _heads(model_dir)
    _, cb_val = split_claimbuster(read_claimbuster(shared_data / "claimbuster" / "train.json"), seed=claimbuster_seed)
    unc_val = split_uncertainty(read_uncertainty(shared_data / UNCERTAINTY_FILE), seed=uncertainty_seed)["validation"]
    out = {}
    for head, rows in (("checkworthy", cb_val), ("uncertain", unc_val)):
        gold = [r.label for r in rows]
        probs = np.array([row[head] for row in heads.predict([r.text for r in rows])])
        threshold, _ = best_threshold(gold, probs)
        out[head] = prf(gold, probs >= threshold) | {"threshold": threshold}
    return out


def test_scores(model_dir, shared_data: Path, *, uncertainty_seed: int = 2010) -> dict:
    # A fresh session so the thresholds just written to config.json are the ones used.
    from claimscope.runtime.onnx_model import load_model

    load_model.cache_clear()
    return {
        "checkworthy": evaluate_checkworthiness(shared_data / "claimbuster" / "test.json", model_dir),
        "uncertain": evaluate_uncertainty(shared_data / UNCERTAINTY_FILE, "test", model_dir, seed=uncertainty_seed),
    }


def format_scores(head: str, data_name: str, s: dict) -> str:
    return (
        f"| {head} | {data_name} | {s['threshold']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} "
        f"| {s['f1']:.3f} | {s['n']} ({s['positive']}) |"
    )
