"""The readable terminal report (rich): arguments and their claims, who says what, on what
evidence, how certain, and a one-screen summary."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimscope.model.analysis import Analysis
from claimscope.model.records import Claim
from claimscope.render.labels import byline, entity_names, kinds_line, speaker_label, who

STATUS_STYLE = {
    "asserted": "bold white",
    "reported": "cyan",
    "hedged": "yellow",
    "speculative": "magenta",
    "questioned": "blue",
    "denied": "red",
}
CLAIM_WIDTH = 150


def _short(text: str, width: int = CLAIM_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _in_context(text: str, start: int, end: int, margin: int = 40) -> Text:
    """The span in bold red with a little of the text around it."""
    before = " ".join(text[max(0, start - margin) : start].split())
    after = " ".join(text[end : end + margin].split())
    shown = Text("…" + before + " " if before else "")
    shown.append(_short(text[start:end], 120), style="bold red")
    shown.append((" " + after + "…") if after else "")
    return shown


def _claim_line(claim: Claim, names: dict[str, str]) -> Text:
    line = Text()
    line.append(f"{claim.status:<11}", style=STATUS_STYLE.get(claim.status, ""))
    line.append(f" certainty {claim.certainty:.2f}  check-worthy {claim.checkworthiness:.2f}\n",
                style="dim")
    line.append("   " + _short(claim.text) + "\n")
    evidence = claim.evidence.kind.replace("_", " ")
    if claim.evidence.source:
        evidence += f": {claim.evidence.source}"
    if claim.evidence.role:
        evidence += f" ({claim.evidence.role})"
    line.append(f"   asserted by {who(claim.asserter_name, claim.asserter_entity, names)}; "
                f"evidence: {evidence}", style="dim")
    if claim.cues:
        line.append("; cues: " + ", ".join(f"“{c.text}”" for c in claim.cues), style="dim")
    line.append(f"  [{claim.start}:{claim.end}]", style="dim")
    return line


def _claims_block(claims: list[Claim], names: dict[str, str]) -> Group:
    if not claims:
        return Group(Text("(no claims)", style="dim"))
    return Group(*[_claim_line(c, names) for c in claims])


def build(analysis: Analysis) -> Group:
    parts = []
    doc = analysis.document
    names = entity_names(analysis)
    title = doc.meta.get("title") or doc.name
    header = Text(title, style="bold")
    if byline(analysis):
        header.append("\n" + byline(analysis), style="dim")
    header.append(f"\n{doc.id} · {analysis.sentences} sentences · {len(analysis.claims)} claims",
                  style="dim")
    parts.append(Panel(header, title="claimscope", border_style="blue"))

    by_id = {c.id: c for c in analysis.claims}
    structure = analysis.structure
    if structure.arguments:
        if structure.thesis:
            parts.append(Text.assemble(("Thesis: ", "bold"), _short(structure.thesis.text)))
        for argument in structure.arguments:
            claims = [by_id[i] for i in argument.claims if i in by_id]
            parts.append(Panel(_claims_block(claims, names),
                               title=f"Argument {argument.ordinal}: “{argument.marker}”",
                               title_align="left", border_style="green"))
        if structure.conclusion:
            parts.append(Text.assemble(("Conclusion: ", "bold"), _short(structure.conclusion.text)))
        rest = [c for c in analysis.claims if c.argument is None]
        if rest:
            parts.append(Panel(_claims_block(rest, names), title="Claims outside the arguments",
                               title_align="left"))
    else:
        parts.append(Panel(_claims_block(analysis.claims, names), title="Claims", title_align="left"))

    if analysis.attributions:
        # Every column gets a share and a floor: with only content weighted, rich squeezed the
        # source and cue columns to one word a line at 80-120 columns.
        table = Table(title="Who says what", show_lines=False, expand=True)
        table.add_column("source", ratio=3, min_width=14)
        table.add_column("cue", ratio=2, min_width=9)
        table.add_column("kind", width=8, no_wrap=True)
        table.add_column("content", ratio=6, min_width=20)
        for a in analysis.attributions:
            source = speaker_label(a, names)
            table.add_row(source, a.cue.text, a.kind,
                          _short(a.content.text, 110) if a.content else "—")
        parts.append(table)

    if analysis.entities:
        table = Table(title="Entities", expand=True)
        table.add_column("entity", ratio=2, min_width=14)
        table.add_column("type", width=7, no_wrap=True)
        table.add_column("mentions", justify="right", width=8, no_wrap=True)
        table.add_column("also called", ratio=3, min_width=14)
        for e in sorted(analysis.entities, key=lambda e: -len(e.mentions))[:20]:
            seen = sorted({m.text for m in e.mentions} - {e.name})
            table.add_row(e.name, e.type, str(len(e.mentions)), ", ".join(seen))
        parts.append(table)

    if analysis.techniques:
        table = Table(title="Rhetorical techniques", expand=True)
        table.add_column("technique", ratio=2, min_width=14)
        table.add_column("score", justify="right", width=5, no_wrap=True)
        table.add_column("in the text", ratio=5, min_width=20)
        for t in analysis.techniques:
            table.add_row(t.label, f"{t.score:.2f}", _in_context(analysis.document.text, t.start, t.end))
        parts.append(table)

    parts.append(summary_panel(analysis))
    return Group(*parts)


def summary_panel(analysis: Analysis) -> Panel:
    s = analysis.summary()
    text = Text()
    text.append(f"{s['claims']} claims: ")
    text.append(", ".join(f"{n} {status}" for status, n in s["by_status"].items() if n) or "none")
    text.append(f"\nsources: {s['named_sources']} named, {s['anonymous_sources']} anonymous; "
                f"{s['by_evidence'].get('document', 0)} resting on documents, "
                f"{s['by_evidence'].get('media_report', 0)} on media reports")
    text.append(f"\nclaims with any evidence: {s['share_with_evidence']:.0%}; "
                f"check-worthy: {s['check_worthy']}; attributions: {s['attributions']}")
    if kinds_line(s["attributions_by_kind"]):
        text.append(f" ({kinds_line(s['attributions_by_kind'])})")
    text.append(f"\narguments: {s['arguments']}; rhetorical techniques: {s['techniques']}")
    if analysis.technique_density:
        top = sorted(analysis.technique_density.items(), key=lambda kv: -kv[1])[:4]
        text.append(" (per 100 sentences: " + ", ".join(f"{k} {v:.1f}" for k, v in top) + ")")
    return Panel(text, title="Summary", title_align="left", border_style="blue")


def render(analysis: Analysis, console: Console | None = None) -> None:
    (console or Console()).print(build(analysis))
