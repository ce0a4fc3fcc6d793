"""`claimscope train attribution`: fine-tune and export the PolNeAR attribution tagger."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("attribution")
    def train_attribution(
        train: Path = typer.Option(Path("../shared/data/polnear/train"), help="PolNeAR train split."),
        work_dir: Path = typer.Option(Path("runs/attribution"), help="Checkpoints and logs."),
        target: Path = typer.Option(None, help="Model directory to write (default: the shipped one)."),
        epochs: int = typer.Option(1),
        lr: float = typer.Option(8e-5),
        batch_size: int = typer.Option(8),
    ) -> None:
        """Train on PolNeAR train (every 20th article held out to pick the checkpoint), export ONNX.

        Example: claimscope train attribution --epochs 1
        """
        # Lazy: torch is an optional extra, only needed here.
        from claimscope.training.attribution import main

        main(["train", "--train", str(train), "--out", str(work_dir), "--epochs", str(epochs),
              "--lr", str(lr), "--batch-size", str(batch_size)])
        export = ["export", "--checkpoint", str(work_dir / "best.pt")]
        main(export + (["--target", str(target)] if target else []))
