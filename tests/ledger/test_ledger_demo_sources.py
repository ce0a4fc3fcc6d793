"""The demo's leaked memo end to end (real pipeline, real stores): the memo, the outlet that relays
it and an unresolved "It" are one independent source, and the dossier says why."""

from __future__ import annotations

from pathlib import Path

from claimscope.ledger.facade import Ledger
from claimscope.render import dossier as render


def test_the_memo_relayed_by_an_outlet_and_an_unresolved_it_are_one_source(demo_store):
    ledger = Ledger(demo_store)
    ids = {Path(d.name).stem: d.id for d in demo_store.documents()}
    records = ledger.clusters()
    met = max((r for r in records if any(m["text"] == "Kestrian intelligence met Brigade commanders"
                                         for m in r["mentions"])), key=lambda r: len(r["mentions"]))
    documents = {m["document"] for m in met["mentions"]}
    assert {ids["05-ledger-leaked-memo"], ids["06-coastline-ambassador"], ids["08-coastline-un-panel"]} <= documents
    assert met["independent_sources"] == 1
    counted = [s for s in met["sources"] if s["counted"]]
    assert [s["kind"] for s in counted] == ["document"]
    memo = counted[0]
    assert ids["06-coastline-ambassador"] in memo["documents"]  # the relay is the memo's
    assert any("Morning Ledger" in r for r in memo["relayed_by"])
    pronoun = next(s for s in met["sources"] if s["name"] == "It")
    assert pronoun["kind"] == "unresolved_pronoun" and not pronoun["counted"] and pronoun["entity"] is None
    assert "1 independent source" in met["independence"] and "Not counted: It" in met["independence"]
    # The reason never names the pronoun or the relaying outlet as a source of its own. It names
    # the memo, or, where the foreign minister's denial ("any Kestrian official has ever met
    # ...") is linked as a contradiction, her: a party the claim concerns denied it.
    assert "It" not in met["reason"].split() and "Morning Ledger" not in met["reason"]
    assert met["assessment"] in ("contested", "denied")
    if met["assessment"] == "denied":
        assert met["reason"] == "denied by Ilona Brask"
        assert any("any Kestrian official has ever met" in c["text"] for c in met["conflicts"])
    else:
        assert "Leaked memo" in met["reason"]
    # The hedge inside the memo's reported content ("allegedly discussed") is kept.
    colonel = next(m for r in records for m in r["mentions"] if "allegedly discussed" in m["text"])
    assert colonel["status"] == "hedged"
    brief = render.terminal(ledger.dossier(["Kestria"]), width=400)
    assert "It (unresolved_pronoun; not counted)" in brief
