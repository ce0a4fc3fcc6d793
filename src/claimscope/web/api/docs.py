"""`/docs`: Swagger UI over `/openapi.json`, from files vendored in the package (no CDN).

Swagger UI's built files come from the npm package `swagger-ui-dist` (static/swagger/README.md);
the page's start-up script is a file of its own, since the Content-Security-Policy forbids
inline script.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

from claimscope.errors import NotFound

router = APIRouter(include_in_schema=False)

ASSETS = Path(__file__).resolve().parents[1] / "static" / "swagger"
# Only these files are served: a name from the URL never becomes a path on its own.
_FILES = {"swagger-ui.css": "text/css", "swagger-ui-bundle.js": "text/javascript",
          "init.js": "text/javascript", "LICENSE": "text/plain", "NOTICE": "text/plain",
          "swagger-ui-bundle.js.LICENSE.txt": "text/plain"}

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>claimscope workbench API</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<noscript>The API documentation needs JavaScript; the schema itself is at <a href="/openapi.json">/openapi.json</a>.</noscript>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>
"""


@router.get("/docs", response_class=HTMLResponse)
def docs() -> str:
    return PAGE


@router.get("/docs/assets/{name}")
def asset(name: str) -> FileResponse:
    media_type = _FILES.get(name)
    if media_type is None:
        raise NotFound(f"/docs/assets/{name}", "no such file")
    # Cached a day: the files change only with a claimscope release.
    return FileResponse(ASSETS / name, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})
