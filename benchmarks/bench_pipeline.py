"""Speed and memory of the full pipeline against spaCy parsing alone, on the same texts.

    python benchmarks/bench_pipeline.py [--texts ../shared/data/polnear/dev/text] [--limit N]

Prints articles/s for spaCy alone and for the full claimscope pipeline, their ratio (target:
full >= 0.4x spaCy alone), the share of time per component, and peak RSS. Not a test: timings
depend on the machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import spacy
from timing import time_components  # benchmarks/timing.py, beside this script

from claimscope.settings import Settings
from claimscope.workspace import Workspace

DEFAULT_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-rhetoric", action="store_true")
    args = parser.parse_args()
    files = sorted(args.texts.glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"{args.texts}: no .txt files", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    settings = Settings()
    settings.rhetoric = not args.no_rhetoric

    base = spacy.load(settings.spacy_model)
    base(texts[0])  # warm-up
    t0 = time.perf_counter()
    for text in texts:
        base(text)
    spacy_seconds = time.perf_counter() - t0

    workspace = Workspace(settings)
    nlp = workspace.nlp
    workspace.analyze_text(texts[0])  # warm-up: loads the ONNX sessions
    per_component, full_seconds = time_components(nlp, texts)

    n = len(texts)
    spacy_rate, full_rate = n / spacy_seconds, n / full_seconds
    print(f"articles: {n} from {args.texts}")
    print(f"spaCy alone ({settings.spacy_model}): {spacy_rate:.2f} articles/s")
    print(f"full pipeline: {full_rate:.2f} articles/s")
    print(f"ratio full / spaCy alone: {full_rate / spacy_rate:.2f} (target >= 0.40)")
    for name, seconds in sorted(per_component.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<28} {seconds / full_seconds:6.1%}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
