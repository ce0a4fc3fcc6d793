"""Do two claim texts state the same proposition? A bi-encoder, a calibrated decision, vetoes.

1. Each text is embedded once by the shipped claim encoder (`runtime.text_encoder`,
   all-MiniLM-L6-v2, unit vectors), so the ledger can index the vectors and look up nearest
   neighbours; the cosine of two claims is the dot product of their vectors.
2. A logistic regression, fitted on MRPC train (`training.claim_matcher`), turns the cosine and
   a few surface features (`pair_features`) into P(same claim); the decision threshold is the
   one that maximised F1 in cross-validation. Its weights live in the model's `config.json`.
3. The rule checks of `ledger.claim_checks` (different figures, opposite polarity, no shared
   entity) veto the match whatever the score: "nine killed" never matches "eleven killed".
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimscope.ledger import claim_checks
from claimscope.ledger.overlap import content_words
from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR, load_text_encoder

WORD = re.compile(r"\w+")
FEATURES = (
    "cosine", "content_jaccard", "token_jaccard", "bigram_overlap", "length_ratio",
    "log_length_gap", "figure_share", "name_jaccard", "figures_differ", "polarity_differs",
    "entities_differ",
)


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def pair_features(a: str, b: str, cosine: float) -> list[float]:
    """The decision's inputs for a pair, in `FEATURES` order (the check flags as 0 / 1)."""
    ta, tb = _tokens(a), _tokens(b)
    ca, cb = content_words(a), content_words(b)
    bigrams_a, bigrams_b = set(zip(ta, ta[1:])), set(zip(tb, tb[1:]))
    na, nb = claim_checks.numbers(a), claim_checks.numbers(b)
    matched = sum(any(claim_checks._same_figure(x, y) for y in nb) for x in na) + sum(
        any(claim_checks._same_figure(x, y) for x in na) for y in nb)
    figure_share = matched / (len(na) + len(nb)) if na or nb else 1.0
    return [
        cosine,
        _jaccard(set(ca), set(cb)),
        _jaccard(set(ta), set(tb)),
        len(bigrams_a & bigrams_b) / max(1, min(len(bigrams_a), len(bigrams_b))),
        min(len(ta), len(tb)) / max(1, len(ta), len(tb)),
        abs(math.log((len(ta) + 1) / (len(tb) + 1))),
        figure_share,
        _jaccard(claim_checks.names(a), claim_checks.names(b)),
        float(claim_checks.figures_differ(a, b)),
        float(claim_checks.polarity_differs(a, b)),
        float(claim_checks.entities_differ(a, b)),
    ]


@dataclass(frozen=True)
class Match:
    same: bool
    probability: float  # P(same claim) of the calibrated decision, before the vetoes
    cosine: float
    veto: str | None  # "figures", "polarity", "entities" or None


class ClaimMatcher:
    def __init__(self, model_dir: str | Path | None = None, *, threads: int | None = None):
        self.model_dir = Path(model_dir or CLAIM_MODEL_DIR)
        config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        decision = config["decision"]
        self.features = list(decision["features"])
        self.mean = np.asarray(decision["mean"], dtype=np.float64)
        self.scale = np.asarray(decision["scale"], dtype=np.float64)
        self.coef = np.asarray(decision["coef"], dtype=np.float64)
        self.intercept = float(decision["intercept"])
        self.threshold = float(decision["threshold"])
        self.use_checks = bool(decision.get("veto", True))
        self.threads = threads

    @property
    def encoder(self):
        return load_text_encoder(str(self.model_dir), self.threads)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for the texts (what the ledger indexes)."""
        return self.encoder.encode(list(texts))

    def probability(self, a: str, b: str, cosine: float) -> float:
        x = (np.asarray(pair_features(a, b, cosine)) - self.mean) / self.scale
        return float(1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept))))

    def decide(self, a: str, b: str, cosine: float, entities_a: Iterable[str] | None = None,
               entities_b: Iterable[str] | None = None) -> Match:
        """Same claim? from the texts and the cosine of their embeddings."""
        p = self.probability(a, b, cosine)
        veto = claim_checks.veto(a, b, entities_a, entities_b) if self.use_checks else None
        return Match(p >= self.threshold and veto is None, round(p, 4), round(float(cosine), 4), veto)

    def match_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[Match]:
        """Decide each (a, b) pair, embedding every distinct text once."""
        texts = list(dict.fromkeys(t for pair in pairs for t in pair))
        vectors = dict(zip(texts, self.embed(texts)))
        return [self.decide(a, b, float(vectors[a] @ vectors[b])) for a, b in pairs]


@lru_cache(maxsize=2)
def load_claim_matcher(model_dir: str | None = None, threads: int | None = None) -> ClaimMatcher:
    return ClaimMatcher(model_dir, threads=threads)
