"""`/api/v1/entities`: the corpus entities (one per real-world entity across documents)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from claimscope.errors import NotFound
from claimscope.web.api.common import PAGE, Cursor, Limit, page
from claimscope.web.api.models import EntityDetail, EntityDocument, EntityEdit, EntityItem, Page
from claimscope.web.cache import read_cache
from claimscope.web.deps import WRITE_LOCK, require_token, workspace

router = APIRouter(tags=["entities"])

MENTIONS_SHOWN = 200


@router.get("/entities", response_model=Page[EntityItem], summary="List corpus entities")
def list_entities(type: str | None = None, q: str | None = None, cursor: Cursor = None,
                  limit: Limit = PAGE, ws=Depends(workspace)) -> dict:
    """Corpus entities in id order; `type` (PERSON, ORG, GPE, ...) and `q` (a piece of the name)."""
    found = ws.store.browse_entities(type=type, q=q, after=cursor, limit=limit + 1)
    return page([_item(e) for e in found], limit)


@router.get("/entities/{entity_id}", response_model=EntityDetail, summary="One corpus entity")
def get_entity(entity_id: str, limit: Limit = PAGE, ws=Depends(workspace)) -> dict:
    """The entity with the first page of documents naming it and its mentions in them."""
    entity = _entity(ws, entity_id)
    documents = ws.store.browse_entity_documents(entity_id, limit=limit + 1)
    first = page(documents, limit)
    mentions = ws.store.browse_mentions(entity_id, documents=[d["id"] for d in first["items"]],
                                        limit=MENTIONS_SHOWN)
    return {**_item(entity), "in_documents": first, "mention_spans": mentions}


@router.get("/entities/{entity_id}/documents", response_model=Page[EntityDocument],
            summary="The documents naming one corpus entity")
def entity_documents(entity_id: str, cursor: Cursor = None, limit: Limit = PAGE, ws=Depends(workspace)) -> dict:
    _entity(ws, entity_id)
    return page(ws.store.browse_entity_documents(entity_id, after=cursor, limit=limit + 1), limit)


@router.patch("/entities/{entity_id}", response_model=EntityItem, dependencies=[Depends(require_token)],
              summary="Rename a corpus entity or set its aliases")
def edit_entity(entity_id: str, edit: EntityEdit, request: Request) -> dict:
    """The aliases are the names later documents' entities are linked to it by; a full
    `claimscope relink` recomputes names and aliases from the alias file (put lasting aliases
    there). Needs `Authorization: Bearer <CLAIMSCOPE_TOKEN>`."""
    ws = workspace(request)
    aliases = None if edit.aliases is None else sorted({a.strip() for a in edit.aliases if a.strip()})
    with WRITE_LOCK:
        entity = ws.store.edit_corpus_entity(entity_id, name=(edit.name or "").strip() or None, aliases=aliases)
        read_cache(request).clear()  # dossiers show entity names
    if entity is None:
        raise NotFound(entity_id, "no such corpus entity in the store")
    return _item(entity)


def _entity(ws, entity_id: str):
    entity = ws.store.browse_entity(entity_id)
    if entity is None:
        raise NotFound(entity_id, "no such corpus entity in the store (see /api/v1/entities)")
    return entity


def _item(e) -> dict:
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "mentions": e.mentions,
            "documents": e.documents}
