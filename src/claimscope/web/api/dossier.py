"""`/api/v1/dossier?entity=A&entity=B`: what the corpus says about the entities (the ledger's dossier)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from claimscope.web.api.common import Since, Until
from claimscope.web.deps import ledger

router = APIRouter(tags=["dossier"])


@router.get("/dossier", summary="A dossier of one or more entities")
def get_dossier(request: Request,
                entity: list[str] = Query(..., min_length=1, description="An entity id or name (repeatable: "
                                                                         "claims naming every one)."),
                since: Since = None, until: Until = None,
                limit: int | None = Query(None, ge=0, description="Clusters kept (most documents first); 0: all.")
                ) -> dict:
    """Known, claimed, speculated, denied and contested claims, each with its sources, grade and
    mentions; a timeline and the figures (as `claimscope dossier --format json`)."""
    return ledger(request).dossier(entity, since=since, until=until, limit=limit)
