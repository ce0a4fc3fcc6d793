"""The spans of an article as nested, well-formed markup events (the workbench's article page).

`render/html.py` cuts the text flat at every boundary (one element per piece, every class that
covers it). The workbench needs elements a reader can click and link to: a claim is one element
with an id (`m-START-END`), however its words are styled inside. Spans overlap freely (an
attribution's content crosses two claims), so `nest` keeps the outer span whole where it can and
splits an inner span that crosses its parent's end into pieces (the first keeps the id, each
piece keeps the classes); the events are always well nested.

Events are plain dicts, never HTML: `{"open": kind, "tag": "a"|"span", ...attrs}`, `{"text": "..."}`,
`{"close": kind, "tag": ...}`, and `{"label": technique}` after a technique's last piece.
The template writes them, escaping every value; nothing from the article becomes markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimscope.model.analysis import Analysis
from claimscope.render.labels import entity_names, who

# Outer before inner when two spans cover the same characters: a claim holds the attribution
# parts inside it, those hold entity mentions, and a technique is innermost.
ORDER = {"claim": 0, "content": 1, "source": 2, "cue": 3, "entity": 4, "technique": 5}


@dataclass
class Span:
    start: int
    end: int
    kind: str  # claim | content | source | cue | entity | technique
    attrs: dict = field(default_factory=dict)  # what the template writes: cls, title, claim, …
    anchor: bool = True  # gets the id `m-START-END` (links "to the mention in context")


def article_spans(analysis: Analysis, links: dict[str, str] | None = None) -> list[Span]:
    """Claims by status, attribution source/cue/content, entity mentions and techniques."""
    names = entity_names(analysis)
    types = {e.id: e.type for e in analysis.entities}
    links = links or {}
    spans = [Span(c.start, c.end, "claim",
                  {"cls": f"claim st-{c.status}", "claim": c.id, "status": c.status,
                   "title": f"{c.status}: {who(c.asserter_name, c.asserter_entity, names)}"})
             for c in analysis.claims]
    for a in analysis.attributions:
        if a.source:
            spans.append(Span(a.source.start, a.source.end, "source",
                              {"cls": "att-source", "title": f"source: {who(a.source.text, a.source_entity, names)}"},
                              anchor=False))
        spans.append(Span(a.cue.start, a.cue.end, "cue", {"cls": "att-cue", "title": f"cue ({a.kind})"},
                          anchor=False))
        if a.content:
            spans.append(Span(a.content.start, a.content.end, "content",
                              {"cls": "att-content", "title": f"content ({a.kind} attribution)"}, anchor=False))
    for e in analysis.entities:
        for m in e.mentions:
            spans.append(Span(m.start, m.end, "entity",
                              {"cls": f"ent ent-{types.get(e.id, 'MISC')}", "title": f"{e.name} ({e.type})",
                               "entity": links.get(e.id) or ""}))
    spans += [Span(t.start, t.end, "technique", {"cls": "tech", "title": f"{t.label} ({t.score:.2f})",
                                                 "technique": t.label}, anchor=False)
              for t in analysis.techniques]
    return spans


def nest(text: str, spans: list[Span]) -> list[dict]:
    """Well-nested open/text/close events over the whole text (see the module docstring)."""
    spans = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)),
                   key=lambda s: (s.start, -s.end, ORDER.get(s.kind, 9)))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    events: list[dict] = []
    stack: list[Span] = []
    used_ids: set[str] = set()
    opened: set[int] = set()  # spans that have had their first piece
    tags: dict[int, str] = {}  # the element each open piece is (a claim is a link, unless nested)

    def open_(span: Span) -> None:
        event = {"open": span.kind, **span.attrs}
        first = id(span) not in opened
        opened.add(id(span))
        anchor = f"m-{span.start}-{span.end}"
        if first and span.anchor and anchor not in used_ids:
            used_ids.add(anchor)
            event["id"] = anchor
        if not first:
            event["cls"] = f"{event.get('cls', '')} cont".strip()
        # A link inside a link is not HTML: a claim inside another claim is a plain span.
        link = span.kind == "claim" and not any(s.kind == "claim" for s in stack)
        event["tag"] = tags[id(span)] = "a" if link else "span"
        events.append(event)
        stack.append(span)

    for here, after in zip(cuts, cuts[1:] + [None]):
        # Close what ends here; spans above one that ends are closed and reopened after it.
        reopen: list[Span] = []
        while any(s.end <= here for s in stack):
            top = stack.pop()
            events.append({"close": top.kind, "tag": tags[id(top)]})
            if top.end > here:
                reopen.append(top)
            elif top.kind == "technique":
                events.append({"label": top.attrs["technique"]})
        for span in reversed(reopen):
            open_(span)
        for span in starting.get(here, ()):
            open_(span)
        if after is not None and after > here:
            events.append({"text": text[here:after]})
    return events
