"""`/dossier?entity=A&entity=B`: what is known, claimed, speculated, denied and contested about
the entities (together), each item with its sources, grade, and links to every mention in
context; a timeline of when each claim first and last appeared."""

from __future__ import annotations

import orjson
from fastapi import APIRouter, Query, Request

from claimscope.ledger.dossier import SECTIONS
from claimscope.web.cache import read_cache, stamp
from claimscope.web.pages import charts
from claimscope.web.pages.common import answer, cached, routes, ws

router = APIRouter(tags=["pages"])
SHOWN = 50  # items per section in the page (the most independently sourced); the JSON has all


@cached
def dossier_page(request: Request, entity: list[str] = Query(default=[], max_length=200),
                 since: str | None = Query(default=None, max_length=10),
                 until: str | None = Query(default=None, max_length=10)):
    workspace = ws(request)
    entities = [e for e in entity if e.strip()][:10]
    if not entities:
        suggestions = [{"id": e.id, "name": e.name, "type": e.type, "documents": e.documents}
                       for e in workspace.corpus_entities()[:20]]
        return answer(request, "dossier.html", {"entities": [], "suggestions": suggestions, "sections": SECTIONS})
    dossier = _dossier(request, entities, since or None, until or None)
    for section in SECTIONS:
        for record in dossier[section]:
            for m in record["mentions"]:
                m["anchor"] = f"m-{m['start']}-{m['end']}"
    dossier["sections"] = SECTIONS
    dossier["shown"] = SHOWN
    dossier["suggestions"] = []
    dossier["timeline_chart"] = charts.timeline(
        [{"first_seen": t["first_seen"], "last_seen": t["last_seen"], "cluster": t["cluster"], "text": t["text"],
          "cls": f"as-{t['assessment']}", "assessment": t["assessment"], "grade": t["grade"]}
         for t in dossier["timeline"]])
    return answer(request, "dossier.html", dossier)


def _dossier(request: Request, entities: list[str], since: str | None, until: str | None) -> dict:
    """The ledger's dossier, shared with the API's kept answer for the same entities (the page
    and `/api/v1/dossier` are often asked for the same ones): read back from its JSON, which
    also makes it a fresh dict the page may add to."""
    from claimscope.web.api.dossier import dossier_key, make_dossier

    key = (*dossier_key(entities, since, until, None), stamp(request))
    found = read_cache(request).get(key, lambda: make_dossier(request, entities, since, until, None))
    return orjson.loads(found.body)


routes(router, "/dossier", dossier_page)
