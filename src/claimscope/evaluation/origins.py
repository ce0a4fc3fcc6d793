"""Scoring copy detection (`claimscope eval origins`): pairs of documents put in one origin group.

Two test sets:
- the demo corpus, whose manifest says which file is a copy of which (`syndicated_from`), read
  here only to score: the ledger itself never looks at it;
- copies made at run time from PolNeAR texts (never stored anywhere): light word edits,
  reordered paragraphs, trimmed endings, added credit lines and new headlines, alone and
  combined, each under another outlet a day or two later, fed in a shuffled order so that copies
  often arrive before their original.

Scores: precision, recall and F1 over same-group document pairs, recall per kind of copy, and
how often a group's origin is the true original.
"""

from __future__ import annotations

import csv
import itertools
import json
import random
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from claimscope.evaluation import metrics
from claimscope.ledger.origins import MemoryBackend, OriginDoc

RECIPES = ("light_edit", "reordered", "trimmed", "credit_line", "retitled", "combined", "rewritten",
           "rewritten_credited")


@dataclass
class Case:
    doc: OriginDoc
    group: str  # the gold group: the original's id
    recipe: str  # "original" or one of RECIPES


def pair_scores(gold: dict[str, str], predicted: dict[str, str]) -> dict:
    """P/R/F1 of 'these two documents are in one group', over all pairs of documents."""
    def pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
        members = defaultdict(list)
        for doc, g in groups.items():
            members[g].append(doc)
        return {tuple(sorted(p)) for m in members.values() for p in itertools.combinations(m, 2)}

    g, p = pairs(gold), pairs(predicted)
    tp = len(g & p)
    precision, recall, f1 = metrics.prf(tp, len(p), len(g), empty=1.0)
    return {"precision": precision, "recall": recall, "f1": f1, "gold_pairs": len(g),
            "predicted_pairs": len(p), "tp": tp, "false_pairs": sorted(p - g), "missed_pairs": sorted(g - p)}


def run(cases: list[Case]) -> dict:
    backend = MemoryBackend()
    by_id = {}
    for n, case in enumerate(cases):
        # The store breaks same-day ties by first ingested: the order of arrival.
        doc = replace(case.doc, first_ingested=f"{n:08d}")
        by_id[doc.id] = doc
        backend.add(doc)
    gold = {c.doc.id: c.group for c in cases}
    predicted = dict(backend.origin)
    scores = pair_scores(gold, predicted)
    by_recipe: dict[str, list[bool]] = defaultdict(list)
    for c in cases:
        if c.recipe != "original":
            by_recipe[c.recipe].append(predicted[c.doc.id] == predicted[c.group])
    scores["recall_by_recipe"] = {r: (sum(v) / len(v), len(v)) for r, v in sorted(by_recipe.items())}
    groups = {c.group for c in cases if c.recipe != "original"}
    scores["origin_accuracy"] = (sum(predicted[g] == g for g in groups) / len(groups)) if groups else 1.0
    # Copies dated after their original: the origin is decidable from the dates alone. Same-day
    # copies fall to the tie-breaks (no credit line first, then arrival), a coin toss when the
    # copy credits nobody either.
    later = [g for g in groups if all((c.doc.date or "") > (by_id[g].date or "")
                                      for c in cases if c.group == g and c.recipe != "original")]
    scores["origin_accuracy_dated_later"] = (sum(predicted[g] == g for g in later) / len(later)) if later else 1.0
    scores["groups_dated_later"] = len(later)
    scores["groups"] = len(groups)
    scores["documents"] = len(cases)
    scores["rules"] = dict(sorted(_count(link.rule for link in backend.links.values()).items()))
    return scores


def _count(values) -> dict:
    out: dict = defaultdict(int)
    for v in values:
        out[v] += 1
    return out


# -- the demo corpus ---------------------------------------------------------------------------

def demo_cases(folder: Path) -> list[Case]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    cases = []
    for entry in manifest["documents"]:
        doc = OriginDoc(id=entry["id"], text=(folder / entry["file"]).read_text(encoding="utf-8"),
                        outlet=entry.get("outlet"), date=entry.get("date"), author=entry.get("author"))
        origin = entry.get("syndicated_from")
        cases.append(Case(doc, origin or entry["id"], "original" if not origin else "demo_copy"))
    # Gold groups are transitive: a copy of a copy belongs to the first original.
    parent = {c.doc.id: c.group for c in cases}
    for c in cases:
        g = c.group
        while parent.get(g, g) != g:
            g = parent[g]
        c.group = g
    return cases


# -- copies of PolNeAR texts -------------------------------------------------------------------

