"""Reader and writer for MRPC-format paraphrase pairs, and cross-validation folds over them.

Files are tab separated with a header: `Quality` (1 = the two strings say the same thing,
0 = not, `?` = unknown), `#1 ID`, `#2 ID`, `#1 String`, `#2 String`. The strings contain
quotes, so the file is read with quoting off (as the corpus was written).

Folds keep every sentence id on one side: pairs are grouped by the connected components of
the graph whose edges are the pairs, and whole components are dealt to folds.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from claimscope.corpora.components import Components

HEADER = ["Quality", "#1 ID", "#2 ID", "#1 String", "#2 String"]


@dataclass(frozen=True)
class ParaphrasePair:
    label: int | None  # None for "?"
    id1: str
    id2: str
    text1: str
    text2: str


def read_pairs(path: str | Path) -> list[ParaphrasePair]:
    """Pairs of an MRPC-format file; ValueError naming the line when a row is malformed."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [c.strip() for c in rows[0][:5]] != HEADER:
        raise ValueError(f"{path}: the header must be {' / '.join(HEADER)} (tab separated)")
    out = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 5:
            raise ValueError(f"{path}: line {line} has {len(row)} fields, expected 5")
        quality = row[0].strip()
        if quality not in ("0", "1", "?"):
            raise ValueError(f"{path}: line {line} Quality must be 0, 1 or ?, got {quality!r}")
        out.append(ParaphrasePair(None if quality == "?" else int(quality), row[1], row[2], row[3], row[4]))
    return out


def write_pairs(path: str | Path, pairs: list[ParaphrasePair], labels: list[int]) -> None:
    """The input rows with `Quality` replaced by `labels`, same header and order."""
    # Plain joins, not csv: the strings keep their quotes as they were read (QUOTE_NONE).
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(HEADER) + "\n")
        for p, y in zip(pairs, labels):
            f.write("\t".join([str(int(y)), p.id1, p.id2, p.text1, p.text2]) + "\n")


def folds(pairs: list[ParaphrasePair], k: int = 5, seed: int = 7) -> list[int]:
    """Fold number of each pair; no sentence id occurs in two folds."""
    sentences = Components()
    for p in pairs:
        sentences.join(p.id1, p.id2)
    return [int(hashlib.sha1(f"{seed}:{sentences.find(p.id1)}".encode()).hexdigest()[:8], 16) % k for p in pairs]
