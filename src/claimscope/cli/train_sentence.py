"""`claimscope train sentence`: fine-tune the check-worthiness + uncertainty sentence heads."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("sentence")
    def train_sentence(
        data: Path = typer.Option(None, help="Shared data folder (default: $CLAIMSCOPE_SHARED_DATA or ../shared/data)."),
        out: Path = typer.Option(None, help="Model directory to write (default: the shipped one)."),
        work_dir: Path = typer.Option(Path("runs/sentence"), help="Checkpoints and report."),
        epochs: float = typer.Option(3.0),
        max_length: int = typer.Option(80),
        batch_size: int = typer.Option(32),
        lr: float = typer.Option(5e-5),
        uncertainty_sample: float = typer.Option(1.0, help="Fraction of uncertainty train sentences per epoch."),
        eval_every: int = typer.Option(0, help="Batches between validation passes (0 = per epoch)."),
        budget_minutes: float = typer.Option(35.0, help="Stop (and export the best so far) after this."),
        threads: int = typer.Option(1),
        seed: int = typer.Option(13),
        measure: bool = typer.Option(False, help="Only time 30 training steps."),
    ) -> None:
        """Train and export src/claimscope/resources/models/sentence.

        Example: claimscope train sentence --epochs 3 --budget-minutes 35
        """
        import json
        import logging

        # Lazy: torch is an optional extra, only needed here.
        from claimscope.evaluation.sentence_heads import shared_data_dir
        from claimscope.runtime.sentence_heads import DEFAULT_MODEL_DIR
        from claimscope.training.sentence_heads import Settings, run

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        settings = Settings(
            shared_data=shared_data_dir(data), out_dir=out or DEFAULT_MODEL_DIR, work_dir=work_dir,
            epochs=epochs, max_length=max_length, batch_size=batch_size, lr=lr,
            uncertainty_sample=uncertainty_sample, eval_every=eval_every,
            time_budget_s=budget_minutes * 60, threads=threads, seed=seed, measure_only=measure,
        )
        report = run(settings)
        summary = {k: report[k] for k in ("test", "validation_onnx", "seconds_per_step", "batches_per_epoch") if k in report}
        typer.echo(json.dumps(summary, indent=2, default=str))
