"""`claimscope train sentence`: the shared sentence encoder (rhetoric spans, techniques,
check-worthiness, uncertainty) trained jointly on PTC, ClaimBuster and CoNLL-2010."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("sentence")
    def train_sentence(
        data: Path = typer.Option(None, help="Shared data folder (default: $CLAIMSCOPE_SHARED_DATA or ../shared/data)."),
        out: Path = typer.Option(None, help="Model directory to write (default: the shipped one)."),
        work_dir: Path = typer.Option(Path("runs/sentence-encoder"), help="Logs, checkpoint, metrics."),
        init: Path = typer.Option(
            None, help="Checkpoint of a PTC-only first pass (`train rhetoric`); without it, that pass runs first."
        ),
        epochs: float = typer.Option(1.5),
        lr: float = typer.Option(3e-5),
        ptc_fraction: float = typer.Option(1.0, help="Share of the PTC batches used per epoch."),
        evals: int = typer.Option(3, help="Validation passes (the best one is exported)."),
        threads: int = typer.Option(2),
        seed: int = typer.Option(13),
    ) -> None:
        """Train, export quantized ONNX, fit the technique head and thresholds, print figures.

        Without --init it first runs the PTC-only pass (as `claimscope train rhetoric`, in
        WORK_DIR/pass1), then trains all sentence tasks from it: the shipped model's recipe.
        Example: claimscope train sentence --init runs/rhetoric/joint.pt
        """
        import json

        # Lazy: torch is an optional extra, only needed here.
        from claimscope.evaluation.sentence_heads import shared_data_dir
        from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR
        from claimscope.training import rhetoric
        from claimscope.training.sentence_encoder import train

        if init is None:
            pass1 = work_dir / "pass1"
            rhetoric.train(shared_data_dir(data) / "ptc", pass1 / "model", work_dir=pass1, threads=threads)
            init = pass1 / "joint.pt"
        result = train(
            shared_data_dir(data), out or SENTENCE_MODEL_DIR, init=init, work_dir=work_dir,
            epochs=epochs, lr=lr, ptc_fraction=ptc_fraction, evals=evals, threads=threads, seed=seed,
        )
        typer.echo(json.dumps({k: result[k] for k in ("rhetoric", "sentence")}, indent=1, default=str))
