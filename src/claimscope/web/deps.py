"""Request dependencies: the one Workspace the lifespan opened, and the write-token check."""

from __future__ import annotations

import hmac
import threading

from fastapi import Request

from claimscope.errors import BadToken, WritesDisabled
from claimscope.web.config import WebConfig


def workspace(request: Request):
    """The Workspace (store, ledger, pipeline) opened once by the app's lifespan."""
    return request.app.state.workspace


_LEDGER_LOCK = threading.Lock()


def ledger(request: Request):
    """The app's one Ledger over the workspace's store, with pending documents placed.

    One per app, not one per request: `Workspace.ledger()` makes a new one each call, and each
    would load the claim matcher's model again on its first read. A read places what another
    process stored meanwhile; the lock keeps two requests from placing the same document at once.
    """
    state = request.app.state
    found = getattr(state, "ledger", None)
    if found is None:
        with _LEDGER_LOCK:
            found = getattr(state, "ledger", None)
            if found is None:
                found = state.ledger = workspace(request).ledger()
    if found.store.ledger_pending(limit=1):
        with _LEDGER_LOCK:
            found.update()
    return found


def config(request: Request) -> WebConfig:
    return request.app.state.config


def require_token(request: Request) -> None:
    """Write routes depend on this: a configured token, given as `Authorization: Bearer <token>`."""
    cfg: WebConfig = request.app.state.config
    if not cfg.writes_enabled:
        raise WritesDisabled(request.url.path, "writes are disabled: start the server with "
                                               "CLAIMSCOPE_TOKEN set to enable them")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    # Constant-time comparison: the time taken must not tell how much of the token was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), cfg.token.encode()):
        raise BadToken(request.url.path, "needs the header `Authorization: Bearer <CLAIMSCOPE_TOKEN>`")
