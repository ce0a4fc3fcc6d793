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
        max_minutes: float = typer.Option(70.0, help="Cross-encoder time budget (minutes)."),
        stance_head: str = typer.Option(
            None, help="Fit only this agree/disagree/discuss head (a name from `python -m claimscope.training.stance_cv`)."),
        stance_offsets: str = typer.Option(None, help="Agree,disagree,discuss log-odds offsets for --stance-head."),
        version: str = typer.Option(None, help="Version written to the new model's config (required to fit: a new model is a new version)."),
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

            # The model and its held-out probabilities go to work_dir (default runs/stance-cross);
            # `training.stance_combine` chooses how to combine it and ships it.
            result = train_cross(shared, out or STANCE_MODEL_DIR,
                                 work_dir=work_dir if work_dir != Path("runs/stance") else Path("runs/stance-cross"),
                                 threads=threads, max_minutes=max_minutes)
            typer.echo(json.dumps({k: result[k] for k in ("train_minutes", "cpu_ms_per_pair_int8")}, indent=1))
            return
        # Lazy: scikit-learn is the optional `train` extra.
        from claimscope.ledger.stance import STANCE_MODEL_DIR
        from claimscope.training.stance import train

        if not version:
            shipped = json.loads((STANCE_MODEL_DIR / "config.json").read_text(encoding="utf-8")).get("version")
            raise typer.BadParameter(f"give the new model's --version (the shipped model is {shipped})")
        try:
            offsets = tuple(float(v) for v in stance_offsets.split(",")) if stance_offsets else None
        except ValueError:
            raise typer.BadParameter(f"--stance-offsets {stance_offsets!r}: three numbers, e.g. -0.25,0,0") from None
        if offsets is not None and len(offsets) != 3:
            raise typer.BadParameter(f"--stance-offsets {stance_offsets!r}: three numbers, e.g. -0.25,0,0")
        result = train(shared, out or STANCE_MODEL_DIR, work_dir=work_dir, threads=threads, seed=seed,
                       stance_head=stance_head, stance_offsets=offsets, version=version)
        v = result["validation"]
        typer.echo(json.dumps({"fnc_score": round(v["fnc_score"], 4), "macro_f1": round(v["macro_f1"], 4),
                               "per_class_f1": {k: round(c["f1"], 4) for k, c in v["per_class"].items()},
                               "pairs_per_second": round(v["pairs_per_second"], 1)}, indent=1))
