"""`claimscope documents`: every stored document with its origin (copies grouped with the original)."""

from __future__ import annotations

import json
from enum import StrEnum

import typer

from claimscope.cli.store_common import db_option, run, workspace_for


class DocumentsFormat(StrEnum):
    terminal = "terminal"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def documents(
        db: str = db_option(),
        format: DocumentsFormat = typer.Option(DocumentsFormat.terminal, "--format", "-f", help="Output format."),
    ) -> None:
        """List stored documents: id, name, outlet, date, title and origin (the id of the earliest
        publication of its copy group; a document that copies nothing is its own origin).

        Example: claimscope documents --db claimscope.db --format json
        """

        def body() -> int:
            workspace = workspace_for(db)
            try:
                rows = workspace.stored_documents()
            finally:
                workspace.close()
            if format is DocumentsFormat.json:
                keys = ("id", "name", "outlet", "date", "title", "origin")
                print(json.dumps([{k: r[k] for k in keys} for r in rows], ensure_ascii=False, indent=2))
            else:
                _table(rows)
            return 0

        run(body)


def _table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} documents, {len({r['origin'] for r in rows})} origins")
    for column in ("id", "date", "outlet", "title", "origin"):
        table.add_column(column, overflow="fold")
    for r in sorted(rows, key=lambda r: (r["date"] or "", r["id"])):
        origin = "itself" if r["origin"] == r["id"] else f"{r['origin']} ({r['copy_rule']}, {r['containment']:.2f})"
        table.add_row(r["id"], r["date"] or "", r["outlet"] or "", r["title"] or r["name"], origin)
    Console().print(table)
