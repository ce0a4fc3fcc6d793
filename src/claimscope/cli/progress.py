"""What `ingest` and `reanalyze` show while they run and when they end.

A progress bar (documents/s, ETA) only on a terminal: piped or logged output stays clean. The
summary counts every outcome and lists each failed input with its reason.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from contextlib import nullcontext

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

LABELS = {
    "stored": "stored",
    "already_stored": "already stored",
    "publication_added": "publication added",
    "reanalyzed": "reanalysed",
    "failed": "failed",
}


class RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.2f} docs/s" if speed else "- docs/s", style="progress.data.speed")


def on_terminal() -> bool:
    return sys.stdout.isatty() and sys.stderr.isatty()


def run_with_progress(results: Iterable, total: int | None, description: str,
                      counts: Counter, failures: list) -> None:
    """Consume the results (IngestResult) into counts and failures, with a bar on a terminal.

    The two are filled as results come, so a batch stopped by a fatal error still has its
    summary of what was done."""
    bar = None
    if on_terminal():
        bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                       RateColumn(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
    with bar or nullcontext():
        task = bar.add_task(description, total=total or None) if bar else None
        for result in results:
            counts[result.outcome.value] += 1
            if result.error is not None:
                failures.append(result)
            if bar:
                bar.advance(task)


def print_summary(counts: Counter, failures: list, order: tuple[str, ...]) -> None:
    """One line of counts on stdout, then each failure (code, input, reason) on stderr."""
    parts = [f"{counts.get(k, 0)} {LABELS[k]}" for k in order]
    print(", ".join(parts))
    err = Console(stderr=True)
    for f in failures:
        err.print(f"[red]failed[/red] {f.error.code} {f.error.message}", highlight=False,
                  soft_wrap=True)
