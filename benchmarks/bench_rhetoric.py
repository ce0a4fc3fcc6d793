"""Speed of the rhetoric component alone on PTC articles, and its share of full analyze time.

    python benchmarks/bench_rhetoric.py [--articles ../shared/data/ptc/train-articles]
        [--split heldout] [--limit N] [--threads T] [--full N]

Prints sentences/s of the component alone (the sentence encoder's pass plus the span and
technique heads) and, on the first --full articles, the full `analyze` time with the share
spent in claimscope_rhetoric's own heads and in the sentence encoder's pass, which the
rhetoric and claims components share (whichever runs first pays for it: claims).
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from timing import time_components  # benchmarks/timing.py, beside this script

from claimscope.corpora.ptc import article_ids, read_text
from claimscope.runtime.rhetoric_model import RhetoricModel
from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR, sentence_ranges

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc" / "train-articles"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--split", default="heldout", help="heldout, validation, train or all")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--threads", type=int, default=0, help="onnxruntime threads (0 = all)")
    parser.add_argument("--full", type=int, default=10, help="articles for the full-pipeline share")
    args = parser.parse_args()
    ids = article_ids(args.articles)
    if args.split != "all":
        config = json.loads((SENTENCE_MODEL_DIR / "config.json").read_text())
        wanted = set(config["split"][args.split])
        ids = [i for i in ids if i in wanted]
    if args.limit:
        ids = ids[: args.limit]
    if not ids:
        print(f"{args.articles}: no articles", file=sys.stderr)
        return 2
    texts = [read_text(args.articles, i) for i in ids]

    model = RhetoricModel(threads=args.threads or None)
    model.analyze(texts[0])  # warm-up: session and tokenizer caches
    n_sent = sum(len(sentence_ranges(t)) for t in texts)
    t0 = time.perf_counter()
    n_found = sum(len(model.analyze(t)) for t in texts)
    alone = time.perf_counter() - t0
    print(f"component alone: {len(texts)} articles, {n_sent} sentences in {alone:.1f}s "
          f"-> {n_sent / alone:.1f} sentences/s, {len(texts) / alone:.2f} articles/s, "
          f"{n_found} technique spans")

    if args.full:
        from claimscope.workspace import Workspace

        workspace = Workspace()
        nlp = workspace.nlp
        workspace.analyze_text(texts[0])
        # The session the pipeline's components share (not `model`'s, whose --threads may differ).
        encoder = nlp.get_pipe("claimscope_rhetoric")._load().encoder
        encoder_seconds = [0.0]
        real_run = encoder.run

        def timed_run(batch):
            start = time.perf_counter()
            try:
                return real_run(batch)
            finally:
                encoder_seconds[0] += time.perf_counter() - start

        encoder.run = timed_run
        per_component, total = time_components(nlp, texts[: args.full])
        encoder.run = real_run
        share = per_component.get("claimscope_rhetoric", 0.0) / total
        print(f"full pipeline on {min(args.full, len(texts))} articles: {total:.1f}s; "
              f"claimscope_rhetoric's heads {share:.0%} of it; the shared sentence encoder pass "
              f"{encoder_seconds[0] / total:.0%}")
        for name, seconds in per_component.items():
            print(f"  {name:26s} {seconds:6.2f}s  {seconds / total:5.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
