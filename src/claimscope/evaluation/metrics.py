"""The one precision / recall / F1 every scorer uses.

Scorers differ in what they count (spans, pairs, labels, overlaps), not in how the three figures
follow from the counts, so that arithmetic lives here once. `empty` is what a ratio with nothing
under it is worth: 0.0 for span and label scores (no prediction earns nothing), 1.0 where the
field's convention calls an empty set of pairs vacuously right (pairwise linking, copy groups).
"""

from __future__ import annotations


def ratio(part: float, whole: float, empty: float = 0.0) -> float:
    return part / whole if whole else empty


def f1(precision: float, recall: float) -> float:
    """The harmonic mean; 0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def prf(correct: float, predicted: float, gold: float, empty: float = 0.0) -> tuple[float, float, float]:
    """(precision, recall, F1) from the correct, predicted and gold counts (or weights)."""
    precision = ratio(correct, predicted, empty)
    recall = ratio(correct, gold, empty)
    return precision, recall, f1(precision, recall)
