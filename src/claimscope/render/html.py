"""HTML: the article with its spans highlighted (claims by status, sources, cues, techniques),
followed by the tables of the report. One self-contained page, no scripts, no remote assets."""

from __future__ import annotations

from html import escape

from claimscope.model.analysis import Analysis

STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.55;color:#222}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:6px}
.claim-asserted{background:#eef}.claim-reported{background:#e0f4f8}.claim-hedged{background:#fff4c2}
.claim-speculative{background:#f6e0f6}.claim-questioned{background:#dde8ff}.claim-denied{background:#fde0de}
.source{font-weight:600;border-bottom:2px solid #2a7}.cue{font-style:italic;color:#06c}
.technique{text-decoration:underline wavy #c33}.tlabel{color:#c33;font-size:.7em;margin-left:.1em}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
.legend span{padding:0 .4rem;margin-right:.4rem}
"""


def _segments(text: str, spans: list[tuple[int, int, str, str]]):
    """Cut the text at every span boundary; each piece carries the classes covering it."""
    cuts = sorted({0, len(text), *[s for s, _, _, _ in spans], *[e for _, e, _, _ in spans]})
    for start, end in zip(cuts, cuts[1:]):
        covering = [(cls, title) for s, e, cls, title in spans if s <= start and end <= e]
        yield start, end, covering


def highlighted_text(analysis: Analysis) -> str:
    text = analysis.document.text
    spans = [(c.start, c.end, f"claim-{c.status}", f"{c.id} {c.status} ({c.asserter_name})")
             for c in analysis.claims]
    for a in analysis.attributions:
        if a.source:
            spans.append((a.source.start, a.source.end, "source", f"source of {a.id}"))
        spans.append((a.cue.start, a.cue.end, "cue", f"cue of {a.id} ({a.kind})"))
    spans += [(t.start, t.end, "technique", f"{t.label} {t.score:.2f}") for t in analysis.techniques]
    # Technique labels are shown in the text, after the span, not only on hover.
    labels_at: dict[int, list[str]] = {}
    for t in analysis.techniques:
        labels_at.setdefault(t.end, []).append(t.label)
    out = []
    for start, end, covering in _segments(text, spans):
        piece = escape(text[start:end])
        if covering:
            classes = " ".join(dict.fromkeys(cls for cls, _ in covering))
            title = escape("; ".join(t for _, t in covering), quote=True)
            out.append(f'<span class="{classes}" data-start="{start}" data-end="{end}" '
                       f'title="{title}">{piece}</span>')
        else:
            out.append(piece)
        for label in labels_at.get(end, []):
            out.append(f'<sup class="tlabel">{escape(label)}</sup>')
    return "".join(out)


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>"


def render(analysis: Analysis) -> str:
    doc = analysis.document
    title = escape(doc.meta.get("title") or doc.name)
    summary = analysis.summary()
    legend = "".join(f'<span class="claim-{s}">{s}</span>' for s in summary["by_status"])
    claims = "".join(
        _row(c.id, c.status, f"{c.certainty:.2f}", f"{c.checkworthiness:.2f}", c.asserter_name,
             c.evidence.kind + (f": {c.evidence.source}" if c.evidence.source else ""),
             c.argument or "", c.text)
        for c in analysis.claims
    )
    attributions = "".join(
        _row(a.id, a.source.text if a.source else "—", a.cue.text, a.kind,
             a.content.text if a.content else "—")
        for a in analysis.attributions
    )
    techniques = "".join(_row(t.label, f"{t.score:.2f}", t.text) for t in analysis.techniques)
    counts = ", ".join(f"{n} {k}" for k, n in summary["by_status"].items() if n)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} · claimscope</title>
<style>{STYLE}</style></head><body>
<h1>{title}</h1>
<p><code>{doc.id}</code> · {analysis.sentences} sentences · {summary['claims']} claims ({escape(counts)})
· {summary['named_sources']} named and {summary['anonymous_sources']} anonymous sources
· {summary['share_with_evidence']:.0%} of claims with any evidence</p>
<p class="legend">{legend}<span class="source">source</span><span class="cue">cue</span><span class="technique">technique</span></p>
<div class="text">{highlighted_text(analysis)}</div>
<h2>Claims</h2><table><tr><th>id</th><th>status</th><th>certainty</th><th>check-worthy</th><th>asserter</th><th>evidence</th><th>argument</th><th>text</th></tr>{claims}</table>
<h2>Who says what</h2><table><tr><th>id</th><th>source</th><th>cue</th><th>kind</th><th>content</th></tr>{attributions}</table>
<h2>Rhetorical techniques</h2><table><tr><th>technique</th><th>score</th><th>text</th></tr>{techniques}</table>
</body></html>
"""
