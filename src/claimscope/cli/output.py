"""Where `analyze` results go: stdout or files, one report or a batch with its failures.

For a folder, `--output DIR` mirrors the folder: `in/sub/story.txt` is reported in
`DIR/sub/story.txt.json`. Keeping the input's whole file name means `story.txt` and
`story.html` never write to the same report; no report of the run is overwritten by another.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from claimscope.errors import OutputUnwritable
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


def report_path(analysis: Analysis, fmt: str, folder: Path, target: Path | None) -> Path:
    """Where the report of one input goes inside `folder`: its path under `target`, if it is in
    the target folder, else its file name (or the document id for stdin and URLs)."""
    doc = analysis.document
    name = Path(doc.name)
    if doc.source_kind in ("text", "html"):
        relative = Path(name.name)
        if target is not None:
            try:
                relative = name.relative_to(target)
            except ValueError:
                pass
    else:
        relative = Path(doc.id)
    return folder / relative.parent / (relative.name + SUFFIX[fmt])


def check_output(output: Path | None, is_batch: bool) -> None:
    """Raise OutputUnwritable (E303) unless reports can be written there; before any analysis."""
    if output is None:
        return
    if is_batch and output.exists() and not output.is_dir():
        raise OutputUnwritable(str(output), "is a file; several inputs need a folder")
    folder = output if is_batch or output.is_dir() else output.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputUnwritable(str(output), f"cannot create the folder: {exc.strerror or exc}") from None
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".claimscope-check-"):
            pass
    except OSError as exc:
        raise OutputUnwritable(str(output), f"cannot write there: {exc.strerror or exc}") from None


def _unused(destination: Path, written: set[str]) -> Path:
    """The destination, or `name-2.json`, `name-3.json`... if this run already wrote there."""
    candidate, k = destination, 1
    while str(candidate).casefold() in written:
        k += 1
        stem, suffix = destination.name[: -len(destination.suffix)], destination.suffix
        candidate = destination.with_name(f"{stem}-{k}{suffix}")
    return candidate


def _write(destination: Path, content: str) -> None:
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary name first: an interrupted run leaves no half-written report.
        partial = destination.with_name(destination.name + ".partial")
        partial.write_text(content, encoding="utf-8")
        partial.replace(destination)
    except OSError as exc:
        raise OutputUnwritable(str(destination), f"cannot write: {exc.strerror or exc}") from None


def write_results(workspace, target: str, fmt: str, output: Path | None) -> int:
    """Analyse a target; returns the exit code (0 all read, 1 some inputs failed).

    Raises, before any analysis, for a bad setting, model, alias file or output place.
    """
    console = Console()
    is_batch = Path(target).is_dir()
    workspace.check()
    check_output(output, is_batch)
    into_folder = output is not None and (is_batch or output.is_dir())
    written: set[str] = set()  # casefolded: on some filesystems Story.txt is story.txt
    analyses: list[Analysis] = []
    failures: list[InputFailure] = []
    for item in workspace.analyze(target):
        if isinstance(item, InputFailure):
            failures.append(item)
            Console(stderr=True).print(f"[red]skipped[/red] {item.error.code} {item.message}",
                                       highlight=False, soft_wrap=True)
            continue
        analyses.append(item)
        if output is not None:
            destination = output
            if into_folder:
                destination = report_path(item, fmt, output, Path(target) if is_batch else None)
            destination = _unused(destination, written)
            written.add(str(destination).casefold())
            _write(destination, _as_string(item, fmt))
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
        _batch_summary(target, analyses, failures, output)
    return 1 if failures else 0


def _batch_summary(target: str, analyses, failures, output: Path | None) -> None:
    where = f" → {output}" if output is not None else ""
    table = Table(title=f"{target}: {len(analyses)} analysed, {len(failures)} failed{where}")
    table.add_column("input", overflow="fold", ratio=1)
    table.add_column("result", ratio=1)
    for a in analyses:
        s = a.summary()
        table.add_row(_under(a.document.name, target), f"{s['claims']} claims, "
                      f"{s['attributions']} attributions, {s['arguments']} arguments")
    for f in failures:
        table.add_row(_under(f.name, target), f"[red]{f.error.code} {f.error.reason}[/red]")
    Console(stderr=True).print(table)


def _under(name: str, target: str) -> str:
    """An input's path inside the target folder (the table's title names the folder)."""
    try:
        return str(Path(name).relative_to(target))
    except ValueError:
        return name
