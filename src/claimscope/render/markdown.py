"""Markdown: the terminal report's content for notes, tickets and wikis."""

from __future__ import annotations

from claimscope.model.analysis import Analysis
from claimscope.model.records import Claim


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _claim(claim: Claim) -> str:
    evidence = claim.evidence.kind.replace("_", " ")
    if claim.evidence.source:
        evidence += f": {claim.evidence.source}"
    if claim.evidence.role:
        evidence += f" ({claim.evidence.role})"
    cues = ", ".join(f"“{c.text}”" for c in claim.cues)
    return (f"- **{claim.status}** (certainty {claim.certainty:.2f}, check-worthy "
            f"{claim.checkworthiness:.2f}) {_cell(claim.text)}  \n"
            f"  asserted by {claim.asserter_name}; evidence: {evidence}"
            + (f"; cues: {cues}" if cues else "") + f" `[{claim.start}:{claim.end}]`")


def render(analysis: Analysis) -> str:
    doc = analysis.document
    lines = [f"# {doc.meta.get('title') or doc.name}", ""]
    byline = " · ".join(str(doc.meta[k]) for k in ("outlet", "author", "date") if doc.meta.get(k))
    if byline:
        lines += [byline, ""]
    lines += [f"`{doc.id}` · {analysis.sentences} sentences · {len(analysis.claims)} claims", ""]
    by_id = {c.id: c for c in analysis.claims}
    s = analysis.structure
    if s.arguments:
        lines += ["## Argument structure", ""]
        if s.thesis:
            lines += [f"**Thesis:** {_cell(s.thesis.text)}", ""]
        for argument in s.arguments:
            lines += [f"### Argument {argument.ordinal}: “{argument.marker}”", ""]
            lines += [_claim(by_id[i]) for i in argument.claims if i in by_id] or ["(no claims)"]
            lines.append("")
        if s.conclusion:
            lines += [f"**Conclusion:** {_cell(s.conclusion.text)}", ""]
    rest = [c for c in analysis.claims if c.argument is None]
    if rest:
        lines += ["## Claims" if not s.arguments else "## Claims outside the arguments", ""]
        lines += [_claim(c) for c in rest] + [""]
    if analysis.attributions:
        lines += ["## Who says what", "", "| source | cue | kind | content |", "|---|---|---|---|"]
        for a in analysis.attributions:
            lines.append(f"| {_cell(a.source.text) if a.source else '—'} | {_cell(a.cue.text)} | "
                         f"{a.kind} | {_cell(a.content.text) if a.content else '—'} |")
        lines.append("")
    if analysis.techniques:
        lines += ["## Rhetorical techniques", "", "| technique | score | text |", "|---|---|---|"]
        for t in analysis.techniques:
            lines.append(f"| {t.label} | {t.score:.2f} | {_cell(t.text)} |")
        lines.append("")
    summary = analysis.summary()
    lines += ["## Summary", "",
              f"- claims: {summary['claims']} ("
              + ", ".join(f"{n} {k}" for k, n in summary["by_status"].items() if n) + ")",
              f"- sources: {summary['named_sources']} named, {summary['anonymous_sources']} anonymous",
              f"- claims with any evidence: {summary['share_with_evidence']:.0%}",
              f"- arguments: {summary['arguments']}; techniques: {summary['techniques']}", ""]
    return "\n".join(lines)
