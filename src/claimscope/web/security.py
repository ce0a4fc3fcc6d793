"""Headers every answer carries, and the request body cap.

Article text and every stored string are untrusted. Templates autoescape; on top of that the
Content-Security-Policy forbids inline script and any origin but ours, so even a string that
slipped through unescaped could not run.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
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

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        length = Headers(scope=scope).get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            response = JSONResponse(error_body("E504", f"{scope['path']}: request body over "
                                               f"{self.max_body_bytes} bytes"), status_code=413)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)
