"""Entity-linking speed, in memory and through a store (a benchmark, not a test).

    PYTHONPATH=src python benchmarks/bench_linking.py --documents 2000 [--analyses out/polnear] [--pg URL]

Takes analyses once (the JSON `analyze --format json --output DIR` wrote, or the demo corpus
analysed here without the alias file), replays them under new document ids to N documents (each
text gets a line appended, ids recomputed; replayed documents repeat their names, so the corpus
entities do not grow as a real corpus's would), and prints: the linker alone (`relink` over all,
and `link` one document at a time), then on a SQLite store (and PostgreSQL with --pg):
`link_entities` of N stored documents, `relink`, and the `entities` listing latency.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import tempfile
import time
from pathlib import Path

from claimscope.ledger.alias_book import AliasBook
from claimscope.ledger.entity_links import CorpusLinker, relink
from claimscope.model.analysis import Analysis
from claimscope.model.ids import assign_ids
from claimscope.settings import Settings
from claimscope.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]


def source_analyses(folder: Path | None) -> list[Analysis]:
    if folder is not None:
        return [Analysis.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]
    settings = Settings()
    settings.aliases = None
    settings.rhetoric = False
    workspace = Workspace(settings)
    return [a for a in workspace.analyze(str(REPO / "demo" / "corpus")) if isinstance(a, Analysis)]


def replay(analyses: list[Analysis], n: int) -> list[Analysis]:
    out = []
    for i in range(n):
        data = copy.deepcopy(analyses[i % len(analyses)].as_dict())
        data["document"]["text"] += f"\n\nReplayed copy {i}."
        variant = Analysis.from_dict(data)
        assign_ids(variant)
        out.append(variant)
    return out


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def in_memory(analyses: list[Analysis]) -> None:
    documents = [(a.document.id, a.entities) for a in analyses]
    entities = sum(len(e) for _, e in documents)
    book = AliasBook.load()
    result, seconds = timed(lambda: relink(documents, book))
    print(f"linker, relink: {len(documents)} documents, {entities} document entities -> "
          f"{len(result.entities)} corpus entities in {seconds:.2f} s "
          f"({1000 * seconds / entities:.3f} ms per entity)")
    linker = CorpusLinker(book)
    _, seconds = timed(lambda: [linker.link(d, e) for d, e in documents])
    print(f"linker, one document at a time: {1000 * seconds / len(documents):.2f} ms per document")


def on_store(url: str, label: str, analyses: list[Analysis]) -> None:
    settings = Settings()
    settings.db = url
    settings.aliases = None
    workspace = Workspace(settings)
    for start in range(0, len(analyses), 50):
        workspace.store.save_many([(a, None) for a in analyses[start:start + 50]])
    done, seconds = timed(workspace.link_entities)
    print(f"{label}: link_entities of {done['documents']} stored documents ({done['links']} links) "
          f"in {seconds:.2f} s")
    done, seconds = timed(workspace.relink)
    print(f"{label}: relink of {done['documents']} documents in {seconds:.2f} s")
    latencies = []
    for _ in range(5):
        _, seconds = timed(workspace.corpus_entities)
        latencies.append(1000 * seconds)
    print(f"{label}: entities listing ({len(workspace.corpus_entities())} corpus entities) "
          f"{statistics.median(latencies):.1f} ms median")
    workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--analyses", type=Path, help="a folder of `analyze --format json` output")
    parser.add_argument("--pg", help="also a PostgreSQL store at this URL (an empty database)")
    args = parser.parse_args()
    analyses = replay(source_analyses(args.analyses), args.documents)
    in_memory(analyses)
    with tempfile.TemporaryDirectory() as folder:
        on_store(str(Path(folder) / "bench.db"), "sqlite", analyses)
    if args.pg:
        on_store(args.pg, "postgresql", analyses)


if __name__ == "__main__":
    main()
