"""What the API's routers share: checked filter types, cursor pages, the write lock.

Filter values are checked by pydantic (a bad one is a 422 naming the field, see web/errors.py)
with the store's own rules, so the API and the CLI accept the same dates and queries.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Annotated, Literal

import orjson
from fastapi import Query
from fastapi.responses import Response
from pydantic import AfterValidator

from claimscope.errors import BadQuery
from claimscope.model.vocabulary import terms
from claimscope.web.api.models import IsoDate

# One page's length by default, and at most.
PAGE = 50
MAX_PAGE = 500



def _query(value: str | None) -> str | None:
    from claimscope.store.query import parse

    if value is None:
        return None
    try:
        parse(value)
    except BadQuery as exc:
        raise ValueError(exc.reason) from None
    return value


SearchQuery = Annotated[str, AfterValidator(_query)]
# The vocabularies' terms as Literal types: OpenAPI lists them, pydantic refuses anything else.
Status = Literal[tuple(terms("epistemic_status"))]  # type: ignore[valid-type]
EvidenceKind = Literal[tuple(terms("evidence_kind"))]  # type: ignore[valid-type]

Since = Annotated[IsoDate | None, Query(description="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[IsoDate | None, Query(description="Published on or before, at the bound's precision.")]
Q = Annotated[SearchQuery | None, Query(description='Full-text query: words, "phrases", prefix*, AND/OR/NOT.')]
Cursor = Annotated[str | None, Query(description="The `next` of the previous page.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]


def page(items: list, limit: int, key=lambda item: item["id"]) -> dict:
    """`{"items", "next"}` from up to limit + 1 items read: the extra one says a next page exists."""
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "next": key(items[-1]) if more and items else None}


class Json(Response):
    """A JSON answer serialised by orjson, skipping FastAPI's generic encoder: a dossier of
    200 clusters is half a megabyte, and the encoder took longer than the dossier's queries."""

    media_type = "application/json"

    def render(self, content) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


class ReadCache:
    """Answers of the expensive ledger reads (dossiers, clusters), kept while the store is unchanged.

    The key carries the store's `browse_stamp()` (documents, their analyses, the ledger, the
    corpus entities), so a document stored by any process, a re-analysis or a ledger update
    makes a new key; the write routes also clear it. What the stamp cannot see (a `relink`
    that changes links but no count) is bounded by `ttl` seconds.
    """

    def __init__(self, size: int = 256, ttl: float = 60.0):
        self.size, self.ttl = size, ttl
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, make):
        now = time.monotonic()
        with self._lock:
            found = self._items.get(key)
            if found is not None and now - found[0] < self.ttl:
                self._items.move_to_end(key)
                return found[1]
        value = make()  # outside the lock: two misses at once compute twice, neither waits
        with self._lock:
            self._items[key] = (now, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def read_cache(request) -> ReadCache:
    state = request.app.state
    cache = getattr(state, "api_read_cache", None)
    if cache is None:
        cache = state.api_read_cache = ReadCache()  # one per app; a race makes two, one is kept
    return cache
