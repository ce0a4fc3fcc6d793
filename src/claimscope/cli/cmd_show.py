"""`claimscope show DOC_ID`: a stored document's accounting, in any report format."""

from __future__ import annotations

import typer

from claimscope.cli.store_common import ReportFormat, db_option, run, workspace_for


def register(app: typer.Typer) -> None:
    @app.command()
    def show(
        document_id: str = typer.Argument(..., help="A document id (doc-...), as ingest and search print it."),
        db: str = db_option(),
        format: ReportFormat = typer.Option(ReportFormat.terminal, "--format", "-f", help="Output format."),
    ) -> None:
        """Print a stored document's accounting; --format json is what `analyze` printed for it.

        Example: claimscope show doc-4b20c3bfe7cffbe4 --db claimscope.db --format markdown
        """

        def body() -> int:
            from claimscope.render import FORMATS, terminal

            workspace = workspace_for(db)
            try:
                analysis = workspace.show(document_id).analysis
            finally:
                workspace.close()
            if format is ReportFormat.terminal:
                terminal.render(analysis)
            else:
                print(FORMATS[format.value](analysis))
            return 0

        run(body)
