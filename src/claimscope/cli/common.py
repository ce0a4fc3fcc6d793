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


def run_batch(settings, description: str, order: tuple[str, ...], start) -> list:
    """A store batch command's frame (`ingest`, `reanalyze`): make the settings (`settings()`:
    a bad option or alias file is fatal like any other error), open the Workspace, run
    `start(workspace) -> (results, total)` under a progress bar, close it, print the summary of
    what was done, and return the failures. A claimscope error is fatal (exit 2) after the
    summary so far; Ctrl-C exits 130 with it."""
    from collections import Counter

    from claimscope.cli.progress import print_summary, run_with_progress
    from claimscope.errors import ClaimscopeError
    from claimscope.workspace import Workspace

    counts: Counter = Counter()
    failures: list = []
    workspace = None
    try:
        workspace = Workspace(settings())
        results, total = start(workspace)
        run_with_progress(results, total, description, counts, failures)
    except ClaimscopeError as exc:
        if counts:
            print_summary(counts, failures, order)
        fatal(exc)
    except KeyboardInterrupt:
        print_summary(counts, failures, order)
        raise typer.Exit(130) from None
    finally:
        if workspace is not None:
            workspace.close()
    print_summary(counts, failures, order)
    return failures
