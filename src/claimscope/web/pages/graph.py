"""`/graph`: who says what about whom, from the GEXF exporter's data, drawn in the page by the
vendored cytoscape.js (the only page that needs JavaScript; the edges are listed as a table for
readers without it)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from claimscope.web.pages.common import answer, routes, ws

router = APIRouter(tags=["pages"])
NODES = 150  # the most mentioned with an edge; a bigger graph is a hairball (the GEXF export has them all)


def graph_page(request: Request):
    graph = ws(request).source_graph()
    # A node without an edge says nothing about who says what: it is left out of the drawing.
    linked = {e["source"] for e in graph["edges"]} | {e["target"] for e in graph["edges"]}
    nodes = sorted((n for n in graph["nodes"] if n["id"] in linked), key=lambda n: (-n["mentions"], n["id"]))[:NODES]
    keep = {n["id"] for n in nodes}
    edges = [e for e in graph["edges"] if e["source"] in keep and e["target"] in keep]
    labels = {n["id"]: n["label"] for n in nodes}
    said = sorted((e for e in edges if e["kind"] == "said_about"), key=lambda e: (-e["weight"], e["source"]))
    context = {"nodes": nodes, "edges": edges, "total_nodes": len(graph["nodes"]),
               "said_about": [{"source": labels[e["source"]], "target": labels[e["target"]],
                               "weight": e["weight"], "documents": e["documents"]} for e in said]}
    return answer(request, "graph.html", context)


routes(router, "/graph", graph_page)
