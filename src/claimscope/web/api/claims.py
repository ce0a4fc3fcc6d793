"""`/api/v1/claims`: every stored claim, filtered as `claimscope search` filters."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from claimscope.web.api.common import PAGE, Cursor, EvidenceKind, Limit, Q, Since, Status, Until, page
from claimscope.web.api.models import ClaimItem, Page
from claimscope.web.deps import workspace

router = APIRouter(tags=["claims"])


@router.get("/claims", response_model=Page[ClaimItem], summary="List claims")
def list_claims(status: list[Status] | None = Query(None, description="Epistemic status (repeatable)."),
                evidence: list[EvidenceKind] | None = Query(None, description="Evidence kind (repeatable)."),
                entity: str | None = Query(None, description="A corpus entity id, or an entity's name."),
                outlet: str | None = None, since: Since = None, until: Until = None,
                check_worthy: bool | None = None, q: Q = None, document: str | None = None,
                cursor: Cursor = None, limit: Limit = PAGE, ws=Depends(workspace)) -> dict:
    """Claims in id order, each with its document's first publication (outlet, date, title)."""
    rows = ws.store.browse_claims(status=status, evidence=evidence, entity=entity, outlet=outlet, since=since,
                                  until=until, check_worthy=check_worthy, q=q, document=document,
                                  after=cursor, limit=limit + 1)
    return page(rows, limit)
