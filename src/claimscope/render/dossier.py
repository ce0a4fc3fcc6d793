"""Dossiers and cluster lists as an analyst's brief: terminal (rich), Markdown and HTML.

Short and sourced: each item says what is claimed, how it is assessed and graded and why, who
stands behind it, and where each mention is (document id and character offsets, so every line
traces back to a span of a stored document). Article text is untrusted: HTML is escaped, rich
text is built as Text objects, never parsed as markup.
"""

from __future__ import annotations

import html
import io

SECTIONS = (("known", "Known"), ("claimed", "Claimed"), ("speculated", "Speculated"),
            ("denied", "Denied"), ("contested", "Contested"))
PER_SECTION = 10  # items shown per section in the brief (JSON has them all)
MENTIONS = 3  # mentions shown per item


def _short(text: str, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _where(m: dict) -> str:
    return f"{m['document']} {m['start']}-{m['end']}"


def _title(dossier: dict) -> str:
    # One name may stand for several ids (an entity not linked across documents): name it once.
    names = " and ".join(dict.fromkeys(e["name"] for e in dossier["entities"])) or "the corpus"
    span = ""
    if dossier.get("since") or dossier.get("until"):
        span = f" ({dossier.get('since') or '…'} to {dossier.get('until') or '…'})"
    return f"Dossier: {names}{span}"


def _headline(dossier: dict) -> str:
    s = dossier["summary"]
    line = (f"{s['clusters']} claims from {s['documents']} documents: {s['known']} known, {s['claimed']} claimed, "
            f"{s['speculated']} speculated, {s['denied']} denied, {s['contested']} contested.")
    found = dossier.get("clusters_found", s["clusters"])
    if found > s["clusters"]:
        line += f" (The {s['clusters']} most reported of {found}; --limit 0 shows all.)"
    return line


def _item_lines(r: dict) -> list[str]:
    sources = "; ".join(_source(s) for s in r["sources"][:4]) or "no identifiable source"
    lines = [f"{r['grade']} · {r['independent_sources']} independent source(s), {r['documents']} document(s), "
             f"{r['origins']} origin(s) · {r['first_seen'] or 'undated'}",
             f"why: {r['reason']}", f"sources: {sources}"]
    for c in r["conflicts"][:3]:
        label = "updated by" if c["update"] and (c["first_seen"] or "") > (r["first_seen"] or "") else \
            "update of" if c["update"] else f"{c['kind']} with"
        lines.append(f"{label}: \"{_short(c['text'] or '', 90)}\" ({c['cluster']})")
    for m in r["mentions"][:MENTIONS]:
        lines.append(f"- {m['status']}, {m['asserter']['name']}, {m['outlet'] or '?'} {m['date'] or ''}: "
                     f"\"{_short(m['text'], 110)}\" [{_where(m)}]{' (copy)' if m['copy'] else ''}")
    if len(r["mentions"]) > MENTIONS:
        lines.append(f"- and {len(r['mentions']) - MENTIONS} more mention(s)")
    return lines


def _source(s: dict) -> str:
    """"Leaked memo (document; relayed by The Morning Ledger in Coastline Wire)", "It
    (unresolved_pronoun; not counted)": what a source is and why it counts as it does."""
    notes = [s["kind"]]
    if s.get("relayed_by"):
        notes.append("relayed by " + ", ".join(s["relayed_by"]))
    if not s.get("counted", True):
        notes.append("not counted")
    return f"{s['name']} ({'; '.join(notes)})"


def _figure_lines(dossier: dict) -> list[str]:
    lines = []
    for series in dossier.get("figures", []):
        parts = [f"{int(v['value']) if v['value'] == int(v['value']) else v['value']} "
                 f"({v['first_seen'] or 'undated'}, {', '.join(v['sources'][:2]) or 'no source'}; {v['assessment']})"
                 for v in series["figures"]]
        lines.append(f"{series['quantity']}: " + " → ".join(parts))
    return lines


def markdown(dossier: dict) -> str:
    out = [f"# {_title(dossier)}", "", _headline(dossier), ""]
    figures = _figure_lines(dossier)
    if figures:
        out += ["## Figures (oldest first; the last is the newest)", ""] + [f"- {line}" for line in figures] + [""]
    for key, label in SECTIONS:
        items = dossier[key]
        out += [f"## {label} ({len(items)})", ""]
        if not items:
            out += ["Nothing.", ""]
        for r in items[:PER_SECTION]:
            lines = _item_lines(r)
            out.append(f"- **{_md(_short(r['text']))}** — {_md(lines[0])}")
            out += [f"  - {_md(line.removeprefix('- '))}" for line in lines[1:]]
        if len(items) > PER_SECTION:
            out.append(f"- … {len(items) - PER_SECTION} more (see `--format json`)")
        out.append("")
    out += ["## Timeline", ""]
    for t in dossier["timeline"][: PER_SECTION * 3]:
        out.append(f"- {t['first_seen'] or 'undated'}: {_md(_short(t['text'], 100))} ({t['assessment']}, {t['grade']})")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    # Article text must not become Markdown structure (links, emphasis, HTML).
    for ch in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        text = text.replace(ch, "\\" + ch)
    return text


def html_page(dossier: dict) -> str:
    e = html.escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(_title(dossier))}</title>",
           "<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
           "li{margin:.4em 0}.meta{color:#555}.where{font-family:monospace;color:#777}</style></head><body>",
           f"<h1>{e(_title(dossier))}</h1>", f"<p>{e(_headline(dossier))}</p>"]
    figures = _figure_lines(dossier)
    if figures:
        out.append("<h2>Figures (oldest first)</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in figures) + "</ul>")
    for key, label in SECTIONS:
        items = dossier[key]
        out.append(f"<h2>{e(label)} ({len(items)})</h2><ul>")
        for r in items[:PER_SECTION]:
            lines = _item_lines(r)
            out.append(f"<li><strong>{e(_short(r['text']))}</strong> <span class=meta>{e(lines[0])}</span><ul>"
                       + "".join(f"<li>{e(line.removeprefix('- '))}</li>" for line in lines[1:]) + "</ul></li>")
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def terminal(dossier: dict, width: int = 110) -> str:
    from rich.console import Console
    from rich.text import Text

    console = Console(record=True, width=width, file=io.StringIO())
    console.print(Text(_title(dossier), style="bold"))
    console.print(Text(_headline(dossier)))
    figures = _figure_lines(dossier)
    if figures:
        console.print(Text("\nFigures (oldest first; the last is the newest)", style="bold"))
        for line in figures:
            console.print(Text("  " + line))
    for key, label in SECTIONS:
        items = dossier[key]
        console.print(Text(f"\n{label} ({len(items)})", style="bold underline"))
        for r in items[:PER_SECTION]:
            console.print(Text("• " + _short(r["text"]), style="bold"))
            for line in _item_lines(r):
                console.print(Text("    " + line), highlight=False)
        if len(items) > PER_SECTION:
            console.print(Text(f"  … {len(items) - PER_SECTION} more (--format json has them all)", style="dim"))
    return console.export_text()


def clusters_terminal(records: list[dict], width: int = 110) -> str:
    from rich.console import Console
    from rich.text import Text

    console = Console(record=True, width=width, file=io.StringIO())
    console.print(Text(f"{len(records)} claim clusters", style="bold"))
    for r in records:
        console.print(Text(f"\n{r['id']}  {r['assessment']}  {r['grade']}", style="bold"))
        console.print(Text("  " + _short(r["text"])))
        console.print(Text("  " + r["independence"]), highlight=False)
        for line in _item_lines(r)[1:]:
            console.print(Text("    " + line), highlight=False)
    return console.export_text()
