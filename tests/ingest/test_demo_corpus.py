"""The shipped demo corpus: manifest matches the files, and every file ingests as English."""

from __future__ import annotations

import json
from pathlib import Path

from claimscope.ingest import InputDoc, read_inputs

DEMO = Path(__file__).resolve().parents[2] / "demo"


def test_manifest_matches_files():
    manifest = json.loads((DEMO / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    docs = manifest["documents"]
    ids = {d["id"] for d in docs}
    assert len(ids) == len(docs) >= 10
    assert {d["file"] for d in docs} == {p.name for p in (DEMO / "corpus").glob("*.txt")}
    for d in docs:
        first_line = (DEMO / "corpus" / d["file"]).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first_line == d["title"]
        assert ".example/" in d["url"]
        assert d.get("syndicated_from", d["id"]) in ids


def test_every_demo_article_ingests_as_english():
    items = list(read_inputs(str(DEMO / "corpus")))
    # As many as the manifest lists (the demo corpus grows by adding articles).
    assert len(items) == len(json.loads((DEMO / "corpus" / "manifest.json").read_text(encoding="utf-8"))["documents"])
    assert all(isinstance(i, InputDoc) and i.language == "en" for i in items)


def test_demo_aliases_are_well_formed():
    data = json.loads((DEMO / "aliases.json").read_text(encoding="utf-8"))
    ids = [e["id"] for e in data["entities"]]
    assert len(ids) == len(set(ids))
    for e in data["entities"]:
        assert e["id"] == e["id"].lower() and " " not in e["id"]
        assert e["aliases"] and e["type"] in {"GPE", "ORG", "PERSON", "NORP", "LOC"}
        assert e.get("stands_for", ids[0]) in ids
