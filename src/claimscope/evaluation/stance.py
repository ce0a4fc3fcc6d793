"""FNC-1 scores: the official weighted score (as a share of the best possible) and macro-F1.

Per pair: +0.25 when related/unrelated is right (agree, disagree and discuss all count as
related), and +0.75 more when a related pair's exact label is right. The sum is divided by
the score the gold labels would get. Macro-F1 averages the F1 of the four classes, because the
FNC score rewards the majority class (Hanselowski et al., 2018).
"""

from __future__ import annotations

from collections.abc import Sequence

from claimscope.evaluation import metrics

LABELS = ("agree", "disagree", "discuss", "unrelated")


def _score(gold: str, predicted: str) -> float:
    score = 0.0
    if (gold == "unrelated") == (predicted == "unrelated"):
        score += 0.25
    if gold != "unrelated" and gold == predicted:
        score += 0.75
    return score


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The FNC-1 score as a share of the best possible (0..1)."""
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} items, predictions {len(predicted)}")
    best = sum(_score(g, g) for g in gold)
    return sum(_score(g, p) for g, p in zip(gold, predicted)) / best if best else 0.0


def per_class(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict]:
    out = {}
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        precision, recall, f1 = metrics.prf(tp, tp + fp, tp + fn)
        out[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return out


def stance_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """FNC score, macro-F1, accuracy, per-class P/R/F1 and the confusion matrix."""
    classes = per_class(gold, predicted)
    confusion = {g: {p: sum(a == g and b == p for a, b in zip(gold, predicted)) for p in LABELS}
                 for g in LABELS}
    return {
        "fnc_score": fnc_score(gold, predicted),
        "macro_f1": sum(c["f1"] for c in classes.values()) / len(LABELS),
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0,
        "per_class": classes,
        "confusion": confusion,
        "n": len(gold),
    }


def run_stance(stances_file, bodies_file, out_file, *, model_dir=None, gold: bool = False,
               threads: int | None = None) -> dict:
    """Predict a stance per row of an FNC-1 stances file; write `Headline,Body ID,Stance` in
    input order; with `gold`, score against the file's Stance column."""
    import csv
    import time
    from pathlib import Path

    from claimscope.corpora.fnc1 import read_bodies, read_stances
    from claimscope.errors import IngestError, InputNotFound
    from claimscope.ledger.stance import StanceModel

    for path in (Path(stances_file), Path(bodies_file)):
        if not path.exists():
            raise InputNotFound(str(path), "no such file")
    try:
        pairs = read_stances(stances_file)
        bodies = read_bodies(bodies_file)
    except (ValueError, UnicodeDecodeError, csv.Error) as exc:
        raise IngestError(str(stances_file), str(exc)) from None
    missing = sorted({p.body_id for p in pairs} - set(bodies))
    if missing:
        raise IngestError(str(stances_file), f"Body ID {missing[0]} is not in {bodies_file}"
                          + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    model = StanceModel(model_dir, threads=threads)
    started = time.time()
    predicted = [s.label for s in model.predict([(p.headline, bodies[p.body_id]) for p in pairs])]
    seconds = time.time() - started
    with open(out_file, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Headline", "Body ID", "Stance"])
        for p, label in zip(pairs, predicted):
            writer.writerow([p.headline, p.body_id, label])
    result = {"pairs": len(pairs), "seconds": round(seconds, 2),
              "pairs_per_second": len(pairs) / seconds if seconds else 0.0}
    if gold:
        bad = [p.stance for p in pairs if p.stance not in LABELS]
        if bad:
            raise IngestError(str(stances_file), f"--gold needs a Stance of {', '.join(LABELS)} on every row, "
                              f"got {bad[0]!r}")
        result["scores"] = stance_scores([p.stance for p in pairs], predicted)
    return result
