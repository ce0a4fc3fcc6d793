"""`create_app`: the workbench's FastAPI application.

The lifespan opens the store once (and, when writes are enabled, loads the pipeline once);
every request reads through that one Workspace. Routers are one module per resource under
`api/` and `pages/`, each exposing `router`; they are listed here so the order is explicit.
"""

from __future__ import annotations

import importlib
from contextlib import asynccontextmanager

from fastapi import FastAPI

from claimscope import __version__
from claimscope.settings import Settings, serve_options_setting
from claimscope.web import errors
from claimscope.web.config import WebConfig
from claimscope.web.security import SecurityHeaders

# Modules with a `router`, mounted in this order (api first: pages have catch-all-ish paths).
API_ROUTERS = ("documents", "entities", "claims", "clusters", "dossier", "stats", "exports")
PAGE_ROUTERS = ("overview", "document", "entity", "dossier", "cluster", "search", "graph")


def create_app(settings: Settings | None = None, config: WebConfig | None = None) -> FastAPI:
    settings = settings or Settings()
    config = config or WebConfig(token=settings.token)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from claimscope.store.watch import ChangeWatch
        from claimscope.web.cache import TTL_S, ReadCache, StoreStamp
        from claimscope.workspace import Workspace

        workspace = Workspace(settings)
        store = workspace.store  # open now: an unreachable store fails at start, not on the first request
        if config.load_pipeline and config.writes_enabled:
            _ = workspace.nlp  # the pipeline once, for the write routes
        watch = ChangeWatch(store)
        app.state.workspace = workspace
        app.state.store_stamp = StoreStamp(store, watch)
        app.state.read_cache = ReadCache(config.cache_bytes, ttl=None if watch.exact else TTL_S)
        try:
            yield
        finally:
            watch.close()
            workspace.close()

    app = FastAPI(title="claimscope workbench", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None)  # /docs is served with local assets (api/docs.py)
    app.state.settings = settings
    app.state.config = config
    app.add_middleware(SecurityHeaders, max_body_bytes=config.max_body_bytes)
    errors.install(app)
    for name in API_ROUTERS:
        _mount(app, f"claimscope.web.api.{name}", prefix="/api/v1")
    _mount(app, "claimscope.web.api.docs")
    for name in PAGE_ROUTERS:
        _mount(app, f"claimscope.web.pages.{name}")
    # The pages' own setup: /static (vendored CSS/JS) and the HTML error page (render_error).
    pages = importlib.import_module("claimscope.web.pages")
    if hasattr(pages, "install"):
        pages.install(app)
    return app


# `claimscope serve --workers N`: each worker process builds its app with `app_from_environment`,
# reading the server's options and the store from what the parent handed over (settings.py).
def app_from_environment() -> FastAPI:
    """The app of one worker of a multi-process server (uvicorn's `--factory`): Settings from
    the environment, WebConfig options from CLAIMSCOPE_SERVE_OPTIONS (the token stays in
    CLAIMSCOPE_TOKEN, never in that variable)."""
    settings = Settings()
    return create_app(settings, WebConfig(token=settings.token, **serve_options_setting()))


def _mount(app: FastAPI, module_name: str, prefix: str = "") -> None:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return  # a resource not written yet (the workbench is being filled in router by router)
    app.include_router(module.router, prefix=prefix)
