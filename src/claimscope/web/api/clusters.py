"""`/api/v1/clusters`: claim clusters, the same claim across documents (the ledger's records)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from claimscope.errors import NotFound
from claimscope.web.api.common import PAGE, Cursor, Json, Limit, kept_json, page, raw
from claimscope.web.cache import kept
from claimscope.web.deps import ledger

router = APIRouter(tags=["clusters"])


@router.get("/clusters", summary="List claim clusters", response_class=Json)
async def list_clusters(request: Request, entity: str | None = Query(None, description="About this entity (id or name)."),
                  cursor: Cursor = None, limit: Limit = PAGE) -> Json:
    """Cluster records (as `claimscope clusters --format json`) in id order: mentions in date
    order, independent sources, conflicts, assessment and grade with their reasons."""
    def make():
        return kept_json(page(ledger(request).cluster_page(entity, after=cursor, limit=limit + 1), limit))

    return raw(await kept(request, ("clusters", entity, cursor, limit), make))


@router.get("/clusters/{cluster_id}", summary="One claim cluster", response_class=Json)
async def get_cluster(cluster_id: str, request: Request) -> Json:
    found = await kept(request, ("cluster", cluster_id), lambda: kept_json(ledger(request).cluster(cluster_id)))
    if found[0] is None:
        raise NotFound(cluster_id, "no such claim cluster in the store (see /api/v1/clusters)")
    return raw(found)
