"""CPU time of the in-document name joins (nlp/entities.py `_join_shorter_names`,
`_join_acronyms`) on random entity sets of growing size.

    PYTHONPATH=src python benchmarks/bench_entity_joins.py 500 2000 8000

The sets come from the generator the equality test uses (tests/nlp/test_entity_join_index.py),
built to make the joins fire. Before the index (a167fbb) the joins compared every entity with
every other: 2,000 entities took about 1 s of CPU, 8,000 over 20 s.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

from claimscope.nlp import entities as ent

TEST = Path(__file__).resolve().parents[1] / "tests" / "nlp" / "test_entity_join_index.py"


def _generator():
    spec = importlib.util.spec_from_file_location("entity_join_sets", TEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._random_entities


def main(argv: list[str]) -> int:
    random_entities = _generator()
    print("entities  joined  cpu_s")
    for n in [int(a) for a in argv] or [500, 2000, 8000]:
        entities, labels = random_entities(n, 99)
        t = time.process_time()
        ent._join_shorter_names(entities, labels, {})
        ent._join_acronyms(entities, labels, {})
        print(f"{n:8d}  {n - len(entities):6d}  {time.process_time() - t:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
