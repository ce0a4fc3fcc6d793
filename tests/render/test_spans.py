"""`nest`: overlapping spans become well-nested elements over the exact text."""

from __future__ import annotations

from claimscope.render.spans import Span, nest

TEXT = "Officials said the dam may fail soon, critics added."


def _check(events, text):
    stack = []
    for e in events:
        if "open" in e:
            stack.append((e["open"], e["tag"]))
        elif "close" in e:
            assert stack.pop() == (e["close"], e["tag"])
    assert not stack
    assert "".join(e["text"] for e in events if "text" in e) == text


def test_a_span_crossing_its_parent_is_split_and_keeps_its_id_on_the_first_piece():
    spans = [Span(15, 36, "claim", {"cls": "claim st-speculative", "claim": "c1"}),
             Span(0, 9, "source", {"cls": "att-source"}, anchor=False),
             Span(10, 14, "cue", {"cls": "att-cue"}, anchor=False),
             Span(24, 44, "content", {"cls": "att-content"}, anchor=False),  # crosses the claim's end
             Span(19, 22, "entity", {"cls": "ent"}),
             Span(19, 31, "technique", {"cls": "tech", "technique": "Loaded_Language"}, anchor=False)]
    events = nest(TEXT, spans)
    _check(events, TEXT)
    contents = [e for e in events if e.get("open") == "content"]
    # Split where the technique and the claim it started inside end; later pieces say so.
    assert len(contents) == 3 and all(e["cls"].endswith("cont") for e in contents[1:])
    claim = next(e for e in events if e.get("open") == "claim")
    assert claim["id"] == "m-15-36" and claim["tag"] == "a"
    assert next(e for e in events if e.get("open") == "entity")["id"] == "m-19-22"
    i = events.index({"label": "Loaded_Language"})
    assert events[i - 1] == {"close": "technique", "tag": "span"}  # the label after the span


def test_a_claim_inside_a_claim_is_not_a_link_in_a_link_and_ids_are_unique():
    spans = [Span(0, 36, "claim", {"cls": "claim", "claim": "outer"}),
             Span(15, 36, "claim", {"cls": "claim", "claim": "inner"}),
             Span(15, 36, "entity", {"cls": "ent"})]
    events = nest(TEXT, spans)
    _check(events, TEXT)
    opens = [e for e in events if "open" in e]
    assert [e["tag"] for e in opens] == ["a", "span", "span"]
    ids = [e["id"] for e in opens if "id" in e]
    assert len(ids) == len(set(ids)) == 2  # the entity shares the inner claim's offsets
    assert nest("", spans) == [] and nest("abc", [Span(2, 9, "claim")]) == [{"text": "abc"}]
