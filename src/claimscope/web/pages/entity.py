"""`/entities/{id}`: one corpus entity: its names, every mention in context (by document), and
what the corpus says about it (the dossier's sections in short, linked to the full dossier)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from claimscope.ledger.dossier import SECTIONS
from claimscope.web.pages.common import answer, cached, ledger, routes, ws

router = APIRouter(tags=["pages"])
PER_SECTION = 5


@cached
def entity_page(request: Request, entity_id: str):
    workspace = ws(request)
    entity = workspace.corpus_entity(entity_id)
    documents: dict[str, dict] = {}
    for m in workspace.entity_mentions(entity_id):
        doc = documents.setdefault(m["document"], {"id": m["document"], "title": m["title"], "outlet": m["outlet"],
                                                   "date": m["date"], "mentions": []})
        doc["mentions"].append({"start": m["start"], "end": m["end"], "text": m["text"],
                                "anchor": f"m-{m['start']}-{m['end']}"})
    dossier = ledger(request).dossier([entity_id])
    sections = [{"name": s, "count": len(dossier[s]),
                 "clusters": [{"cluster": r["id"], "text": r["text"], "grade": r["grade"],
                            "independent_sources": r["independent_sources"], "documents": r["documents"]}
                           for r in dossier[s][:PER_SECTION]]} for s in SECTIONS]
    context = {
        "entity": {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": entity.aliases,
                   "mentions": entity.mentions, "documents": entity.documents},
        "documents": sorted(documents.values(), key=lambda d: (d["date"] or "9999", d["id"])),
        "sections": sections,
        "summary": dossier["summary"],
    }
    return answer(request, "entity.html", context)


routes(router, "/entities/{entity_id}", entity_page)
