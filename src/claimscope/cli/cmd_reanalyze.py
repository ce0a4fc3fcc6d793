"""`claimscope reanalyze`: re-run stored documents that another pipeline version analysed."""

from __future__ import annotations

from collections import Counter
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
        from claimscope.cli.common import fatal, pipeline_settings
        from claimscope.cli.progress import print_summary, run_with_progress
        from claimscope.errors import ClaimscopeError
        from claimscope.workspace import Workspace

        counts: Counter = Counter()
        failures: list = []
        workspace = None
        try:
            workspace = Workspace(pipeline_settings(db=db))
            stale = workspace.stale_documents(all=all)
            run_with_progress(
                workspace.reanalyze(ids=stale, workers=workers), len(stale), "reanalyze", counts, failures)
        except ClaimscopeError as exc:
            if counts:
                print_summary(counts, failures, ORDER)
            fatal(exc)
        except KeyboardInterrupt:
            print_summary(counts, failures, ORDER)
            raise typer.Exit(130) from None
        finally:
            if workspace is not None:
                workspace.close()
        print_summary(counts, failures, ORDER)
        raise typer.Exit(1 if failures else 0)
