"""`/`: the corpus at a glance: documents by outlet and date, claims by status (over time) and
evidence, the most mentioned entities, a search box."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request

from claimscope.model.vocabulary import terms
from claimscope.web.pages import charts
from claimscope.web.pages.common import answer, cached, ledger, routes, ws

router = APIRouter(tags=["pages"])
DOCUMENTS_SHOWN = 200  # the newest; the API pages through all of them
ENTITIES_SHOWN = 15
OUTLET_COLOURS = 8  # workbench.css has .o0 ... .o7


@cached
def overview(request: Request):
    workspace = ws(request)
    stats = workspace.stats()
    documents = ledger(request).documents()
    by_outlet = Counter(d["outlet"] or "(no outlet)" for d in documents)
    outlets = []
    for outlet, n in by_outlet.most_common():
        dates = sorted(d["date"] for d in documents if (d["outlet"] or "(no outlet)") == outlet and d["date"])
        outlets.append({"outlet": outlet, "documents": n, "first": dates[0] if dates else None,
                        "last": dates[-1] if dates else None})
    newest = sorted(documents, key=lambda d: (d["date"] or "", d["id"]), reverse=True)[:DOCUMENTS_SHOWN]
    for d in newest:
        d["copy"] = d["origin"] != d["id"]
    by_date = [{"date": d, "outlet": o, "documents": n} for (d, o), n in sorted(Counter(
        ((d["date"] or "")[:10] or None, d["outlet"] or "(no outlet)") for d in documents).items(),
        key=lambda x: (x[0][0] or "9999", x[0][1]))]
    # Outlets take the palette's colours in order of size; the rest share the last one.
    outlet_class = {o["outlet"]: f"o{min(i, OUTLET_COLOURS - 1)}" for i, o in enumerate(outlets)}
    # Claims by the date of their document's first publication (undated: None, shown last).
    dates = {d["id"]: (d["date"] or "")[:10] or None for d in documents}
    counted = Counter()
    for row in workspace.claim_counts():
        counted[(dates.get(row["document"]), row["status"])] += row["claims"]
    claims_by_date = [{"date": d, "status": st, "claims": n}
                      for (d, st), n in sorted(counted.items(), key=lambda x: (x[0][0] or "9999", x[0][1]))]
    entities = [{"id": e.id, "name": e.name, "type": e.type, "mentions": e.mentions, "documents": e.documents}
                for e in workspace.top_entities(ENTITIES_SHOWN)]
    statuses = terms("epistemic_status")
    context = {
        "stats": stats,
        "outlets": outlets,
        "documents_by_date": by_date,
        "documents": newest,
        "documents_shown": len(newest),
        "claims_by_date": claims_by_date,
        "top_entities": entities,
        "outlet_classes": outlet_class,
        "charts": {
            "claims_over_time": charts.stacked_by_date(claims_by_date, statuses),
            "documents_over_time": charts.stacked_by_date(by_date, [o["outlet"] for o in outlets], key_field="outlet",
                                                          value="documents", classes=outlet_class),
            "documents_by_outlet": charts.horizontal([(o["outlet"], o["documents"]) for o in outlets]),
            "claims_by_status": charts.horizontal([(s, stats["by_status"].get(s, 0)) for s in statuses],
                                                  prefix="st-"),
            "claims_by_evidence": charts.horizontal(list(stats["by_evidence"].items()), prefix="ev-"),
        },
    }
    return answer(request, "overview.html", context)


routes(router, "/", overview)
