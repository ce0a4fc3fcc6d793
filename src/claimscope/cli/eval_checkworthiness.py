"""`claimscope eval checkworthiness`: ClaimBuster test F1 of the shipped sentence model."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("checkworthiness")
    def eval_checkworthiness(
        data: Path = typer.Option(None, help="ClaimBuster test.json (default: <shared data>/claimbuster/test.json)."),
        model_dir: Path = typer.Option(None, help="Model directory (default: the shipped one)."),
        threshold: float = typer.Option(None, help="Override the shipped decision threshold."),
    ) -> None:
        """Precision, recall and F1 of check-worthy sentences.

        Example: claimscope eval checkworthiness --data ../shared/data/claimbuster/test.json
        """
        from claimscope.evaluation.sentence_heads import evaluate_checkworthiness, shared_data_dir

        path = data or shared_data_dir() / "claimbuster" / "test.json"
        if not path.exists():
            raise typer.BadParameter(f"{path} not found; pass --data or set CLAIMSCOPE_SHARED_DATA")
        s = evaluate_checkworthiness(path, model_dir, threshold=threshold)
        typer.echo(f"checkworthy on {path} (threshold {s['threshold']:.3f})")
        typer.echo(f"P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}")
        typer.echo(f"sentences {s['n']}  gold positive {s['positive']}  tp {s['tp']}  fp {s['fp']}  fn {s['fn']}")
