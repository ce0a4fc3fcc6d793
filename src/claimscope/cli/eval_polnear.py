"""`claimscope eval polnear`: run the attribution component on texts, score against PolNeAR gold."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("polnear")
    def eval_polnear(
        texts: Path = typer.Option(..., help="Folder of .txt files (or a PolNeAR split folder)."),
        out: Path = typer.Option(..., help="JSON lines output: one line per text."),
        gold: Path = typer.Option(None, help="PolNeAR split folder (text/ and attributions/)."),
        spacy_model: str = typer.Option(None, help="spaCy model (default: the configured one)."),
        model_dir: Path = typer.Option(None, help="Attribution model directory (default: shipped)."),
        cues: str = typer.Option("strict", help="Cues of indirect attributions: strict, polnear or broad."),
        stances: bool = typer.Option(True, help="Score stances (wants, calls for, backed) beside statements."),
    ) -> None:
        """Attributions (source, cue, content) per text; with --gold, P/R/F1 per role.

        PolNeAR annotates stances (desires, positions, acts) beside statements; both are
        scored unless --no-stances, which scores the statements the ledger counts.

        Example: claimscope eval polnear --texts ../shared/data/polnear/dev/text
        --gold ../shared/data/polnear/dev --out runs/polnear-dev.jsonl
        """
        from claimscope.evaluation.attribution import format_table
        from claimscope.evaluation.polnear_run import run

        if not texts.is_dir():
            raise typer.BadParameter(f"{texts} is not a folder")
        if gold is not None and not (gold / "attributions").is_dir():
            raise typer.BadParameter(f"{gold} has no attributions/ folder")
        from claimscope.nlp.attribution_filter import CUE_MODES

        if cues not in CUE_MODES:
            raise typer.BadParameter(f"--cues {cues}: use one of {', '.join(CUE_MODES)}")
        result = run(texts, out, gold, spacy_model, str(model_dir) if model_dir else None, cues, stances)
        rate = result.documents / result.seconds if result.seconds else 0.0
        typer.echo(f"{result.documents} documents in {result.seconds:.1f}s ({rate:.2f} docs/s) -> {out}")
        if result.scores is not None:
            typer.echo(format_table(result.scores))
