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
        workers: int = typer.Option(
            1, min=1, max=64,
            help="Server processes sharing the port (one per core serves about that many times the "
                 "requests); each keeps its own cache of rendered pages."),
        cache_mb: int = typer.Option(
            256, "--cache-mb", min=0, max=1 << 20,
            help="Rendered pages and API answers kept while the store is unchanged, in MB per process."),
        allow_private_urls: bool = typer.Option(
            False, "--allow-private-urls",
            help="Let URL ingest fetch private, loopback and link-local addresses."),
    ) -> None:
        """Serve the workbench: pages at http://HOST:PORT/ and the REST API at /api/v1 (docs at /docs).

        Read-only unless CLAIMSCOPE_TOKEN is set; write routes then need
        `Authorization: Bearer <token>`.

        Example: claimscope serve --db claimscope.db --port 8000 --workers 2
        """

        def body() -> int:
            import uvicorn

            from claimscope.settings import Settings, hand_serve_options_to_workers
            from claimscope.web.app import create_app
            from claimscope.web.config import WebConfig
            from claimscope.web.workers import serve_workers

            settings = Settings()
            if db:
                settings.db = db
            options = {"allow_private_urls": allow_private_urls, "cache_bytes": cache_mb * 1024 * 1024}
            if workers == 1:
                config = WebConfig(token=settings.token, **options)
                uvicorn.run(create_app(settings, config), host=host, port=port, log_level="info")
                return 0
            from claimscope.workspace import Workspace

            # Opened once here, so an unreachable or foreign store is one error line, not one
            # per worker (and not a supervisor restarting workers that cannot start).
            check = Workspace(settings)
            try:
                _ = check.store
            finally:
                check.close()
            hand_serve_options_to_workers(settings.db, options)
            return serve_workers(workers, host, port)

        run(body)
