"""`claimscope eval uncertainty`: sentence-level uncertainty F1 on the CoNLL-2010 Wikipedia data."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("uncertainty")
    def eval_uncertainty(
        data: Path = typer.Option(None, help="conll2010-wikipedia.xml (default: <shared data>/uncertainty/...)."),
        split: str = typer.Option("test", help="train, validation, test (held out by document) or all."),
        model_dir: Path = typer.Option(None, help="Model directory (default: the shipped one)."),
        threshold: float = typer.Option(None, help="Override the shipped decision threshold."),
    ) -> None:
        """Precision, recall and F1 of uncertain sentences (a sentence with a ccue is uncertain).

        Example: claimscope eval uncertainty --split test
        """
        from claimscope.evaluation.sentence_heads import (
            UNCERTAINTY_FILE,
            evaluate_uncertainty,
            shared_data_dir,
        )

        if split not in ("train", "validation", "test", "all"):
            raise typer.BadParameter("split must be train, validation, test or all")
        path = data or shared_data_dir() / UNCERTAINTY_FILE
        if not path.exists():
            raise typer.BadParameter(f"{path} not found; pass --data or set CLAIMSCOPE_SHARED_DATA")
        s = evaluate_uncertainty(path, split, model_dir, threshold=threshold)
        typer.echo(f"uncertain on {path} split={split} (threshold {s['threshold']:.3f})")
        typer.echo(f"P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}")
        typer.echo(f"sentences {s['n']}  gold positive {s['positive']}  tp {s['tp']}  fp {s['fp']}  fn {s['fn']}")
