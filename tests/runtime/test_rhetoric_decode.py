"""Span decoding and windowing of the rhetoric runtime on hand-made piece probabilities."""

import numpy as np

from claimscope.runtime.rhetoric_model import decode_spans
from claimscope.runtime.sentence_encoding import EncodedUnit, sentence_ranges, windows

TEXT = "We must stop these crooks now."


def unit(probs):
    # pieces: We, must, stop, these, cro, ##oks, now, .
    offsets = np.array([[0, 2], [3, 7], [8, 12], [13, 18], [19, 22], [22, 25], [26, 29], [29, 30]])
    return EncodedUnit(0, len(TEXT), offsets, np.array(probs, dtype=float), None)


O, B, I = [0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]


def test_run_of_in_pieces_becomes_one_word_aligned_span():
    spans = decode_spans(TEXT, [unit([O, O, O, B, I, O, O, O])], threshold=0.5)
    # "cro" is in, "##oks" is not: the span still ends on the word boundary.
    assert [(s, e) for s, e, _ in spans] == [(13, 25)]
    assert TEXT[13:25] == "these crooks"
    assert 0.5 < spans[0][2] <= 1.0


def test_b_after_a_gap_opens_a_second_span_and_threshold_matters():
    probs = [B, I, O, B, O, O, O, O]
    assert [(s, e) for s, e, _ in decode_spans(TEXT, [unit(probs)], 0.5)] == [(0, 7), (13, 18)]
    assert decode_spans(TEXT, [unit(probs)], 0.95) == []


def test_long_lines_are_windowed_without_losing_text():
    text = "Title\n\n" + " ".join(["word"] * 300) + "\nShort line."
    ranges = sentence_ranges(text)
    assert ranges[0] == (0, 5) and text[slice(*ranges[-1])] == "Short line."
    wins = windows(text, ranges)
    assert all(e - s <= 400 for s, e in wins)
    covered = "".join(text[s:e] for s, e in wins[1:-1]).replace(" ", "")
    assert covered == "word" * 300
