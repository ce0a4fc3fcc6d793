"""Two real processes writing one store at once both finish; nothing is lost or doubled."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimscope.model.analysis import Analysis
from claimscope.model.ids import assign_ids
from claimscope.store import open_store
from claimscope.store import tables as T

WRITER = Path(__file__).with_name("writer.py")
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(scope="module")
def many_json(demo_analyses, tmp_path_factory) -> list[Path]:
    """40 distinct documents: each demo analysis with a line added at the end (offsets hold),
    its ids recomputed for the new text."""
    folder = tmp_path_factory.mktemp("many")
    paths = []
    for round_ in range(4):
        for i, analysis in enumerate(demo_analyses):
            data = copy.deepcopy(analysis.as_dict())
            data["document"]["text"] += f"\n\nCorrection {round_}: an earlier version misspelt a name."
            variant = Analysis.from_dict(data)
            assign_ids(variant)
            path = folder / f"{round_}-{i:02d}.json"
            path.write_text(json.dumps(variant.as_dict()), encoding="utf-8")
            paths.append(path)
    return paths


def _run_two(url: str, tmp_path: Path, first: list[Path], second: list[Path]) -> list[list[str]]:
    open_store(url).close()  # the schema exists before the race: the race is about documents
    gate = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    procs = [subprocess.Popen([sys.executable, str(WRITER), url, str(gate), *map(str, files)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for files in (first, second)]
    time.sleep(1.0)  # both have imported and opened the store
    gate.touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        outputs.append(out.split("\n")[:-1])
    return outputs


def _counts(url: str) -> dict[str, int]:
    with open_store(url) as store, store.engine.connect() as connection:
        return {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (T.documents, T.publications, T.analyses, T.claims, T.attributions, T.mentions)}


def _expected(files: list[Path]) -> dict[str, int]:
    analyses = [json.loads(p.read_text()) for p in files]
    return {"documents": len(analyses), "publications": len(analyses), "analyses": len(analyses),
            "claims": sum(len(a["claims"]) for a in analyses),
            # the table holds statements and stances (kind "stance:...")
            "attributions": sum(len(a["attributions"]) + len(a.get("stances", [])) for a in analyses),
            "mentions": sum(len(e["mentions"]) for a in analyses for e in a["entities"])}


def test_two_processes_writing_the_same_documents(store_url, tmp_path, many_json):
    first, second = _run_two(store_url, tmp_path, many_json, list(reversed(many_json)))
    outcomes = Counter(line.split()[1] for line in first + second)
    assert outcomes == Counter({"stored": len(many_json), "already_stored": len(many_json)})
    per_doc = Counter(line.split()[0] for line in first + second if line.endswith(" stored"))
    assert set(per_doc.values()) == {1} and len(per_doc) == len(many_json)
    assert _counts(store_url) == _expected(many_json)


def test_two_processes_writing_different_documents(store_url, tmp_path, many_json):
    half = len(many_json) // 2
    first, second = _run_two(store_url, tmp_path, many_json[:half], many_json[half:])
    assert [line.split()[1] for line in first + second] == ["stored"] * len(many_json)
    assert _counts(store_url) == _expected(many_json)
    with open_store(store_url) as store:
        data = json.loads(many_json[-1].read_text())
        assert store.load(data["document"]["id"]).analysis.as_dict() == data


def test_two_processes_creating_a_new_store_at_once(store_url, tmp_path, many_json):
    """Neither process finds the schema made: one creates it, the other waits and uses it."""
    gate = tmp_path / "go"
    gate.touch()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    procs = [subprocess.Popen([sys.executable, str(WRITER), store_url, str(gate), *map(str, files)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for files in (many_json[:5], many_json[:5])]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert _counts(store_url)["documents"] == 5
