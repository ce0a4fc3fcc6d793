"""Faults the lead found reading the round's output on tuning-pool articles. Sentences written
for these tests."""

CONTENT_BEFORE_PARTICIPLE = (
    "Tom Reed spoke on Monday. However, he disputed accounts that the Lantern operation lasted "
    "for months, saying agency records indicated that the work took place for only a few days.\n")


def test_a_content_before_a_participle_cue_keeps_its_place(analyze):
    # The governor once moved a source after "saying" into a content tagged before it, a span
    # ending before it starts, and the analysis failed (spaCy E035).
    analysis = analyze(CONTENT_BEFORE_PARTICIPLE)
    for a in analysis.attributions:
        for part in (a.source, a.cue, a.content):
            if part is not None:
                assert part.start < part.end, (a.cue.text, part)
                assert CONTENT_BEFORE_PARTICIPLE[part.start:part.end] == part.text
