"""Errors as answers: JSON `{"code", "message"}` for the API and `.json` pages, an HTML page otherwise."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from claimscope.errors import ClaimscopeError, DocumentNotFound, EntityNotFound, StoreError, WebError

# Store errors that are the request's fault, and what they answer.
_STATUS = {DocumentNotFound: 404, EntityNotFound: 404}


def status_for(exc: ClaimscopeError) -> int:
    if isinstance(exc, WebError):
        return exc.status
    for kind, status in _STATUS.items():
        if isinstance(exc, kind):
            return status
    if isinstance(exc, StoreError):
        return 400 if exc.code == "E405" else 503  # a bad query vs a store that cannot serve
    return 400


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


def error_body(code: str, message: str) -> dict:
    return {"code": code, "message": message}


def install(app: FastAPI) -> None:
    """Register the handlers; pages render `error.html` through `app.state.render_error`."""

    def answer(request: Request, status: int, code: str, message: str):
        render = getattr(request.app.state, "render_error", None)
        if wants_json(request) or render is None:
            return JSONResponse(error_body(code, message), status_code=status)
        return render(request, status, code, message)

    @app.exception_handler(ClaimscopeError)
    async def claimscope_error(request: Request, exc: ClaimscopeError):
        return answer(request, status_for(exc), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        # A bad filter value is a 422 naming the field.
        first = exc.errors()[0] if exc.errors() else {}
        field = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "body", "path"))
        message = f"{field or 'request'}: {first.get('msg', 'invalid value')}"
        return answer(request, 422, "E422", message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return answer(request, exc.status_code, f"E{exc.status_code}", f"{request.url.path}: {exc.detail}")
