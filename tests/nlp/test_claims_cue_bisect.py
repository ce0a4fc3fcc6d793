"""The claim extractor asks, for each claim, whether another attribution's cue lies between its
sentence start and its own frame; it does so by bisection over the cues sorted once (a scan of
every attribution per claim was quadratic on long texts: 1.6 M calls at 120k characters)."""

from claimscope.nlp.claims import _any_between


def test_a_value_in_the_half_open_range_is_found():
    starts = [3, 10, 42, 97]
    assert _any_between(starts, 0, 4)
    assert _any_between(starts, 10, 11)
    assert _any_between(starts, 43, 200)


def test_no_value_in_the_range_or_only_at_its_end():
    starts = [3, 10, 42, 97]
    assert not _any_between(starts, 4, 10)  # 10 is the end, outside [4, 10)
    assert not _any_between(starts, 98, 500)
    assert not _any_between([], 0, 100)


def test_a_second_reporter_in_the_sentence_keeps_the_first_ones_frame_out(analyze):
    # Each claim reads its status from its own frame: the second source's hedge is not the
    # first one's, and the first one's "said" does not reach the second.
    analysis = analyze("Mara Voss said that the quay was rebuilt in May, while Tom Reyes "
                       "suggested that the ferry might return.\n")
    quay = next(c for c in analysis.claims if "quay" in c.text)
    assert quay.status != "speculative", (quay.text, quay.status, [c.text for c in quay.cues])
