"""Pure attribution logic: windows, BIO repair, grouping and quote kinds on hand-made spans."""

from __future__ import annotations

import numpy as np

from claimscope.nlp.attribution_spans import (
    RoleSpan,
    constrained_path,
    decode_bio,
    drop_bare,
    group_spans,
    merge_adjacent,
    plan_windows,
    quote_kind,
    quoted_mask,
    recover_cues,
    snap_to_words,
)

LABELS = ["O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"]


def test_windows_cover_every_unit_and_overlap():
    plan = plan_windows([100, 100, 100, 100, 100], budget=250)
    assert plan[0] == (0, 2) and plan[-1][1] == 5
    covered = set()
    for a, b in plan:
        covered.update(range(a, b))
    assert covered == set(range(5))
    assert len(plan) > 2  # windows overlap rather than tile
    assert plan_windows([300], budget=250) == [(0, 1)]  # an oversize unit still gets a window


def test_windows_with_a_fixed_sentence_overlap():
    units = [100, 100, 100, 100, 100]
    assert plan_windows(units, budget=250, overlap=0) == [(0, 2), (2, 4), (4, 5)]
    assert plan_windows(units, budget=250, overlap=1) == [(0, 2), (1, 3), (2, 4), (3, 5)]
    # Half overlap (the default) and a one-sentence seam differ once windows hold more units.
    units = [50] * 10
    assert plan_windows(units, budget=250, overlap=1) == [(0, 5), (4, 9), (8, 10)]
    assert plan_windows(units, budget=250) == [(0, 5), (2, 7), (4, 9), (6, 10)]
    # An overlap as large as the window still advances.
    assert plan_windows([100, 100, 100], budget=250, overlap=5) == [(0, 2), (1, 3)]


def test_spans_snap_outward_to_whole_words():
    text = "Dr. Dravon Keel's aide, O'Neill, said: re-election isn't sure."
    # A source that ends after the first piece of "Dravon" ("Dr" + "##avon").
    (source,) = snap_to_words([RoleSpan("source", 4, 6)], text)
    assert text[source.start : source.end] == "Dravon"
    # A span that starts inside a word and ends inside another.
    (span,) = snap_to_words([RoleSpan("source", 6, 13)], text)
    assert text[span.start : span.end] == "Dravon Keel"
    # Punctuation is a boundary: nothing to widen.
    (cue,) = snap_to_words([RoleSpan("cue", 33, 37)], text)
    assert text[cue.start : cue.end] == "said"
    # A word split between two spans goes to the span of its first piece.
    snapped = snap_to_words([RoleSpan("source", 4, 6), RoleSpan("cue", 6, 8),
                             RoleSpan("cue", 8, 10)], text)
    assert [(s.role, text[s.start : s.end]) for s in snapped] == [("source", "Dravon")]
    snapped = snap_to_words([RoleSpan("source", 4, 8), RoleSpan("content", 8, 15)], text)
    assert [(s.role, text[s.start : s.end]) for s in snapped] == [
        ("source", "Dravon"), ("content", " Keel")]
    # Any span ends up on word boundaries.
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            (s,) = snap_to_words([RoleSpan("content", start, end)], text)
            assert s.start <= start and s.end >= end
            assert s.start == 0 or not (text[s.start - 1].isalnum() and text[s.start].isalnum())
            assert s.end == len(text) or not (text[s.end - 1].isalnum() and text[s.end].isalnum())


def test_bio_repair_starts_a_span_on_a_stray_inside_tag():
    tags = ["I-SOURCE", "I-SOURCE", "B-CUE", "O", "I-CONTENT", "B-CONTENT", "I-CONTENT"]
    probs = np.zeros((len(tags), len(LABELS)))
    for k, t in enumerate(tags):
        probs[k, LABELS.index(t)] = 1.0
    starts = np.arange(len(tags)) * 10
    spans = decode_bio(starts, starts + 5, probs, LABELS)
    assert [(s.role, s.start, s.end) for s in spans] == [
        ("source", 0, 15), ("cue", 20, 25), ("content", 40, 45), ("content", 50, 65)]


def _rows(*rows):
    """Probability rows given as {label: p}; the rest of each row is spread over the others."""
    out = np.zeros((len(rows), len(LABELS)))
    for k, row in enumerate(rows):
        rest = (1.0 - sum(row.values())) / (len(LABELS) - len(row))
        out[k] = [row.get(label, rest) for label in LABELS]
    return out


