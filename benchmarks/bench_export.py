"""Export speed per format: the demo corpus in a SQLite store, each format exported twice.

    PYTHONPATH=src python benchmarks/bench_export.py [--copies N]

Analyses the ten demo articles once, saves them (N text variants of each, so the store holds
10*N documents) into a temporary SQLite store, then times `Workspace.export` per format on a
second, warm run (imports and FtM's model loaded). Prints documents/s and file size. Not a test:
timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from claimscope.model.corpus import Publication
from claimscope.model.ids import assign_ids
from claimscope.settings import Settings
from claimscope.store import open_store
from claimscope.workspace import Workspace

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="claimscope-bench-export-"))
    settings = Settings()
    settings.db = str(folder / "store.db")
    workspace = Workspace(settings)
    analyses = [a for a in workspace.analyze(str(DEMO)) if hasattr(a, "claims")]
    with open_store(settings.db) as store:
        for copy in range(args.copies):
            for analysis in analyses:
                if copy:  # a distinct text (and id) with the same facts: a bigger corpus, cheaply
                    analysis.document.text += " "
                    assign_ids(analysis)
                store.save(analysis, Publication.of(analysis.document))
    for fmt in ("jsonl", "csv", "ftm", "claimreview", "gexf"):
        out = folder / f"corpus.{fmt}"
        workspace.export(fmt, out)
        start = time.perf_counter()
        count = workspace.export(fmt, out)
        seconds = time.perf_counter() - start
        print(f"{fmt:12s} {count:5d} documents {seconds:7.2f} s {count / seconds:7.1f} docs/s "
              f"{os.path.getsize(out) / count / 1024:7.1f} KiB/doc")
    workspace.close()


if __name__ == "__main__":
    main()
