"""`claimscope eval gap`: resolve GAP pronouns with the pipeline's speaker resolver; score them."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("gap")
    def eval_gap(
        file: Path = typer.Option(..., help="GAP TSV (e.g. ../shared/data/gap/gap-development.tsv)."),
        out: Path = typer.Option(..., help="Answers: ID<TAB>A-coref<TAB>B-coref per row."),
        gold: bool = typer.Option(False, "--gold", help="Score the answers against the file's labels."),
        spacy_model: str = typer.Option(None, help="spaCy model (default: the configured one)."),
    ) -> None:
        """Which of the names A and B each pronoun stands for; with --gold, F1 overall, masculine,
        feminine and the bias (feminine F1 / masculine F1). The answers file answers every row
        as GAP asks; the score is also printed with the pipeline's refusal of close calls.

        Example: claimscope eval gap --file ../shared/data/gap/gap-development.tsv
        --out out/gap-dev.tsv --gold
        """
        from claimscope.corpora.gap import read_gap, write_answers
        from claimscope.evaluation.gap import format_gap, score_gap
        from claimscope.evaluation.gap_run import run

        if not file.is_file():
            raise typer.BadParameter(f"{file} is not a file")
        rows = read_gap(file)
        result = run(rows, spacy_model)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_answers(out, result.answers)
        typer.echo(f"{len(rows)} rows in {result.seconds:.1f}s -> {out}")
        if gold:
            if any(r.a_coref is None or r.b_coref is None for r in rows):
                raise typer.BadParameter(f"{file} has no A-coref/B-coref labels to score against")
            typer.echo(format_gap(score_gap(rows, result.answers)))
            typer.echo("\nwith the pipeline's ambiguity margin (close calls answered FALSE, FALSE):")
            typer.echo(format_gap(score_gap(rows, result.refusing)))