def test_constrained_decoding_never_starts_a_span_with_an_inside_tag():
    # Argmax: O, I-CUE (a stray cue), I-CONTENT after a cue. The best valid sequence reads
    # the stray piece as O and opens the content with B-CONTENT.
    probs = _rows({"O": 0.9}, {"I-CUE": 0.4, "O": 0.35}, {"I-CONTENT": 0.5, "B-CONTENT": 0.4},
                  {"I-CONTENT": 0.9})
    path = [LABELS[i] for i in constrained_path(probs, LABELS)]
    assert path == ["O", "O", "B-CONTENT", "I-CONTENT"]
    argmax = [LABELS[i] for i in probs.argmax(1)]
    assert argmax == ["O", "I-CUE", "I-CONTENT", "I-CONTENT"]
    starts = np.arange(4) * 10
    spans = decode_bio(starts, starts + 5, probs, LABELS, constrained=True)
    assert [(s.role, s.start, s.end) for s in spans] == [("content", 20, 35)]
    assert decode_bio(starts, starts, probs[:0], LABELS, constrained=True) == []


def test_constrained_decoding_keeps_a_valid_argmax_sequence():
    tags = ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "O"]
    probs = _rows(*({t: 0.8} for t in tags))
    assert [LABELS[i] for i in constrained_path(probs, LABELS)] == tags


def test_grouping_takes_the_nearest_cue_and_respects_sentences():
    # "Smith said taxes rise. Jones added that rates fall."  (sentences at 0 and 23)
    spans = [RoleSpan("source", 0, 5), RoleSpan("cue", 6, 10), RoleSpan("content", 11, 22),
             RoleSpan("source", 23, 28), RoleSpan("cue", 29, 34), RoleSpan("content", 35, 50)]
    groups = group_spans(spans, [0, 23])
    assert [(g.source.start, g.cue.start, g.content_extent) for g in groups] == [
        (0, 6, (11, 22)), (23, 29, (35, 50))]


def test_content_in_previous_sentence_and_split_quote():
    # content sentence, then "the source said"; then a quote split around a cue.
    spans = [RoleSpan("content", 0, 40), RoleSpan("source", 42, 52), RoleSpan("cue", 53, 57),
             RoleSpan("content", 60, 70), RoleSpan("source", 72, 74), RoleSpan("cue", 75, 79),
             RoleSpan("content", 81, 95)]
    groups = group_spans(spans, [0, 41, 58])
    assert groups[0].content_extent == (0, 40) and groups[0].source.start == 42
    assert [(c.start, c.end) for c in groups[1].contents] == [(60, 70), (81, 95)]


def test_spans_two_sentences_away_and_orphans_are_dropped():
    spans = [RoleSpan("content", 0, 9), RoleSpan("cue", 25, 29), RoleSpan("source", 40, 45)]
    (group,) = group_spans(spans, [0, 10, 20, 30, 35])
    assert group.contents == [] and group.source is None
    assert group_spans([RoleSpan("content", 0, 9)], [0]) == []


def test_quote_kinds():
    text = '“We will win,” she said, adding that the party “cannot lose” and would fight.'
    assert quote_kind(text, [(0, 14)]) == "direct"
    assert quote_kind(text, [(1, 12)]) == "direct"  # quotes just outside the span
    assert quote_kind(text, [(32, 77)]) == "mixed"
    assert quote_kind('He said "yes".', [(0, 2)]) == "indirect"
    assert quote_kind('He said "yes".', [(9, 12)]) == "direct"


def test_the_quoted_mask_of_a_text_is_made_once_and_cannot_be_changed():
    # Every rule that asks whether a content is quoted reads the same document's mask: made
    # once, not once per group (that was quadratic in the text's length).
    text = 'He said "yes" and left.\n"Fine," she said.'
    mask = quoted_mask(text)
    assert quoted_mask(text) is mask and not mask.flags.writeable
    assert "".join(ch for ch, quoted in zip(text, mask) if quoted) == '"yes""Fine,"'
    other = quoted_mask("No quotation here.")
    assert not other.any() and quoted_mask(text).tolist() == mask.tolist()


def test_adjacent_sources_merge_but_contents_stay_apart():
    text = "The DNC said it. Then more."
    spans = [RoleSpan("source", 0, 3), RoleSpan("source", 4, 7), RoleSpan("cue", 8, 12),
             RoleSpan("content", 13, 15), RoleSpan("content", 17, 21)]
    merged = merge_adjacent(spans, text)
    assert [(s.role, s.start, s.end) for s in merged] == [
        ("source", 0, 7), ("cue", 8, 12), ("content", 13, 15), ("content", 17, 21)]
    # A word between two sources keeps them apart.
    assert len(merge_adjacent([RoleSpan("source", 0, 3), RoleSpan("source", 8, 12)], text)) == 2


