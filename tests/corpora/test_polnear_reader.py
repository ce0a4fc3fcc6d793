"""brat standoff parsing for PolNeAR, on a hand-written annotation file."""

from claimscope.corpora.polnear import parse_ann


def test_parse_ann_handles_discontinuous_and_numbered_roles():
    ann = (
        "T1\tSource 0 3\tabc\n"
        "T2\tCue 4 8\tsaid\n"
        "T3\tContent 9 12;20 25\tx y\n"
        "T4\tContent 30 33\tzzz\n"
        "continuation line of a span text\n"
        "T5\tAttribution 4 8\tsaid\n"
        "E1\tAttribution:T5 Source:T1 Cue:T2 Content:T3 Content2:T4\n"
    )
    (att,) = parse_ann(ann)
    assert att.source == [(0, 3)] and att.cue == [(4, 8)]
    assert att.content == [(9, 12), (20, 25), (30, 33)]
