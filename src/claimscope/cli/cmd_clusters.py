"""`claimscope clusters`: claim clusters with their mentions, sources, conflicts, assessment and grade."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer

from claimscope.cli.store_common import db_option, run, workspace_for

# The cluster fields of the JSON, in order; the rest (reasons, figures) follow them.
FIELDS = ("id", "text", "mentions", "documents", "origins", "independent_sources", "sources", "first_seen",
          "last_seen", "conflicts", "assessment", "grade")


class ClustersFormat(StrEnum):
    terminal = "terminal"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def clusters(
        db: str = db_option(),
        entity: Optional[str] = typer.Option(None, help="Only clusters about this entity (name or id)."),
        reliability: Optional[Path] = typer.Option(
            None, help='Source reliability A-F as JSON: {"outlets": {...}, "sources": {...}} (default F).'),
        min_documents: int = typer.Option(1, min=1, help="Only clusters mentioned in at least this many documents."),
        format: ClustersFormat = typer.Option(ClustersFormat.terminal, "--format", "-f", help="Output format."),
    ) -> None:
        """List claim clusters: the same proposition across documents, its mentions, independent
        sources, conflicts, assessment (known/claimed/speculated/denied/contested) and grade.

        Example: claimscope clusters --db claimscope.db --entity Kestria --format json
        """

        def body() -> int:
            from claimscope.render.dossier import clusters_terminal

            workspace = workspace_for(db)
            try:
                records = workspace.clusters(entity, reliability=reliability)
            finally:
                workspace.close()
            records = [r for r in records if r["documents"] >= min_documents]
            if format is ClustersFormat.json:
                ordered = [{k: r[k] for k in FIELDS} | {k: v for k, v in r.items() if k not in FIELDS}
                           for r in records]
                print(json.dumps(ordered, ensure_ascii=False, indent=2))
            else:
                print(clusters_terminal(records), end="")
            return 0

        run(body)