def test_recover_cues_only_in_uncued_sentences_with_a_role():
    # Pieces (one per word) of three sentences: "Kim thinks so ." | "Lee said yes ." | "Rain fell ."
    starts = np.array([0, 4, 11, 14, 16, 20, 25, 29, 31, 36, 41])
    ends = np.array([3, 10, 13, 15, 19, 24, 28, 30, 35, 40, 42])
    cue_prob = np.array([0.0, 0.38, 0.1, 0.0, 0.0, 0.9, 0.0, 0.0, 0.0, 0.6, 0.0])
    spans = [RoleSpan("source", 0, 3), RoleSpan("content", 11, 13),  # sentence 0: no cue
             RoleSpan("source", 16, 19), RoleSpan("cue", 20, 24)]    # sentence 1: has a cue
    (cue,) = recover_cues(spans, starts, ends, cue_prob, [0, 16, 31], threshold=0.35)
    assert (cue.role, cue.start, cue.end) == ("cue", 4, 10)
    assert abs(cue.score - 0.38) < 1e-6
    # Under the threshold nothing is added; sentence 2 ("fell": 0.6) has no source or content.
    assert recover_cues(spans, starts, ends, cue_prob, [0, 16, 31], threshold=0.4) == []
    # A piece inside an existing span is never taken, even with the highest probability.
    taken = spans + [RoleSpan("content", 4, 10)]
    assert recover_cues(taken, starts, ends, cue_prob, [0, 16, 31], threshold=0.35) == []


def test_recovered_cue_grows_over_neighbouring_cue_pieces():
    # "according to him": two free pieces above the threshold form one cue.
    starts, ends = np.array([0, 10, 13]), np.array([9, 12, 16])
    cue_prob = np.array([0.4, 0.36, 0.05])
    (cue,) = recover_cues([RoleSpan("source", 13, 16)], starts, ends, cue_prob, [0], 0.35)
    assert (cue.start, cue.end) == (0, 12)


def test_drop_bare_keeps_cues_with_a_source_or_a_content():
    spans = [RoleSpan("source", 0, 3), RoleSpan("cue", 4, 8), RoleSpan("cue", 30, 34),
             RoleSpan("cue", 50, 54), RoleSpan("content", 55, 60)]
    groups = group_spans(spans, [0, 20, 40])
    assert len(groups) == 3
    kept = drop_bare(groups)
    assert [(g.cue.start, g.source is not None, len(g.contents)) for g in kept] == [(4, True, 0), (50, False, 1)]


def _group_spans_every_pair(spans, sentence_starts):
    """Grouping as it was before the cue index: every span paired with every cue (quadratic).
    The reference the indexed grouping must equal."""
    from bisect import bisect_right

    from claimscope.nlp.attribution_spans import _CROSS_SENTENCE, Group, _gap

    starts = sorted(sentence_starts) or [0]

    def sentence_of(char):
        return bisect_right(starts, char) - 1

    groups = [Group(cue=c) for c in sorted((s for s in spans if s.role == "cue"), key=lambda s: s.start)]

    def pairs(role):
        items = sorted((s for s in spans if s.role == role), key=lambda s: s.start)
        found = [(d, i, g) for i, item in enumerate(items) for g, group in enumerate(groups)
                 if (d := _gap(item, group.cue, sentence_of)) >= 0]
        return items, sorted(found)

    sources, source_pairs = pairs("source")
    taken = set()
    for _, i, g in source_pairs:
        if i not in taken and groups[g].source is None:
            groups[g].source = sources[i]
            taken.add(i)
    contents, content_pairs = pairs("content")
    nearest = {}
    for _, i, g in content_pairs:
        nearest.setdefault(i, g)
    leftovers = []
    for _, i, g in content_pairs:
        if nearest.get(i) != g:
            continue
        if not groups[g].contents:
            groups[g].contents.append(contents[i])
        else:
            leftovers.append(i)
    for i in leftovers:
        free = [(d, g) for d, j, g in content_pairs if j == i and d < _CROSS_SENTENCE
                and not groups[g].contents]
        groups[nearest[i] if not free else min(free)[1]].contents.append(contents[i])
    for group in groups:
        group.contents.sort(key=lambda s: s.start)
    return groups


def test_indexed_grouping_equals_pairing_every_span_with_every_cue():
    # Random layouts, with what a tagger rarely gives too: overlapping and empty spans, spans
    # over several sentences, spans before the first sentence start, several cues a sentence.
    rng = np.random.default_rng(9)
    for _ in range(400):
        length = int(rng.integers(20, 400))
        starts = sorted(set(rng.integers(0, length, size=int(rng.integers(1, 12))).tolist()))
        spans = []
        for _ in range(int(rng.integers(0, 25))):
            start = int(rng.integers(0, length))
            end = start + int(rng.choice([0, 1, 3, 10, 40, 120]))
            spans.append(RoleSpan(str(rng.choice(["source", "cue", "content"])), start, end))
        assert group_spans(spans, starts) == _group_spans_every_pair(spans, starts), (spans, starts)
