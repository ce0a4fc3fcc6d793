"""Attribution grouping on a long text: seconds in `attribution_spans.group_spans`.

    PYTHONPATH=src python benchmarks/bench_grouping.py                    # 960 paragraphs, spans only
    PYTHONPATH=src python benchmarks/bench_grouping.py --paragraphs 2000
    PYTHONPATH=src python benchmarks/bench_grouping.py --pipeline         # the real tagger's spans
    PYTHONPATH=src python benchmarks/bench_grouping.py --edges            # then content edges too

Grouping pairs every source and content with the cues near it. It used to pair each with every
cue of the text (and `_gap` ran for each pair), so a long text paid quadratically: 14.7 of 42 s
of a 960-paragraph analysis. The default run times grouping alone on spans laid out as a tagger
lays them (a source, a cue and a content in most sentences, a quotation split by its cue now and
then), so it needs no model; `--pipeline` tags a written text of that many paragraphs with the
shipped spaCy model and attribution tagger first (minutes), then times grouping on those spans.
The machine is shared: CPU (process) time is the figure to compare.

1 December 2026, 2 shared cores at load average 2-3, laid-out spans (best of 3 unless said):
paragraphs   spans    before (4e8dfb2, every span x every cue)   after (cue index)
   240       2,880      1.57 s CPU (one run)                       0.026 s
   960      11,520     29.15 s CPU (one run)                       0.056 s
  3840      46,080          -                                      0.280 s
The groups are the same (tests/nlp/test_attribution_spans.py compares with the old pairing on
random layouts; 480 laid-out paragraphs and the PolNeAR dev output were compared with 4e8dfb2's).

`--edges` parses the text with the spaCy model (no tagger) and times `attribution_edges.
complete_contents` on those groups too. Its widening bound used to scan every span of the text
for every content; it is now a bisection over the spans sorted by start (the same answers:
tests/nlp/test_attribution_edges_index.py; 40 tuning-pool articles gave byte-identical analyses).
2 December 2026, same machine, best of 3:
paragraphs   spans    groups   before (b895c14, every span per content)   after (sorted spans)
   240       2,880      960     0.256 s CPU                                0.038 s
   960      11,520    3,840     5.584 s CPU                                0.163 s
"""

from __future__ import annotations

import argparse
import sys
import time

from claimscope.nlp.attribution_edges import complete_contents
from claimscope.nlp.attribution_spans import RoleSpan, group_spans

PARAGRAPH = (
    "The harbour master of Velmont, Ansel Kray, said on Monday that berth {n} would stay shut. "
    "\"We will not open it,\" he told the council, \"until the divers are done.\" "
    "Engineers reported that the wall of berth {n} had moved, according to a memo. "
    "The ferry company denied that its boats had struck the wall."
)


def written_text(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPH.format(n=n) for n in range(1, paragraphs + 1)) + "\n"


def laid_out_spans(paragraphs: int) -> tuple[list[RoleSpan], list[int]]:
    """Spans and sentence starts in the shape the tagger gives for `written_text`'s sentences."""
    text = written_text(paragraphs)
    spans: list[RoleSpan] = []
    starts: list[int] = []
    at = 0
    for n in range(1, paragraphs + 1):
        para = PARAGRAPH.format(n=n)

        def span(role: str, phrase: str, sentence_at: int) -> None:
            start = text.index(phrase, sentence_at)
            spans.append(RoleSpan(role, start, start + len(phrase)))

        sentences = [at + i for i in _sentence_offsets(para)]
        starts += sentences
        s1, s2, s3, s4 = sentences
        span("source", "The harbour master of Velmont, Ansel Kray", s1)
        span("cue", "said", s1)
        span("content", f"berth {n} would stay shut", s1)
        span("content", "We will not open it,", s2)
        span("source", "he", s2)
        span("cue", "told", s2)
        span("content", "until the divers are done.", s2)
        span("source", "Engineers", s3)
        span("cue", "reported", s3)
        span("content", f"the wall of berth {n} had moved", s3)
        span("source", "The ferry company", s4)
        span("cue", "denied", s4)
        at += len(para) + 2
    return spans, starts


def _sentence_offsets(para: str) -> list[int]:
    out = [0]
    for mark in (". \"", ".\" E", ". T"):
        out.append(para.index(mark, out[-1]) + 2)
    return out


def tagged_spans(paragraphs: int) -> tuple[list[RoleSpan], list[int]]:
    """The shipped tagger's spans for `written_text` (the component's own decoding)."""
    from claimscope.nlp.attribution import tag_text
    from claimscope.nlp.pipeline import build_pipeline
    from claimscope.nlp.sentence_units import sentence_bounds

    nlp = build_pipeline()
    text = written_text(paragraphs)
    names = [name for name, _ in nlp.pipeline]
    keep = names[: names.index("claimscope_attribution")]
    with nlp.select_pipes(enable=keep):
        doc = nlp(text)
    tagger = nlp.get_pipe("claimscope_attribution")
    bounds = sentence_bounds(doc)
    spans = tag_text(tagger.model, text, bounds, tagger.window_tokens, tagger.window_overlap)
    return spans, [s for s, _ in bounds]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=960)
    parser.add_argument("--pipeline", action="store_true", help="spans from the real tagger (slow)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--edges", action="store_true", help="time complete_contents too (parses the text)")
    args = parser.parse_args()
    spans, starts = (tagged_spans if args.pipeline else laid_out_spans)(args.paragraphs)
    (cpu, wall), groups = best_of(args.repeat, lambda: group_spans(spans, starts))
    print(f"{args.paragraphs} paragraphs, {len(spans)} spans, {len(starts)} sentences, "
          f"{len(groups)} groups: group_spans {cpu:.3f} s CPU ({wall:.3f} s wall), "
          f"best of {args.repeat}")
    if args.edges:
        doc = parsed(written_text(args.paragraphs))
        (cpu, wall), _ = best_of(args.repeat, lambda: complete_contents(doc, groups))
        print(f"complete_contents {cpu:.3f} s CPU ({wall:.3f} s wall), best of {args.repeat}")
    return 0


def best_of(repeat: int, run):
    """The least CPU and wall seconds of `repeat` runs, and the last run's result."""
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        result = run()
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return (best_cpu, best_wall), result


def parsed(text: str):
    """The text parsed by the configured spaCy model: what `complete_contents` reads."""
    import spacy

    from claimscope.settings import spacy_model_setting

    return spacy.load(spacy_model_setting(), disable=["ner"])(text)


if __name__ == "__main__":
    sys.exit(main())
