"""Train the stance model on FNC-1 train: pre-filter and two classifiers over encoder features.

1. Split FNC-1 train by story (`corpora.fnc1.split_by_story`): validation pairs share no body,
   and no related headline, with training pairs.
2. Pre-filter: a logistic regression over word-overlap features (related vs unrelated); its
   threshold keeps `prefilter_recall` of the related training pairs.
3. Features (`ledger.stance.stance_features`) of the training pairs the pre-filter passes, from
   the shipped claim encoder's embeddings of headlines and body sentences (cached on disk).
4. Two classifiers (standardised inputs): related vs unrelated (logistic regression), and
   agree / disagree / discuss on related pairs (a one-hidden-layer MLP or a class-weighted
   logistic regression, whichever gives the better validation macro-F1), then the
   related threshold that maximises validation FNC score.
5. The shipped pipeline (`ledger.stance.StanceModel`, the runtime code) is scored on the
   validation pairs; those are the model card's figures.

Why not a fine-tuned cross-encoder: on the shared 2-core machine (load 8+) a MiniLM training
step of 16 pairs took ~10 s at nice 19, so one epoch over the related pairs would take hours.

Run: `claimscope train stance` (needs the `train` extra).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from claimscope.corpora.fnc1 import STANCES, data_hash, read_bodies, read_stances, split_by_story
from claimscope.evaluation.stance import stance_scores
from claimscope.ledger.overlap import relatedness_features
from claimscope.ledger.stance import (
    N_SCALARS,
    body_sentences,
    head_probs,
    refutation_features,
    stance_features,
)
from claimscope.runtime.text_encoder import TextEncoder
from claimscope.training.embedding_cache import cached_embeddings
from claimscope.training.rhetoric import log
from claimscope.training.stance_split import SPLIT_SEED, VALIDATION_PERCENT


def fit_prefilter(x: np.ndarray, y: np.ndarray, recall: float) -> dict:
    """Logistic regression related-vs-unrelated; threshold at `recall` of related pairs."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    prob = clf.predict_proba(x)[:, 1]
    threshold = float(np.quantile(prob[y], 1.0 - recall))
    return {"coef": [float(c) for c in clf.coef_[0]], "intercept": float(clf.intercept_[0]),
            "threshold": threshold, "train_related_recall": float((prob[y] >= threshold).mean()),
            "train_unrelated_skipped": float((prob[~y] < threshold).mean()), "prob": prob}


def _standardise(x):
    return x.mean(0), x.std(0) + 1e-6


def _as_head(mean, scale, layers) -> dict:
    return {"mean": mean.astype(np.float32), "scale": scale.astype(np.float32),
            "layers": [(w.astype(np.float32), b.astype(np.float32)) for w, b in layers]}


