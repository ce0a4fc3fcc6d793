"""`claimscope eval paraphrase`: the claim matcher on MRPC-format sentence pairs."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("paraphrase")
    def eval_paraphrase(
        pairs: Path = typer.Option(..., help="MRPC-format TSV: Quality, #1 ID, #2 ID, #1 String, #2 String."),
        out: Path = typer.Option(..., help="Where to write the rows with Quality set to the prediction."),
        gold: bool = typer.Option(False, "--gold", help="Score against the input's Quality labels."),
        model_dir: Path = typer.Option(None, help="Claim model directory (default: the shipped one)."),
    ) -> None:
        """Decide whether each pair states the same claim (1) or not (0), as the claim clusters do.

        Example: claimscope eval paraphrase --pairs ../shared/data/mrpc/train.tsv --out out/mrpc.tsv --gold
        """
        from rich.console import Console

        from claimscope.errors import ClaimscopeError
        from claimscope.evaluation.paraphrase import run_paraphrase

        try:
            result = run_paraphrase(pairs, out, model_dir=model_dir, gold=gold)
        except ClaimscopeError as exc:
            Console(stderr=True).print(f"[red]error[/red] {exc.code} {exc.message}", highlight=False,
                                       soft_wrap=True)
            raise typer.Exit(2) from None
        typer.echo(f"{result['pairs']} pairs -> {out} ({result['pairs_per_second']:.0f} pairs/s; "
                   f"{result['vetoed']} vetoed by the checks)")
        if gold:
            s = result["scores"]
            typer.echo(f"class 1: P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}  "
                       f"accuracy {s['accuracy']:.4f}")
            typer.echo(f"pairs {s['n']}  gold positive {s['positive']}  tp {s['tp']}  fp {s['fp']}  fn {s['fn']}")
