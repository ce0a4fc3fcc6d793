"""The junk filter of claimscope_attribution, on hand-written sentences with the real model."""

from __future__ import annotations

from role_groups import role_group

from claimscope.nlp import attribution, paragraphs  # noqa: F401  (register the factories)
from claimscope.nlp.attribution_filter import base_forms, cue_is_attribution, filter_groups
from claimscope.nlp.attribution_spans import Group, RoleSpan


def test_inflections_reach_their_base_form():
    assert "warn" in base_forms("warned") and "cry" in base_forms("cries")
    assert "plan" in base_forms("planned") and "say" in base_forms("said")


def test_a_measure_is_not_a_saying_but_a_warning_is(parse):
    text = "Gross domestic product measures the value of goods and services."
    doc = parse(text)
    assert not cue_is_attribution(doc, role_group(text, "Gross domestic product", "measures",
                                              "the value of goods and services"))
    text = "The minister warned that prices would rise."
    doc = parse(text)
    assert cue_is_attribution(doc, role_group(text, "The minister", "warned", "that prices would rise"))


def test_a_noun_that_is_no_cue_goes_with_its_content(parse):
    text = "His blind allegiance to a party cost him the seat."
    doc = parse(text)
    assert filter_groups(doc, [role_group(text, None, "blind allegiance", "a")]) == []


def test_a_content_loses_its_own_source_and_cue(parse):
    text = "The port will close, the harbour master said, for two weeks in May."
    doc = parse(text)
    group = Group(cue=RoleSpan("cue", text.index("said"), text.index("said") + 4),
                  source=RoleSpan("source", text.index("the harbour"), text.index(" said")),
                  contents=[RoleSpan("content", 0, len(text) - 1)])
    kept = filter_groups(doc, [group])
    assert len(kept) == 1
    for piece in kept[0].contents:
        assert "said" not in text[piece.start:piece.end]
        assert "harbour master" not in text[piece.start:piece.end]
    assert any("port will close" in text[c.start:c.end] for c in kept[0].contents)


def test_no_attribution_in_a_definition(analyze):
    a = analyze("Gross domestic product measures the value of goods and services a country "
                "produces in a year.\n")
    assert a.attributions == []
