"""`claimscope eval ptc-si` and `eval ptc-tc`: SemEval-2020 Task 11 formats and scores."""

from __future__ import annotations

import json
from pathlib import Path

import typer

SPLITS = ("heldout", "validation", "train")


def _ids(split: str | None, model_dir: Path | None) -> list[str] | None:
    """Article ids of a split recorded in the model's config.json (None = every article)."""
    if split is None:
        return None
    if split not in SPLITS:
        raise typer.BadParameter(f"split must be one of {', '.join(SPLITS)}")
    from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR

    config = json.loads((Path(model_dir or SENTENCE_MODEL_DIR) / "config.json").read_text())
    return list(config["split"][split])


def _ptc_dir() -> Path:
    from claimscope.evaluation.sentence_heads import shared_data_dir

    return shared_data_dir() / "ptc"


def register(app: typer.Typer) -> None:
    @app.command("ptc-si")
    def eval_ptc_si(
        out: Path = typer.Option(..., help="Predictions: article_id<TAB>start<TAB>end lines."),
        articles: Path = typer.Option(None, help="Folder of article<ID>.txt (default: PTC train-articles)."),
        gold: Path = typer.Option(None, help="Folder of per-article SI .labels files: print the score."),
        split: str = typer.Option(None, help="Only the articles of this split of the model: heldout, validation, train."),
        model_dir: Path = typer.Option(None, help="Model directory (default: the shipped one)."),
        threshold: float = typer.Option(None, help="Override the shipped span threshold."),
        min_score: float = typer.Option(
            0.0, min=0.0, max=1.0, help="Drop techniques scored below this (the component's min_score)."),
    ) -> None:
        """Span identification (SemEval-2020 Task 11 SI).

        Example: claimscope eval ptc-si --split heldout --out si.txt
          --gold ../shared/data/ptc/train-labels-task1-span-identification
        """
        from claimscope.evaluation.ptc import run_si

        articles_dir = articles or _ptc_dir() / "train-articles"
        score = run_si(articles_dir, out, model_dir=model_dir, ids=_ids(split, model_dir),
                       gold_dir=gold, threshold=threshold, min_score=min_score)
        typer.echo(f"wrote {out}")
        if score:
            typer.echo(f"SI P {score.precision:.4f}  R {score.recall:.4f}  F1 {score.f1:.4f}  "
                       f"(pred {score.n_pred}, gold {score.n_gold} merged spans)")

    @app.command("ptc-tc")
    def eval_ptc_tc(
        out: Path = typer.Option(..., help="The template with a technique in place of '?'."),
        template: Path = typer.Option(None, help="Lines article_id<TAB>?<TAB>start<TAB>end (default: PTC train TC spans)."),
        articles: Path = typer.Option(None, help="Folder of article<ID>.txt (default: PTC train-articles)."),
        gold: Path = typer.Option(None, help="Folder of per-article TC .labels files: print the score."),
        split: str = typer.Option(None, help="Only the articles of this split of the model: heldout, validation, train."),
        model_dir: Path = typer.Option(None, help="Model directory (default: the shipped one)."),
    ) -> None:
        """Technique classification of given spans (SemEval-2020 Task 11 TC).

        Example: claimscope eval ptc-tc --split heldout --out tc.txt
          --gold ../shared/data/ptc/train-labels-task2-technique-classification
        """
        from claimscope.evaluation.ptc import run_tc, write_template

        articles_dir = articles or _ptc_dir() / "train-articles"
        if template is None:
            # The gold TC spans with their labels blanked: the task's own template.
            template = Path(str(out) + ".template")
            write_template(_ptc_dir() / "train-task2-TC.labels", template)
        score = run_tc(articles_dir, template, out, model_dir=model_dir,
                       ids=_ids(split, model_dir), gold_dir=gold)
        typer.echo(f"wrote {out}")
        if score:
            typer.echo(f"TC micro-F1 {score.micro_f1:.4f}  (spans {score.n_gold})")
            for label, v in score.per_label.items():
                typer.echo(f"  {label:40s} n={v['support']:4d}  P {v['precision']:.3f}  "
                           f"R {v['recall']:.3f}  F1 {v['f1']:.3f}")
