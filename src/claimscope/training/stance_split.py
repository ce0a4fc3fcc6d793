"""Write FNC-1's held-out validation stories as FNC-1 CSVs (for `claimscope eval stance`).

No scikit-learn or torch needed: the split is `corpora.fnc1.split_by_story` with the shipped
model's seed and share (its config.json records them)."""

from __future__ import annotations

import csv
from pathlib import Path

from claimscope.corpora.fnc1 import read_bodies, read_stances, split_by_story

SPLIT_SEED = 5  # the shipped model's split (training.stance uses the same)
VALIDATION_PERCENT = 15


def write_validation_files(shared: str | Path, folder: str | Path) -> int:
    shared, folder = Path(shared), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pairs = read_stances(shared / "fnc1" / "train_stances.csv")
    bodies = read_bodies(shared / "fnc1" / "train_bodies.csv")
    _, validation = split_by_story(pairs, seed=SPLIT_SEED, validation_percent=VALIDATION_PERCENT)
    with open(folder / "stances.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Headline", "Body ID", "Stance"])
        for p in validation:
            w.writerow([p.headline, p.body_id, p.stance])
    with open(folder / "bodies.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Body ID", "articleBody"])
        for body_id in dict.fromkeys(p.body_id for p in validation):
            w.writerow([body_id, bodies[body_id]])
    return len(validation)
