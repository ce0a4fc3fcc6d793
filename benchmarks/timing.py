"""Time each component of a pipeline over the same texts (shared by the benchmark scripts)."""

from __future__ import annotations

import time


def time_components(nlp, texts: list[str]) -> tuple[dict[str, float], float]:
    """Seconds spent in each pipeline component, and the total, running them one by one."""
    per_component = {name: 0.0 for name, _ in nlp.pipeline}
    t0 = time.perf_counter()
    for text in texts:
        doc = nlp.make_doc(text)
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            per_component[name] += time.perf_counter() - start
    return per_component, time.perf_counter() - t0
