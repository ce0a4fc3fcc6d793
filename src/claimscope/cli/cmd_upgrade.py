"""`claimscope upgrade`: migrate a store made by an older claimscope to this one's schema."""

from __future__ import annotations

import typer

from claimscope.cli.store_common import db_option, run, workspace_for


def register(app: typer.Typer) -> None:
    @app.command()
    def upgrade(db: str = db_option()) -> None:
        """Migrate the store's schema (Alembic) to this claimscope's; stored facts are kept.

        Example: claimscope upgrade --db claimscope.db
        """

        def body() -> int:
            workspace = workspace_for(db)
            before, after = workspace.upgrade_store()
            where = workspace.settings.db
            if before == after:
                typer.echo(f"{where}: schema {after}, already up to date")
            else:
                typer.echo(f"{where}: schema {before} -> {after}")
            return 0

        run(body)
