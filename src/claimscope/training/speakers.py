"""Fit the pronoun resolver's feature weights on GAP development (numpy only, no torch).

A conditional logit: for each row, a softmax over the candidate entities the resolver offers
and one "none of them" option (its score is the weight `none`); the gold answer is the entity
holding the TRUE name, or "none" when neither name is TRUE or the TRUE name was not offered.
Only gap-development is read here; `claimscope eval gap` reports validation apart.

    PYTHONPATH=src python -m claimscope.training.speakers ../shared/data/gap/gap-development.tsv
"""

from __future__ import annotations

import json
import sys

import numpy as np

from claimscope.corpora.gap import read_gap
from claimscope.evaluation.gap_run import build_nlp, prepare
from claimscope.nlp.speakers import FEATURES, LEXICON, DocumentEntities, PronounResolver

# Hand-set, not fitted: GAP has no attributions, so "the last speaker" never occurs there.
FIXED = {"last_speaker": 1.5}
# Pairs of features whose product is one more feature (the linear score cannot say "a subject,
# but only in the same sentence" otherwise).
PAIRED = ("same_sentence", "previous_sentence", "subject", "object", "possessor", "prepositional",
          "parallel", "in_title", "nearest", "cataphora", "embedded", "first_person")
PAIRS = tuple(f"{a}*{b}" for i, a in enumerate(PAIRED) for b in PAIRED[i + 1:])
NAMES = tuple(f for f in FEATURES if f not in FIXED) + PAIRS


def design(cases) -> list[tuple[np.ndarray, int]]:
    """Per row: the candidates' feature matrix and the gold candidate's index (-1 = none)."""
    out = []
    for case in cases:
        if case.pronoun is None:
            continue
        entities = DocumentEntities(case.doc, case.entities, title=case.row.title,
                                    keep_apart={case.a, case.b})
        keep = {entities.cluster[case.a], entities.cluster[case.b]}
        found = {k: v for k, v in PronounResolver(entities, weights={}).candidates(case.pronoun).items()
                 if k in keep}
        ids = list(found)
        gold_id = case.a if case.row.a_coref else case.b if case.row.b_coref else None
        gold_id = entities.cluster.get(gold_id) if gold_id else None
        x = np.array([[_value(found[i], f) for f in NAMES] for i in ids],
                     dtype=float).reshape(len(ids), len(NAMES))
        out.append((x, ids.index(gold_id) if gold_id in ids else -1))
    return out


def _value(features: dict[str, float], name: str) -> float:
    if "*" in name:
        a, b = name.split("*", 1)
        return features.get(a, 0.0) * features.get(b, 0.0)
    return features.get(name, 0.0)


def fit(rows: list[tuple[np.ndarray, int]], *, l2: float = 0.01, steps: int = 800,
        lr: float = 0.3) -> dict[str, float]:
    fitted = list(range(len(NAMES)))
    w = np.zeros(len(NAMES))
    bias = 0.0
    for _ in range(steps):
        grad, gbias = np.zeros_like(w), 0.0
        for x, gold in rows:
            scores = np.concatenate([[bias], x @ w]) if len(x) else np.array([bias])
            p = np.exp(scores - scores.max())
            p /= p.sum()
            target = np.zeros_like(p)
            target[gold + 1] = 1.0
            diff = p - target
            gbias += diff[0]
            if len(x):
                grad += diff[1:] @ x
        grad = grad / len(rows) + l2 * w
        w[fitted] -= lr * grad[fitted]
        bias -= lr * gbias / len(rows)
    weights = {f: round(float(w[k]), 4) for k, f in enumerate(NAMES) if abs(w[k]) >= 1e-4}
    weights.update(FIXED)
    weights["none"] = round(float(bias), 4)
    return weights


def main(argv: list[str]) -> None:
    path = argv[0]
    cases = list(prepare(read_gap(path), build_nlp()))
    weights = fit(design(cases))
    lex = json.loads(LEXICON.read_text(encoding="utf-8"))
    lex["weights"] = weights
    LEXICON.write_text(json.dumps(lex, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(weights, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
