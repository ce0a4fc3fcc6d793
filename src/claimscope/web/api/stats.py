"""`/api/v1/stats`: counts of the store (as `claimscope stats`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from claimscope.web.deps import workspace

router = APIRouter(tags=["stats"])


@router.get("/stats", summary="Counts of the store")
def get_stats(ws=Depends(workspace)) -> dict:
    """documents, publications, entities, claims, ...; claims by status and by evidence kind."""
    return ws.stats()
