"""`claimscope relink`: link every stored document's entities afresh (after the alias file changed)."""

from __future__ import annotations

from pathlib import Path

import typer

from claimscope.cli.store_common import db_option, run, workspace_for


def register(app: typer.Typer) -> None:
    @app.command()
    def relink(
        db: str = db_option(),
        aliases: Path = typer.Option(None, help="Alias file to apply: its aliases merge names, its "
                                                "'not' lists split them (default: CLAIMSCOPE_ALIASES)."),
    ) -> None:
        """Re-link the entities of every stored document to corpus entities, applying the alias file.

        Example: claimscope relink --db claimscope.db --aliases demo/aliases.json
        """

        def body() -> int:
            workspace = workspace_for(db)
            if aliases:
                workspace.settings.aliases = aliases
            try:
                done = workspace.relink()
            finally:
                workspace.close()
            typer.echo(f"relinked {done['links']} document entities of {done['documents']} documents "
                       f"to {done['corpus_entities']} corpus entities")
            return 0

        run(body)
