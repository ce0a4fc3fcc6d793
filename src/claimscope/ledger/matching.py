"""The claim matcher the clusters use, behind a tiny interface.

    matcher.embed(texts) -> float32 array (n, d), unit rows   (stored as bytes per claim)
    matcher.score(a, b, ea, eb) -> float in [0, 1]            (1 = the same proposition)
    matcher.accepts(a, b, ea, eb) -> bool                      (the matcher's own decision)
    matcher.figure_similarity, .contradiction_similarity       (cosines for conflict links)

`default_matcher()` gives the learned matcher of `ledger/claim_match.py` (a MiniLM bi-encoder
shipped as ONNX, with entity, number and negation checks) when this claimscope has it, and
otherwise `LexicalMatcher`, a deterministic stand-in over hashed words and word pairs. The
clusters call nothing else, so the two are interchangeable; `name` and `version` are recorded
with the ledger so a store clustered by one is not silently extended by the other.
"""

from __future__ import annotations

import hashlib
import re
from typing import Protocol

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# Function words carry no proposition; negations are kept (the figure/polarity checks read them).
STOPWORDS = frozenset("""a an the of to in on at by for from with and or but as is are was were be been
being it its this that these those which who whom whose what there here has have had do does did will would
shall should can could may might must he she they them his her their we our you your i me my said says
say told according also than then so such into over after before about""".split())


class ClaimMatcher(Protocol):
    name: str
    version: str
    threshold: float
    figure_similarity: float
    contradiction_similarity: float
    min_cosine: float  # candidates below this cosine are not asked about

    def embed(self, texts: list[str]) -> np.ndarray: ...
    def score(self, a: str, b: str, ea: np.ndarray, eb: np.ndarray) -> float: ...
    def accepts(self, a: str, b: str, ea: np.ndarray, eb: np.ndarray) -> bool: ...


def content_words(text: str) -> list[str]:
    return [w for w in (t.lower().replace("’", "'") for t in _WORD.findall(text)) if w not in STOPWORDS]


def _stem(word: str) -> str:
    # A crude suffix strip, enough for a stand-in: killed/kills/killing -> kill.
    for suffix in ("ings", "ing", "ies", "ied", "es", "ed", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class LexicalMatcher:
    """Hashed bag of stemmed content words and word pairs (4,096 dimensions, signed), cosine.

    Two mentions of one claim copied between articles score near 1; a paraphrase with other
    words scores low, which is why the learned matcher replaces it when present.
    """

    name = "lexical"
    version = "1"
    threshold = 0.55
    figure_similarity = 0.2
    contradiction_similarity = 0.5
    min_cosine = 0.0
    dims = 4096

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for row, text in enumerate(texts):
            stems = [_stem(w) for w in content_words(text)]
            features = stems + [f"{a}_{b}" for a, b in zip(stems, stems[1:])]
            for f in features:
                h = int.from_bytes(hashlib.blake2b(f.encode("utf-8"), digest_size=8).digest(), "little")
                out[row, h % self.dims] += 1.0 if (h >> 63) & 1 else -1.0
            norm = np.linalg.norm(out[row])
            if norm > 0:
                out[row] /= norm
        return out

    def score(self, a: str, b: str, ea: np.ndarray, eb: np.ndarray) -> float:
        return float(max(0.0, np.dot(ea, eb)))

    def accepts(self, a: str, b: str, ea: np.ndarray, eb: np.ndarray) -> bool:
        return self.score(a, b, ea, eb) >= self.threshold


def default_matcher() -> ClaimMatcher:
    """The learned claim matcher when it ships with this claimscope, else the lexical stand-in."""
    try:
        from claimscope.ledger import claim_match  # noqa: F401  (branch `pairs`)
    except ImportError:
        return LexicalMatcher()
    from claimscope.ledger.learned_matcher import LearnedMatcher

    return LearnedMatcher()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float32)
