"""`/api/v1/dossier?entity=A&entity=B`: what the corpus says about the entities (the ledger's dossier)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from claimscope.web.api.common import Json, Since, Until, kept_json, raw
from claimscope.web.cache import kept
from claimscope.web.deps import ledger

router = APIRouter(tags=["dossier"])


@router.get("/dossier", summary="A dossier of one or more entities", response_class=Json)
async def get_dossier(request: Request,
                      entity: list[str] = Query(..., min_length=1, description="An entity id or name "
                                                                               "(repeatable: claims naming every one)."),
                      since: Since = None, until: Until = None,
                      limit: int | None = Query(None, ge=0, description="Clusters kept (most documents first); "
                                                                        "0: all.")
                      ) -> Json:
    """Known, claimed, speculated, denied and contested claims, each with its sources, grade and
    mentions; a timeline and the figures (as `claimscope dossier --format json`)."""
    return raw(await kept(request, dossier_key(entity, since, until, limit),
                          lambda: make_dossier(request, entity, since, until, limit)))


def dossier_key(entities, since, until, limit) -> tuple:
    """The kept dossier's key (without the stamp): the dossier page reads the same answer."""
    return ("dossier", tuple(entities), since, until, limit)


def make_dossier(request: Request, entities, since, until, limit):
    return kept_json(ledger(request).dossier(list(entities), since=since, until=until, limit=limit))
