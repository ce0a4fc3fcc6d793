"""Read the Propaganda Techniques Corpus (SemEval-2020 Task 11) from its folder layout.

Articles are `train-articles/article<ID>.txt` (title, blank line, one sentence per line);
technique labels are per-article `.labels` files, tab separated (labels contain commas, so
we split on tabs only). Offsets are characters, end exclusive.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE_RE = re.compile(r"article(\d+)\.txt$")


@dataclass(frozen=True)
class GoldSpan:
    label: str | None  # None for span-identification labels (no technique column)
    start: int
    end: int


@dataclass
class Article:
    id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)


def article_ids(articles_dir: str | Path) -> list[str]:
    """Ids of every `article<ID>.txt` in a folder, sorted."""
    ids = []
    for path in Path(articles_dir).glob("article*.txt"):
        match = ARTICLE_RE.search(path.name)
        if match:
            ids.append(match.group(1))
    return sorted(ids)


def read_text(articles_dir: str | Path, article_id: str) -> str:
    # newline="" keeps offsets exact: the gold offsets count characters of the raw file.
    with open(Path(articles_dir) / f"article{article_id}.txt", encoding="utf-8", newline="") as f:
        return f.read()


def parse_label_line(line: str) -> tuple[str, GoldSpan] | None:
    """One label line: `id<TAB>start<TAB>end` (SI) or `id<TAB>label<TAB>start<TAB>end` (TC)."""
    parts = line.rstrip("\n\r").split("\t")
    if len(parts) == 3:
        return parts[0], GoldSpan(None, int(parts[1]), int(parts[2]))
    if len(parts) == 4:
        return parts[0], GoldSpan(parts[1], int(parts[2]), int(parts[3]))
    return None


def read_labels(path: str | Path) -> dict[str, list[GoldSpan]]:
    """All spans of one labels file (per-article or merged), grouped by article id."""
    spans: dict[str, list[GoldSpan]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parsed = parse_label_line(line)
        if parsed:
            spans.setdefault(parsed[0], []).append(parsed[1])
    return spans


def read_label_dir(labels_dir: str | Path) -> dict[str, list[GoldSpan]]:
    """A folder of per-article `.labels` files; articles without spans map to []."""
    spans: dict[str, list[GoldSpan]] = {}
    for path in sorted(Path(labels_dir).glob("*.labels")):
        match = re.search(r"article(\d+)", path.name)
        if match:
            spans.setdefault(match.group(1), [])
        for aid, found in read_labels(path).items():
            spans.setdefault(aid, []).extend(found)
    return spans


def load_corpus(root: str | Path, *, task: str = "tc") -> list[Article]:
    """Articles of a PTC folder with their TC (labelled) or SI (unlabelled) gold spans."""
    root = Path(root)
    sub = (
        "train-labels-task2-technique-classification"
        if task == "tc"
        else "train-labels-task1-span-identification"
    )
    gold = read_label_dir(root / sub)
    articles_dir = root / "train-articles"
    return [
        Article(aid, read_text(articles_dir, aid), sorted(gold.get(aid, []), key=_span_key))
        for aid in article_ids(articles_dir)
    ]


def _span_key(span: GoldSpan) -> tuple:
    return (span.start, span.end, span.label or "")


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping spans (the SI gold convention); touching spans stay apart."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def split_ids(ids: list[str], *, seed: int, heldout: float, validation: float) -> dict:
    """Deterministic article split: held-out test, validation (model selection), train."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    n_test = round(len(order) * heldout)
    n_val = round(len(order) * validation)
    return {
        "heldout": sorted(order[:n_test]),
        "validation": sorted(order[n_test : n_test + n_val]),
        "train": sorted(order[n_test + n_val :]),
    }


def data_hash(root: str | Path) -> str:
    """SHA-256 over every article and TC label file, so a model card names its data."""
    root = Path(root)
    digest = hashlib.sha256()
    files = sorted((root / "train-articles").glob("*.txt")) + sorted(
        (root / "train-labels-task2-technique-classification").glob("*.labels")
    )
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
