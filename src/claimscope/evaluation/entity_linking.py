"""Score cross-document entity linking against a gold clustering of document entities.

The gold file (`tests/data/linking-gold.json`, described in docs/entity-linking.md) holds sets of
documents; for each document, its entities as claimscope's pipeline gives them (id, type, the
offsets of the first mention) and the gold cluster each belongs to. No text of the documents:
PolNeAR files are named relative to the shared data folder and read from there.

Each set is analysed with the real pipeline (with the set's alias file, if it names one) and
linked (with its `link_aliases` file instead, if it names one: documents analysed without the
file, then re-linked with it) as its own corpus with the linker the store uses: one document at a time, as `ingest`
links (`incremental`), and all at once, as `relink` does (`batch`). Scores are over pairs of
document entities put in one corpus entity (pairwise precision, recall, F1) and B-cubed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimscope.evaluation import metrics
from claimscope.ledger.alias_book import AliasBook
from claimscope.ledger.entity_links import CorpusLinker, relink
from claimscope.model.records import Entity

GOLD = Path(__file__).resolve().parents[3] / "tests" / "data" / "linking-gold.json"
Key = tuple[str, str]  # (document file, gold entity id)


@dataclass
class GoldSet:
    name: str
    aliases: Path | None  # the alias file for analysis and linking
    documents: list[dict]  # {"file", "path", "entities": [{"id", "type", "first", "cluster"}]}
    link_aliases: Path | None = None  # an alias file for linking only (documents stored, then relinked)


@dataclass
class Scores:
    pairs_gold: int = 0
    pairs_predicted: int = 0
    pairs_correct: int = 0
    bcubed_p: float = 0.0
    bcubed_r: float = 0.0
    items: int = 0
    missing: list[str] = field(default_factory=list)  # gold entities the pipeline no longer gives

    @property
    def precision(self) -> float:
        return self.pairs_correct / self.pairs_predicted if self.pairs_predicted else 1.0

    @property
    def recall(self) -> float:
        return self.pairs_correct / self.pairs_gold if self.pairs_gold else 1.0

    @property
    def f1(self) -> float:
        return metrics.f1(self.precision, self.recall)

    @property
    def bcubed_f1(self) -> float:
        return metrics.f1(self.bcubed_p, self.bcubed_r)


def load_gold(path: Path | None = None, shared: Path | None = None) -> list[GoldSet]:
    path = Path(path or GOLD)
    data = json.loads(path.read_text(encoding="utf-8"))
    root = path.resolve().parents[2]  # the repository: tests/data/<file>
    sets = []
    for raw in data["sets"]:
        base = Path(shared) if raw.get("shared") else root
        aliases = root / raw["aliases"] if raw.get("aliases") else None
        link_aliases = root / raw["link_aliases"] if raw.get("link_aliases") else None
        documents = [{**d, "path": base / d["file"]} for d in raw["documents"]]
        sets.append(GoldSet(raw["name"], aliases, documents, link_aliases))
    return sets


def analyse(gold: GoldSet, workspace_factory) -> dict[str, list[Entity]]:
    """Document file -> the entities the real pipeline finds in it (with the set's aliases)."""
    from claimscope.ingest import InputFailure

    workspace = workspace_factory(gold.aliases)
    found: dict[str, list[Entity]] = {}
    for document in gold.documents:
        for item in workspace.analyze(str(document["path"])):
            if isinstance(item, InputFailure):
                raise RuntimeError(f"{document['file']}: {item}")
            found[document["file"]] = item.entities
    return found


def predicted_clusters(gold: GoldSet, entities: dict[str, list[Entity]], *,
                       incremental: bool) -> tuple[dict[Key, str], list[str]]:
    """Gold key -> predicted corpus entity id, and the gold entities not found in the output
    (matched by id, else by the offsets of the first mention, as an entity's first mention or
    any other). Missing ones stay singletons."""
    book = AliasBook.load(gold.link_aliases or gold.aliases)
    documents = [(d["file"], entities[d["file"]]) for d in gold.documents]
    if incremental:
        linker, links = CorpusLinker(book), {}
        for file, ents in documents:
            links.update(linker.link(file, ents).links)
    else:
        links = relink(documents, book).links
    predicted: dict[Key, str] = {}
    missing: list[str] = []
    for document in gold.documents:
        file = document["file"]
        by_id = {e.id: e for e in entities[file]}
        # A gold entity is found again by its id, else by the mention it started with, which
        # may now be any mention of an entity (the pipeline joined "Hillary" to "Hillary
        # Clinton" in the text, and the joined entity's link is what that mention got).
        by_mention = {(m.start, m.end): e for e in entities[file] for m in reversed(e.mentions)}
        by_first = {(e.mentions[0].start, e.mentions[0].end): e for e in entities[file] if e.mentions}
        # A span the pipeline now cuts in two ("Green Party's Jill Stein") is not found: either
        # part may be what the gold meant, so it stays a singleton.
        for g in document["entities"]:
            first = tuple(g["first"])
            e = by_id.get(g["id"]) or by_first.get(first) or by_mention.get(first)
            if e is None:
                missing.append(f"{file}#{g['id']}")
                predicted[(file, g["id"])] = f"missing:{file}#{g['id']}"
            else:
                predicted[(file, g["id"])] = links[(file, e.id)]
    return predicted, missing


def score(gold: dict[Key, str], predicted: dict[Key, str]) -> Scores:
    """Pairwise and B-cubed scores of a predicted clustering of the gold items."""
    s = Scores(items=len(gold))
    gold_groups = _groups(gold)
    pred_groups = _groups(predicted)
    s.pairs_gold = sum(_pairs(len(g)) for g in gold_groups.values())
    s.pairs_predicted = sum(_pairs(len(g)) for g in pred_groups.values())
    for group in pred_groups.values():
        by_gold: dict[str, int] = {}
        for key in group:
            by_gold[gold[key]] = by_gold.get(gold[key], 0) + 1
        s.pairs_correct += sum(_pairs(n) for n in by_gold.values())
    for key in gold:
        mine, theirs = pred_groups[predicted[key]], gold_groups[gold[key]]
        overlap = len(mine & theirs)
        s.bcubed_p += overlap / len(mine)
        s.bcubed_r += overlap / len(theirs)
    if gold:
        s.bcubed_p /= len(gold)
        s.bcubed_r /= len(gold)
    return s


def gold_clusters(gold: GoldSet) -> dict[Key, str]:
    return {(d["file"], g["id"]): g["cluster"] for d in gold.documents for g in d["entities"]}


def combine(parts: Iterable[Scores]) -> Scores:
    """Pairs summed over sets (pairs never cross sets); B-cubed averaged over all items."""
    total = Scores()
    for s in parts:
        total.pairs_gold += s.pairs_gold
        total.pairs_predicted += s.pairs_predicted
        total.pairs_correct += s.pairs_correct
        total.bcubed_p += s.bcubed_p * s.items
        total.bcubed_r += s.bcubed_r * s.items
        total.items += s.items
        total.missing += s.missing
    if total.items:
        total.bcubed_p /= total.items
        total.bcubed_r /= total.items
    return total


def _groups(assignment: dict[Key, str]) -> dict[str, set[Key]]:
    groups: dict[str, set[Key]] = {}
    for key, cluster in assignment.items():
        groups.setdefault(cluster, set()).add(key)
    return groups


def _pairs(n: int) -> int:
    return n * (n - 1) // 2
