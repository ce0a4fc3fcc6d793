"""The claim a test's analysis gives for some words, and the words of its cues: the one reading
the claim and status tests share (seven test files each had a copy)."""

from __future__ import annotations


def claim_with(analysis, words: str):
    """The first claim whose text holds the words (the test fails, listing the claims, if none)."""
    matches = [c for c in analysis.claims if words in c.text]
    assert matches, f"no claim contains {words!r}: {[c.text for c in analysis.claims]}"
    return matches[0]


def cue_texts(claim) -> list[str]:
    return [c.text for c in claim.cues]
