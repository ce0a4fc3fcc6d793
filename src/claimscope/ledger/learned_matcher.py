"""The learned claim matcher (`ledger/claim_match.py`) behind the clusters' matcher interface.

`score` is its P(same claim) before the vetoes (the paraphrase cross-encoder's for pairs in its
cosine band); `accepts` is its decision (threshold chosen on MRPC train, vetoed by different
figures, opposite polarity or no shared entity), so clusters and `claimscope eval paraphrase`
decide pairs with the same code.
"""

from __future__ import annotations

import numpy as np

from claimscope.ledger.claim_match import ClaimMatcher, load_claim_matcher


class LearnedMatcher:
    name = "claim-minilm"
    # Cosines above which alike claims that must not join are linked as conflicts (MiniLM
    # cosines: unrelated news sentences sit near 0.1-0.3, one event told two ways near 0.6+).
    figure_similarity = 0.25
    contradiction_similarity = 0.7
    # The decision threshold was chosen on MRPC, where two thirds of the pairs are paraphrases;
    # among a block's candidates most are not, so a cluster asks for a surer match than that.
    cluster_probability = 0.6
    # Below this cosine the decision never reaches cluster_probability on MRPC-like pairs: the
    # matcher is not asked (it costs more than the dot product).
    min_cosine = 0.5

    def __init__(self, model_dir=None, *, cross: bool = True):
        # cross=False: the bi-encoder's regression decides alone (the benchmark's "before").
        self._matcher = load_claim_matcher(model_dir) if cross else ClaimMatcher(model_dir, cross_dir="")
        self.threshold = self._matcher.threshold
        # The cross-encoder's version is part of it: a store clustered by the bi-encoder's
        # regression is not silently extended by the cross-encoder's decisions.
        self.version = self._matcher.version

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._matcher.embed(texts), dtype=np.float32)

    def score(self, a: str, b: str, ea: np.ndarray, eb: np.ndarray) -> float:
        return self._matcher.probability(a, b, float(np.dot(ea, eb)))

    def accepts(self, a: str, b: str, ea: np.ndarray, eb: np.ndarray) -> bool:
        return self._matcher.accepts(a, b, float(np.dot(ea, eb)), self.cluster_probability)

