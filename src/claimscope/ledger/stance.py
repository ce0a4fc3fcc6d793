"""Stance of an article toward a claim: agree, disagree, discuss or unrelated (FNC-1 labels).

`agree` corroborates the claim, `disagree` denies or refutes it, `discuss` reports it without
taking a side, `unrelated` is about something else. Three steps, each cheaper than the next:

1. the unrelated pre-filter: a logistic regression over word-overlap features
   (`ledger.overlap.relatedness_features`); a pair it scores below its threshold is
   `unrelated` without any model (the threshold keeps 99.5% of related training pairs);
2. the headline and the body's first `MAX_SENTENCES` sentences are embedded by the shipped
   claim encoder (`runtime.text_encoder`, the one the claim matcher uses; a body is encoded
   once however many headlines it is compared with);
3. two small classifiers, their weights in `resources/models/stance/stance_head.npz`:
   related vs unrelated from the scalar `stance_features` (similarity of the headline to the
   body's sentences, word overlap, refuting and hedging cue words near them), then agree /
   disagree / discuss for related pairs, from the TF-IDF words of headline and body (with or
   without the scalar features and the `refutation_features`) or from all of `stance_features`
   (the headline's and closest sentences' embeddings too), as the model's config
   (`stance_inputs`) says; the config may add per-class log-odds (`stance_offsets`) and average
   in a fine-tuned cross-encoder (`cross_encoder`, `cross_weight`; none is shipped).

No torch: the encoder runs with onnxruntime, the classifiers in numpy.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimscope.ledger.overlap import relatedness_features, sentences
from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR, load_text_encoder

STANCE_MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "stance"
LABELS = ("agree", "disagree", "discuss", "unrelated")
MAX_SENTENCES = 30
TOP = 3
N_SCALARS = 20  # the scalar features at the head of `stance_features`
EVIDENCE_SENTENCES = 6  # body sentences offered to the cross-encoder (truncation keeps the first)

# Cue words of the FNC-1 classes (Riedel et al. 2017 and Hanselowski et al. 2018 use lists like
# these): a refutation ("hoax", "denied") signals disagree, hedging ("reportedly") discuss.
REFUTING = re.compile(
    r"\b(?:fake|fraud|hoax|false|falsely|deny|denies|denied|denial|not|n't|despite|nope|doubt|doubts|"
    r"bogus|debunk\w*|pranks?|retract\w*|untrue|rumou?rs? (?:are|is) (?:false|untrue)|no evidence|"
    r"satire|satirical|refut\w*|dismiss\w*|misleading|incorrect|wrong|never)\b", re.I)
HEDGING = re.compile(
    r"\b(?:reportedly|allegedly|alleged|claims?|claimed|rumou?rs?|unconfirmed|unverified|"
    r"apparently|purportedly|supposedly|may|might|could|possibly|appears?|seems?|suggests?|"
    r"according to|if true|believed)\b", re.I)
# The refutations that `evidence` moves up for the cross-encoder: denials and debunking words, not
# the bare negations of REFUTING (a "not" is in most sentences).
STRONG_REFUTING = re.compile(
    r"\b(?:fake|fabricat\w*|hoax\w*|false(?:ly)?|untrue|den(?:y|ies|ied|ial|ying)|debunk\w*|bogus|"
    r"satir\w*|pranks?|retract\w*|refut\w*|no evidence|not true|made up|never happened|baseless|"
    r"unfounded|misleading|rumou?rs? (?:are|is|was|were) (?:false|untrue|baseless))\b", re.I)
CONFIRMING = re.compile(
    r"\b(?:confirm\w*|official(?:ly)?|announced|verified|proved?|indeed|true|revealed|"
    r"admitted|acknowledged)\b", re.I)


def _cues(text: str) -> list[float]:
    return [len(REFUTING.findall(text)), len(HEDGING.findall(text)), len(CONFIRMING.findall(text))]


NEGATION = re.compile(r"\b(?:not|no|never|n't|nothing|none|neither|nor|without)\b|n't\b", re.I)
HEADLINE_DOUBT = re.compile(r"\b(?:hoax|fake|false|rumou?r|not|no|denies|denied)\b|\?", re.I)
N_REFUTATION = 25


def refutation_features(headline: str, sents: list[str], sims: np.ndarray) -> list[float]:
    """Signs that a body refutes its headline (the `disagree` class), for the stance head.

    Strong refuting cues (`STRONG_REFUTING`) in the 1 / 3 sentences most similar to the
    headline, in the first 5 sentences, and per sentence over the body; the best similarity of a
    sentence with such a cue, and its share of the headline's content words (a denial near the
    headline's own words, not anywhere); negation in the headline, in the most similar sentence,
    and whether the two differ (a body that says "did not" of what the headline asserts); the
    share of the 3 most similar sentences that are negated; doubt in the headline itself ("hoax?",
    a question), which makes a refuting body agree rather than disagree; and the body's cue
    features and the negation mismatch again, once for headlines without doubt, once for those
    with it."""
    if not sents:
        return [0.0] * N_REFUTATION
    from claimscope.ledger.overlap import content_words

    sims = np.asarray(sims, dtype=np.float32)
    order = np.argsort(-sims, kind="stable")
    strong = np.array([len(STRONG_REFUTING.findall(t)) for t in sents], dtype=np.float32)
    negated = np.array([bool(NEGATION.search(t)) for t in sents], dtype=np.float32)
    head_words = set(content_words(headline))
    best_sim, best_share = 0.0, 0.0
    for k in np.flatnonzero(strong):
        best_sim = max(best_sim, float(sims[k]))
        if head_words:
            best_share = max(best_share, len(head_words & set(content_words(sents[k]))) / len(head_words))
    head_neg = float(bool(NEGATION.search(headline)))
    head_doubt = float(bool(HEADLINE_DOUBT.search(headline)))
    head_strong = float(len(STRONG_REFUTING.findall(headline)))
    body = [float(strong[order[0]]), float(strong[order[:TOP]].sum()), float(strong[:5].sum()),
            float(strong.sum() / len(sents)), best_sim, best_share]
    mismatch = float(head_neg != negated[order[0]])
    # A refuting body agrees with a headline that doubts ("Hoax: ..."), and disagrees with one
    # that asserts: the same cue counts on either side of that flag (a linear head cannot
    # multiply two features itself).
    doubt = max(head_doubt, float(head_strong > 0))
    return [
        *body, head_neg, float(negated[order[0]]), mismatch, float(negated[order[:TOP]].mean()),
        head_doubt, head_strong,
        *[v * (1.0 - doubt) for v in body], *[v * doubt for v in body], mismatch * (1.0 - doubt),
    ]


def body_sentences(body: str) -> list[str]:
    """The body sentences the stance model reads (the first MAX_SENTENCES)."""
    return [body[s:e] for s, e in sentences(body)[:MAX_SENTENCES]]


def evidence(sents: list[str], sims: np.ndarray, k: int = EVIDENCE_SENTENCES, refuting: int = 0) -> str:
    """What the stance cross-encoder reads of a body: its `k` sentences most similar to the
    headline (cosines `sims` of the claim encoder), most similar first, so that truncation to
    the model's length drops the least relevant, not the body's end.

    With `refuting` > 0, up to that many sentences with a strong refuting cue
    (`STRONG_REFUTING`: "hoax", "denied", "not true"...), the most similar of them first, come
    right after the two most similar sentences: a body that debunks a rumour often says so in a
    sentence that shares few words with the rumour, and 128 pieces hold only 3-4 sentences."""
    if not sents:
        return ""
    order = [int(i) for i in np.argsort(-np.asarray(sims), kind="stable")]
    if refuting:
        rest = order[2:]
        picked = [i for i in rest if STRONG_REFUTING.search(sents[i])][:refuting]
        order = order[:2] + picked + [i for i in rest if i not in picked]
    return " ".join(sents[i] for i in order[:k])


def stance_features(headline: str, head_vec: np.ndarray, sents: list[str],
                    sent_vecs: np.ndarray, overlap: list[float]) -> np.ndarray:
    """One pair's feature vector (the classifiers' input).

    Scalars: the overlap features, max / mean-of-top-3 / mean / first-sentence cosine between
    the headline and the body sentences, share of sentences above 0.5, cue counts (refuting,
    hedging, confirming) in the headline, in the top-3 sentences and in the whole body (per
    sentence), a question mark in the headline. Vectors: the headline embedding, its product
    with and distance to the closest sentence, its product with the mean of the top 3.
    """
    dim = head_vec.shape[0]
    if len(sents) == 0:
        sims = np.zeros(1, dtype=np.float32)
        top_vec = np.zeros(dim, dtype=np.float32)
        top3_vec = top_vec
        top_text = ""
    else:
        sims = sent_vecs @ head_vec
        order = np.argsort(-sims)
        top_vec = sent_vecs[order[0]]
        top3 = order[:TOP]
        top3_vec = sent_vecs[top3].mean(0)
        top3_vec = top3_vec / (np.linalg.norm(top3_vec) + 1e-8)
        top_text = " ".join(sents[k] for k in top3)
    n = max(1, len(sents))
    body_cues = np.array(_cues(" ".join(sents))) / n
    scalars = [
        *overlap,
        float(sims.max()), float(np.sort(sims)[::-1][:TOP].mean()), float(sims.mean()), float(sims[0]),
        float((sims > 0.5).mean()),
        *_cues(headline), *_cues(top_text), *body_cues.tolist(),
        float("?" in headline),
    ]
    return np.concatenate([
        np.asarray(scalars, dtype=np.float32), head_vec, head_vec * top_vec, np.abs(head_vec - top_vec),
        head_vec * top3_vec,
    ]).astype(np.float32)


class TfIdf:
    """TF-IDF vectors over a fixed vocabulary, as scikit-learn's TfidfVectorizer computes them
    (lowercased words of two or more word characters, sublinear tf = 1 + log(count), times idf,
    unit length); `training.stance` checks the two agree when it writes `vocabulary.json`."""

    TOKEN = re.compile(r"(?u)\b\w\w+\b")

    def __init__(self, words: list[str], idf: list[float]):
        self.index = {w: k for k, w in enumerate(words)}
        self.idf = np.asarray(idf, dtype=np.float32)

    @classmethod
    def load(cls, path: Path) -> TfIdf:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["words"], data["idf"])

    def transform(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self.idf)), dtype=np.float32)
        for row, text in enumerate(texts):
            counts: dict[int, int] = {}
            for token in self.TOKEN.findall(text.lower()):
                k = self.index.get(token)
                if k is not None:
                    counts[k] = counts.get(k, 0) + 1
            for k, n in counts.items():
                out[row, k] = (1.0 + np.log(n)) * self.idf[k]
            norm = np.linalg.norm(out[row])
            if norm > 0:
                out[row] /= norm
        return out


def mlp_forward(layers: list[tuple[np.ndarray, np.ndarray]], x: np.ndarray) -> np.ndarray:
    """Probabilities of a ReLU MLP (one layer: a logistic / softmax regression)."""
    for k, (w, b) in enumerate(layers):
        x = x @ w + b
        if k < len(layers) - 1:
            x = np.maximum(x, 0.0)
    if x.shape[1] == 1:
        p = 1.0 / (1.0 + np.exp(-x[:, 0]))
        return np.stack([1.0 - p, p], axis=1)
    z = np.exp(x - x.max(1, keepdims=True))
    return z / z.sum(1, keepdims=True)


def load_head(path: Path, name: str) -> dict:
    """{"mean", "scale", "layers"} of one classifier stored in an npz under `name_*` keys; it
    reads the first len(mean) features (the related head reads only the scalars)."""
    data = np.load(path)
    n = int(data[f"{name}_n_layers"])
    return {"mean": data[f"{name}_mean"], "scale": data[f"{name}_scale"],
            "layers": [(data[f"{name}_w{k}"], data[f"{name}_b{k}"]) for k in range(n)]}


def head_probs(head: dict, x: np.ndarray) -> np.ndarray:
    x = x[:, : len(head["mean"])]
    return mlp_forward(head["layers"], (x - head["mean"]) / head["scale"])


@dataclass(frozen=True)
class Stance:
    label: str
    probabilities: dict[str, float]  # empty when the pre-filter decided
    by: str  # "prefilter" or "model"


class StanceModel:
    def __init__(self, model_dir: str | Path | None = None, *, encoder_dir: str | Path | None = None,
                 threads: int | None = None):
        self.model_dir = Path(model_dir or STANCE_MODEL_DIR)
        self.config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        pre = self.config["prefilter"]
        self.pre_coef = np.asarray(pre["coef"], dtype=np.float64)
        self.pre_bias = float(pre["intercept"])
        self.pre_threshold = float(pre["threshold"])
        heads = self.model_dir / self.config["heads_file"]
        self.related_head = load_head(heads, "related")
        self.stance_head = load_head(heads, "stance")
        self.related_threshold = float(self.config["related_threshold"])
        # The agree/disagree/discuss head reads `stance_features` or the TF-IDF words of the
        # headline and the body, with the scalar features and the refutation features in front
        # or not (config "stance_inputs": "features", "tfidf", "tfidf+scalars",
        # "tfidf+scalars+refutation"), whichever validated better.
        self.stance_inputs = self.config.get("stance_inputs", "features")
        self.tfidf = (TfIdf.load(self.model_dir / self.config["vocabulary_file"])
                      if "tfidf" in self.stance_inputs else None)
        # A fine-tuned MiniLM cross-encoder for agree / disagree / discuss, in the sibling
        # directory the config names ("cross_encoder", e.g. `resources/models/stance_cross`):
        # alone (stance_inputs "cross-encoder", the first attempts), or averaged with the
        # feature head, P = w * P(cross) + (1 - w) * P(head) with w = "cross_weight".
        self.cross_encoder = None
        self.cross_weight = float(self.config.get("cross_weight", 1.0 if self.stance_inputs == "cross-encoder" else 0.0))
        if self.config.get("cross_encoder") and self.cross_weight > 0:
            from claimscope.runtime.cross_encoder import load_cross_encoder

            self.cross_encoder = load_cross_encoder(
                str(self.model_dir.parent / self.config["cross_encoder"]), threads)
        # Log-odds added to agree / disagree / discuss before the argmax (chosen on training
        # stories, cross-fitted; zeros when the config has none).
        self.offsets = np.asarray(self.config.get("stance_offsets", [0.0, 0.0, 0.0]), dtype=np.float64)
        self.encoder_dir = str(encoder_dir or CLAIM_MODEL_DIR)
        self.threads = threads
        self._bodies: OrderedDict[str, tuple[list[str], np.ndarray]] = OrderedDict()

    @property
    def encoder(self):
        return load_text_encoder(self.encoder_dir, self.threads)

    def related_probability(self, headline: str, body: str) -> float:
        """P(related) of the pre-filter (a logistic regression over overlap features)."""
        z = float(np.dot(self.pre_coef, relatedness_features(headline, body)) + self.pre_bias)
        return 1.0 / (1.0 + np.exp(-z))

    def _encode_bodies(self, bodies: list[str]) -> None:
        todo = [b for b in dict.fromkeys(bodies) if b not in self._bodies]
        texts = [body_sentences(b) for b in todo]
        flat = [s for ss in texts for s in ss]
        vecs = self.encoder.encode(flat)
        at = 0
        for body, ss in zip(todo, texts):
            self._bodies[body] = (ss, vecs[at : at + len(ss)])
            at += len(ss)
        while len(self._bodies) > 512:  # a dossier's bodies, not a corpus's
            self._bodies.popitem(last=False)

    def _encode_headlines(self, pairs: list[tuple[str, str]]) -> dict[str, np.ndarray]:
        headlines = list(dict.fromkeys(h for h, _ in pairs))
        return dict(zip(headlines, self.encoder.encode(headlines)))

    def features(self, pairs: list[tuple[str, str]], heads: dict[str, np.ndarray] | None = None) -> np.ndarray:
        self._encode_bodies([b for _, b in pairs])
        heads = heads if heads is not None else self._encode_headlines(pairs)
        rows = []
        for h, b in pairs:
            sents, vecs = self._bodies[b]
            rows.append(stance_features(h, heads[h], sents, vecs, relatedness_features(h, b)))
        return np.stack(rows)

    def cross_probabilities(self, pairs: list[tuple[str, str]], heads: dict[str, np.ndarray]) -> np.ndarray:
        """[n, 3] agree / disagree / discuss of the cross-encoder, over each headline and its
        body's most similar sentences (`evidence`, with as many refuting sentences moved up as
        the cross-encoder was trained with); bodies and headlines already encoded."""
        refuting = int(self.cross_encoder.config.get("evidence_refuting", 0))
        inputs = []
        for h, b in pairs:
            sents, vecs = self._bodies[b]
            inputs.append((h, evidence(sents, vecs @ heads[h] if len(sents) else np.zeros(0), refuting=refuting)))
        probs = self.cross_encoder.probabilities(inputs)
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        for j, lab in enumerate(LABELS[:3]):  # a label the model lacks keeps probability 0
            if lab in self.cross_encoder.labels:
                out[:, j] = probs[:, self.cross_encoder.labels.index(lab)]
        return out

    def stance_input(self, x: np.ndarray, pairs: list[tuple[str, str]],
                     heads: dict[str, np.ndarray] | None = None) -> np.ndarray:
        if self.tfidf is None:
            return x
        words = [self.tfidf.transform([h for h, _ in pairs]), self.tfidf.transform([b for _, b in pairs])]
        if self.stance_inputs.startswith("tfidf+scalars"):
            front = [x[:, :N_SCALARS]]
            if self.stance_inputs.endswith("+refutation"):
                heads = heads if heads is not None else self._encode_headlines(pairs)
                rows = []
                for h, b in pairs:
                    sents, vecs = self._bodies[b]
                    rows.append(refutation_features(h, sents, vecs @ heads[h] if len(sents) else np.zeros(0)))
                front.append(np.asarray(rows, dtype=np.float32))
            words = front + words
        return np.hstack(words)

    def predict(self, pairs: list[tuple[str, str]]) -> list[Stance]:
        """Stance of each (headline, body) pair, in input order."""
        results: list[Stance | None] = [None] * len(pairs)
        todo = []
        for k, (headline, body) in enumerate(pairs):
            if self.related_probability(headline, body) < self.pre_threshold:
                results[k] = Stance("unrelated", {}, "prefilter")
            else:
                todo.append(k)
        for at in range(0, len(todo), 256):
            chunk = todo[at : at + 256]
            chunk_pairs = [pairs[k] for k in chunk]
            heads = self._encode_headlines(chunk_pairs)
            x = self.features(chunk_pairs, heads)
            related = head_probs(self.related_head, x)[:, 1]
            if self.stance_inputs == "cross-encoder":
                stance = np.zeros((len(chunk), 3), dtype=np.float32)
                stance[:, 2] = 1.0
            else:
                stance = head_probs(self.stance_head, self.stance_input(x, chunk_pairs, heads))
            if self.cross_encoder is not None:
                # Only the pairs the related head keeps need a stance: the cross-encoder is the
                # expensive step, so unrelated ones never reach it.
                keep = np.flatnonzero(related >= self.related_threshold)
                if len(keep):
                    w = self.cross_weight
                    cross = self.cross_probabilities([chunk_pairs[r] for r in keep], heads)
                    stance[keep] = w * cross + (1.0 - w) * stance[keep]
            for row, k in enumerate(chunk):
                probs = {"unrelated": float(1.0 - related[row])}
                probs.update({lab: float(related[row] * stance[row, j])
                              for j, lab in enumerate(LABELS[:3])})
                label = ("unrelated" if related[row] < self.related_threshold
                         else LABELS[int(np.argmax(np.log(np.maximum(stance[row], 1e-9)) + self.offsets))])
                results[k] = Stance(label, {lab: round(v, 4) for lab, v in probs.items()}, "model")
        return results  # type: ignore[return-value]


    def stance(self, claim: str, text: str) -> tuple[str, float]:
        """(label, probability of that label) for one claim and one article text; 1.0 when the
        pre-filter decided `unrelated`."""
        result = self.predict([(claim, text)])[0]
        return result.label, result.probabilities.get(result.label, 1.0)


@lru_cache(maxsize=2)
def load_stance_model(model_dir: str | None = None, threads: int | None = None) -> StanceModel:
    return StanceModel(model_dir, threads=threads)
