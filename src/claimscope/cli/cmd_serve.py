"""`claimscope serve`: the workbench (REST API and pages) over a store, with uvicorn."""

from __future__ import annotations

import typer

from claimscope.cli.store_common import db_option, run


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str = db_option(),
        host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback unless told otherwise)."),
        port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
        allow_private_urls: bool = typer.Option(
            False, "--allow-private-urls",
            help="Let URL ingest fetch private, loopback and link-local addresses."),
    ) -> None:
        """Serve the workbench: pages at http://HOST:PORT/ and the REST API at /api/v1 (docs at /docs).

        Read-only unless CLAIMSCOPE_TOKEN is set; write routes then need
        `Authorization: Bearer <token>`.

        Example: claimscope serve --db claimscope.db --port 8000
        """

        def body() -> int:
            import uvicorn

            from claimscope.settings import Settings
            from claimscope.web.app import create_app
            from claimscope.web.config import WebConfig

            settings = Settings()
            if db:
                settings.db = db
            config = WebConfig(token=settings.token, allow_private_urls=allow_private_urls)
            uvicorn.run(create_app(settings, config), host=host, port=port, log_level="info")
            return 0

        run(body)
