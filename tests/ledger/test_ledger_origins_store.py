"""Origins in a real store: the demo corpus's copies grouped as its manifest says, incrementally."""

from __future__ import annotations

import json
from pathlib import Path

from claimscope.ledger.facade import Ledger
from claimscope.ledger.matching import LexicalMatcher

MANIFEST = json.loads((Path(__file__).resolve().parents[2] / "demo" / "corpus" / "manifest.json")
                      .read_text(encoding="utf-8"))


def _by_file(rows):
    return {Path(r["name"]).stem: r for r in rows}


def test_documents_give_each_copy_its_origin(demo_store):
    ledger = Ledger(demo_store, matcher=LexicalMatcher())
    rows = _by_file(ledger.documents())
    assert len(rows) == len(MANIFEST["documents"])
    for entry in MANIFEST["documents"]:
        row = rows[entry["id"]]
        expected = entry.get("syndicated_from") or entry["id"]
        assert row["origin"] == rows[expected]["id"], entry["id"]
        assert row["outlet"] == entry["outlet"] and row["date"] == entry["date"]
        assert row["title"] == entry["title"]


def test_the_update_is_incremental(demo_store):
    ledger = Ledger(demo_store, matcher=LexicalMatcher())
    first = ledger.update()
    assert first["documents"] == len(MANIFEST["documents"]) and first["claims"] > 0
    again = ledger.update()
    assert again["documents"] == 0 and again["claims"] == 0
    status = demo_store.ledger_status()
    assert status["placed"] == status["documents"]
    assert status["claims"] == first["claims"]