def fit_tfidf(pairs, bodies, max_features: int = 3000):
    """TfidfVectorizer over training headlines and bodies; returns (vocabulary dict, runtime
    TfIdf), after checking that the runtime computes the same vectors."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from claimscope.ledger.stance import TfIdf

    texts = list(dict.fromkeys(p.headline for p in pairs)) + [bodies[b] for b in dict.fromkeys(p.body_id for p in pairs)]
    vec = TfidfVectorizer(max_features=max_features, stop_words="english", sublinear_tf=True).fit(texts)
    words = [w for w, _ in sorted(vec.vocabulary_.items(), key=lambda item: item[1])]
    vocabulary = {"words": words, "idf": [float(v) for v in vec.idf_], "max_features": max_features,
                  "fitted_on": "training headlines and bodies"}
    tfidf = TfIdf(words, vocabulary["idf"])
    probe = texts[:50] + texts[-50:]
    assert np.allclose(vec.transform(probe).toarray(), tfidf.transform(probe), atol=1e-5)
    return vocabulary, tfidf


def tfidf_inputs(tfidf, pairs, bodies) -> np.ndarray:
    return np.hstack([tfidf.transform([p.headline for p in pairs]),
                      tfidf.transform([bodies[p.body_id] for p in pairs])])


def fit_logistic(x, y, c: float, class_weight=None, standardise: int | None = None) -> dict:
    """Logistic regression on standardised inputs; `standardise` = how many leading columns to
    standardise (None: all; TF-IDF columns are already on a common scale)."""
    from sklearn.linear_model import LogisticRegression

    n = x.shape[1] if standardise is None else standardise
    mean, scale = np.zeros(x.shape[1]), np.ones(x.shape[1])
    mean[:n], scale[:n] = _standardise(x[:, :n])
    clf = LogisticRegression(C=c, max_iter=500, class_weight=class_weight).fit((x - mean) / scale, y)
    w, b = clf.coef_.T, clf.intercept_
    return _as_head(mean, scale, [(w, b)])


def fit_mlp(x, y, hidden: int, alpha: float, seed: int, oversample: dict[int, int], *,
            max_iter: int = 60, early_stopping: bool = True) -> dict:
    from sklearn.neural_network import MLPClassifier

    mean, scale = _standardise(x)
    idx = np.concatenate([np.repeat(np.where(y == c)[0], oversample.get(int(c), 1)) for c in np.unique(y)])
    clf = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, max_iter=max_iter,
                        early_stopping=early_stopping, validation_fraction=0.1, random_state=seed)
    clf.fit(((x - mean) / scale)[idx], y[idx])
    return _as_head(mean, scale, list(zip(clf.coefs_, clf.intercepts_)))


def save_heads(path: Path, heads: dict[str, dict]) -> None:
    arrays = {}
    for name, head in heads.items():
        arrays[f"{name}_mean"] = head["mean"]
        arrays[f"{name}_scale"] = head["scale"]
        arrays[f"{name}_n_layers"] = np.array(len(head["layers"]))
        for k, (w, b) in enumerate(head["layers"]):
            arrays[f"{name}_w{k}"] = w
            arrays[f"{name}_b{k}"] = b
    np.savez(path, **arrays)


def pipeline_labels(pairs, passed, related_p, stance_p, threshold) -> list[str]:
    out = ["unrelated"] * len(pairs)
    for row, k in enumerate(passed):
        if related_p[row] >= threshold:
            out[k] = STANCES[int(np.argmax(stance_p[row]))]
    return out


def train(
    shared: str | Path,
    out_dir: str | Path,
    *,
    work_dir: str | Path = "runs/stance",
    encoder_dir: str | Path | None = None,
    seed: int = 13,
    split_seed: int = SPLIT_SEED,
    validation_percent: int = VALIDATION_PERCENT,
    prefilter_recall: float = 0.995,
    threads: int = 2,
    version: str = "1.0.0",
    stance_head: str | None = None,
    related_threshold: float = 0.7,
    stance_offsets: tuple[float, float, float] | None = None,
) -> dict:
    """Fit and score. With `stance_head` (a candidate's name, chosen by `training.stance_cv` on
    the training stories) only that head is fitted and shipped with `related_threshold` and
    `stance_offsets`; without it the candidates are compared on the held-out stories (how
    1.0.0 was chosen)."""
    from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR

    started = time.time()
    shared, out_dir, work_dir = Path(shared), Path(out_dir), Path(work_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work_dir.mkdir(parents=True, exist_ok=True)
    log_file = work_dir / "train.log"

    def say(msg):
        log(msg, log_file)

    stances_path, bodies_path = shared / "fnc1" / "train_stances.csv", shared / "fnc1" / "train_bodies.csv"
    pairs, bodies = read_stances(stances_path), read_bodies(bodies_path)
    train_pairs, val_pairs = split_by_story(pairs, seed=split_seed, validation_percent=validation_percent)
    say(f"train {len(train_pairs)} {dict(Counter(p.stance for p in train_pairs))}; "
        f"validation {len(val_pairs)} {dict(Counter(p.stance for p in val_pairs))}")

    overlap = {k: relatedness_features(p.headline, bodies[p.body_id]) for k, p in enumerate(pairs)}
    index = {id(p): k for k, p in enumerate(pairs)}
    x_pre = np.array([overlap[index[id(p)]] for p in train_pairs])
    y_rel = np.array([p.stance != "unrelated" for p in train_pairs])
    pre = fit_prefilter(x_pre, y_rel, prefilter_recall)
    pre.pop("prob")
    say(f"pre-filter {json.dumps(pre)}")
    coef, bias = np.array(pre["coef"]), pre["intercept"]

    def passed(part) -> list[int]:
        z = np.array([overlap[index[id(p)]] for p in part]) @ coef + bias
        return [k for k, v in enumerate(1 / (1 + np.exp(-z))) if v >= pre["threshold"]]

    encoder = TextEncoder(encoder_dir or CLAIM_MODEL_DIR, threads=threads)
    sents = {b: body_sentences(text) for b, text in bodies.items()}
    texts = list(dict.fromkeys(p.headline for p in pairs)) + [s for ss in sents.values() for s in ss]
    vectors = cached_embeddings(texts, work_dir / "fnc1-embeddings.npz", encoder, log=say)
    dim = encoder.dim

    def features(part, ks) -> np.ndarray:
        rows = []
        for k in ks:
            p = part[k]
            ss = sents[p.body_id]
            vecs = np.stack([vectors[s] for s in ss]) if ss else np.zeros((0, dim), np.float32)
            rows.append(stance_features(p.headline, vectors[p.headline], ss, vecs, overlap[index[id(p)]]))
        return np.stack(rows)

    def refutations(part, ks) -> np.ndarray:
        rows = []
        for k in ks:
            p = part[k]
            ss = sents[p.body_id]
            sims = np.array([float(vectors[s] @ vectors[p.headline]) for s in ss])
            rows.append(refutation_features(p.headline, ss, sims))
        return np.array(rows, dtype=np.float32)

    tr_k, va_k = passed(train_pairs), passed(val_pairs)
    cache = work_dir / "features.npz"
    stamp = f"{json.dumps(pre)}:{len(tr_k)}:{len(va_k)}"
    if cache.exists() and "stamp" in np.load(cache).files and str(np.load(cache)["stamp"]) == stamp:
        x_tr, x_va = np.load(cache)["x_tr"], np.load(cache)["x_va"]  # same pre-filter, same pairs
    else:
        x_tr, x_va = features(train_pairs, tr_k), features(val_pairs, va_k)
        np.savez(cache, x_tr=x_tr, x_va=x_va, stamp=np.array(stamp))
    y_tr = np.array([STANCES.index(train_pairs[k].stance) for k in tr_k])
    val_gold = [p.stance for p in val_pairs]
    say(f"features {x_tr.shape} train, {x_va.shape} validation (after the pre-filter) "
        f"at {time.time() - started:.0f}s")

    # Relatedness from the scalars alone: over the vectors too, a regression learns the
    # training stories' topics and loses related pairs of unseen stories.
    related_head = fit_mlp(x_tr[:, :N_SCALARS], (y_tr != 3).astype(int), 32, 1e-3, seed, oversample={},
                           max_iter=300, early_stopping=False)
    say(f"related head fitted at {time.time() - started:.0f}s")
    rel_va = head_probs(related_head, x_va)[:, 1]
    rel_mask = y_tr != 3
    candidates = {}
    if stance_head is None:
        candidates["logistic_C0.01_balanced"] = fit_logistic(x_tr[rel_mask], y_tr[rel_mask], 0.01, "balanced")
        say(f"logistic stance head fitted at {time.time() - started:.0f}s")
        candidates["mlp_64_alpha0.1"] = fit_mlp(x_tr[rel_mask], y_tr[rel_mask], 64, 0.1, seed,
                                                oversample={0: 2, 1: 6})
        say(f"MLP stance head fitted at {time.time() - started:.0f}s")
    # The UCL baseline's inputs (Riedel et al. 2017): TF-IDF of headline and body words.
    vocabulary, tfidf = fit_tfidf(train_pairs, bodies)
    b_tr = tfidf_inputs(tfidf, [train_pairs[k] for k in tr_k], bodies)[rel_mask]
    b_va = tfidf_inputs(tfidf, [val_pairs[k] for k in va_k], bodies)
    if stance_head is None:
        candidates["tfidf_logistic_C0.1_balanced"] = fit_logistic(b_tr, y_tr[rel_mask], 0.1, "balanced",
                                                                  standardise=0)
        # ... and with the scalar features in front (their refuting cues help `disagree`).
        candidates["tfidf+scalars_logistic_C0.1_balanced"] = fit_logistic(
            np.hstack([x_tr[rel_mask][:, :N_SCALARS], b_tr]), y_tr[rel_mask], 0.1, "balanced",
            standardise=N_SCALARS)
        say(f"TF-IDF stance heads fitted at {time.time() - started:.0f}s")
    inputs = {"features": x_va, "tfidf": b_va, "tfidf+scalars": np.hstack([x_va[:, :N_SCALARS], b_va])}
    if stance_head is not None:
        # The refutation features (`ledger.stance.refutation_features`) between the scalars and
        # the words: `stance_head` names the inputs and C, e.g.
        # "tfidf+scalars+refutation_logistic_C0.3_balanced".
        kind, c = stance_head.split("_")[0], float(stance_head.split("_C")[1].split("_")[0])
        front_tr, front_va = [x_tr[rel_mask][:, :N_SCALARS]], [x_va[:, :N_SCALARS]]
        if kind.endswith("+refutation"):
            front_tr.append(refutations(train_pairs, [k for k, keep in zip(tr_k, rel_mask) if keep]))
            front_va.append(refutations(val_pairs, va_k))
        n_front = sum(a.shape[1] for a in front_tr)
        candidates[stance_head] = fit_logistic(np.hstack(front_tr + [b_tr]), y_tr[rel_mask], c, "balanced",
                                               standardise=n_front)
        inputs[kind] = np.hstack(front_va + [b_va])
        say(f"stance head {stance_head} fitted at {time.time() - started:.0f}s")
    choices = []
    for name, head in candidates.items():
        st_va = head_probs(head, inputs[name.split("_")[0] if name.startswith("tfidf") else "features"])
        if stance_offsets is not None:
            st_va = np.exp(np.log(np.maximum(st_va, 1e-9)) + np.asarray(stance_offsets))
        for threshold in ((related_threshold,) if stance_head else (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)):
            s = stance_scores(val_gold, pipeline_labels(val_pairs, va_k, rel_va, st_va, threshold))
            choices.append((round(s["macro_f1"] + s["fnc_score"], 4), name, threshold,
                            round(s["fnc_score"], 4), round(s["macro_f1"], 4)))
        say(f"{name}: best on validation {max(c for c in choices if c[1] == name)}")
    best = max(choices)
    say(f"chosen {best} " + ("(given: chosen on the training stories by training.stance_cv)" if stance_head
                             else "(by FNC score + macro-F1 on validation)"))
    _, name, threshold, _, _ = best

    heads_file = "stance_head.npz"
    save_heads(out_dir / heads_file, {"related": related_head, "stance": candidates[name]})
    (out_dir / "vocabulary.json").write_text(json.dumps(vocabulary), encoding="utf-8")
    config = {
        "name": "claimscope-stance", "version": version, "labels": list(STANCES),
        "encoder": "claim (resources/models/claim)", "heads_file": heads_file,
        "stance_inputs": name.split("_")[0] if name.startswith("tfidf") else "features",
        "vocabulary_file": "vocabulary.json",
        "related_threshold": threshold, "stance_head": name,
        **({"stance_offsets": list(stance_offsets)} if stance_offsets is not None else {}),
        "prefilter": {k: pre[k] for k in ("coef", "intercept", "threshold")},
    }
    (out_dir / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")

    shipped = evaluate_shipped(out_dir, val_pairs, bodies, threads)
    say(f"shipped pipeline on validation: FNC {shipped['fnc_score']:.4f} macro-F1 {shipped['macro_f1']:.4f} "
        f"{shipped['pairs_per_second']:.1f} pairs/s")
    result = {
        "version": version,
        "hyper_parameters": {"seed": seed, "split_seed": split_seed, "validation_percent": validation_percent,
                             "prefilter_recall": prefilter_recall, "related_head": "MLP 32 hidden over the 20 scalar features",
                             "stance_head": name, "related_threshold": threshold, "threads": threads,
                             "stance_offsets": list(stance_offsets) if stance_offsets is not None else None,
                             "chosen_by": ("story cross-validation on the training stories (training.stance_cv)"
                                           if stance_head else "FNC score + macro-F1 on the held-out stories"),
                             "candidates": [list(c) for c in choices]},
        "data": {"fnc1/train_stances.csv": data_hash(stances_path),
                 "fnc1/train_bodies.csv": data_hash(bodies_path)},
        "split": {"train": len(train_pairs), "validation": len(val_pairs),
                  "validation_bodies": len({p.body_id for p in val_pairs}),
                  "validation_counts": dict(Counter(val_gold)),
                  "train_counts": dict(Counter(p.stance for p in train_pairs)),
                  "train_after_prefilter": dict(Counter(STANCES[i] for i in y_tr))},
        "prefilter": pre, "minutes": round((time.time() - started) / 60, 1), "validation": shipped,
        "features": int(x_tr.shape[1]),
    }
    (work_dir / "metrics.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    write_card(out_dir, result)
    say(f"done in {(time.time() - started) / 60:.1f} min")
    return result


def evaluate_shipped(model_dir: Path, pairs, bodies, threads: int) -> dict:
    from claimscope.ledger.stance import StanceModel

    model = StanceModel(model_dir, threads=threads)
    t = time.time()
    predicted = [s.label for s in model.predict([(p.headline, bodies[p.body_id]) for p in pairs])]
    seconds = time.time() - t
    scores = stance_scores([p.stance for p in pairs], predicted)
    scores["pairs_per_second"] = len(pairs) / seconds if seconds else 0.0
    scores["seconds"] = round(seconds, 1)
    return scores


def write_card(out_dir: Path, result: dict) -> None:
    """MODEL_CARD.md beside the weights: data, split, hyper-parameters, every figure."""
    v, h, split, pre = result["validation"], result["hyper_parameters"], result["split"], result["prefilter"]
    rows = "\n".join(f"| {c} | {s['support']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |"
                     for c, s in v["per_class"].items())
    confusion = "\n".join(f"| {g} | " + " | ".join(str(v["confusion"][g][p]) for p in STANCES) + " |"
                          for g in STANCES)
    train_options = (f" --stance-head {h['stance_head']}" + (f" --stance-offsets={','.join(f'{v:g}' for v in h['stance_offsets'])}"
                     if h.get("stance_offsets") else "") + f" --version {result['version']}"
                     if h.get("chosen_by", "").startswith("story") else "")
    card = f"""# claimscope stance model {result['version']}

