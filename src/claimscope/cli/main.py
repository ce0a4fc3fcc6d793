"""The `claimscope` command. Thin: parse options, call the Workspace, print."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimscope import __version__
from claimscope import cli as cli_package
from claimscope.errors import ClaimscopeError

app = typer.Typer(help="An accounting of what articles claim, on what evidence, how certainly.",
                  no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Score components on public gold data.", no_args_is_help=True)
train_app = typer.Typer(help="Train the shipped models (needs the `train` extra).",
                        no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
err = Console(stderr=True)


class Format(StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def analyze(
    target: str = typer.Argument(..., help="A text or HTML file, a folder of them, a URL, or - for stdin."),
    format: Format = typer.Option(Format.terminal, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write here instead of stdout (a folder for several inputs)."),
    aliases: Optional[Path] = typer.Option(None, help="Extra entity aliases (JSON, see docs)."),
    no_rhetoric: bool = typer.Option(False, "--no-rhetoric", help="Skip technique detection."),
    technique_min_score: Optional[float] = typer.Option(
        None, min=0.0, max=1.0, help="Report only techniques scored at least this (0-1)."),
    spacy_model: Optional[str] = typer.Option(None, help="spaCy model to parse with."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Read subfolders too."),
    any_language: bool = typer.Option(
        False, "--any-language", help="Skip the language check (only English is supported)."),
) -> None:
    """Analyse articles and print their accounting.

    Example: claimscope analyze demo/corpus/07-northern-review-opinion.txt --aliases demo/aliases.json --format markdown
    """
    from claimscope.cli.common import pipeline_settings
    from claimscope.cli.output import write_results
    from claimscope.workspace import Workspace

    try:
        workspace = Workspace(pipeline_settings(
            aliases=aliases, no_rhetoric=no_rhetoric, technique_min_score=technique_min_score,
            spacy_model=spacy_model, recursive=recursive, any_language=any_language))
        code = write_results(workspace, target, format.value, output)
    except ClaimscopeError as exc:
        err.print(f"[red]error[/red] {exc.code} {exc.message}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    raise typer.Exit(code)


@app.command()
def version() -> None:
    """Print the version of claimscope and its models."""
    from claimscope.settings import MODELS_DIR, spacy_model_setting

    models = {}
    for config in sorted(MODELS_DIR.glob("*/config.json")):
        data = json.loads(config.read_text(encoding="utf-8"))
        models[config.parent.name] = data.get("version", "?")
    typer.echo(json.dumps({"claimscope": __version__, "spacy_model": spacy_model_setting(),
                           "models": models}, indent=2))


def _register_plugins() -> None:
    """Every cli/eval_*.py and cli/train_*.py module adds its command to its sub-app, and every
    cli/cmd_*.py module its top-level command(s): one module per command, no shared edits."""
    for info in pkgutil.iter_modules(cli_package.__path__):
        for prefix, sub_app in (("eval_", eval_app), ("train_", train_app), ("cmd_", app)):
            if info.name.startswith(prefix):
                module = importlib.import_module(f"claimscope.cli.{info.name}")
                module.register(sub_app)


_register_plugins()


def main() -> None:  # pragma: no cover - console entry
    app(prog_name="claimscope")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
