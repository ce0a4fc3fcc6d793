"""Origin rules on hand-written texts and on the demo corpus (scored against its manifest)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from claimscope.evaluation.origins import demo_cases, light_edit, pair_scores, run
from claimscope.ledger.origins import (
    MemoryBackend,
    OriginDoc,
    agency_lead_credit,
    byline_credit,
    containment,
    credits,
    dateline_credit,
    reporting_by_credit,
    shingles,
)

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"

STORY = """Flooding closes the Varn bridge for a week

ODDEN (Northline Press) — Engineers closed the Varn bridge on Tuesday after floodwater undermined two of its piers, the regional transport office said, and traffic will be diverted through Kellby for at least a week.

The river rose by almost three metres overnight after four days of rain in the hills above Odden. Police evacuated forty houses on the east bank and opened the school gymnasium to families who had nowhere else to go.

"We will not reopen the bridge until divers have inspected every pier," said Hanne Vold, who heads the transport office. She said the inspection would start as soon as the current slowed.

Shopkeepers on Market Street said the closure would cost them dearly in the week before the autumn fair, which draws visitors from across the valley.
"""

OTHER = """Council approves new library for Kellby

KELLBY — The town council on Monday approved plans for a new public library on the site of the old bus depot, ending a debate that has lasted almost ten years.

The building will have a children's floor, a café and rooms that local clubs can book for free. Councillor Ivar Brekke said the library would open in the spring of next year if the builders keep to the schedule.

Some residents had asked for the depot to become a car park instead. The council said a car park would be built two streets away.
"""


def test_credit_rules():
    assert dateline_credit("LONDON (Reuters) - Shares fell.") == ["Reuters"]
    assert dateline_credit("PORT ESSARY — No credit here.") == []
    assert agency_lead_credit("AP — The vote was close.\n\nAFP - Another.") == ["AP", "AFP"]
    assert agency_lead_credit("WASHINGTON — A dateline, not an agency.") == []
    assert reporting_by_credit("Reporting by Coastline Wire, with additional reporting by Herald staff.")[0] \
        == "Coastline Wire"
    assert byline_credit("Ilse Brandvold (Coastline Wire)") == ["Coastline Wire"]
    assert byline_credit("By Jane Roe, Associated Press") == ["Associated Press"]
    assert byline_credit("Tobias Renn") == []
    # A wire crediting itself credits nobody; an agency alias is its agency.
    assert credits(STORY, None, own_outlet="Northline Press") == []
    assert credits("AP — It rained.", None) == ["associated press"]


def test_containment_survives_edits():
    original = shingles(STORY)
    edited = shingles(light_edit(STORY, random.Random(3)))
    assert containment(original, edited) > 0.5
    assert containment(original, shingles(OTHER)) < 0.05


def test_a_copy_that_arrives_first_is_grouped_under_the_earlier_original():
    backend = MemoryBackend()
    copy = STORY.replace("ODDEN (Northline Press) — ", "ODDEN — ") + "\nReporting by Northline Press.\n"
    backend.add(OriginDoc("copy", copy, outlet="Valley Times", date="2025-05-07"))
    backend.add(OriginDoc("other", OTHER, outlet="Valley Times", date="2025-05-05"))
    result = backend.add(OriginDoc("wire", STORY, outlet="Northline Press", date="2025-05-06"))
    # The later arrival is the original: the copy is relinked to it.
    assert result.link.rule == "original" and result.relinked["copy"].copy_of == "wire"
    assert backend.links["copy"].rule == "near_duplicate"
    assert backend.origin == {"copy": "wire", "other": "other", "wire": "wire"}


def test_a_rewritten_copy_needs_its_credit_line():
    rng = random.Random(5)
    rewritten = light_edit(STORY, rng, 0.3).replace("(Northline Press) ", "")
    shared = containment(shingles(STORY), shingles(rewritten))
    assert 0.2 <= shared < 0.5  # too far apart for a near duplicate

    alone = MemoryBackend()
    alone.add(OriginDoc("wire", STORY, outlet="Northline Press", date="2025-05-06"))
    assert alone.add(OriginDoc("rewrite", rewritten, outlet="Valley Times", date="2025-05-06")).origin == "rewrite"

    credited = MemoryBackend()
    credited.add(OriginDoc("wire", STORY, outlet="Northline Press", date="2025-05-06"))
    result = credited.add(OriginDoc("rewrite", rewritten + "\nReporting by Northline Press.",
                                    outlet="Valley Times", date="2025-05-06"))
    assert result.link.rule == "credited_copy" and result.origin == "wire"


def test_demo_corpus_groups_match_the_manifest():
    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    copies = {d["id"] for d in manifest["documents"] if d.get("syndicated_from")}
    assert copies, "the demo corpus has syndicated copies to score against"
    scores = run(demo_cases(DEMO))
    assert scores["precision"] == 1.0 and scores["recall"] == 1.0
    assert scores["origin_accuracy"] == 1.0


def test_pair_scores():
    s = pair_scores({"a": "a", "b": "a", "c": "c"}, {"a": "a", "b": "b", "c": "a"})
    assert (s["tp"], s["predicted_pairs"], s["gold_pairs"]) == (0, 1, 1)
