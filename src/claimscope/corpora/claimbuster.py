"""Reader for the ClaimBuster two-class data (Arslan et al., 2020).

Files are JSON lists of `{"sentence_id", "label", "text"}`; label 1 marks a check-worthy
factual claim. Training holds out part of `train.json` for validation (see `split_claimbuster`)
so that `test.json` is never used to choose anything.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ClaimSentence:
    sentence_id: str
    text: str
    label: int  # 1 = check-worthy factual claim


def read_claimbuster(path: str | Path) -> list[ClaimSentence]:
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    return [ClaimSentence(str(r["sentence_id"]), r["text"], int(r["label"])) for r in rows]


def _bucket(key: str, seed: int) -> int:
    # A hash (not a shuffled list) makes membership independent of file order and of Python's
    # hash randomisation: the same sentence always falls on the same side.
    digest = hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()
    return int(digest[:8], 16) % 100


def split_claimbuster(
    rows: list[ClaimSentence], *, seed: int = 13, validation_percent: int = 10
) -> tuple[list[ClaimSentence], list[ClaimSentence]]:
    """(train, validation) parts of train.json, decided by a hash of the sentence id."""
    train, validation = [], []
    for row in rows:
        (validation if _bucket(row.sentence_id, seed) < validation_percent else train).append(row)
    return train, validation
