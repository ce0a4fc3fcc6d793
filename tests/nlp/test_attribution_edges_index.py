"""The sorted-span bound of content widening (nlp/attribution_edges.py `_Occupied`) answers what
the scan of every span answered, on random layouts (its cost on a long text is measured by
`benchmarks/bench_grouping.py --edges`, not here)."""

from __future__ import annotations

import random

from claimscope.nlp.attribution_edges import _Occupied


def _scan(spans, start, end) -> bool:
    """The bound as it was written before the index: every span of the text, for every content."""
    return any(s < end and start < e for s, e in spans)


def test_sorted_bound_agrees_with_the_scan_of_every_span():
    rng = random.Random(9)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 40)):
            s = rng.randint(0, 400)
            spans.append((s, s + rng.randint(1, 60)))
        occupied = _Occupied(spans)
        for _ in range(30):
            start = rng.randint(0, 460)
            end = start + rng.randint(0, 80)
            assert occupied.overlaps(start, end) == _scan(spans, start, end), (spans, start, end)


def test_a_span_that_only_touches_the_stretch_does_not_bound_it():
    occupied = _Occupied([(0, 10), (30, 40)])
    assert not occupied.overlaps(10, 30)  # the content's own end, the next span's start
    assert occupied.overlaps(10, 31)
    assert occupied.overlaps(9, 30)
    assert not _Occupied([]).overlaps(0, 100)
