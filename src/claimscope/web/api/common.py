"""What the API's routers share: checked filter types, cursor pages, orjson answers.

Filter values are checked by pydantic (a bad one is a 422 naming the field, see web/errors.py)
with the store's own rules, so the API and the CLI accept the same dates and queries.
"""

from __future__ import annotations

from typing import Annotated, Literal

import orjson
from fastapi import Query
from fastapi.responses import Response
from pydantic import AfterValidator

from claimscope.errors import BadQuery
from claimscope.model.vocabulary import terms
from claimscope.web.api.models import IsoDate
from claimscope.web.cache import Kept

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
        return to_json(content)


def to_json(content) -> bytes:
    return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def kept_json(content) -> Kept | None:
    """An answer to keep (web/cache.py): the JSON bytes, or None (nothing to keep) for None."""
    return None if content is None else Kept(to_json(content), 200, Json.media_type)


def raw(found: tuple[Kept, bool]) -> Response:
    """A kept answer (`web.cache.kept`) as the response."""
    answer, hit = found
    return answer.response(hit)
