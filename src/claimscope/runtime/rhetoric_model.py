"""Propaganda-technique spans (SemEval-2020 Task 11) from one encoder pass per sentence.

The shipped ONNX encoder has two outputs: `si` (per-piece B/I/O logits of technique spans,
technique-agnostic) and `hidden` (last hidden states). A small linear technique head
(`tc_head.npz`, run in numpy) labels each span from its pooled pieces, the sentence around
it and a few article-level features (does the phrase recur elsewhere? — that is what
Repetition means). So every sentence is encoded once and serves both heads.

No spaCy and no torch here; training imports the feature code below so that training and
run time compute the same numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimscope.model.records import Technique, widen_to_words
from claimscope.runtime.onnx_model import OnnxModel, load_model, softmax
from claimscope.runtime.sentence_encoding import (
    SENTENCE_MODEL_DIR,
    EncodedUnit,
    encode,
    pieces_inside,
    sentence_ranges,
)

WORD_RE = re.compile(r"[A-Za-z0-9']+")


# ---------------------------------------------------------------- technique-head features


def word_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in WORD_RE.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts


N_EXTRA = 11


def extra_features(
    text: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    counts: dict[str, int],
    same_spans: int = 0,
) -> np.ndarray:
    """Surface and article-level features of one span (the same at training and run time)."""
    span = text[start:end]
    lower = span.lower().strip()
    words = WORD_RE.findall(lower)
    # Repetition: how often the exact phrase, and its content words, recur in the article.
    exact = text.lower().count(lower) - 1 if lower else 0
    content = [w for w in words if len(w) > 3]
    recurring = sum(1 for w in content if counts.get(w, 0) >= 2) / max(len(content), 1)
    sent_len = max(sentence[1] - sentence[0], 1)
    letters = [c for c in span if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper()) / max(len(letters), 1)
    return np.array(
        [
            np.log1p(len(span)),
            np.log1p(len(words)),
            np.log1p(max(exact, 0)),
            recurring,
            min((end - start) / sent_len, 1.5),
            float(start <= sentence[0] + 1),
            float("!" in span),
            float("?" in span),
            float(any(q in span for q in "\"“”")),
            caps,
            # Other technique spans of this article with the same wording: Repetition's mark.
            np.log1p(same_spans),
        ],
        dtype=np.float32,
    )


def span_vector(units: list[EncodedUnit], start: int, end: int) -> np.ndarray | None:
    """Mean and max of the span's pieces and mean of its sentence(s): 3 × dim."""
    pieces, context = [], []
    for unit, inside in pieces_inside(units, start, end):
        pieces.append(unit.hidden[inside])
        context.append(unit.hidden.mean(axis=0))
    if not pieces:
        return None
    stacked = np.concatenate(pieces)
    return np.concatenate([stacked.mean(axis=0), stacked.max(axis=0), np.mean(context, axis=0)])


def sentence_of(ranges: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for s, e in ranges:
        if s <= start < e or (start < s and end > s):
            return (s, e)
    return (start, end)


# ---------------------------------------------------------------- span decoding


def decode_spans(
    text: str, units: list[EncodedUnit], threshold: float, gap: int = 0, min_chars: int = 0
) -> list[tuple[int, int, float]]:
    """Runs of pieces whose P(in span) ≥ threshold; a confident B piece opens a new span.

    Spans of one line closer than `gap` characters are joined (the tagger often drops a
    function word inside a long span); spans of `min_chars` or fewer are dropped.
    """
    spans: list[tuple[int, int, float]] = []
    for unit in units:
        current: list | None = None
        for (s, e), (p_o, p_b, p_i) in zip(unit.offsets, unit.si):
            inside = 1.0 - p_o
            if inside >= threshold:
                opens = p_b > p_i and current is not None and s > current[1]
                if current is None or opens:
                    if current is not None:
                        spans.append(_close(current))
                    current = [int(s), int(e), [inside]]
                else:
                    current[1] = int(e)
                    current[2].append(inside)
            elif current is not None:
                spans.append(_close(current))
                current = None
        if current is not None:
            spans.append(_close(current))
    out: list[tuple[int, int, float]] = []
    for start, end, score in spans:
        start, end = widen_to_words(text, start, end)  # as the annotators marked them
        # Touching after windowing or word expansion, or a short gap inside one line.
        if out and start - out[-1][1] <= gap and "\n" not in text[out[-1][1] : start]:
            prev = out.pop()
            out.append((prev[0], max(prev[1], end), max(prev[2], score)))
        else:
            out.append((start, end, score))
    return [span for span in out if span[1] - span[0] > min_chars]


def _close(current: list) -> tuple[int, int, float]:
    return current[0], current[1], float(np.mean(current[2]))


# ---------------------------------------------------------------- the model


def mlp_probs(weights, feats: np.ndarray) -> np.ndarray:
    """The jointly trained span MLP (Linear → GELU → Linear) on the pooled span vector."""
    w1, b1, w2, b2 = weights
    x = feats[:, : w1.shape[1]] @ w1.T + b1
    # tanh form of GELU: numpy has no erf; the difference is below 1e-3.
    h = 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))
    return softmax(h @ w2.T + b2)


