"""Do two claim texts state the same proposition? A bi-encoder shortlists, a cross-encoder decides.

1. Each text is embedded once by the shipped claim encoder (`runtime.text_encoder`,
   all-MiniLM-L6-v2, unit vectors), so the ledger can index the vectors and look up nearest
   neighbours; the cosine of two claims is the dot product of their vectors.
2. The decision, P(same claim):
   - with the paraphrase cross-encoder (`resources/models/paraphrase`, all-MiniLM-L6-v2
     fine-tuned on MRPC train as a pair classifier, int8 ONNX; `training.paraphrase_cross`):
     below the cosine `band_low` a pair is not the same claim and the cross-encoder is not
     asked; at or above `band_high` (copies, near-verbatim retellings) it is the same without
     asking; in between the cross-encoder reads both texts together and decides
     (P(same) >= its threshold, chosen on a held-out MRPC fold);
   - without it (a model directory that has none), a logistic regression over the cosine and
     a few surface features (`pair_features`, weights in the claim model's `config.json`).
3. The rule checks of `ledger.claim_checks` (different figures, opposite polarity, no shared
   entity) veto the match whatever the score: "nine killed" never matches "eleven killed".
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimscope.ledger import claim_checks
from claimscope.ledger.overlap import content_words
from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR, load_text_encoder

PARAPHRASE_MODEL_DIR = CLAIM_MODEL_DIR.parent / "paraphrase"

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
    matched = sum(any(claim_checks.same_figure(x, y) for y in nb) for x in na) + sum(
        any(claim_checks.same_figure(x, y) for x in na) for y in nb)
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
    def __init__(self, model_dir: str | Path | None = None, *, threads: int | None = None,
                 cross_dir: str | Path | None = None):
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
        # The cross-encoder beside the claim encoder decides when it is shipped.
        # cross_dir="" turns it off (the regression decides).
        self.cross_dir = Path(cross_dir) if cross_dir else self.model_dir.parent / "paraphrase"
        self.has_cross = False
        self.cross_pairs, self.cross_seconds = 0, 0.0  # what the cross-encoder cost so far
        self.version = str(config.get("version", "?"))
        if cross_dir != "" and (self.cross_dir / "model.onnx").exists():
            cross = json.loads((self.cross_dir / "config.json").read_text(encoding="utf-8"))
            self.threshold = float(cross["threshold"])
            self.band_low = float(cross["band_low"])
            self.band_high = float(cross.get("band_high", 1.01))
            self.cross_version = str(cross.get("version", "?"))
            self.version = f"{self.version}+cross-{self.cross_version}"
            self.has_cross = True  # its session opens on first use (`cross_encoder`)
        self._cache: dict[tuple[str, str], float] = {}

    @property
    def encoder(self):
        return load_text_encoder(str(self.model_dir), self.threads)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for the texts (what the ledger indexes)."""
        return self.encoder.encode(list(texts))

    @property
    def cross_encoder(self):
        from claimscope.runtime.cross_encoder import load_cross_encoder

        return load_cross_encoder(str(self.cross_dir), self.threads)

    def _regression(self, a: str, b: str, cosine: float) -> float:
        x = (np.asarray(pair_features(a, b, cosine)) - self.mean) / self.scale
        return float(1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept))))

    def _banded(self, cosine: float) -> float | None:
        """P(same) the cosine settles alone (outside the band), else None: ask the cross-encoder."""
        if cosine < self.band_low:
            return 0.0
        if cosine >= self.band_high:
            return 1.0
        return None

    def probabilities(self, pairs: Sequence[tuple[str, str]], cosines: Sequence[float]) -> list[float]:
        """P(same claim) of each pair (its cosine given), the cross-encoder's pairs in batches."""
        if not self.has_cross:
            return [self._regression(a, b, c) for (a, b), c in zip(pairs, cosines)]
        out: list[float | None] = [self._banded(float(c)) for c in cosines]
        ask = [k for k, v in enumerate(out) if v is None and tuple(pairs[k]) not in self._cache]
        if ask:
            same = self.cross_encoder.labels.index("same")
            started = time.perf_counter()
            probs = self.cross_encoder.probabilities([pairs[k] for k in ask])[:, same]
            self.cross_seconds += time.perf_counter() - started
            self.cross_pairs += len(ask)
            if len(self._cache) > 20000:  # a bounded memo: the ledger asks again about a pair
                self._cache.clear()       # when it scores the candidate it has accepted
            for k, p in zip(ask, probs):
                self._cache[tuple(pairs[k])] = float(p)
        return [v if v is not None else self._cache[tuple(pairs[k])] for k, v in enumerate(out)]

    def probability(self, a: str, b: str, cosine: float) -> float:
        return self.probabilities([(a, b)], [cosine])[0]

    def decide(self, a: str, b: str, cosine: float, entities_a: Iterable[str] | None = None,
               entities_b: Iterable[str] | None = None) -> Match:
        """Same claim? from the texts and the cosine of their embeddings."""
        return self._decided(a, b, cosine, self.probability(a, b, cosine), entities_a, entities_b)

    def accepts(self, a: str, b: str, cosine: float, min_probability: float = 0.0) -> bool:
        """`decide(a, b, cosine).same` with P(same), rounded as `Match` rounds it, at least
        `min_probability`; the same answer, but the vetoes are read first, so the cross-encoder
        is not asked about a pair they refuse (a third of a ledger update's shortlisted pairs)."""
        if self.use_checks and claim_checks.veto(a, b) is not None:
            return False
        p = self.probability(a, b, cosine)
        return p >= self.threshold and round(p, 4) >= min_probability

    def _decided(self, a: str, b: str, cosine: float, p: float, entities_a=None, entities_b=None) -> Match:
        veto = claim_checks.veto(a, b, entities_a, entities_b) if self.use_checks else None
        return Match(p >= self.threshold and veto is None, round(p, 4), round(float(cosine), 4), veto)

    def same(self, a: str, b: str, entities_a: Iterable[str] | None = None,
             entities_b: Iterable[str] | None = None) -> Match:
        """Decide one pair from its texts (embeds both)."""
        ea, eb = self.embed([a, b])
        return self.decide(a, b, float(ea @ eb), entities_a, entities_b)

    def same_embedded(self, a: str, b: str, ea: np.ndarray, eb: np.ndarray,
                      entities_a: Iterable[str] | None = None,
                      entities_b: Iterable[str] | None = None) -> Match:
        """Decide one pair whose unit vectors (from `embed`) are already known: no encoding."""
        return self.decide(a, b, float(np.dot(ea, eb)), entities_a, entities_b)

    def match_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[Match]:
        """Decide each (a, b) pair, embedding every distinct text once."""
        texts = list(dict.fromkeys(t for pair in pairs for t in pair))
        vectors = dict(zip(texts, self.embed(texts)))
        cosines = [float(vectors[a] @ vectors[b]) for a, b in pairs]
        probs = self.probabilities(pairs, cosines)
        return [self._decided(a, b, c, p) for (a, b), c, p in zip(pairs, cosines, probs)]


@lru_cache(maxsize=2)
def load_claim_matcher(model_dir: str | None = None, threads: int | None = None) -> ClaimMatcher:
    return ClaimMatcher(model_dir, threads=threads)
