"""`claimscope train stance`: the stance model (pre-filter and classifiers over the claim
encoder's features) on FNC-1 train, held out by story; with `--cross-encoder`, its agree /
disagree / discuss step as a fine-tuned MiniLM cross-encoder."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("stance")
    def train_stance(
        data: Path = typer.Option(None, help="Shared data folder (default: $CLAIMSCOPE_SHARED_DATA or ../shared/data)."),
        out: Path = typer.Option(None, help="Model directory to write (default: the shipped one)."),
        work_dir: Path = typer.Option(Path("runs/stance"), help="Logs, embedding cache, metrics."),
        write_validation: Path = typer.Option(
            None, help="Only write the held-out validation pairs (stances.csv, bodies.csv) to this folder."),
        threads: int = typer.Option(2),
        seed: int = typer.Option(13),
        cross_encoder: bool = typer.Option(
            False, "--cross-encoder", help="Fine-tune and ship the stance cross-encoder (torch)."),
        max_minutes: float = typer.Option(38.0, help="Cross-encoder time budget (minutes)."),
    ) -> None:
        """Fit, score the shipped pipeline on the held-out stories, write the model card.

        Example: nice -n 19 claimscope train stance --cross-encoder
        """
        import json

        from claimscope.evaluation.sentence_heads import shared_data_dir

        shared = shared_data_dir(data)
        if write_validation:
            from claimscope.training.stance_split import write_validation_files

            n = write_validation_files(shared, write_validation)
            typer.echo(f"{n} validation pairs -> {write_validation}/stances.csv, bodies.csv")
            return
        if cross_encoder:
            from claimscope.ledger.stance import STANCE_MODEL_DIR
            from claimscope.training.stance_cross import train as train_cross

            result = train_cross(shared, out or STANCE_MODEL_DIR, work_dir=work_dir, threads=threads,
                                 max_minutes=max_minutes)
            v = result["validation"]
            typer.echo(json.dumps({"fnc_score": round(v["fnc_score"], 4), "macro_f1": round(v["macro_f1"], 4),
                                   "per_class_f1": {k: round(c["f1"], 4) for k, c in v["per_class"].items()}},
                                  indent=1))
            return
        # Lazy: scikit-learn is the optional `train` extra.
        from claimscope.ledger.stance import STANCE_MODEL_DIR
        from claimscope.training.stance import train

        result = train(shared, out or STANCE_MODEL_DIR, work_dir=work_dir, threads=threads, seed=seed)
        v = result["validation"]
        typer.echo(json.dumps({"fnc_score": round(v["fnc_score"], 4), "macro_f1": round(v["macro_f1"], 4),
                               "per_class_f1": {k: round(c["f1"], 4) for k, c in v["per_class"].items()},
                               "pairs_per_second": round(v["pairs_per_second"], 1)}, indent=1))
