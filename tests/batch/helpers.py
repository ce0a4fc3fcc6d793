"""Running `claimscope ingest` as a user does, and checking what a store holds afterwards."""

from __future__ import annotations

import re
import subprocess
import sys

from claimscope.model.analysis import Analysis

FACT_KEYS = ("entities", "attributions", "claims", "techniques", "structure", "summary")


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimscope.cli.main", *args]


def run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, text=True, timeout=timeout)


def summary(stdout: str) -> dict[str, int]:
    """`34 stored, 0 already stored, 1 publication added, 0 failed` -> counts by outcome."""
    line = stdout.strip().splitlines()[-1]
    return {label.replace(" ", "_"): int(n) for n, label in re.findall(r"(\d+) ([a-z ]+?)(?:,|$)", line)}


def check_store(url: str, texts: set[str], inputs: int, workspace) -> None:
    """Every text stored exactly once, none half-written: each document loads, round-trips, and
    holds exactly the facts a fresh analysis of its text gives; one publication per input."""
    from claimscope.store import open_store

    with open_store(url) as store:
        ids = sorted(store.pipeline_versions())
        assert store.stats()["documents"] == len(ids) == len(texts)
        loaded = [store.load(doc_id) for doc_id in ids]
    assert {d.analysis.document.text for d in loaded} == texts
    assert sum(len(d.publications) for d in loaded) == inputs
    for doc in loaded:
        data = doc.analysis.as_dict()
        assert Analysis.from_dict(data).as_dict() == data
        fresh = workspace.analyze_document(doc.analysis.document).as_dict()
        for key in FACT_KEYS:
            assert data[key] == fresh[key], f"{doc.id}: {key} differ from a fresh analysis"
