"""`claimscope eval linking`: pairwise and B-cubed scores of cross-document entity linking."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("linking")
    def eval_linking(
        gold: Path = typer.Option(None, help="Gold clusters (default: tests/data/linking-gold.json)."),
        data: Path = typer.Option(None, help="Shared data folder for PolNeAR files (default: ../shared/data)."),
        only: str = typer.Option(None, "--set", help="Score only this set of the gold file."),
        errors: bool = typer.Option(False, help="List the wrong and missed links (document-entity ids)."),
    ) -> None:
        """Analyse the gold documents, link them as the store does, score the corpus entities.

        Example: claimscope eval linking --gold tests/data/linking-gold.json
        """
        from claimscope.evaluation.entity_linking import (
            combine,
            gold_clusters,
            load_gold,
            predicted_clusters,
            score,
        )
        from claimscope.evaluation.sentence_heads import shared_data_dir
        from claimscope.settings import Settings
        from claimscope.workspace import Workspace

        def workspace(aliases):
            settings = Settings()
            settings.aliases = aliases
            settings.rhetoric = False  # entities do not depend on technique detection
            return Workspace(settings)

        shared = shared_data_dir(data)
        sets = [s for s in load_gold(gold, shared) if only in (None, s.name)]
        if not sets:
            raise typer.BadParameter(f"no set named {only!r} in the gold file")
        from claimscope.evaluation.entity_linking import analyse

        totals: dict[str, list] = {"incremental": [], "batch": []}
        for gold_set in sets:
            missing_files = [d["file"] for d in gold_set.documents if not d["path"].exists()]
            if missing_files:
                typer.echo(f"{gold_set.name}: skipped, {len(missing_files)} files not found "
                           f"(first: {missing_files[0]}); pass --data")
                continue
            entities = analyse(gold_set, workspace)
            truth = gold_clusters(gold_set)
            for mode in ("incremental", "batch"):
                predicted, missing = predicted_clusters(gold_set, entities, incremental=mode == "incremental")
                s = score(truth, predicted)
                s.missing = missing
                totals[mode].append(s)
                _print(f"{gold_set.name} {mode}", s, len(gold_set.documents))
                if errors and mode == "batch":
                    _errors(truth, predicted)
        for mode, parts in totals.items():
            if len(parts) > 1:
                _print(f"all {mode}", combine(parts), None)


def _print(label: str, s, documents: int | None) -> None:
    docs = f"{documents} documents, " if documents else ""
    typer.echo(f"{label:28s} pairwise P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}   "
               f"B-cubed P {s.bcubed_p:.3f} R {s.bcubed_r:.3f} F1 {s.bcubed_f1:.3f}   "
               f"({docs}{s.items} entities, gold pairs {s.pairs_gold}, linked pairs "
               f"{s.pairs_predicted}, correct {s.pairs_correct}, missing {len(s.missing)})")


def _errors(truth: dict, predicted: dict) -> None:
    by_pred: dict[str, list] = {}
    for key, cluster in predicted.items():
        by_pred.setdefault(cluster, []).append(key)
    for members in by_pred.values():
        golds = {truth[k] for k in members}
        if len(golds) > 1:
            typer.echo("  wrongly together: " + ", ".join(f"{f.rsplit('/', 1)[-1][:24]}#{i}->{truth[(f, i)]}"
                                                           for f, i in members))
    by_gold: dict[str, list] = {}
    for key, cluster in truth.items():
        by_gold.setdefault(cluster, []).append(key)
    for cluster, members in sorted(by_gold.items()):
        preds = {predicted[k] for k in members}
        if len(preds) > 1:
            parts: dict[str, list] = {}
            for k in members:
                parts.setdefault(predicted[k], []).append(f"{k[0].rsplit('/', 1)[-1][:16]}#{k[1]}")
            typer.echo(f"  split {cluster}: " + " | ".join(", ".join(p) for p in parts.values()))
