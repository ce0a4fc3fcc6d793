"""Scores for the sentence heads: positive-class precision, recall, F1; corpus runners.

The runners read the gold corpora, predict with a shipped model directory and return figures;
`claimscope eval checkworthiness` / `claimscope eval uncertainty` print them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from claimscope.corpora.claimbuster import read_claimbuster
from claimscope.corpora.uncertainty import read_uncertainty, split_uncertainty
from claimscope.evaluation import metrics
from claimscope.settings import shared_data_setting, threads_setting

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
    precision, recall, f1 = metrics.prf(tp, tp + fp, tp + fn)
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
    return Path(explicit) if explicit else shared_data_setting()


def _heads(model_dir: str | Path | None):
    from claimscope.runtime.sentence_heads import SentenceHeads

    return SentenceHeads(model_dir, threads=threads_setting())


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
