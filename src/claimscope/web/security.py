"""Headers every answer carries, and the request body cap.

Article text and every stored string are untrusted. Templates autoescape; on top of that the
Content-Security-Policy forbids inline script and any origin but ours, so even a string that
slipped through unescaped could not run.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse

from claimscope.web.errors import error_body

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """Plain ASGI middleware (not Starlette's BaseHTTPMiddleware, which costs every request an
    extra task and a copy of the body through a memory stream): headers added to each answer's
    start, a declared oversized body refused before the app sees it."""

    def __init__(self, app, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = False  # a 413 has gone out: what the app sends after it is dropped

        async def send_with_headers(message):
            if refused:
                return
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        def too_large():
            return JSONResponse(error_body("E504", f"{scope['path']}: request body over "
                                           f"{self.max_body_bytes} bytes"), status_code=413)

        length = Headers(scope=scope).get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            await too_large()(scope, receive, send_with_headers)
            return
        received = 0

        async def capped_receive():
            # A chunked body (no Content-Length) is counted as it arrives and cut off at the cap,
            # whichever route reads it, before the token check or any parsing: the 413 goes out
            # here and the app, told the client left, stops reading.
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    await too_large()(scope, receive, send_with_headers)
                    refused = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except ClientDisconnect:
            if not refused:  # a client that really left; the one we cut off has its answer
                raise