class RhetoricModel:
    """Encoder (ONNX) + technique head (numpy) loaded from one model directory."""

    def __init__(self, model_dir: str | Path = SENTENCE_MODEL_DIR, *, threads: int | None = None):
        self.model_dir = Path(model_dir)
        # The session is shared with the sentence heads: one encoder pass per sentence.
        self.encoder: OnnxModel = load_model(str(self.model_dir), threads)
        self.config = self.encoder.config
        self.labels: list[str] = list(self.config["heads"]["tc"]["labels"])
        self.threshold = float(self.config.get("si_threshold", 0.5))
        self.gap = int(self.config.get("si_gap", 0))
        self.min_chars = int(self.config.get("si_min_chars", 0))
        # Spans whose P(none) from the technique head reaches this are dropped (1.0: never).
        self.none_threshold = float(self.config.get("none_threshold", 1.0))
        head = np.load(self.model_dir / "tc_head.npz")
        self.mean, self.scale = head["mean"], head["scale"]
        self.coef, self.intercept = head["coef"], head["intercept"]
        # Optional second head: the MLP trained jointly with the encoder, mixed in with
        # weight 1 - alpha (alpha picked on validation at training time).
        self.mlp = (
            (head["w1"], head["b1"], head["w2"], head["b2"]) if "w1" in head.files else None
        )
        self.alpha = float(head["alpha"]) if "alpha" in head.files else 1.0

    # One pass per sentence window; both heads read from the result.
    def encode(self, text: str, ranges: list[tuple[int, int]] | None = None) -> list[EncodedUnit]:
        return encode(self.encoder, text, ranges)

    def find_spans(self, text: str, units: list[EncodedUnit], threshold: float | None = None):
        threshold = self.threshold if threshold is None else threshold
        return decode_spans(text, units, threshold, self.gap, self.min_chars)

    def features(
        self,
        text: str,
        units: list[EncodedUnit],
        spans: list[tuple[int, int]],
        ranges: list[tuple[int, int]],
    ) -> tuple[np.ndarray, list[bool]]:
        counts = word_counts(text)
        wording: dict[str, int] = {}
        for start, end in set(spans):
            key = text[start:end].lower().strip()
            wording[key] = wording.get(key, 0) + 1
        rows, ok = [], []
        dim = units[0].hidden.shape[1] if units else 384
        for start, end in spans:
            vec = span_vector(units, start, end)
            ok.append(vec is not None)
            if vec is None:
                vec = np.zeros(3 * dim, dtype=np.float32)
            sent = sentence_of(ranges, start, end)
            same = wording[text[start:end].lower().strip()] - 1
            extra = extra_features(text, start, end, sent, counts, same)
            rows.append(np.concatenate([vec, extra]))
        width = 3 * dim + N_EXTRA
        return np.array(rows, dtype=np.float32).reshape(-1, width), ok

    def classify_features(self, feats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Technique probabilities [n, n_labels] and P(not a technique span) [n].

        The linear head may carry one extra row, 'none', trained on the tagger's false
        spans; technique probabilities are renormalised without it.
        """
        p = softmax((feats - self.mean) / self.scale @ self.coef.T + self.intercept)
        n = len(self.labels)
        p_none = p[:, n] if p.shape[1] > n else np.zeros(len(p), dtype=p.dtype)
        p = p[:, :n] / np.clip(p[:, :n].sum(axis=1, keepdims=True), 1e-9, None)
        if self.mlp is not None and self.alpha < 1.0:
            p = self.alpha * p + (1.0 - self.alpha) * mlp_probs(self.mlp, feats)
        return p, p_none

    def classify(
        self,
        text: str,
        spans: list[tuple[int, int]],
        units: list[EncodedUnit] | None = None,
        ranges: list[tuple[int, int]] | None = None,
    ) -> np.ndarray:
        """[n_spans, n_labels] technique probabilities for given spans."""
        ranges = ranges if ranges is not None else sentence_ranges(text)
        units = units if units is not None else self.encode(text, ranges)
        feats, _ = self.features(text, units, spans, ranges)
        return self.classify_features(feats)[0]

    def analyze(
        self,
        text: str,
        ranges: list[tuple[int, int]] | None = None,
        threshold: float | None = None,
        units: list[EncodedUnit] | None = None,
    ) -> list[Technique]:
        """Spans, each with its most probable technique; score = P(span) × P(label).

        P(span) is the tagger's mean confidence times 1 − P(none) from the technique head.
        `units` is an encoding of `text` over `ranges` made earlier (one pass per sentence).
        """
        ranges = ranges if ranges is not None else sentence_ranges(text)
        units = units if units is not None else self.encode(text, ranges)
        spans = self.find_spans(text, units, threshold)
        if not spans:
            return []
        feats, _ = self.features(text, units, [(s, e) for s, e, _ in spans], ranges)
        probs, p_none = self.classify_features(feats)
        out = []
        for (start, end, p_span), row, none in zip(spans, probs, p_none):
            if none >= self.none_threshold:
                continue
            best = int(row.argmax())
            out.append(
                Technique(
                    label=self.labels[best],
                    start=start,
                    end=end,
                    score=round(float(p_span * (1.0 - none) * row[best]), 4),
                    text=text[start:end],
                )
            )
        return out


@lru_cache(maxsize=4)
def load_rhetoric_model(model_dir: str = str(SENTENCE_MODEL_DIR), threads: int | None = None):
    return RhetoricModel(model_dir, threads=threads)
