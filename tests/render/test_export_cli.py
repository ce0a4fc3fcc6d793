"""`claimscope export` end to end: the demo corpus saved in a real store (SQLite, and PostgreSQL
where CLAIMSCOPE_TEST_PG names one), exported by the real command in a separate process."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from claimscope.errors import OutputNotWritable, UnknownFormat
from claimscope.model.corpus import Publication
from claimscope.settings import Settings
from claimscope.store import open_store
from claimscope.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def stored(store_url, demo_analyses):
    """A store holding the ten demo articles with their manifest publications."""
    with open_store(store_url) as store:
        for analysis in demo_analyses:
            store.save(analysis, Publication.of(analysis.document))
    return store_url


def claimscope(*args: str, extra_path: Path | None = None) -> subprocess.CompletedProcess:
    path = f"{extra_path}:{REPO / 'src'}" if extra_path else str(REPO / "src")
    env = {**os.environ, "PYTHONPATH": path}
    env.pop("CLAIMSCOPE_DB", None)
    return subprocess.run([sys.executable, "-m", "claimscope.cli.main", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_every_format_exports_the_stored_corpus(stored, demo_analyses, tmp_path):
    by_id = {a.document.id: a for a in demo_analyses}
    for fmt in ("jsonl", "csv", "ftm", "claimreview", "gexf"):
        out = tmp_path / f"corpus.{fmt}"
        run = claimscope("export", "--format", fmt, "--out", str(out), "--db", stored)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == f"exported {len(demo_analyses)} documents to {out} ({fmt})"
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    # The store gives back what analyze made: the JSONL export is exactly those analyses.
    lines = [json.loads(line) for line in (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {d["document"]["id"]: d for d in lines} == {i: a.as_dict() for i, a in by_id.items()}
    with open(tmp_path / "corpus.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(a.claims) for a in demo_analyses)
    outlets = {i: a.document.meta["outlet"] for i, a in by_id.items()}
    assert all(r["outlet"] == outlets[r["document"]] for r in rows)
    reviews = json.loads((tmp_path / "corpus.claimreview").read_text(encoding="utf-8"))
    assert len(reviews) == sum(c.check_worthy for a in demo_analyses for c in a.claims)
    assert nx.read_gexf(tmp_path / "corpus.gexf").number_of_nodes() > 50
    ftm_ids = [json.loads(line)["id"] for line in (tmp_path / "corpus.ftm").read_text().splitlines()]
    assert set(by_id) <= set(ftm_ids) and len(ftm_ids) == len(set(ftm_ids))


def _exported_ids(path: Path) -> set[str]:
    return {json.loads(line)["document"]["id"] for line in path.read_text(encoding="utf-8").splitlines()}


def test_entity_and_since_choose_the_documents(stored, demo_analyses, tmp_path):
    # An entity some articles name and others do not; a date some were published before.
    counts = {}
    for a in demo_analyses:
        for e in a.entities:
            counts.setdefault(e.id, set()).add(a.document.id)
    entity = next(key for key, docs in sorted(counts.items()) if 2 <= len(docs) <= 7)
    out = tmp_path / "entity.jsonl"
    assert claimscope("export", "-f", "jsonl", "-o", str(out), "--db", stored, "--entity", entity).returncode == 0
    assert _exported_ids(out) == counts[entity]

    dates = sorted(a.document.meta["date"] for a in demo_analyses)
    since = dates[len(dates) // 2]
    out = tmp_path / "since.jsonl"
    assert claimscope("export", "-f", "jsonl", "-o", str(out), "--db", stored, "--since", since).returncode == 0
    expected = {a.document.id for a in demo_analyses if a.document.meta["date"] >= since}
    assert _exported_ids(out) == expected and 0 < len(expected) < 10


def test_an_unknown_format_is_E304_and_touches_nothing(tmp_path):
    db, out = tmp_path / "never.db", tmp_path / "x.out"
    run = claimscope("export", "--format", "pdf", "--out", str(out), "--db", str(db))
    assert run.returncode == 2 and "E304" in run.stderr and "pdf" in run.stderr
    assert "jsonl" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert not db.exists() and not out.exists()


def test_an_out_path_that_cannot_be_written_is_E303(stored, tmp_path):
    out = tmp_path / "no-such-folder" / "c.csv"
    run = claimscope("export", "--format", "csv", "--out", str(out), "--db", stored)
    assert run.returncode == 2 and "E303" in run.stderr and str(out) in run.stderr
    with pytest.raises(OutputNotWritable):
        Workspace(_settings(stored)).export("csv", out)


def _settings(db: str) -> Settings:
    settings = Settings()
    settings.db = db
    return settings


FAILING_PLUGIN = '''
from claimscope.render.exporters import Exporter


class FailingExporter(Exporter):
    """Writes a line per document and fails on the third: an export interrupted half-way."""

    name = "failing"

    def write(self, record):
        self.out.write(record.id + "\\n")
        self.out.flush()
        if self.options.setdefault("seen", 0) == 2:
            raise RuntimeError("disk gremlin")
        self.options["seen"] += 1
'''


def _install_failing_plugin(folder: Path) -> None:
    (folder / "cs_failing_plugin.py").write_text(FAILING_PLUGIN, encoding="utf-8")
    dist = folder / "cs_failing_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: cs-failing-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(
        "[claimscope.exporters]\nfailing = cs_failing_plugin:FailingExporter\n", encoding="utf-8")


def test_a_failed_export_leaves_the_old_file_and_no_half_written_one(stored, demo_analyses, tmp_path, monkeypatch):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    _install_failing_plugin(plugins)
    monkeypatch.syspath_prepend(str(plugins))
    monkeypatch.delitem(sys.modules, "cs_failing_plugin", raising=False)
    out = tmp_path / "exports" / "corpus.txt"
    out.parent.mkdir()
    out.write_text("the previous export\n")
    workspace = Workspace(_settings(stored))
    try:
        with pytest.raises(RuntimeError, match="disk gremlin"):
            workspace.export("failing", out)
        assert out.read_text() == "the previous export\n"
        assert [p.name for p in out.parent.iterdir()] == ["corpus.txt"]
        # A format nobody registered fails before anything is read or written.
        with pytest.raises(UnknownFormat):
            workspace.export("nope", out)
        assert workspace.export("jsonl", out) == len(demo_analyses)
        assert len(out.read_text().splitlines()) == len(demo_analyses)
    finally:
        workspace.close()


def test_exporting_from_no_store_is_an_error_and_makes_none(tmp_path):
    db, out = tmp_path / "typo.db", tmp_path / "c.jsonl"
    run = claimscope("export", "--format", "jsonl", "--out", str(out), "--db", str(db))
    assert run.returncode == 2 and "E402" in run.stderr and str(db) in run.stderr
    assert not db.exists() and not out.exists()
