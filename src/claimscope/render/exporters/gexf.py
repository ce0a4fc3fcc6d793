"""GEXF: who is talked about together, and who says what about whom, as a weighted graph.

Nodes are the entities of the corpus (by claimscope entity id, so one node per entity across
documents) and the unnamed sources of attributions ("officials", "a senior security official").
An unnamed source is one node per document: two articles' "officials" are not known to be
the same people. Pronoun sources that did not resolve ("he", "they") say nothing about who
spoke and are left out.

Edges (`kind` attribute, also the edge label, which Gephi uses to keep parallel edges apart):
- `co_occurrence`: two entities named in one claim; weight = the number of such claims.
- `said_about`: an attribution's source -> an entity in what it said (named inside the
  content, or in a claim that is the attribution's content); weight = the number of attributions.
Both carry `documents`, the number of documents the edge was seen in.

networkx cannot read graphs that mix directed and undirected edges, so the graph is directed;
a `co_occurrence` edge runs from the smaller node id to the larger, and its direction means
nothing. The graph needs the whole corpus: `write` only counts, `finalize` writes the file.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from claimscope.model.corpus import StoredDocument
from claimscope.render.exporters.base import Exporter
from claimscope.render.exporters.common import first_publication

CO_OCCURRENCE = "co_occurrence"
SAID_ABOUT = "said_about"

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which",
            "that", "this", "these", "those", "some", "many", "others"}


def source_node(document_id: str, text: str) -> str:
    return f"source:{document_id}:{' '.join(text.lower().split())}"


def said_about_targets(analysis, attribution) -> set[str]:
    """Entities named in an attribution's content or in the claims that are its content."""
    targets: set[str] = set()
    content = attribution.content
    if content is not None:
        for entity in analysis.entities:
            if any(content.start <= m.start and m.end <= content.end for m in entity.mentions):
                targets.add(entity.id)
    for claim in analysis.claims:
        if claim.attribution == attribution.id:
            targets.update(claim.entities)
    return targets


def attribution_origin(analysis, attribution, known: set[str]) -> str | None:
    """The node an attribution's source is: its entity, an unnamed-source node, or none."""
    if attribution.source is None:
        return None
    if attribution.source_entity in known:
        return attribution.source_entity
    if attribution.source.text.strip().lower() in PRONOUNS:
        return None
    return source_node(analysis.document.id, attribution.source.text)


def graph_edges(analysis) -> list[tuple[str, str, str]]:
    """(kind, source node, target node) of one analysis, one tuple per claim or attribution."""
    known = {e.id for e in analysis.entities}
    edges = []
    for claim in analysis.claims:
        named = sorted({x for x in claim.entities if x in known})
        edges.extend((CO_OCCURRENCE, a, b) for a, b in combinations(named, 2))
    for att in analysis.attributions:
        origin = attribution_origin(analysis, att, known)
        if origin is None:
            continue
        edges.extend((SAID_ABOUT, origin, t) for t in sorted(said_about_targets(analysis, att) & known)
                     if t != origin)
    return edges


class GexfExporter(Exporter):
    name = "gexf"
    suffix = ".gexf"
    media_type = "application/gexf+xml"

    def __init__(self, out, **options) -> None:
        super().__init__(out, **options)
        self._nodes: dict[str, dict] = {}
        self._node_documents: dict[str, set[str]] = defaultdict(set)
        self._weights: dict[tuple[str, str, str], int] = defaultdict(int)
        self._edge_documents: dict[tuple[str, str, str], set[str]] = defaultdict(set)

    def write(self, record: StoredDocument) -> None:
        analysis = record.analysis
        doc_id = record.id
        for entity in analysis.entities:
            node = self._nodes.setdefault(entity.id, {"label": entity.name, "kind": "entity",
                                                      "type": entity.type, "mentions": 0})
            node["mentions"] += len(entity.mentions)
            self._node_documents[entity.id].add(doc_id)
        # An unnamed source's `mentions` are its attributions; its label names the outlet.
        outlet = first_publication(record).outlet or analysis.document.name
        known = {e.id for e in analysis.entities}
        for att in analysis.attributions:
            origin = attribution_origin(analysis, att, known)
            if origin is None or origin in known:
                continue
            node = self._nodes.setdefault(origin, {"label": f"{att.source.text} ({outlet})",
                                                   "kind": "source", "type": "SOURCE", "mentions": 0})
            node["mentions"] += 1
            self._node_documents[origin].add(doc_id)
        for kind, origin, target in graph_edges(analysis):
            self._weights[(kind, origin, target)] += 1
            self._edge_documents[(kind, origin, target)].add(doc_id)

    def graph(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph(name="claimscope")
        for node_id, data in self._nodes.items():
            graph.add_node(node_id, **data, documents=len(self._node_documents[node_id]))
        for (kind, origin, target), weight in self._weights.items():
            graph.add_edge(origin, target, key=kind, kind=kind, label=kind, weight=float(weight),
                           documents=len(self._edge_documents[(kind, origin, target)]))
        return graph

    def finalize(self) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        for line in nx.generate_gexf(self.graph()):
            self.out.write(line + "\n")
