"""`claimscope search QUERY`: full-text search over the stored claims and documents."""

from __future__ import annotations

import dataclasses
import json
from enum import StrEnum
from typing import Optional

import typer

from claimscope.cli.store_common import db_option, run, workspace_for


class SearchFormat(StrEnum):
    terminal = "terminal"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def search(
        query: str = typer.Argument(..., help='Words, "a phrase", prefix*, AND / OR / NOT, ( ).'),
        db: str = db_option(),
        status: Optional[str] = typer.Option(None, help="Only claims of this status (asserted, reported, ...)."),
        entity: Optional[str] = typer.Option(None, help="Only what mentions this entity (name or corpus id)."),
        outlet: Optional[str] = typer.Option(None, help="Only documents published by this outlet."),
        since: Optional[str] = typer.Option(None, help="Published on or after this date (YYYY[-MM[-DD]])."),
        until: Optional[str] = typer.Option(None, help="Published on or before this date (YYYY[-MM[-DD]])."),
        limit: int = typer.Option(50, min=1, help="At most this many hits."),
        format: SearchFormat = typer.Option(SearchFormat.terminal, "--format", "-f", help="Output format."),
    ) -> None:
        """Search stored claims and documents; hits give the document, offsets and a snippet.

        Example: claimscope search '"port essary" AND kill*' --status reported --since 2025-03-04
        """

        def body() -> int:
            workspace = workspace_for(db)
            try:
                hits = workspace.search(query, status=status, entity=entity, outlet=outlet, since=since,
                                        until=until, limit=limit)
            finally:
                workspace.close()
            if format is SearchFormat.json:
                filters = {"status": status, "entity": entity, "outlet": outlet, "since": since, "until": until}
                print(json.dumps({"query": query, "filters": {k: v for k, v in filters.items() if v},
                                  "hits": [dataclasses.asdict(h) for h in hits]}, ensure_ascii=False, indent=2))
            else:
                _table(query, hits)
            return 0

        run(body)


def _table(query: str, hits) -> None:
    """Two lines per hit: where it is, then the snippet with the matched words highlighted."""
    import re

    from rich.console import Console
    from rich.text import Text

    console = Console()
    console.print(Text(f"{query}: {len(hits)} hit{'s' if len(hits) != 1 else ''}", style="bold"))
    for h in hits:
        where = Text(f"{h.kind:<8} {h.document} {h.start}-{h.end}", style="dim")
        for value, style in ((h.status, "cyan"), (h.outlet, ""), (h.date, "")):
            if value:
                where.append("  " + value, style=style)
        # Built as Text, never parsed as markup: article text may hold anything.
        snippet = Text("  ")
        for i, part in enumerate(re.split(r"\[([^\[\]]*)\]", h.snippet)):
            snippet.append(part, style="bold yellow" if i % 2 else "")
        console.print(where, highlight=False)
        console.print(snippet, highlight=False)
