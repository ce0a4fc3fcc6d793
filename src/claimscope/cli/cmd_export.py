"""`claimscope export`: the stored corpus in a format other tools read (formats are plugins)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimscope.errors import ClaimscopeError
from claimscope.render.exporters import exporter_names
from claimscope.settings import Settings


def register(app: typer.Typer) -> None:
    formats = ", ".join(exporter_names())  # from the entry points: a plugin's format is listed too

    @app.command("export")
    def export(
        format: str = typer.Option(..., "--format", "-f", help=f"Export format: {formats}."),
        out: Path = typer.Option(..., "--out", "-o", help="The file to write (replaced only when the export is complete)."),
        db: Optional[str] = typer.Option(None, "--db", help="The store: a SQLite path or a postgresql+psycopg:// URL (default: CLAIMSCOPE_DB, else claimscope.db)."),
        entity: Optional[str] = typer.Option(None, help="Only documents that name this entity (its id or name)."),
        since: Optional[str] = typer.Option(None, help="Only documents published on or after this date (YYYY-MM-DD)."),
    ) -> None:
        """Export the stored corpus: JSON Lines, a claims CSV, FollowTheMoney, ClaimReview or GEXF.

        Example: claimscope export --format ftm --out corpus.ftm.json --db claimscope.db
        """
        from claimscope.workspace import Workspace

        err = Console(stderr=True)
        workspace = None
        try:
            settings = Settings()
            if db:
                settings.db = db
            workspace = Workspace(settings)
            count = workspace.export(format, out, entity=entity, since=since)
        except ClaimscopeError as exc:
            err.print(f"[red]error[/red] {exc.code} {exc.message}", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        finally:
            if workspace is not None:
                workspace.close()
        typer.echo(f"exported {count} document{'s' if count != 1 else ''} to {out} ({format})")
