"""Sentence-level heads over the shared sentence encoder: check-worthiness and uncertainty.

Each head is one linear layer over the mean hidden state of a span's pieces
(`sentence_heads.npz`, trained jointly with the encoder), so a claim that is only part of a
sentence is scored from the encoder pass the rhetoric tagger also reads. Thresholds chosen on
validation data come with the model. No torch, no spaCy.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from claimscope.runtime.onnx_model import OnnxModel, load_model, softmax
from claimscope.runtime.sentence_encoding import (
    SENTENCE_MODEL_DIR,
    EncodedUnit,
    encode,
    pooled_mean,
)

HEADS_FILE = "sentence_heads.npz"


class SentenceHeads:
    """`predict(texts)` or `score_spans(units, spans)` -> one `{head: P(yes)}` dict per item."""

    def __init__(self, model_dir: str | Path | None = None, *, threads: int | None = None):
        directory = Path(model_dir) if model_dir is not None else SENTENCE_MODEL_DIR
        self.model_dir = directory
        # Shared per process with the rhetoric tagger: one session, one pass per sentence.
        self.model: OnnxModel = load_model(str(directory), threads)
        config = self.model.config
        heads = config["heads"]
        self.version = str(config.get("version", "?"))
        self.heads = [name for name, head in heads.items() if head["type"] == "pooled"]
        self.thresholds: dict[str, float] = {
            name: float(heads[name].get("threshold", 0.5)) for name in self.heads
        }
        weights = np.load(directory / HEADS_FILE)
        self._weights = {name: (weights[f"{name}_weight"], weights[f"{name}_bias"]) for name in self.heads}

    def encode(self, text: str, ranges: list[tuple[int, int]] | None = None) -> list[EncodedUnit]:
        return encode(self.model, text, ranges)

    def _probabilities(self, vectors: np.ndarray) -> list[dict[str, float]]:
        rows: list[dict[str, float]] = [{} for _ in range(len(vectors))]
        for name, (weight, bias) in self._weights.items():
            yes = softmax(vectors @ weight.T + bias)[:, 1]
            for row, p in zip(rows, yes):
                row[name] = float(p)
        return rows

    def score_spans(self, units: list[EncodedUnit], spans: list[tuple[int, int]]) -> list[dict[str, float]]:
        """P(yes) per head for character spans of a text already encoded into `units`."""
        dim = next((u.hidden.shape[1] for u in units if u.hidden is not None), 384)
        vectors = []
        for start, end in spans:
            vector = pooled_mean(units, start, end)
            vectors.append(vector if vector is not None else np.zeros(dim, dtype=np.float32))
        return self._probabilities(np.array(vectors, dtype=np.float32).reshape(-1, dim))

    def predict(self, texts: list[str]) -> list[dict[str, float]]:
        """Each text encoded on its own (truncated to the model's max_length)."""
        outputs = self.model.run(list(texts))
        dim = next((o.hidden.shape[1] for o in outputs if o.hidden is not None and len(o.hidden)), 384)
        vectors = np.array(
            [o.hidden.mean(axis=0) if o.hidden is not None and len(o.hidden) else np.zeros(dim)
             for o in outputs],
            dtype=np.float32,
        ).reshape(-1, dim)
        return self._probabilities(vectors)
