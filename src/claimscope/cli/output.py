"""Where `analyze` results go: stdout or files, one report or a batch with its failures."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from claimscope.ingest import InputFailure
from claimscope.model.analysis import Analysis
from claimscope.render import FORMATS, terminal

SUFFIX = {"json": ".json", "markdown": ".md", "html": ".html", "terminal": ".txt"}


def _as_string(analysis: Analysis, fmt: str) -> str:
    if fmt == "terminal":
        console = Console(record=True, width=120, file=io.StringIO())
        console.print(terminal.build(analysis))
        return console.export_text()
    return FORMATS[fmt](analysis)


def _file_name(analysis: Analysis, fmt: str) -> str:
    stem = Path(analysis.document.name).stem or analysis.document.id
    return stem + SUFFIX[fmt]


def write_results(workspace, target: str, fmt: str, output: Path | None) -> int:
    """Analyse a target; returns the exit code (0 all read, 1 some inputs failed)."""
    console = Console()
    is_batch = Path(target).is_dir()
    results = workspace.analyze(target)  # raises for a single unreadable input
    analyses: list[Analysis] = []
    failures: list[InputFailure] = []
    for item in results:
        if isinstance(item, InputFailure):
            failures.append(item)
            Console(stderr=True).print(f"[red]skipped[/red] {item.error.code} {item.message}",
                                       highlight=False, soft_wrap=True)
            continue
        analyses.append(item)
        if output is not None:
            destination = output / _file_name(item, fmt) if is_batch else output
            destination.parent.mkdir(parents=True, exist_ok=True)
            # Write to a temporary name first: an interrupted run leaves no half-written report.
            partial = destination.with_name(destination.name + ".partial")
            partial.write_text(_as_string(item, fmt), encoding="utf-8")
            partial.replace(destination)
        elif not is_batch:
            if fmt == "terminal":
                terminal.render(item, console)
            else:
                print(FORMATS[fmt](item))
        elif fmt == "json":
            print(json.dumps(item.as_dict(), ensure_ascii=False))  # JSON Lines for a folder
        elif fmt == "terminal":
            console.print(terminal.summary_panel(item), style="")
            console.print(f"  ↑ {item.document.name}", style="dim")
        else:
            print(FORMATS[fmt](item))
    if is_batch:
        _batch_summary(console, target, analyses, failures)
    return 1 if failures else 0


def _batch_summary(console: Console, target: str, analyses, failures) -> None:
    table = Table(title=f"{target}: {len(analyses)} analysed, {len(failures)} failed")
    table.add_column("input")
    table.add_column("result")
    for a in analyses:
        s = a.summary()
        table.add_row(a.document.name, f"{s['claims']} claims, {s['attributions']} attributions, "
                      f"{s['arguments']} arguments")
    for f in failures:
        table.add_row(f.name, f"[red]{f.error.code} {f.error.reason}[/red]")
    Console(stderr=True).print(table)
