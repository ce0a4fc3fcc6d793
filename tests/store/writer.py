"""A store writer run as its own process by the concurrency tests (not a test module).

    python tests/store/writer.py URL GATE FILE.json...

Opens the store, waits until the GATE file exists (so two writers start together), saves
every analysis and prints one outcome per line: `<document id> <outcome>`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(url: str, gate: str, files: list[str]) -> None:
    from claimscope.model.analysis import Analysis
    from claimscope.store import open_store

    analyses = [Analysis.from_dict(json.loads(Path(f).read_text(encoding="utf-8"))) for f in files]
    with open_store(url) as store:
        deadline = time.monotonic() + 60
        while not Path(gate).exists() and time.monotonic() < deadline:
            time.sleep(0.005)
        for analysis in analyses:
            outcome = store.save(analysis)
            print(analysis.document.id, outcome.value, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