def polnear_texts(polnear: Path) -> list[tuple[str, str, dict]]:
    meta = {}
    with (polnear / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row
    out = []
    for split in ("dev", "train"):
        for path in sorted((polnear / split / "text").glob("*.txt")):
            out.append((path.stem, path.read_text(encoding="utf-8"), meta.get(path.stem, {})))
    return out


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def light_edit(text: str, rng: random.Random, share: float = 0.06) -> str:
    """Change about `share` of the words: drop some, swap neighbours, replace with house style."""
    out = []
    for word in text.split(" "):
        roll = rng.random()
        if roll < share / 3:
            continue
        if roll < 2 * share / 3 and out:
            out[-1], word = word, out[-1]
        elif roll < share:
            word = {"said": "says", "says": "said", "the": "this", "a": "one"}.get(word, word + ",")
        out.append(word)
    return " ".join(out)


def reordered(text: str, rng: random.Random) -> str:
    """Keep the headline and lead, shuffle the other paragraphs."""
    paras = _paragraphs(text)
    head, rest = paras[:2], paras[2:]
    rng.shuffle(rest)
    return "\n\n".join(head + rest)


def trimmed(text: str, rng: random.Random) -> str:
    """Cut the story short, as a site with less space does: keep 55-80% of its paragraphs."""
    paras = _paragraphs(text)
    keep = max(2, int(len(paras) * rng.uniform(0.55, 0.8)))
    return "\n\n".join(paras[:keep])


def credit_line(text: str, rng: random.Random, outlet: str) -> str:
    """Add a wire credit: a dateline credit, an agency lead or a 'Reporting by' footer."""
    paras = _paragraphs(text)
    kind = rng.choice(("dateline", "footer", "both"))
    if kind in ("dateline", "both") and len(paras) > 1:
        paras[1] = f"WASHINGTON ({outlet}) — " + paras[1]
    if kind in ("footer", "both"):
        paras.append(f"Reporting by {outlet}; additional reporting by staff.")
    return "\n\n".join(paras)


def retitled(text: str, rng: random.Random) -> str:
    paras = _paragraphs(text)
    words = paras[0].split()
    rng.shuffle(words)
    paras[0] = "UPDATE: " + " ".join(words[: max(3, len(words) - 2)])
    return "\n\n".join(paras)


def make_copy(text: str, recipe: str, rng: random.Random, outlet: str) -> str:
    if recipe == "light_edit":
        return light_edit(text, rng)
    if recipe == "reordered":
        return reordered(text, rng)
    if recipe == "trimmed":
        return trimmed(text, rng)
    if recipe == "credit_line":
        return credit_line(text, rng, outlet)
    if recipe == "retitled":
        return retitled(text, rng)
    if recipe == "rewritten":  # a fifth of the words changed: more than a light edit
        return trimmed(light_edit(text, rng, share=0.2), rng)
    if recipe == "rewritten_credited":  # the same, crediting the wire it came from
        return credit_line(trimmed(light_edit(text, rng, share=0.2), rng), rng, outlet)
    # combined: every light edit at once
    return retitled(credit_line(trimmed(reordered(light_edit(text, rng), rng), rng), rng, outlet), rng)


def _shift(day: str | None, days: int) -> str | None:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat() if day else None
    except ValueError:
        return day


# PolNeAR's publisher slugs as the outlets print their names (credit lines use these).
OUTLETS = {"breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "The New York Times",
           "politico": "Politico", "usa-today": "USA Today", "wash-post": "The Washington Post",
           "west-journal": "Western Journal"}


def polnear_cases(polnear: Path, originals: int, seed: int, copy_share: float = 0.5) -> list[Case]:
    rng = random.Random(seed)
    texts = polnear_texts(polnear)
    rng.shuffle(texts)
    cases = []
    for n, (name, text, meta) in enumerate(texts[:originals]):
        slug = meta.get("publisher") or name.split("_")[0]
        outlet = OUTLETS.get(slug, slug)
        day = meta.get("publication_date") or None
        cases.append(Case(OriginDoc(id=name, text=text, outlet=outlet, date=day, author=meta.get("author")),
                          name, "original"))
        if rng.random() >= copy_share:
            continue
        for k in range(rng.randint(1, 3)):
            recipe = rng.choice(RECIPES)
            site = f"copy-site-{rng.randint(1, 40)}"
            copy = make_copy(text, recipe, rng, outlet)
            cases.append(Case(OriginDoc(id=f"copy-{n}-{k}-{recipe}", text=copy, outlet=site,
                                        date=_shift(day, rng.randint(0, 2))), name, recipe))
    rng.shuffle(cases)  # copies may well come in before their original
    return cases
