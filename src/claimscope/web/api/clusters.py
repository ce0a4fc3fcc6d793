"""`/api/v1/clusters`: claim clusters, the same claim across documents (the ledger's records)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from claimscope.errors import NotFound
from claimscope.web.api.common import PAGE, Cursor, Json, Limit, page, read_cache
from claimscope.web.deps import ledger

router = APIRouter(tags=["clusters"])


@router.get("/clusters", summary="List claim clusters", response_class=Json)
def list_clusters(request: Request, entity: str | None = Query(None, description="About this entity (id or name)."),
                  cursor: Cursor = None, limit: Limit = PAGE) -> Json:
    """Cluster records (as `claimscope clusters --format json`) in id order: mentions in date
    order, independent sources, conflicts, assessment and grade with their reasons."""
    found = ledger(request)
    key = ("clusters", entity, cursor, limit, found.store.browse_stamp())
    return Json(read_cache(request).get(
        key, lambda: page(found.cluster_page(entity, after=cursor, limit=limit + 1), limit)))


@router.get("/clusters/{cluster_id}", summary="One claim cluster", response_class=Json)
def get_cluster(cluster_id: str, request: Request) -> Json:
    found = ledger(request)
    key = ("cluster", cluster_id, found.store.browse_stamp())
    record = read_cache(request).get(key, lambda: found.cluster(cluster_id))
    if record is None:
        raise NotFound(cluster_id, "no such claim cluster in the store (see /api/v1/clusters)")
    return Json(record)
