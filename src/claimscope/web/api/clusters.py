"""`/api/v1/clusters`: claim clusters, the same claim across documents (the ledger's records)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from claimscope.errors import NotFound
from claimscope.web.api.common import PAGE, Cursor, Limit, page
from claimscope.web.deps import ledger

router = APIRouter(tags=["clusters"])


@router.get("/clusters", summary="List claim clusters")
def list_clusters(request: Request, entity: str | None = Query(None, description="About this entity (id or name)."),
                  cursor: Cursor = None, limit: Limit = PAGE) -> dict:
    """Cluster records (as `claimscope clusters --format json`) in id order: mentions in date
    order, independent sources, conflicts, assessment and grade with their reasons."""
    records = ledger(request).cluster_page(entity, after=cursor, limit=limit + 1)
    return page(records, limit)


@router.get("/clusters/{cluster_id}", summary="One claim cluster")
def get_cluster(cluster_id: str, request: Request) -> dict:
    record = ledger(request).cluster(cluster_id)
    if record is None:
        raise NotFound(cluster_id, "no such claim cluster in the store (see /api/v1/clusters)")
    return record
