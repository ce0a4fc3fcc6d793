"""`/clusters/{id}`: one claim across the corpus: every mention in date order, copies grouped
under their original, independent sources counted, conflicting clusters linked."""

from __future__ import annotations

from fastapi import APIRouter, Request

from claimscope.web.pages.common import answer, cached, ledger, routes, ws

router = APIRouter(tags=["pages"])


@cached
def cluster_page(request: Request, cluster_id: str):
    record = ws(request).cluster(cluster_id, ledger=ledger(request))
    groups: dict[str, dict] = {}
    for m in record["mentions"]:  # oldest first, an original before its copies on one day
        m["anchor"] = f"m-{m['start']}-{m['end']}"
        group = groups.setdefault(m["origin"], {"origin": m["origin"], "original": [], "copies": []})
        (group["copies"] if m["copy"] else group["original"]).append(m)
    record["groups"] = list(groups.values())
    return answer(request, "cluster.html", record)


routes(router, "/clusters/{cluster_id}", cluster_page)
