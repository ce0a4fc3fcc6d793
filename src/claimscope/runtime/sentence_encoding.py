"""One encoder pass per sentence: the units every sentence-level head reads from.

The shipped sentence model (`resources/models/sentence/`) is an ONNX encoder with a token
head `si` (propaganda span pieces) and its last hidden states. A text is cut into sentence
windows, each window is encoded once, and the result (`EncodedUnit`: piece offsets into the
whole text, `si` probabilities, hidden states) serves the technique tagger and the pooled
sentence heads (check-worthiness, uncertainty) alike.

No torch, no spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimscope.runtime.onnx_model import OnnxModel

SENTENCE_MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "sentence"
# Lines longer than this many characters are cut into windows before encoding so that no
# piece is lost to truncation (max_length 128 pieces ≈ 450+ characters of news English).
WINDOW_CHARS = 400


@dataclass
class EncodedUnit:
    """One encoded window of text: absolute char offsets of its pieces and their outputs."""

    start: int
    end: int
    offsets: np.ndarray  # [n, 2] absolute character offsets
    si: np.ndarray | None  # [n, 3] probabilities of O, B, I
    hidden: np.ndarray | None  # [n, dim]


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end): PTC's one-sentence-per-line unit."""
    out = []
    at = 0
    for line in text.split("\n"):
        stripped = line.rstrip("\r")
        if stripped.strip():
            lead = len(stripped) - len(stripped.lstrip())
            out.append((at + lead, at + len(stripped.rstrip())))
        at += len(line) + 1
    return out


def windows(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut ranges longer than WINDOW_CHARS at whitespace so nothing is truncated."""
    out = []
    for start, end in ranges:
        while end - start > WINDOW_CHARS:
            cut = text.rfind(" ", start, start + WINDOW_CHARS)
            if cut <= start:
                cut = start + WINDOW_CHARS
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out


def encode(model: OnnxModel, text: str, ranges: list[tuple[int, int]] | None = None) -> list[EncodedUnit]:
    """Encode every sentence window of `text` once (ranges default to its non-blank lines)."""
    wins = windows(text, ranges if ranges is not None else sentence_ranges(text))
    outputs = model.run([text[s:e] for s, e in wins])
    return [
        EncodedUnit(s, e, out.offsets + s, out.heads.get("si"), out.hidden)
        for (s, e), out in zip(wins, outputs)
    ]


def pieces_inside(units: list[EncodedUnit], start: int, end: int):
    """(unit, mask of its pieces inside [start, end)) for every unit that has such pieces."""
    for unit in units:
        if unit.end <= start or unit.start >= end or len(unit.offsets) == 0:
            continue
        inside = (unit.offsets[:, 0] < end) & (unit.offsets[:, 1] > start)
        if inside.any():
            yield unit, inside


def pooled_mean(units: list[EncodedUnit], start: int, end: int) -> np.ndarray | None:
    """Mean hidden state of the pieces inside [start, end); None when no piece is."""
    pieces = [unit.hidden[inside] for unit, inside in pieces_inside(units, start, end)]
    if not pieces:
        return None
    return np.concatenate(pieces).mean(axis=0)
