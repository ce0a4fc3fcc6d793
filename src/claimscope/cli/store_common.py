"""What the store commands share: the --db option, the Workspace they call, one-line errors."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Optional

import typer
from rich.console import Console

from claimscope.errors import ClaimscopeError


class ReportFormat(StrEnum):
    """The forms of a report on stored data (`show`, `dossier`)."""

    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"


DB_HELP = "The store: a SQLite path or a postgresql+psycopg:// URL (default: CLAIMSCOPE_DB or claimscope.db)."


def db_option() -> Optional[str]:
    return typer.Option(None, "--db", help=DB_HELP)


def workspace_for(db: str | None):
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    settings = Settings()
    if db:
        settings.db = db
    return Workspace(settings)


def run(action: Callable[[], int | None]) -> None:
    """Run a command body; a claimscope error is one red line on stderr and exit code 2."""
    try:
        code = action() or 0
    except ClaimscopeError as exc:
        Console(stderr=True).print(f"[red]error[/red] {exc.code} {exc.message}", highlight=False,
                                   soft_wrap=True)
        raise typer.Exit(2) from None
    raise typer.Exit(code)