Stance of an article body toward a headline (claim): agree, disagree, discuss, unrelated
(FNC-1 labels), `ledger/stance.py`:

1. **Unrelated pre-filter**: logistic regression over five word-overlap features
   (`ledger.overlap.relatedness_features`); below its threshold a pair is `unrelated` before
   any encoder runs. On training pairs it keeps {pre['train_related_recall']:.3f} of related
   pairs and skips {pre['train_unrelated_skipped']:.3f} of unrelated ones.
2. **Features** (`stance_features`, {result['features']} values): the claim encoder's
   (all-MiniLM-L6-v2, int8 ONNX, shared with the claim matcher) embeddings of the headline and
   of the body's first 30 sentences: cosine statistics, the headline vector, its product with
   and distance to the closest sentence, its product with the mean of the 3 closest; refuting,
   hedging and confirming cue counts in the headline, the 3 closest sentences and the body.
3. **Classifiers** (numpy, `stance_head.npz`): related vs unrelated (an MLP with 32 hidden
   units over the 20 scalar features), then `{h['stance_head']}` for agree / disagree /
   discuss ({'over the TF-IDF vectors of headline and body (3,000 words of the training texts, `vocabulary.json`)'
   if h['stance_head'].startswith('tfidf') else 'over all the features above'}{', with the 20 scalar features in front' if h['stance_head'].startswith('tfidf+scalars') else ''}{' and the 25 refutation features (`refutation_features`: strong refuting cues in the sentences most similar to the headline and near its words, negation mismatch, each once for headlines that doubt and once for those that assert)' if '+refutation' in h['stance_head'] else ''}{f"; log-odds offsets {h['stance_offsets']} added before the argmax" if h.get('stance_offsets') else ''}); a pair is related when
   P(related) >= {h['related_threshold']}. Candidates: class-weighted logistic regression and
   an MLP over the encoder features, class-weighted logistic regressions over TF-IDF words
   (the UCL baseline's inputs, Riedel et al. 2017), alone and with the scalar features;
   {'the story cross-validation of `training.stance_cv` chose the one named, among these and the TF-IDF + scalars + refutation features at C 0.1, 0.3, 1' if h.get('chosen_by', '').startswith('story') else 'validation chose the one named'}.

Not a fine-tuned cross-encoder: the ones trained (`training.stance_cross`, see Limits) did not
learn `disagree` from FNC-1's 675 training pairs on this machine's budget. The model was fitted in {result['minutes']} min with the embeddings cached (encoding the
27k headlines and body sentences once took 6.8 min more, `runs/stance/fnc1-embeddings.npz`).

## Data

- FNC-1 training release (49,972 pairs, 1,683 bodies). SHA-256:
  - `fnc1/train_stances.csv`: `{result['data']['fnc1/train_stances.csv']}`
  - `fnc1/train_bodies.csv`: `{result['data']['fnc1/train_bodies.csv']}`
- Split by story (`corpora.fnc1.split_by_story`, seed {h['split_seed']}, {h['validation_percent']}%):
  stories are the connected components of bodies and headlines over related pairs, so a
  validation body and every headline related to it are unseen in training (only randomly
  paired unrelated headlines occur on both sides). Train {split['train']} pairs
  {json.dumps(split['train_counts'])}; validation {split['validation']} pairs over
  {split['validation_bodies']} bodies {json.dumps(split['validation_counts'])}.
- Classifier training pairs (those the pre-filter passes): {json.dumps(split['train_after_prefilter'])}.
- Model choice: {'the stance head (inputs, C, offsets) by story cross-validation on the training stories (`python -m claimscope.training.stance_cv`, 4 folds by story), the related threshold kept at ' + str(h['related_threshold']) + '; the held-out stories chose nothing in this version (version 1.0.0 was chosen on them, by FNC score + macro-F1 over 4 candidates x 6 thresholds)' if h.get('chosen_by', '').startswith('story') else 'classifier and related threshold by FNC score + macro-F1 on validation; the validation figures below are therefore somewhat optimistic (4 candidates x 6 thresholds, and three earlier versions of this recipe were scored on the same split during development)'}.

## Scores (shipped model, held-out validation stories)

FNC score {v['fnc_score']:.4f} (share of the best possible), macro-F1 {v['macro_f1']:.4f},
accuracy {v['accuracy']:.4f}, {v['n']} pairs; {v['pairs_per_second']:.0f} pairs/s end to end
(pre-filter, encoding each body once, classifiers; {h['threads']} threads on the busy machine).

| class | support | P | R | F1 |
|---|---|---|---|---|
{rows}

Confusion (rows gold, columns predicted):

| gold | {' | '.join(STANCES)} |
|---|---|---|---|---|
{confusion}

Reproduce (repository root, data in ../shared/data):

    claimscope train stance --write-validation out/fnc1-val   # the held-out CSVs only
    claimscope eval stance --stances out/fnc1-val/stances.csv --bodies out/fnc1-val/bodies.csv \\
      --out out/fnc1-val/predicted.csv --gold

Train: `make train-setup`, then `nice -n 19 claimscope train stance{train_options}`{' (the head, C and offsets from `python -m claimscope.training.stance_cv`)' if train_options else ''}.

```json
{json.dumps({k: v for k, v in h.items() if k != 'candidates'}, indent=1)}
```

## Limits

- FNC-1 stories are 2014-2015 rumours (Emergent); the competition test split is not used, so
  the figures are on held-out training stories, not comparable one-to-one with the
  competition's.
- `disagree` is rare (840 training pairs) and the weakest class; the features see only the
  first 30 sentences of a body.
- Version 1.0.0 (TF-IDF + scalars, no refutation features) scored FNC 0.830, macro-F1 0.610
  (disagree F1 0.227) on these held-out stories. Story cross-validation on the training stories
  (`python -m claimscope.training.stance_cv`, 4 folds, out-of-fold, best offsets): TF-IDF +
  scalars C 0.1 FNC 0.839 / macro-F1 0.621 (disagree 0.194); + refutation features C 0.1
  0.842 / 0.640, C 0.3 0.849 / 0.641 (disagree 0.235, chosen), C 1.0 0.851 / 0.627. Without
  the headline-doubt split of the cue features the refutation features gave 0.624 (disagree
  0.19): the same refuting words are as frequent in `agree` bodies, whose headlines call the
  rumour a hoax.
- The all-layer MiniLM cross-encoder of `training.stance_cross` (2 epochs over 3,874 related
  pairs, disagree repeated twice) learned little `disagree` on the development stories (F1
  0.06 alone); averaged with this head it lowered the development macro-F1 at every weight
  (`python -m claimscope.training.stance_combine`), so it is not shipped. Earlier
  cross-encoders (top 2 layers trained) scored FNC 0.836 / macro-F1 0.560.

## Corpus

- FNC-1 (fakenewschallenge.org, 2017), derived from Emergent: W. Ferreira, A. Vlachos.
  Emergent: a novel data-set for stance classification. NAACL 2016.
- A. Hanselowski et al. A Retrospective Analysis of the Fake News Challenge Stance-Detection
  Task. COLING 2018.
"""
    (out_dir / "MODEL_CARD.md").write_text(card, encoding="utf-8")
