"""Markdown: the terminal report's content for notes, tickets and wikis.

Article text and manifest fields are data, never markup: `<`, `>` and `&` become entities (a
Markdown viewer would otherwise run an article's `<script>` or `<img onerror>`), and the
characters that make links, emphasis and code are backslash-escaped.
"""

from __future__ import annotations

import re

from claimscope.model.analysis import Analysis
from claimscope.model.records import Claim
from claimscope.render.labels import byline, entity_names, speaker_label, who

_MARKUP = re.compile(r"([\\`*_\[\]|#])")


def _md(text: str) -> str:
    """Inline text from the article or its metadata, safe in a paragraph or a table cell."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKUP.sub(r"\\\1", text)


def _claim(claim: Claim, names: dict[str, str]) -> str:
    evidence = claim.evidence.kind.replace("_", " ")
    if claim.evidence.source:
        evidence += f": {_md(claim.evidence.source)}"
    if claim.evidence.role:
        evidence += f" ({_md(claim.evidence.role)})"
    cues = ", ".join(f"“{_md(c.text)}”" for c in claim.cues)
    asserter = _md(who(claim.asserter_name, claim.asserter_entity, names))
    return (f"- **{claim.status}** (certainty {claim.certainty:.2f}, check-worthy "
            f"{claim.checkworthiness:.2f}) {_md(claim.text)}  \n"
            f"  asserted by {asserter}; evidence: {evidence}"
            + (f"; cues: {cues}" if cues else "") + f" `[{claim.start}:{claim.end}]`")


def render(analysis: Analysis) -> str:
    doc = analysis.document
    names = entity_names(analysis)
    lines = [f"# {_md(doc.meta.get('title') or doc.name)}", ""]
    if byline(analysis):
        lines += [_md(byline(analysis)), ""]
    lines += [f"`{doc.id}` · {analysis.sentences} sentences · {len(analysis.claims)} claims", ""]
    by_id = {c.id: c for c in analysis.claims}
    s = analysis.structure
    if s.arguments:
        lines += ["## Argument structure", ""]
        if s.thesis:
            lines += [f"**Thesis:** {_md(s.thesis.text)}", ""]
        for argument in s.arguments:
            lines += [f"### Argument {argument.ordinal}: “{_md(argument.marker)}”", ""]
            lines += [_claim(by_id[i], names) for i in argument.claims if i in by_id] or ["(no claims)"]
            lines.append("")
        if s.conclusion:
            lines += [f"**Conclusion:** {_md(s.conclusion.text)}", ""]
    rest = [c for c in analysis.claims if c.argument is None]
    if rest:
        lines += ["## Claims" if not s.arguments else "## Claims outside the arguments", ""]
        lines += [_claim(c, names) for c in rest] + [""]
    if analysis.attributions:
        lines += ["## Who says what", "", "| source | cue | kind | content |", "|---|---|---|---|"]
        for a in analysis.attributions:
            source = _md(speaker_label(a, names))
            lines.append(f"| {source} | {_md(a.cue.text)} | "
                         f"{a.kind} | {_md(a.content.text) if a.content else '—'} |")
        lines.append("")
    if analysis.entities:
        lines += ["## Entities", "", "| entity | type | mentions | also called |", "|---|---|---|---|"]
        for e in sorted(analysis.entities, key=lambda e: -len(e.mentions)):
            seen = sorted({m.text for m in e.mentions} - {e.name})
            lines.append(f"| {_md(e.name)} | {e.type} | {len(e.mentions)} | "
                         f"{', '.join(_md(x) for x in seen)} |")
        lines.append("")
    if analysis.techniques:
        lines += ["## Rhetorical techniques", "", "| technique | score | text |", "|---|---|---|"]
        for t in analysis.techniques:
            lines.append(f"| {t.label} | {t.score:.2f} | {_md(t.text)} |")  # label: our vocabulary
        lines.append("")
    summary = analysis.summary()
    lines += ["## Summary", "",
              f"- claims: {summary['claims']} ("
              + ", ".join(f"{n} {k}" for k, n in summary["by_status"].items() if n) + ")",
              f"- sources: {summary['named_sources']} named, {summary['anonymous_sources']} anonymous",
              f"- claims with any evidence: {summary['share_with_evidence']:.0%}",
              f"- arguments: {summary['arguments']}; techniques: {summary['techniques']}", ""]
    return "\n".join(lines)
