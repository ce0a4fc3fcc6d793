"""Score predicted attributions against PolNeAR-style gold, per document and micro-averaged.

An attribution is a dict `{"source": F, "cue": F, "content": F}` where each role F is a list of
`(start, end)` character fragments (end exclusive), empty when the role is absent. A role given
as a single `[start, end]` pair is read as one fragment. PolNeAR roles may be discontinuous, so
a role is compared as the set of its fragments: touching or overlapping fragments are merged
first, so `[(0, 5), (5, 9)]` equals `[(0, 9)]`.

Matching rule (one-to-one, so duplicates are never counted twice):
- Role level (source, cue, content), separately for each role and document: the predicted
  role spans are the non-empty roles of the predicted attributions, likewise for gold.
  * exact: a predicted span matches a gold span when their merged fragment lists are equal;
  * overlap: when they share at least one character.
  Each gold span matches at most one predicted span and vice versa; the number of matches is
  the size of a maximum bipartite matching (augmenting paths), so no greedy choice can lose
  a match. TP = matches, precision = TP / predicted spans, recall = TP / gold spans.
- Attribution level: a predicted attribution matches a gold one when their contents overlap
  AND their sources agree, where sources agree when both overlap or **both are absent**. A gold
  attribution without a source (PolNeAR's "Attribution-no-source", about 6 % of them) therefore
  only matches a prediction that proposes no source either, and a prediction with a source
  never matches it: inventing a speaker is an error. Content absent on both sides also agrees
  (it is rare in PolNeAR). Counted one-to-one by maximum matching, as above.
Scores are micro-averaged: counts are summed over documents before dividing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimscope.evaluation import metrics

ROLES = ("source", "cue", "content")
Fragments = list[tuple[int, int]]


def as_fragments(value) -> Fragments:
    """Normalise a role: None, [s, e] or [[s, e], ...] -> merged sorted fragments."""
    if value is None:
        return []
    items = list(value)
    if not items:
        return []
    if isinstance(items[0], int):
        items = [items]
    spans = sorted((int(s), int(e)) for s, e in items if int(e) > int(s))
    merged: Fragments = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def max_matching(n_pred: int, n_gold: int, compatible) -> int:
    """Size of a maximum one-to-one matching; `compatible(i, j)` says pred i may match gold j."""
    edges = [[j for j in range(n_gold) if compatible(i, j)] for i in range(n_pred)]
    gold_owner = [-1] * n_gold

    def augment(i: int, seen: list[bool]) -> bool:
        for j in edges[i]:
            if not seen[j]:
                seen[j] = True
                if gold_owner[j] == -1 or augment(gold_owner[j], seen):
                    gold_owner[j] = i
                    return True
        return False

    return sum(augment(i, [False] * n_gold) for i in range(n_pred))


@dataclass
class Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return metrics.f1(self.precision, self.recall)

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def as_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "predicted": self.n_pred, "gold": self.n_gold}


@dataclass
class AttributionScores:
    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    attribution: Counts = field(default_factory=Counts)
    documents: int = 0

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "exact": {r: c.as_dict() for r, c in self.exact.items()},
            "overlap": {r: c.as_dict() for r, c in self.overlap.items()},
            "attribution": self.attribution.as_dict(),
        }


def _normalise(attributions: Iterable[dict]) -> list[dict[str, Fragments]]:
    return [{r: as_fragments(a.get(r)) for r in ROLES} for a in attributions]


def score_document(pred: Sequence[dict], gold: Sequence[dict], into: AttributionScores) -> None:
    """Add one document's counts to `into`."""
    pred_n, gold_n = _normalise(pred), _normalise(gold)
    for role in ROLES:
        p = [a[role] for a in pred_n if a[role]]
        g = [a[role] for a in gold_n if a[role]]
        exact = max_matching(len(p), len(g), lambda i, j, p=p, g=g: p[i] == g[j])
        loose = max_matching(len(p), len(g), lambda i, j, p=p, g=g: overlaps(p[i], g[j]))
        into.exact[role].add(exact, len(p), len(g))
        into.overlap[role].add(loose, len(p), len(g))

    def agree(a: Fragments, b: Fragments) -> bool:
        return overlaps(a, b) if a and b else not a and not b

    whole = max_matching(
        len(pred_n), len(gold_n),
        lambda i, j: agree(pred_n[i]["content"], gold_n[j]["content"])
        and agree(pred_n[i]["source"], gold_n[j]["source"]),
    )
    into.attribution.add(whole, len(pred_n), len(gold_n))
    into.documents += 1


def score_corpus(pairs: Iterable[tuple[Sequence[dict], Sequence[dict]]]) -> AttributionScores:
    """Micro-averaged scores over (predicted, gold) attribution lists, one pair per document."""
    scores = AttributionScores()
    for pred, gold in pairs:
        score_document(pred, gold, scores)
    return scores


def format_table(scores: AttributionScores) -> str:
    """Plain aligned text: one row per role and match mode, then the attribution level."""
    lines = [f"{'':22}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}"]
    for mode, table in (("exact", scores.exact), ("overlap", scores.overlap)):
        for role, c in table.items():
            lines.append(f"{mode + ' ' + role:22}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}"
                         f"{c.n_pred:7d}{c.n_gold:7d}")
    c = scores.attribution
    lines.append(f"{'attribution (c+s)':22}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}"
                 f"{c.n_pred:7d}{c.n_gold:7d}")
    lines.append(f"documents: {scores.documents}")
    return "\n".join(lines)
