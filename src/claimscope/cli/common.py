"""What several commands share: settings from their options, the one-line fatal error."""

from __future__ import annotations

import typer
from rich.console import Console


def pipeline_settings(*, db=None, aliases=None, no_rhetoric=False, technique_min_score=None,
                      spacy_model=None, recursive=False, any_language=False):
    """Settings from the environment, with the options given on the command line on top."""
    from claimscope.settings import Settings

    settings = Settings()
    if db:
        settings.db = db
    if aliases:
        settings.aliases = aliases
    if no_rhetoric:
        settings.rhetoric = False
    if technique_min_score is not None:
        settings.technique_min_score = technique_min_score
    if spacy_model:
        settings.spacy_model = spacy_model
    settings.recursive = recursive
    if any_language:
        settings.languages = None
    return settings


def fatal(exc) -> None:
    Console(stderr=True).print(f"[red]error[/red] {exc.code} {exc.message}", highlight=False,
                               soft_wrap=True)
    raise typer.Exit(2) from None
