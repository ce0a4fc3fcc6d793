"""Records to rows and back: one Analysis becomes rows of the fact tables, and those rows give
back an Analysis whose `as_dict()` is what the pipeline's was.

Each fact row names the component and version that made it (from `analysis.components`; a
component that reports no version of its own is claimscope's, at claimscope's version).
"""

from __future__ import annotations

from collections import defaultdict

from claimscope.model.analysis import SCHEMA_VERSION, Analysis, DocumentInfo
from claimscope.model.ids import fact_id
from claimscope.model.records import (
    Argument,
    Attribution,
    Claim,
    Entity,
    Evidence,
    Structure,
    Technique,
    TextSpan,
)

# Which pipeline component makes which kind of fact.
COMPONENTS = {
    "entity": "claimscope_entities",
    "attribution": "claimscope_attribution",
    "claim": "claimscope_claims",
    "argument": "claimscope_argument",
    "technique": "claimscope_rhetoric",
}

STANCE = "stance:"  # the kind prefix of a stance row in the attributions table


def provenance(analysis: Analysis, kind: str) -> dict:
    name = COMPONENTS[kind]
    components = analysis.components
    version = components.get(name) or components.get("claimscope") or "unknown"
    return {"component": name, "component_version": str(version)}


class _Ids:
    """Hash ids for rows the analysis gives no id of its own; two facts on one span are told
    apart deterministically (as `model/ids.assign_ids` does)."""

    def __init__(self, document: str):
        self.document = document
        self.seen: set[str] = set()

    def __call__(self, kind: str, start: int, end: int, *extra) -> str:
        candidate = fact_id(kind, self.document, start, end, *extra)
        bump = 0
        while candidate in self.seen:
            bump += 1
            candidate = fact_id(kind, self.document, start, end, *extra, bump)
        self.seen.add(candidate)
        return candidate


def _span_cols(prefix: str, span: TextSpan | None) -> dict:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def _span_of(row, prefix: str) -> TextSpan | None:
    start = row[f"{prefix}_start"]
    if start is None:
        return None
    return TextSpan(start, row[f"{prefix}_end"], row[f"{prefix}_text"])


def document_row(analysis: Analysis, now: str) -> dict:
    info = analysis.document
    return {"id": info.id, "text": info.text, "length": len(info.text), "language": info.language,
            "encoding": info.encoding, "source_kind": info.source_kind, "name": info.name,
            "first_ingested": now}


def analysis_row(analysis: Analysis, now: str) -> dict:
    return {"document": analysis.document.id,
            "pipeline": pipeline_version(analysis.components),
            "schema_version": SCHEMA_VERSION, "components": analysis.components,
            "sentences": analysis.sentences, "technique_density": analysis.technique_density,
            "analysed_at": now}


def pipeline_version(components: dict) -> str:
    """The version `reanalyze` compares: the claimscope release whose pipeline made the facts."""
    return str(components.get("claimscope") or "unknown")


def fact_rows(analysis: Analysis) -> dict[str, list[dict]]:
    """Rows per table name for every fact of one analysis, each list in the analysis' order."""
    doc = analysis.document.id
    ids = _Ids(doc)
    out: dict[str, list[dict]] = defaultdict(list)

    prov = provenance(analysis, "entity")
    for i, e in enumerate(analysis.entities):
        first = e.mentions[0] if e.mentions else TextSpan(0, 0, "")
        row_id = ids("entity", first.start, first.end, e.id)
        out["entities"].append({"id": row_id, "document": doc, "ordinal": i, "key": e.id, "name": e.name,
                                "type": e.type, "aliases": list(e.aliases), "start": first.start,
                                "end": first.end, "corpus_entity": None, **prov})
        for j, m in enumerate(e.mentions):
            out["mentions"].append({"id": ids("mention", m.start, m.end, e.id), "document": doc,
                                    "entity": row_id, "ordinal": j, "start": m.start, "end": m.end,
                                    "text": m.text, **prov})

    prov = provenance(analysis, "attribution")
    # Stances share the attributions table, after the statements, their kind marked
    # ("stance:indirect"): the store gives back what analyze made, and counts statements only.
    kinds = [(a, a.kind) for a in analysis.attributions] + [(a, STANCE + a.kind) for a in analysis.stances]
    for i, (a, kind) in enumerate(kinds):
        parts = [s for s in (a.source, a.cue, a.content) if s is not None]
        out["attributions"].append({
            "id": a.id, "document": doc, "ordinal": i, "label": a.label, "kind": kind,
            "start": min(s.start for s in parts), "end": max(s.end for s in parts),
            **_span_cols("source", a.source), "source_entity": a.source_entity,
            **_span_cols("cue", a.cue), **_span_cols("content", a.content), "score": a.score, **prov})

    prov = provenance(analysis, "claim")
    for i, c in enumerate(analysis.claims):
        out["claims"].append({
            "id": c.id, "document": doc, "ordinal": i, "label": c.label, "text": c.text,
            "start": c.start, "end": c.end, "sentence": c.sentence, "asserter_name": c.asserter_name,
            "asserter_entity": c.asserter_entity, "status": c.status, "certainty": c.certainty,
            "checkworthiness": c.checkworthiness, "check_worthy": bool(c.check_worthy),
            "evidence_kind": c.evidence.kind, "evidence_source": c.evidence.source,
            "evidence_role": c.evidence.role, **_span_cols("evidence_cue", c.evidence.cue),
            "attribution": c.attribution, "argument": c.argument, "subject": c.subject,
            "object": c.object, **prov})
        for j, cue in enumerate(c.cues):
            out["claim_cues"].append({"id": ids("cue", cue.start, cue.end, c.id), "document": doc,
                                      "claim": c.id, "ordinal": j, "start": cue.start, "end": cue.end,
                                      "text": cue.text, **prov})
        for j, key in enumerate(c.entities):
            out["claim_entities"].append({"claim": c.id, "ordinal": j, "document": doc, "entity_key": key})

    prov = provenance(analysis, "argument")
    for i, arg in enumerate(analysis.structure.arguments):
        out["arguments"].append({"id": arg.id, "document": doc, "ordinal": i, "label": arg.label,
                                 "marker": arg.marker, "argument_ordinal": arg.ordinal,
                                 "start": arg.start, "end": arg.end, "claims": list(arg.claims), **prov})
    for role in ("thesis", "conclusion"):
        span = getattr(analysis.structure, role)
        if span is not None:
            out["structure"].append({"id": ids("structure", span.start, span.end, role), "document": doc,
                                     "role": role, "start": span.start, "end": span.end,
                                     "text": span.text, **prov})

    prov = provenance(analysis, "technique")
    for i, t in enumerate(analysis.techniques):
        out["techniques"].append({"id": ids("technique", t.start, t.end, t.label), "document": doc,
                                  "ordinal": i, "label": t.label, "start": t.start, "end": t.end,
                                  "score": t.score, "text": t.text, **prov})
    return out


