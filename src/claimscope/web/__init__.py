"""The workbench: `claimscope serve`, a REST API and server-rendered pages over a store.

Layout (imports flow one way: web -> workspace -> store/ledger; nothing below imports web):

- `app.py`       `create_app(settings, config)`: the FastAPI app, its lifespan, the routers
- `config.py`    `WebConfig`: what the server was started with (token, URL policy, caps)
- `deps.py`      request dependencies: the Workspace, the write-token check
- `errors.py`    every error answered as JSON `{"code", "message"}` (pages: an HTML error page)
- `security.py`  headers (Content-Security-Policy without inline script) and the body cap
- `api/`         `/api/v1/...` routers, one module per resource; `api/models.py` holds the
                 API's pydantic models, kept apart from the store's rows
- `pages/`       server-rendered pages; every page is also JSON by adding `.json`
- `templates/`   Jinja2 templates (autoescaped), `static/` vendored CSS/JS (no CDN, no build)
"""
