"""The speaker of a quotation that goes on in a paragraph of its own (no source words of its
own) is in the JSON (`speaker_entity`, schema 2.1), survives a round trip and shows in the
who-says-what table: it was dropped from the JSON before, so a reader saw no speaker where the
pipeline had one (claims6's finding). Hand-written text, the real pipeline."""

from __future__ import annotations

from claimscope.model.analysis import SCHEMA_VERSION, Analysis
from claimscope.render.markdown import render as render_markdown

STORY = (
    "Mayor Linda Hart opened the new bridge on Monday.\n\n"
    "\"The crews worked through two winters to finish it,\" Hart said.\n\n"
    "\"Nobody thought it could be done on time. We proved them wrong.\"\n"
)


def _going_on(analysis):
    found = [a for a in analysis.attributions if a.content and "proved them wrong" in a.content.text]
    assert found, [(a.source and a.source.text, a.content and a.content.text) for a in analysis.attributions]
    return found[0]


def test_a_quotation_going_on_carries_its_speaker_into_the_json(analyze):
    analysis = analyze(STORY)
    a = _going_on(analysis)
    assert a.source is None and a.source_entity is not None
    data = analysis.as_dict()
    assert data["schema_version"] == SCHEMA_VERSION == "2.1"
    row = next(r for r in data["attributions"] if r["id"] == a.id)
    assert row["source"] is None and row["speaker_entity"] == a.source_entity
    again = Analysis.from_dict(data)
    assert _going_on(again).source_entity == a.source_entity


def test_a_2_0_attribution_without_the_field_reads_its_speaker_from_the_source(analyze):
    data = analyze(STORY).as_dict()
    for row in data["attributions"]:
        row.pop("speaker_entity")
    again = Analysis.from_dict(data)
    said = next(a for a in again.attributions if a.source is not None)
    assert said.source_entity is not None
    assert _going_on(again).source_entity is None


def test_the_who_says_what_table_names_the_carried_speaker(analyze):
    text = render_markdown(analyze(STORY))
    row = next(line for line in text.splitlines() if "proved them wrong" in line and line.startswith("|"))
    assert "(Linda Hart)" in row
