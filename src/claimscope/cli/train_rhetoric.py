"""`claimscope train rhetoric`: the PTC-only first pass of the sentence encoder.

Its checkpoint (`<work-dir>/joint.pt`) is where `claimscope train sentence --init` starts.
"""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("rhetoric")
    def train_rhetoric(
        data: Path = typer.Option(None, help="PTC folder (default: <shared data>/ptc)."),
        out: Path = typer.Option(Path("runs/rhetoric/model"), help="Model directory to write."),
        work_dir: Path = typer.Option(Path("runs/rhetoric"), help="Logs, checkpoint, metrics."),
        epochs: int = typer.Option(3),
        batch_size: int = typer.Option(16),
        lr: float = typer.Option(5e-5),
        max_length: int = typer.Option(128),
        seed: int = typer.Option(13, help="Seeds the article split and training."),
        heldout: float = typer.Option(0.15, help="Fraction of articles held out for reporting."),
        validation: float = typer.Option(0.10, help="Fraction of articles for model selection."),
        threads: int = typer.Option(1),
    ) -> None:
        """First pass of the sentence encoder (PTC only): train, export, write a card into --out.

        Example: claimscope train rhetoric --data ../shared/data/ptc --epochs 3
        """
        import json

        # Lazy: torch is an optional extra, only needed here.
        from claimscope.evaluation.sentence_heads import shared_data_dir
        from claimscope.training.rhetoric import train

        result = train(
            data or shared_data_dir() / "ptc", out, seed=seed, heldout=heldout,
            validation=validation, epochs=epochs, batch_size=batch_size, lr=lr,
            max_length=max_length, threads=threads, work_dir=work_dir,
        )
        typer.echo(json.dumps(result["scores"], indent=1))
