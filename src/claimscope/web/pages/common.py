"""What every page shares: the Jinja2 environment (autoescaped), and the answer as HTML or JSON.

A page is a function from the request to a plain dict (`context`); `answer` renders it with the
page's template, or gives the same dict as JSON when the path ends in `.json`. Nothing stored is
trusted: autoescaping is on for every template and no value is marked safe.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from claimscope import __version__
from claimscope.model.vocabulary import terms, vocabulary
from claimscope.web.cache import Kept, kept
from claimscope.web.errors import wants_json

WEB = Path(__file__).resolve().parents[1]
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"


class PageEnvironment(Environment):
    """`x.name` on a page context (plain dicts) reads the key first.

    Jinja's own order is the attribute, then the key: for a dict every key lookup first failed
    as an attribute (an exception each time, a third of an article page's rendering), and a key
    named like a dict method (`copy`, `count`, `update`) found the method, so templates write
    `m['copy']` for those. Anything else, and a dict method with no key of its name (`.items()`),
    is looked up as before; the output is byte for byte the same.
    """

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            found = obj.get(attribute, _NO_KEY)
            if found is not _NO_KEY:
                return found
            if attribute not in _DICT_ATTRIBUTES:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


_NO_KEY = object()
_DICT_ATTRIBUTES = frozenset(dir(dict))

# autoescape=True for every template, whatever its name; StrictUndefined: a typo fails the test.
# auto_reload=False: templates are package files, not edited while serving; the default stats
# each template file on every render.
ENV = PageEnvironment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
ENV.globals.update(version=__version__, statuses=terms("epistemic_status"),
                   status_help=vocabulary()["epistemic_status"], evidence_help=vocabulary()["evidence_kind"])


def ws(request: Request):
    return request.app.state.workspace


def ledger(request: Request):
    """The app's one Ledger (`deps.ledger`: it places pending documents under the write lock,
    and its claim matcher loads once)."""
    from claimscope.web import deps

    return deps.ledger(request)


def cached(view):
    """A page kept, rendered, while the store is unchanged: the article, overview, entity,
    cluster, dossier and search pages are read far more often than the store changes, and rebuilding
    them is most of the server's time under load. The key carries the path, the raw query and
    the store's stamp (`web/cache.py`: any store, ledger or entity change makes a new one). A
    kept page is answered on the event loop; the view (sync, it reads the store) runs in the
    thread pool on a miss. Errors raise and are never kept."""

    @functools.wraps(view)
    async def wrapper(request: Request, *args, **kwargs):
        def make():
            response = view(request, *args, **kwargs)
            return Kept(bytes(response.body), response.status_code, response.media_type)

        scope = request.scope
        found, hit = await kept(request, ("page", scope["path"], scope["query_string"]), make)
        return found.response(hit)

    return wrapper


def answer(request: Request, template: str, context: dict, status: int = 200):
    """The page as HTML, or (path ending in `.json`) the same dict as JSON."""
    if request.url.path.endswith(".json"):
        # Contexts are plain dicts of JSON values already; jsonable_encoder's walk would cost
        # more than the page (~300 ms for a 200-item dossier).
        return JSONResponse(context, status_code=status)
    path = request.url.path
    json_href = ("/index.json" if path == "/" else path + ".json") + (f"?{request.url.query}" if request.url.query else "")
    html = ENV.get_template(template).render(page=context, path=path, json_href=json_href)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, code: str, message: str):
    """The HTML error page (web/errors.py calls it for every page that is not JSON)."""
    if wants_json(request):  # errors.py checks this first; kept here for direct callers
        return JSONResponse({"code": code, "message": message}, status_code=status)
    html = ENV.get_template("error.html").render(page={"status": status, "code": code, "message": message},
                                                 path=request.url.path, json_href=request.url.path + ".json")
    return HTMLResponse(html, status_code=status)


def doc_link(document: str, start: int | None = None, end: int | None = None) -> str:
    """The article page, at a mention in context when offsets are given."""
    return f"/documents/{document}" + (f"#m-{start}-{end}" if start is not None and end is not None else "")


def routes(router, path: str, endpoint, **kwargs) -> None:
    """Register a page at `path` and at `path.json` (the JSON route first: `{id}` would match
    `x.json` too)."""
    json_path = "/index.json" if path == "/" else path + ".json"
    if path == "/":
        router.add_api_route("/.json", endpoint, methods=["GET"], include_in_schema=False, **kwargs)
    router.add_api_route(json_path, endpoint, methods=["GET"], include_in_schema=False, **kwargs)
    router.add_api_route(path, endpoint, methods=["GET"], include_in_schema=False,
                         response_class=HTMLResponse, **kwargs)


def safe_url(url: str | None) -> str | None:
    """A stored URL that may become a link: http(s) only (never `javascript:` or `data:`)."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower()
    return url.strip() if scheme in ("http", "https") and "://" in url else None

