"""`claimscope reanalyze`: re-run stored documents that another pipeline version analysed."""

from __future__ import annotations

from typing import Optional

import typer

ORDER = ("reanalyzed", "failed")


def register(app: typer.Typer) -> None:
    @app.command()
    def reanalyze(
        db: Optional[str] = typer.Option(
            None, help="Store: a SQLite path or postgresql+psycopg://... (default: CLAIMSCOPE_DB or claimscope.db)."),
        all: bool = typer.Option(False, "--all", help="Re-run every stored document, not only stale ones."),
        workers: Optional[int] = typer.Option(
            None, min=0, help="Analysis worker processes (default: CLAIMSCOPE_WORKERS; 0 = one per core)."),
    ) -> None:
        """Re-analyse stored documents whose facts another claimscope version made; each document's facts are swapped in one transaction.

        Example: claimscope reanalyze --db corpus.db --workers 2
        """
        from claimscope.cli.common import pipeline_settings, run_batch

        def start(workspace):
            stale = workspace.stale_documents(all=all)
            return workspace.reanalyze(ids=stale, workers=workers), len(stale)

        failures = run_batch(lambda: pipeline_settings(db=db), "reanalyze", ORDER, start)
        raise typer.Exit(1 if failures else 0)
