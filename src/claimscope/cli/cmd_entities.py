"""`claimscope entities`: the corpus entities of the store, with mention and document counts."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum

import typer

from claimscope.cli.store_common import db_option, run, workspace_for


class EntitiesFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    csv = "csv"


def register(app: typer.Typer) -> None:
    @app.command()
    def entities(
        db: str = db_option(),
        type: str = typer.Option(None, "--type", "-t", help="Only this entity type (PERSON, ORG, GPE, ...)."),
        format: EntitiesFormat = typer.Option(EntitiesFormat.terminal, "--format", "-f", help="Output format."),
        limit: int = typer.Option(None, "--limit", "-n", min=1, help="Only the first N (most documents first)."),
    ) -> None:
        """List corpus entities (one per real-world entity across documents), most documents first.

        Example: claimscope entities --db claimscope.db --type PERSON --format csv
        """

        def body() -> int:
            workspace = workspace_for(db)
            try:
                found = workspace.corpus_entities(type=type.upper() if type else None)
                unlinked = not found and not type and workspace.stats().get("documents", 0) > 0
            finally:
                workspace.close()
            if unlinked:  # documents stored before linking ran (or by an older claimscope)
                typer.echo("no corpus entities yet: `claimscope relink` links the stored documents",
                           err=True)
            found = found[:limit] if limit else found
            rows = [{"id": e.id, "name": e.name, "type": e.type, "documents": e.documents,
                     "mentions": e.mentions, "aliases": e.aliases} for e in found]
            if format is EntitiesFormat.json:
                print(json.dumps(rows, indent=2, ensure_ascii=False))
            elif format is EntitiesFormat.csv:
                writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else
                                        ["id", "name", "type", "documents", "mentions", "aliases"])
                writer.writeheader()
                for row in rows:
                    writer.writerow({**row, "aliases": "; ".join(row["aliases"])})
            else:
                _table(rows)
            return 0

        run(body)


def _table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"corpus entities ({len(rows)})")
    for column, justify in (("name", "left"), ("type", "left"), ("documents", "right"),
                            ("mentions", "right"), ("also", "left"), ("id", "left")):
        table.add_column(column, justify=justify)
    for row in rows:
        also = ", ".join(row["aliases"][:4]) + (" …" if len(row["aliases"]) > 4 else "")
        table.add_row(row["name"], row["type"], str(row["documents"]), str(row["mentions"]), also,
                      row["id"])
    Console().print(table)
