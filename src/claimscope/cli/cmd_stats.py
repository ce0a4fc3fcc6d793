"""`claimscope stats`: what the store holds, in counts."""

from __future__ import annotations

import json
from enum import StrEnum

import typer

from claimscope.cli.store_common import db_option, run, workspace_for


class StatsFormat(StrEnum):
    terminal = "terminal"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def stats(
        db: str = db_option(),
        format: StatsFormat = typer.Option(StatsFormat.terminal, "--format", "-f", help="Output format."),
    ) -> None:
        """Count documents, corpus entities, claims, attributions, techniques, outlets, and claims
        by status and by evidence kind.

        Example: claimscope stats --db claimscope.db --format json
        """

        def body() -> int:
            workspace = workspace_for(db)
            try:
                numbers = workspace.stats()
            finally:
                workspace.close()
            if format is StatsFormat.json:
                print(json.dumps(numbers, indent=2))
            else:
                _tables(numbers)
            return 0

        run(body)


def _tables(numbers: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    totals = Table(title="store")
    totals.add_column("what")
    totals.add_column("count", justify="right")
    for key, value in numbers.items():
        if not isinstance(value, dict):
            totals.add_row(key, str(value))
    console.print(totals)
    for key in ("by_status", "by_evidence"):
        table = Table(title=f"claims {key.replace('_', ' ')}")
        table.add_column(key.removeprefix("by_"))
        table.add_column("claims", justify="right")
        for name, value in numbers[key].items():
            table.add_row(name, str(value))
        console.print(table)
