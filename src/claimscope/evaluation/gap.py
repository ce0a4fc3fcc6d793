"""GAP scoring: precision, recall and F1 of TRUE over both names, overall and by pronoun gender.

As in the GAP paper: every row contributes two decisions (A, B); a TRUE answer matching a TRUE
gold label is a true positive. The bias is feminine F1 / masculine F1 (1.0 = unbiased).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimscope.corpora.gap import GapRow
from claimscope.evaluation.attribution import Counts


@dataclass
class GapScores:
    overall: Counts
    masculine: Counts
    feminine: Counts
    missing: int = 0  # rows without an answer (counted as FALSE, FALSE)

    @property
    def bias(self) -> float:
        return self.feminine.f1 / self.masculine.f1 if self.masculine.f1 else 0.0

    def as_dict(self) -> dict:
        return {"overall": self.overall.as_dict(), "masculine": self.masculine.as_dict(),
                "feminine": self.feminine.as_dict(), "bias": self.bias, "missing": self.missing}


def score_gap(rows: list[GapRow], answers: dict[str, tuple[bool, bool]]) -> GapScores:
    scores = GapScores(Counts(), Counts(), Counts())
    for row in rows:
        if row.id not in answers:
            scores.missing += 1
        a, b = answers.get(row.id, (False, False))
        tp = int(a and row.a_coref is True) + int(b and row.b_coref is True)
        n_pred = int(a) + int(b)
        n_gold = int(row.a_coref is True) + int(row.b_coref is True)
        scores.overall.add(tp, n_pred, n_gold)
        (scores.masculine if row.masculine else scores.feminine).add(tp, n_pred, n_gold)
    return scores


def format_gap(scores: GapScores) -> str:
    lines = [f"{'':12}{'P':>7}{'R':>7}{'F1':>7}"]
    for name in ("overall", "masculine", "feminine"):
        c: Counts = getattr(scores, name)
        lines.append(f"{name:12}{100 * c.precision:7.1f}{100 * c.recall:7.1f}{100 * c.f1:7.1f}")
    lines.append(f"bias (F/M)  {scores.bias:7.3f}")
    if scores.missing:
        lines.append(f"rows without an answer: {scores.missing}")
    return "\n".join(lines)
