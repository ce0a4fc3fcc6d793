"""SemEval-2020 Task 11 scorers (SI and TC) and the runners behind `claimscope eval ptc-*`.

SI: gold spans of an article are merged where they overlap (predictions too); precision
sums |s∩t|/|s| over predicted spans s and gold spans t of the same article and divides by
the number of predicted spans; recall sums |s∩t|/|t| and divides by the number of gold
spans; F1 is their harmonic mean, micro over all articles.

TC: gold spans are given; micro-F1 over spans. A span with several gold labels appears
several times in the template; the predictions for that span are aligned to the gold labels
that they best match (multiset intersection), which is the official convention.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from claimscope.corpora.ptc import merge_spans
from claimscope.evaluation import metrics


@dataclass
class SIScore:
    precision: float
    recall: float
    f1: float
    n_pred: int
    n_gold: int


@dataclass
class TCScore:
    micro_f1: float
    precision: float
    recall: float
    n_pred: int
    n_gold: int
    per_label: dict[str, dict[str, float]] = field(default_factory=dict)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_si(
    pred: dict[str, list[tuple[int, int]]], gold: dict[str, list[tuple[int, int]]]
) -> SIScore:
    """Official SI measure; articles are the union of both dicts' keys."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for aid in set(pred) | set(gold):
        p_spans = merge_spans([s for s in pred.get(aid, []) if s[1] > s[0]])
        g_spans = merge_spans([s for s in gold.get(aid, []) if s[1] > s[0]])
        n_pred += len(p_spans)
        n_gold += len(g_spans)
        for s in p_spans:
            p_sum += sum(_overlap(s, t) for t in g_spans) / (s[1] - s[0])
        for t in g_spans:
            r_sum += sum(_overlap(s, t) for s in p_spans) / (t[1] - t[0])
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    return SIScore(precision, recall, metrics.f1(precision, recall), n_pred, n_gold)


def score_tc(
    pred: list[tuple[str, str, int, int]], gold: list[tuple[str, str, int, int]]
) -> TCScore:
    """Rows are (article_id, label, start, end); micro-F1 plus per-label P/R/F1."""
    by_span_pred: dict[tuple, Counter] = defaultdict(Counter)
    by_span_gold: dict[tuple, Counter] = defaultdict(Counter)
    for aid, label, start, end in pred:
        by_span_pred[(aid, start, end)][label] += 1
    for aid, label, start, end in gold:
        by_span_gold[(aid, start, end)][label] += 1
    tp: Counter = Counter()
    n_pred_label: Counter = Counter(label for _, label, _, _ in pred)
    n_gold_label: Counter = Counter(label for _, label, _, _ in gold)
    for key, g in by_span_gold.items():
        for label, n in (by_span_pred.get(key, Counter()) & g).items():
            tp[label] += n
    correct = sum(tp.values())
    precision = correct / len(pred) if pred else 0.0
    recall = correct / len(gold) if gold else 0.0
    per_label = {}
    for label in sorted(set(n_gold_label) | set(n_pred_label)):
        lp = tp[label] / n_pred_label[label] if n_pred_label[label] else 0.0
        lr = tp[label] / n_gold_label[label] if n_gold_label[label] else 0.0
        per_label[label] = {
            "precision": round(lp, 4),
            "recall": round(lr, 4),
            "f1": round(metrics.f1(lp, lr), 4),
            "support": n_gold_label[label],
        }
    return TCScore(metrics.f1(precision, recall), precision, recall, len(pred), len(gold), per_label)


# ---------------------------------------------------------------- runners


def _gold_dir_rows(gold_dir: Path, ids: set[str]):
    from claimscope.corpora.ptc import read_label_dir

    spans = read_label_dir(gold_dir)
    return {aid: spans.get(aid, []) for aid in ids}


