"""`claimscope eval stance`: the stance model on FNC-1-format headline / body pairs."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("stance")
    def eval_stance(
        stances: Path = typer.Option(..., help="CSV with Headline, Body ID (and Stance for --gold)."),
        bodies: Path = typer.Option(..., help="CSV with Body ID, articleBody."),
        out: Path = typer.Option(..., help="Where to write Headline,Body ID,Stance per input row."),
        gold: bool = typer.Option(False, "--gold", help="Score against the input's Stance column."),
        model_dir: Path = typer.Option(None, help="Stance model directory (default: the shipped one)."),
    ) -> None:
        """Label each headline / body pair agree, disagree, discuss or unrelated.

        With --gold prints the FNC-1 score (share of the best possible) and macro-F1.
        Example: claimscope eval stance --stances out/fnc1-val/stances.csv --bodies out/fnc1-val/bodies.csv --out out/fnc1-val/predicted.csv --gold
        """
        from rich.console import Console

        from claimscope.errors import ClaimscopeError
        from claimscope.evaluation.stance import LABELS, run_stance

        try:
            result = run_stance(stances, bodies, out, model_dir=model_dir, gold=gold)
        except ClaimscopeError as exc:
            Console(stderr=True).print(f"[red]error[/red] {exc.code} {exc.message}", highlight=False,
                                       soft_wrap=True)
            raise typer.Exit(2) from None
        typer.echo(f"{result['pairs']} pairs -> {out} ({result['pairs_per_second']:.0f} pairs/s)")
        if gold:
            s = result["scores"]
            typer.echo(f"FNC score {s['fnc_score']:.4f}  macro-F1 {s['macro_f1']:.4f}  accuracy {s['accuracy']:.4f}")
            for label in LABELS:
                c = s["per_class"][label]
                typer.echo(f"{label:>9}: P {c['precision']:.4f}  R {c['recall']:.4f}  F1 {c['f1']:.4f}  "
                           f"support {c['support']}")