def build_analysis(document, analysis, meta: dict, facts: dict[str, list]) -> Analysis:
    """The inverse of `document_row` + `analysis_row` + `fact_rows` (rows as mappings, in order)."""
    info = DocumentInfo(name=document["name"], text=document["text"], source_kind=document["source_kind"],
                        language=document["language"], encoding=document["encoding"], meta=dict(meta))
    mentions: dict[str, list[TextSpan]] = defaultdict(list)
    for m in facts["mentions"]:
        mentions[m["entity"]].append(TextSpan(m["start"], m["end"], m["text"]))
    entities = [Entity(id=e["key"], name=e["name"], type=e["type"], aliases=list(e["aliases"]),
                       mentions=mentions.get(e["id"], [])) for e in facts["entities"]]
    attributions = [
        Attribution(id=a["id"], label=a["label"], kind=a["kind"].removeprefix(STANCE), cue=_span_of(a, "cue"),
                    content=_span_of(a, "content"), source=_span_of(a, "source"),
                    source_entity=a["source_entity"], score=a["score"])
        for a in facts["attributions"]
    ]
    stances = [a for a, row in zip(attributions, facts["attributions"]) if row["kind"].startswith(STANCE)]
    attributions = [a for a, row in zip(attributions, facts["attributions"]) if not row["kind"].startswith(STANCE)]
    cues: dict[str, list[TextSpan]] = defaultdict(list)
    for cue in facts["claim_cues"]:
        cues[cue["claim"]].append(TextSpan(cue["start"], cue["end"], cue["text"]))
    claim_entities: dict[str, list[str]] = defaultdict(list)
    for ce in facts["claim_entities"]:
        claim_entities[ce["claim"]].append(ce["entity_key"])
    claims = [
        Claim(id=c["id"], label=c["label"], text=c["text"], start=c["start"], end=c["end"],
              asserter_name=c["asserter_name"], asserter_entity=c["asserter_entity"], status=c["status"],
              certainty=c["certainty"], checkworthiness=c["checkworthiness"],
              check_worthy=bool(c["check_worthy"]),
              evidence=Evidence(kind=c["evidence_kind"], source=c["evidence_source"],
                                role=c["evidence_role"], cue=_span_of(c, "evidence_cue")),
              cues=cues.get(c["id"], []), attribution=c["attribution"], subject=c["subject"],
              object=c["object"], entities=claim_entities.get(c["id"], []), argument=c["argument"],
              sentence=c["sentence"])
        for c in facts["claims"]
    ]
    roles = {s["role"]: TextSpan(s["start"], s["end"], s["text"]) for s in facts["structure"]}
    structure = Structure(
        thesis=roles.get("thesis"), conclusion=roles.get("conclusion"),
        arguments=[Argument(id=a["id"], label=a["label"], marker=a["marker"], start=a["start"],
                            end=a["end"], ordinal=a["argument_ordinal"], claims=list(a["claims"]))
                   for a in facts["arguments"]])
    techniques = [Technique(label=t["label"], start=t["start"], end=t["end"], score=t["score"],
                            text=t["text"]) for t in facts["techniques"]]
    return Analysis(document=info, entities=entities, attributions=attributions, stances=stances, claims=claims,
                    techniques=techniques, structure=structure, sentences=analysis["sentences"],
                    components=dict(analysis["components"]),
                    technique_density=dict(analysis["technique_density"]))
