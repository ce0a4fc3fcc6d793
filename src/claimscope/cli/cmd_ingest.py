"""`claimscope ingest`: analyse articles and store them in the corpus store."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

ORDER = ("stored", "already_stored", "publication_added", "failed")


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        targets: list[str] = typer.Argument(
            ..., help="Files, folders, URLs, - for stdin, or .jsonl/.csv files with one article per row."),
        db: Optional[str] = typer.Option(
            None, help="Store: a SQLite path or postgresql+psycopg://... (default: CLAIMSCOPE_DB or claimscope.db)."),
        workers: Optional[int] = typer.Option(
            None, min=0, help="Analysis worker processes (default: CLAIMSCOPE_WORKERS; 0 = one per core)."),
        scheduler: Optional[str] = typer.Option(
            None,
            help="Analyse on the Dask cluster of this scheduler, e.g. tcp://HOST:8786 (default: "
                 "CLAIMSCOPE_SCHEDULER; docs/cluster.md); "
                 "--workers is then the cluster's."),
        columns: Optional[str] = typer.Option(
            None, help="Row files: FIELD=COLUMN pairs for columns named otherwise, e.g. "
                       "text=body,title=headline (fields: text, title, outlet, author, date, url, id)."),
        aliases: Optional[Path] = typer.Option(None, help="Extra entity aliases (JSON, see docs)."),
        no_rhetoric: bool = typer.Option(False, "--no-rhetoric", help="Skip technique detection."),
        technique_min_score: Optional[float] = typer.Option(
            None, min=0.0, max=1.0, help="Store only techniques scored at least this (0-1)."),
        spacy_model: Optional[str] = typer.Option(None, help="spaCy model to parse with."),
        recursive: bool = typer.Option(False, "--recursive", "-r", help="Read subfolders too."),
        no_ledger: bool = typer.Option(
            False, "--no-ledger",
            help="Store and link only; the ledger places the new documents at its next read "
                 "(clusters, dossier, documents, serve) or the next ingest, in one pass."),
        any_language: bool = typer.Option(
            False, "--any-language", help="Skip the language check (only English is supported)."),
    ) -> None:
        """Analyse articles and store them; a text already stored is not analysed again.

        Example: claimscope ingest demo/corpus feed.jsonl --db corpus.db --workers 2

        On a Dask cluster: claimscope ingest feed.jsonl --db postgresql+psycopg://u@db/corpus --scheduler tcp://HOST:8786

        A large dump, the ledger placed once at the end: claimscope ingest dump.jsonl --no-ledger, then claimscope clusters --db corpus.db

        Prints one line of counts: stored, already stored, publication added (a stored text from a new source), failed; then each failure with its reason.

        Exit 0: all stored; 1: some inputs of a batch failed; 2: nothing could be done (a single input that cannot be read, as with analyze; a bad store URL, an unreachable server or scheduler, a bad option).
        """
        from claimscope.cli.common import pipeline_settings, run_batch
        from claimscope.ingest.rows import parse_columns

        def start(workspace):
            mapping = parse_columns(columns) if columns else None
            workspace.store  # noqa: B018 - open it now: a bad store is fatal before any work
            return (workspace.ingest(targets, workers=workers, columns=mapping, scheduler=scheduler,
                                     ledger=not no_ledger),
                    workspace.count_inputs(targets))

        failures = run_batch(lambda: pipeline_settings(
            db=db, aliases=aliases, no_rhetoric=no_rhetoric, technique_min_score=technique_min_score,
            spacy_model=spacy_model, recursive=recursive, any_language=any_language), "ingest", ORDER, start)
        raise typer.Exit(_exit_code(targets, failures))


def _exit_code(targets: list[str], failures: list) -> int:
    """As `analyze`: one bad input on its own is fatal (2); in a batch it is one failure (1)."""
    if not failures:
        return 0
    single = len(targets) == 1 and targets[0] != "-" and "://" not in targets[0]
    if single:
        path = Path(targets[0])
        if not path.is_dir() and path.suffix.lower() not in (".jsonl", ".csv"):
            return 2
    return 1
