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


# Held by every write (analyse, store, link entities, place in the ledger): a read that finds a
# document pending waits for the write rather than placing it before its entities are linked.
WRITE_LOCK = threading.RLock()


def ledger(request: Request):
    """The app's one Ledger over the workspace's store.

    One per app, not one per request: `Workspace.ledger()` makes a new one each call, and each
    would load the claim matcher's model again on its first read. Its reads place what another
    process stored meanwhile (as every Ledger read does), under the write lock.
    """
    state = request.app.state
    found = getattr(state, "ledger", None)
    if found is None:
        with WRITE_LOCK:
            found = getattr(state, "ledger", None)
            if found is None:
                found = workspace(request).ledger()
                found.update = _guarded(found.update, found.store)
                state.ledger = found
    return found


def _guarded(update, store):
    def guarded_update(progress=None) -> dict:
        if not store.ledger_pending(limit=1):
            return {}  # the common case, without taking the lock
        with WRITE_LOCK:
            return update(progress)

    return guarded_update


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
