"""Entity linking end to end: the real pipeline, a real store (SQLite, and PostgreSQL in CI), the
Workspace methods and the commands a user runs."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimscope.settings import Settings
from claimscope.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "data" / "linking"
DEMO = REPO / "demo" / "corpus"
FILES = [DEMO / "03-ledger-brigade-claims.txt", DEMO / "06-coastline-ambassador.txt",
         DEMO / "08-coastline-un-panel.txt", ARTICLES / "01-kestria-analysts-react.txt",
         ARTICLES / "02-morning-ledger-commentators.txt", ARTICLES / "04-coastline-panel-members.txt"]


@pytest.fixture(scope="module")
def analyses():
    """The articles analysed without the demo alias file: the linking rules do the work."""
    settings = Settings()
    settings.aliases = None
    settings.rhetoric = False
    workspace = Workspace(settings)
    return {path.name: next(iter(workspace.analyze(str(path)))) for path in FILES}


def workspace_on(url: str, aliases: Path | None = None) -> Workspace:
    settings = Settings()
    settings.db = url
    settings.aliases = aliases
    return Workspace(settings)


def entity_named(workspace: Workspace, *names: str):
    found = [e for e in workspace.corpus_entities() if e.name in names or set(names) & set(e.aliases)]
    assert len(found) == 1, [(e.name, e.aliases) for e in found]
    return found[0]


def test_ingested_documents_link_across_documents(store_url, analyses):
    workspace = workspace_on(store_url)
    for analysis in analyses.values():
        workspace.store.save(analysis)
    done = workspace.link_entities()
    assert done["documents"] == len(FILES)
    # transliterations of one name, in two documents
    zharinovsky = entity_named(workspace, "Yevgeniy Zharinovskiy")
    assert "Yevgeny Zharinovsky" in zharinovsky.aliases and zharinovsky.documents == 2
    assert entity_named(workspace, "Aleksei Morozkin").documents == 2
    # the same name in every demo article it appears in
    assert entity_named(workspace, "Ilona Brask").documents == 2
    assert entity_named(workspace, "Priya Halloran").documents == 3
    # two people who share a surname stay two
    assert entity_named(workspace, "Anna Rusk").id != entity_named(workspace, "Pavel Rusk").id
    assert entity_named(workspace, "Maria Dunai").id != entity_named(workspace, "Karl Dunai").id
    people = workspace.corpus_entities(type="PERSON")
    assert people and all(e.type == "PERSON" for e in people)
    workspace.close()


def test_new_documents_link_incrementally_to_stable_ids(store_url, analyses):
    workspace = workspace_on(store_url)
    workspace.store.save(analyses["01-kestria-analysts-react.txt"])
    workspace.link_entities()
    before = entity_named(workspace, "Yevgeniy Zharinovskiy")
    assert before.documents == 1
    workspace.store.save(analyses["02-morning-ledger-commentators.txt"])
    done = workspace.link_entities()
    assert done["documents"] == 1  # only the new document was linked
    after = entity_named(workspace, "Yevgeniy Zharinovskiy")
    assert (after.id, after.documents) == (before.id, 2)
    assert workspace.link_entities()["documents"] == 0  # nothing left unlinked
    workspace.close()


def test_relink_applies_the_alias_file_merges_and_splits(store_url, analyses, tmp_path):
    workspace = workspace_on(store_url)
    for analysis in analyses.values():
        workspace.store.save(analysis)
    workspace.link_entities()
    assert entity_named(workspace, "Yevgeniy Zharinovskiy").documents == 2
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"entities": [
        {"id": "yevgeniy-zharinovskiy", "name": "Yevgeniy Zharinovskiy", "type": "PERSON",
         "not": ["Yevgeny Zharinovsky"]},  # split: the user says these are two people
        {"id": "ruben-okafor", "name": "Ruben Okafor", "type": "PERSON",
         "aliases": ["Aleksei Morozkin", "Alexey Morozkin", "Oliver Marsh"]},  # merge: one man
    ]}), encoding="utf-8")
    relinked = workspace_on(store_url, aliases)
    done = relinked.relink()
    assert done["documents"] == len(FILES)
    split = [e for e in relinked.corpus_entities() if "Zharinovsk" in e.name]
    assert sorted(e.documents for e in split) == [1, 1]
    merged = entity_named(relinked, "Ruben Okafor")
    assert {"Aleksei Morozkin", "Alexey Morozkin", "Oliver Marsh"} <= set(merged.aliases)
    assert merged.documents == 2
    relinked.close()
    # without the alias file the rules alone decide again, and no corpus entity is left over
    plain = workspace_on(store_url)
    plain.relink()
    assert entity_named(plain, "Yevgeniy Zharinovskiy").documents == 2
    assert not [e for e in plain.corpus_entities() if e.name == "Ruben Okafor"]
    assert all(e.documents > 0 for e in plain.corpus_entities())
    plain.close()


def claimscope(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([sys.executable, "-m", "claimscope.cli.main", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_entities_and_relink_commands(tmp_path, analyses):
    db = str(tmp_path / "claimscope.db")
    workspace = workspace_on(db)
    for analysis in analyses.values():
        workspace.store.save(analysis)
    workspace.link_entities()
    workspace.close()
    listed = claimscope("entities", "--db", db, "--type", "PERSON", "--format", "csv", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert rows and {r["type"] for r in rows} == {"PERSON"}
    brask = [r for r in rows if r["name"] == "Ilona Brask"]
    assert brask and brask[0]["documents"] == "2"
    as_json = json.loads(claimscope("entities", "--db", db, "--format", "json", cwd=tmp_path).stdout)
    assert len(as_json) > len(rows)
    relinked = claimscope("relink", "--db", db, cwd=tmp_path)
    assert relinked.returncode == 0 and "relinked" in relinked.stdout
    missing = claimscope("relink", "--db", db, "--aliases", "nope.json", cwd=tmp_path)
    assert missing.returncode == 2
    assert "E301" in missing.stderr and "nope.json" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    unlinked = str(tmp_path / "unlinked.db")
    store = workspace_on(unlinked)
    store.store.save(analyses["01-kestria-analysts-react.txt"])
    store.close()
    hint = claimscope("entities", "--db", unlinked, "--format", "json", cwd=tmp_path)
    assert hint.returncode == 0 and json.loads(hint.stdout) == [] and "relink" in hint.stderr
    absent = claimscope("entities", "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    assert absent.returncode == 2 and "E4" in absent.stderr
