"""HTML: the article with its spans highlighted (claims by status, sources, cues, techniques),
followed by the tables of the report. One self-contained page, no scripts, no remote assets.

Everything that comes from the article or its metadata goes through `escape`; only the page's
own tags are written raw.
"""

from __future__ import annotations

from html import escape

from claimscope.model.analysis import Analysis
from claimscope.render.labels import byline, entity_names, speaker_label, who

STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.55;color:#222}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:6px}
.claim-asserted{background:#eef}.claim-reported{background:#e0f4f8}.claim-hedged{background:#fff4c2}
.claim-speculative{background:#f6e0f6}.claim-questioned{background:#dde8ff}.claim-denied{background:#fde0de}
.source{font-weight:600;border-bottom:2px solid #2a7}.cue{font-style:italic;color:#06c}
.technique{text-decoration:underline wavy #c33}.tlabel{color:#c33;font-size:.7em;margin-left:.1em}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
.legend span{padding:0 .4rem;margin-right:.4rem}.byline{color:#555}.who{color:#2a7;font-size:.7em;margin-left:.1em}
"""


def _segments(text: str, spans: list[tuple[int, int, str, str]]):
    """Cut the text at every span boundary; each piece carries the classes covering it."""
    cuts = sorted({0, len(text), *[s for s, _, _, _ in spans], *[e for _, e, _, _ in spans]})
    # A sweep over the cuts (a long text has tens of thousands of spans): spans open at their
    # start and close at their end; `active` keeps them in list order for stable classes.
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, (s, e, _, _) in enumerate(spans):
        if s < e:
            opening.setdefault(s, []).append(i)
            closing.setdefault(e, []).append(i)
    active: set[int] = set()
    for start, end in zip(cuts, cuts[1:]):
        active.difference_update(closing.get(start, ()))
        active.update(opening.get(start, ()))
        yield start, end, [(spans[i][2], spans[i][3]) for i in sorted(active)]


def highlighted_text(analysis: Analysis) -> str:
    text = analysis.document.text
    names = entity_names(analysis)
    spans = [(c.start, c.end, f"claim-{c.status}",
              f"{c.id} {c.status} ({who(c.asserter_name, c.asserter_entity, names)})")
             for c in analysis.claims]
    for a in analysis.attributions:
        if a.source:
            spans.append((a.source.start, a.source.end, "source",
                          f"source of {a.id}: {who(a.source.text, a.source_entity, names)}"))
        spans.append((a.cue.start, a.cue.end, "cue", f"cue of {a.id} ({a.kind})"))
    spans += [(t.start, t.end, "technique", f"{t.label} {t.score:.2f}") for t in analysis.techniques]
    # Technique labels are shown in the text, after the span, not only on hover.
    labels_at: dict[int, list[tuple[str, str]]] = {}
    for t in analysis.techniques:
        labels_at.setdefault(t.end, []).append(("tlabel", t.label))
    # A source that does not say who it is ("he", "the ministry") gets the resolved name after it.
    for a in analysis.attributions:
        if a.source and who(a.source.text, a.source_entity, names) != a.source.text:
            labels_at.setdefault(a.source.end, []).append(("who", names[a.source_entity]))
    out = []
    for start, end, covering in _segments(text, spans):
        piece = escape(text[start:end])
        if covering:
            classes = " ".join(dict.fromkeys(cls for cls, _ in covering))
            title = escape("; ".join(t for _, t in covering), quote=True)
            out.append(f'<span class="{escape(classes)}" data-start="{start}" data-end="{end}" '
                       f'title="{title}">{piece}</span>')
        else:
            out.append(piece)
        for cls, label in labels_at.get(end, []):
            out.append(f'<sup class="{cls}">{escape(label)}</sup>')
    return "".join(out)


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>"


def _argument_section(analysis: Analysis, names: dict[str, str]) -> str:
    s = analysis.structure
    if not s.arguments and not s.thesis:
        return ""
    by_id = {c.id: c for c in analysis.claims}
    out = ["<h2>Argument structure</h2>"]
    if s.thesis:
        out.append(f"<p><strong>Thesis:</strong> {escape(s.thesis.text)}</p>")
    for argument in s.arguments:
        claims = "".join(
            f"<li><span class=\"claim-{escape(c.status)}\">{escape(c.status)}</span> {escape(c.text)} "
            f"<small>({escape(who(c.asserter_name, c.asserter_entity, names))})</small></li>"
            for c in (by_id[i] for i in argument.claims if i in by_id)
        ) or "<li>(no claims)</li>"
        out.append(f"<h3>Argument {escape(str(argument.ordinal or ''))}: “{escape(argument.marker)}”</h3>"
                   f"<ul>{claims}</ul>")
    if s.conclusion:
        out.append(f"<p><strong>Conclusion:</strong> {escape(s.conclusion.text)}</p>")
    return "\n".join(out)


def render(analysis: Analysis) -> str:
    doc = analysis.document
    names = entity_names(analysis)
    title = escape(doc.meta.get("title") or doc.name)
    summary = analysis.summary()
    legend = "".join(f'<span class="claim-{escape(s)}">{escape(s)}</span>' for s in summary["by_status"])
    claims = "".join(
        _row(c.id, c.status, f"{c.certainty:.2f}", f"{c.checkworthiness:.2f}",
             who(c.asserter_name, c.asserter_entity, names),
             c.evidence.kind + (f": {c.evidence.source}" if c.evidence.source else ""),
             c.argument or "", c.text)
        for c in analysis.claims
    )
    attributions = "".join(
        _row(a.id, speaker_label(a, names), a.cue.text, a.kind,
             a.content.text if a.content else "—")
        for a in analysis.attributions
    )
    entities = "".join(
        _row(e.name, e.type, str(len(e.mentions)), ", ".join(sorted({m.text for m in e.mentions} - {e.name})))
        for e in sorted(analysis.entities, key=lambda e: -len(e.mentions))
    )
    techniques = "".join(_row(t.label, f"{t.score:.2f}", t.text) for t in analysis.techniques)
    counts = ", ".join(f"{n} {k}" for k, n in summary["by_status"].items() if n)
    by = f'<p class="byline">{escape(byline(analysis))}</p>' if byline(analysis) else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} · claimscope</title>
<style>{STYLE}</style></head><body>
<h1>{title}</h1>
{by}
<p><code>{escape(doc.id)}</code> · {analysis.sentences} sentences · {summary['claims']} claims ({escape(counts)})
· {summary['named_sources']} named and {summary['anonymous_sources']} anonymous sources
· {summary['share_with_evidence']:.0%} of claims with any evidence</p>
<p class="legend">{legend}<span class="source">source</span><span class="cue">cue</span><span class="technique">technique</span></p>
<div class="text">{highlighted_text(analysis)}</div>
{_argument_section(analysis, names)}
<h2>Claims</h2><table><tr><th>id</th><th>status</th><th>certainty</th><th>check-worthy</th><th>asserter</th><th>evidence</th><th>argument</th><th>text</th></tr>{claims}</table>
<h2>Who says what</h2><table><tr><th>id</th><th>source</th><th>cue</th><th>kind</th><th>content</th></tr>{attributions}</table>
<h2>Entities</h2><table><tr><th>entity</th><th>type</th><th>mentions</th><th>also called</th></tr>{entities}</table>
<h2>Rhetorical techniques</h2><table><tr><th>technique</th><th>score</th><th>text</th></tr>{techniques}</table>
</body></html>
"""
