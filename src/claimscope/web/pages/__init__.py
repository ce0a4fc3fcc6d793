"""Server-rendered pages, one module per page with a `router` (see `web/app.py` for the list).

Every page is also JSON at the same path plus `.json` (the Datasette habit): each page builds a
plain dict first, then renders it with its template or answers it as JSON.
"""
