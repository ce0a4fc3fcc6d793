"""Request dependencies: the one Workspace the lifespan opened, and the write-token check."""

from __future__ import annotations

import hmac

from fastapi import Request

from claimscope.errors import BadToken, WritesDisabled
from claimscope.web.config import WebConfig


def workspace(request: Request):
    """The Workspace (store, ledger, pipeline) opened once by the app's lifespan."""
    return request.app.state.workspace


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
