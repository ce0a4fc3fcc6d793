"""The claims component's indices (mentions by start, attribution contents by start, frames by
end) answer exactly what a scan over every item answers, in the same order: they only make the
per-claim look-ups linear. Random spans, checked against the scans they replaced."""

import random

from claimscope.model.records import Attribution, Entity, TextSpan
from claimscope.nlp.claims import _ContentIndex, _frame_end, _FrameIndex, _MentionIndex


def _span(rng, limit=400, longest=60):
    start = rng.randrange(limit)
    return TextSpan(start, start + rng.randrange(1, longest), "x")


def _entities(rng):
    return [Entity(id=f"e{i}", name=f"E{i}", type="ORG",
                   mentions=[_span(rng, longest=15)
                             for _ in range(rng.randrange(1, 5))]) for i in range(25)]


def _attributions(rng):
    return [Attribution(id=f"a{i}", kind="direct", cue=_span(rng, longest=8),
                        content=_span(rng, longest=120),
                        source=_span(rng, longest=10) if rng.random() < 0.7 else None)
            for i in range(30)]


def test_mentions_within_a_range_as_the_scan_finds_them():
    rng = random.Random(7)
    for _ in range(50):
        entities = _entities(rng)
        index = _MentionIndex(entities)
        for _ in range(40):
            start, end = sorted(rng.sample(range(450), 2))
            scan = [e.id for e in entities if any(m.start >= start and m.end <= end for m in e.mentions)]
            assert index.ids(index.within(start, end)) == scan


def test_overlapping_contents_and_last_frame_as_the_scan_finds_them():
    rng = random.Random(11)
    for _ in range(50):
        attributions = _attributions(rng)
        ordered = sorted(attributions, key=lambda a: a.cue.start)
        contents, frames = _ContentIndex(ordered), _FrameIndex(attributions)
        for _ in range(40):
            start, end = sorted(rng.sample(range(500), 2))
            assert contents.overlapping(start, end) == [
                a for a in ordered if start < a.content.end and a.content.start < end]
            framed = [a for a in attributions if a.source is not None and _frame_end(a) <= start]
            assert frames.last_before(start) is (max(framed, key=_frame_end) if framed else None)
