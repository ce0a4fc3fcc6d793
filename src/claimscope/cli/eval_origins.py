"""`claimscope eval origins`: precision and recall of copy detection (the ledger's origin groups)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

DEMO = Path(__file__).resolve().parents[3] / "demo" / "corpus"


def register(app: typer.Typer) -> None:
    @app.command("origins")
    def eval_origins(
        demo: Path = typer.Option(DEMO, help="A corpus folder whose manifest.json has `syndicated_from`."),
        polnear: Optional[Path] = typer.Option(None, help="PolNeAR folder (default: <shared data>/polnear)."),
        originals: int = typer.Option(400, help="PolNeAR texts to make copies of (half get 1-3 copies)."),
        seed: int = typer.Option(13, help="Seed of the copy maker."),
        out: Optional[Path] = typer.Option(None, help="Write the full scores (with false and missed pairs) as JSON."),
    ) -> None:
        """Copy detection P/R on the demo corpus and on copies made at run time from PolNeAR texts
        (light edits, reordered paragraphs, trimmed endings, credit lines, new headlines).

        Example: claimscope eval origins --originals 400 --out out/origins.json
        """
        from claimscope.evaluation.origins import demo_cases, polnear_cases, run
        from claimscope.evaluation.sentence_heads import shared_data_dir

        results = {}
        if demo.is_dir():
            results["demo"] = run(demo_cases(demo))
        source = polnear or shared_data_dir() / "polnear"
        if source.is_dir():
            results["polnear_copies"] = run(polnear_cases(source, originals, seed))
        else:
            typer.echo(f"{source} not found: PolNeAR copies skipped (pass --polnear)")
        for name, s in results.items():
            typer.echo(f"{name}: {s['documents']} documents, {s['groups']} groups with copies, "
                       f"{s['gold_pairs']} gold pairs")
            typer.echo(f"  pairs P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}  "
                       f"(tp {s['tp']}, predicted {s['predicted_pairs']})  origin accuracy "
                       f"{s['origin_accuracy']:.4f} (copies dated later: "
                       f"{s['origin_accuracy_dated_later']:.4f} of {s['groups_dated_later']})")
            for recipe, (recall, n) in s["recall_by_recipe"].items():
                typer.echo(f"  recall {recipe:<12} {recall:.4f}  (n={n})")
            typer.echo(f"  rules: {s['rules']}")
            if s["false_pairs"]:
                typer.echo(f"  false pairs: {s['false_pairs'][:10]}")
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(results, indent=2, default=list), encoding="utf-8")
