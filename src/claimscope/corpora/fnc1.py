"""Reader for FNC-1 (Fake News Challenge stage 1) and its held-out split by story.

Files: `*_stances.csv` (`Headline`, `Body ID`, `Stance`) and `*_bodies.csv` (`Body ID`,
`articleBody`). A stances file without a `Stance` column (unlabelled input) reads with
`stance=None`. Headlines repeat across bodies and bodies across headlines, so validation
holds out whole stories: the connected components of the graph whose edges are the related
(agree / disagree / discuss) pairs. A body and every headline related to it fall on the same
side; only the randomly paired `unrelated` headlines may also occur on the other side.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from claimscope.corpora.components import Components

STANCES = ("agree", "disagree", "discuss", "unrelated")


@dataclass(frozen=True)
class StancePair:
    headline: str
    body_id: str
    stance: str | None  # None when the input carries no label


def read_stances(path: str | Path) -> list[StancePair]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"Headline", "Body ID"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        return [StancePair(r["Headline"], r["Body ID"].strip(), (r.get("Stance") or "").strip() or None)
                for r in reader]


def read_bodies(path: str | Path) -> dict[str, str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"Body ID", "articleBody"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        return {r["Body ID"].strip(): r["articleBody"] for r in reader}


def data_hash(*paths: str | Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def story_of(pairs: list[StancePair]) -> dict[str, str]:
    """Body ID -> story key (smallest body id of its component over related pairs)."""
    stories = Components()
    for p in pairs:
        stories.find("b" + p.body_id)
        if p.stance and p.stance != "unrelated":
            stories.join("h" + p.headline, "b" + p.body_id)
    return {p.body_id: stories.find("b" + p.body_id) for p in pairs}


def split_by_story(
    pairs: list[StancePair], *, seed: int = 17, validation_percent: int = 15
) -> tuple[list[StancePair], list[StancePair]]:
    """(train, validation): a story goes to validation when sha1(seed:story) mod 100 is small."""
    story = story_of(pairs)

    def held(body_id: str) -> bool:
        digest = hashlib.sha1(f"{seed}:{story[body_id]}".encode()).hexdigest()
        return int(digest[:8], 16) % 100 < validation_percent

    train = [p for p in pairs if not held(p.body_id)]
    validation = [p for p in pairs if held(p.body_id)]
    return train, validation
