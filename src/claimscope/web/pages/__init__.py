"""Server-rendered pages, one module per page with a `router` (see `web/app.py` for the list).

Every page is also JSON at the same path plus `.json` (the Datasette habit): each page builds a
plain dict first, then renders it with its template or answers it as JSON. `install(app)` (called
by `create_app`) mounts the vendored static files and the HTML error page.
"""

from __future__ import annotations


def install(app) -> None:
    from fastapi.staticfiles import StaticFiles

    from claimscope.web.pages.common import STATIC, render_error

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.render_error = render_error
