"""`claimscope documents`, `clusters` and `dossier` as a user runs them, on a real SQLite store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimscope.store import open_store

REPO = Path(__file__).resolve().parents[2]


def claimscope(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("CLAIMSCOPE_DB", None)
    return subprocess.run([sys.executable, "-m", "claimscope.cli.main", *args], capture_output=True, text=True,
                          env=env, timeout=600)


@pytest.fixture(scope="module")
def db(tmp_path_factory, demo_corpus_analyses) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "demo.db")
    with open_store(path) as store:
        store.save_many([(a, None) for a in demo_corpus_analyses])
    return path


def test_documents_json(db):
    run = claimscope("documents", "--db", db, "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert all(set(r) == {"id", "name", "outlet", "date", "title", "origin"} for r in rows)
    by_name = {Path(r["name"]).stem: r for r in rows}
    assert by_name["02-essary-herald-port-blast"]["origin"] == by_name["01-coastline-port-blast"]["id"]


def test_clusters_and_dossier(db, tmp_path):
    run = claimscope("clusters", "--db", db, "--entity", "Mirvik", "--format", "json")
    assert run.returncode == 0, run.stderr
    clusters = json.loads(run.stdout)
    assert clusters and list(clusters[0])[:12] == ["id", "text", "mentions", "documents", "origins",
                                                   "independent_sources", "sources", "first_seen", "last_seen",
                                                   "conflicts", "assessment", "grade"]
    grades = tmp_path / "grades.json"
    grades.write_text(json.dumps({"outlets": {"Coastline Wire": "B"}}), encoding="utf-8")
    run = claimscope("dossier", "Mirvik", "--db", db, "--reliability", str(grades), "--format", "json")
    assert run.returncode == 0, run.stderr
    dossier = json.loads(run.stdout)
    items = [r for k in ("known", "claimed", "speculated", "denied", "contested") for r in dossier[k]]
    # The user graded one outlet: what it carries is B, everything else F (cannot be judged).
    graded = [r for r in items if r["grade"][0] == "B"]
    assert graded and all(any(m["outlet"] == "Coastline Wire" for m in r["mentions"]) for r in graded)
    assert {r["grade"][0] for r in items} == {"B", "F"}
    assert all("Coastline Wire" in r["grade_reason"] for r in graded)
    for fmt in ("markdown", "terminal", "html"):
        run = claimscope("dossier", "Mirvik", "--db", db, "--format", fmt)
        assert run.returncode == 0 and "Mirvik" in run.stdout, run.stderr


def test_errors_are_one_line_with_a_code(db, tmp_path):
    run = claimscope("dossier", "Atlantis", "--db", db)
    assert run.returncode == 2 and "E420" in run.stderr and "Atlantis" in run.stderr
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"outlets": {"Coastline Wire": "Z"}}), encoding="utf-8")
    run = claimscope("clusters", "--db", db, "--reliability", str(bad))
    assert run.returncode == 2 and "E320" in run.stderr and "A-F" in run.stderr
    run = claimscope("documents", "--db", str(tmp_path / "none.db"))
    assert run.returncode == 2 and "E402" in run.stderr and not (tmp_path / "none.db").exists()
