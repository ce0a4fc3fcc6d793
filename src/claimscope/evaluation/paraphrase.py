"""`claimscope eval paraphrase`: decide MRPC-format pairs with the claim matcher, score them.

The decision is the one the claim clusters use (`ledger.claim_match.ClaimMatcher`): the
calibrated bi-encoder score, vetoed by the figure, polarity and entity checks.
"""

from __future__ import annotations

import time
from pathlib import Path

from claimscope.corpora.mrpc import read_pairs, write_pairs
from claimscope.errors import IngestError, InputNotFound
from claimscope.evaluation.sentence_heads import prf
from claimscope.ledger.claim_match import ClaimMatcher


def run_paraphrase(pairs_file: str | Path, out_file: str | Path, *, model_dir: str | Path | None = None,
                   gold: bool = False, threads: int | None = None) -> dict:
    """Write predictions for every pair; with `gold`, also P/R/F1 of class 1 and accuracy."""
    path = Path(pairs_file)
    if not path.exists():
        raise InputNotFound(str(path), "no such file")
    try:
        pairs = read_pairs(path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), str(exc).removeprefix(f"{path}: ")) from None
    matcher = ClaimMatcher(model_dir, threads=threads)
    started = time.time()
    matches = matcher.match_pairs([(p.text1, p.text2) for p in pairs])
    seconds = time.time() - started
    labels = [int(m.same) for m in matches]
    write_pairs(out_file, pairs, labels)
    result = {"pairs": len(pairs), "seconds": round(seconds, 2),
              "pairs_per_second": len(pairs) / seconds if seconds else 0.0,
              "vetoed": sum(m.veto is not None and m.probability >= matcher.threshold for m in matches)}
    if gold:
        unlabelled = sum(p.label is None for p in pairs)
        if unlabelled:
            raise IngestError(str(path), f"--gold needs labels, {unlabelled} pair(s) have Quality '?'")
        gold_labels = [p.label for p in pairs]
        scores = prf(gold_labels, labels)
        scores["accuracy"] = sum(g == y for g, y in zip(gold_labels, labels)) / len(pairs) if pairs else 0.0
        result["scores"] = scores
    return result
