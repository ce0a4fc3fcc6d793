"""`claimscope dossier ENTITY…`: what is known, claimed, speculated, denied and contested about them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from claimscope.cli.store_common import ReportFormat, db_option, run, workspace_for


def register(app: typer.Typer) -> None:
    @app.command()
    def dossier(
        entities: list[str] = typer.Argument(..., help="Entity names or ids; several: claims about all of them."),
        db: str = db_option(),
        since: Optional[str] = typer.Option(None, help="Only mentions published on or after (YYYY[-MM[-DD]])."),
        until: Optional[str] = typer.Option(None, help="Only mentions published on or before (YYYY[-MM[-DD]])."),
        reliability: Optional[Path] = typer.Option(
            None, help='Source reliability A-F as JSON: {"outlets": {...}, "sources": {...}} (default F).'),
        limit: int = typer.Option(200, min=0, help="At most this many claims, those most documents mention (0: all)."),
        format: ReportFormat = typer.Option(ReportFormat.terminal, "--format", "-f", help="Output format."),
    ) -> None:
        """An analyst's brief on entities: known, claimed, speculated, denied and contested claims,
        each with its sources, Admiralty grade and the document spans it rests on; figures in
        date order (the newest last); a timeline.

        Example: claimscope dossier Kestria "Red Dawn Brigade" --db claimscope.db --format markdown
        """

        def body() -> int:
            from claimscope.render import dossier as render

            workspace = workspace_for(db)
            try:
                result = workspace.dossier(list(entities), reliability=reliability, since=since, until=until,
                                           limit=limit)
            finally:
                workspace.close()
            if format is ReportFormat.json:
                print(json.dumps(result, ensure_ascii=False, indent=2))
            elif format is ReportFormat.markdown:
                print(render.markdown(result), end="")
            elif format is ReportFormat.html:
                print(render.html_page(result), end="")
            else:
                print(render.terminal(result), end="")
            return 0

        run(body)