def run_si(articles_dir, out_path, *, model_dir=None, ids=None, gold_dir=None, threshold=None,
           min_score=0.0):
    """Predict spans for every article in a folder (or the listed ids); score if gold given.

    `min_score` drops techniques scored below it, as the component's `min_score` does.
    """
    from claimscope.corpora.ptc import article_ids, read_text
    from claimscope.runtime.rhetoric_model import RhetoricModel
    from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR
    from claimscope.settings import threads_setting

    model = RhetoricModel(model_dir or SENTENCE_MODEL_DIR, threads=threads_setting())
    ids = sorted(ids) if ids is not None else article_ids(articles_dir)
    pred: dict[str, list[tuple[int, int]]] = {}
    lines = []
    for aid in ids:
        text = read_text(articles_dir, aid)
        # The same spans that `analyze` reports (the technique head may veto some).
        found = model.analyze(text, threshold=threshold)
        pred[aid] = [(t.start, t.end) for t in found if t.score >= min_score]
        lines += [f"{aid}\t{s}\t{e}" for s, e in pred[aid]]
    Path(out_path).write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    if gold_dir is None:
        return None
    gold = _gold_dir_rows(Path(gold_dir), set(ids))
    return score_si(pred, {aid: [(g.start, g.end) for g in spans] for aid, spans in gold.items()})


def label_template(model, articles_dir, rows: list[tuple[str, int, int]]) -> list[str]:
    """Label template rows (article, start, end); repeated spans get their next-best labels."""
    from claimscope.corpora.ptc import read_text
    from claimscope.runtime.sentence_encoding import sentence_ranges

    by_article: dict[str, list[int]] = defaultdict(list)
    for i, (aid, _, _) in enumerate(rows):
        by_article[aid].append(i)
    labels: list[str] = [""] * len(rows)
    for aid, idx in by_article.items():
        text = read_text(articles_dir, aid)
        ranges = sentence_ranges(text)
        units = model.encode(text, ranges)
        unique = sorted({(rows[i][1], rows[i][2]) for i in idx})
        probs = model.classify(text, unique, units, ranges)
        ranked = {span: list(p.argsort()[::-1]) for span, p in zip(unique, probs)}
        seen: Counter = Counter()
        for i in idx:
            span = (rows[i][1], rows[i][2])
            order = ranked[span]
            labels[i] = model.labels[order[min(seen[span], len(order) - 1)]]
            seen[span] += 1
    return labels


def run_tc(articles_dir, template_path, out_path, *, model_dir=None, ids=None, gold_dir=None):
    from claimscope.runtime.rhetoric_model import RhetoricModel
    from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR
    from claimscope.settings import threads_setting

    model = RhetoricModel(model_dir or SENTENCE_MODEL_DIR, threads=threads_setting())
    rows = []
    for line in Path(template_path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and (ids is None or parts[0] in ids):
            rows.append((parts[0], int(parts[2]), int(parts[3])))
    labels = label_template(model, articles_dir, rows)
    out = [f"{aid}\t{label}\t{s}\t{e}" for (aid, s, e), label in zip(rows, labels)]
    Path(out_path).write_text("\n".join(out) + ("\n" if out else ""), encoding="utf-8")
    if gold_dir is None:
        return None
    wanted = {aid for aid, _, _ in rows} if ids is None else set(ids)
    gold = _gold_dir_rows(Path(gold_dir), wanted)
    gold_rows = [(aid, g.label, g.start, g.end) for aid, spans in gold.items() for g in spans]
    pred_rows = [(aid, label, s, e) for (aid, s, e), label in zip(rows, labels)]
    return score_tc(pred_rows, gold_rows)


def write_template(labels_file: str | Path, out_path: str | Path) -> None:
    """A TC template (`id ? start end`) from a labelled file: the labels replaced by '?'."""
    rows = []
    for line in Path(labels_file).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            rows.append(f"{parts[0]}\t?\t{parts[2]}\t{parts[3]}")
    Path(out_path).write_text("\n".join(rows) + "\n", encoding="utf-8")
