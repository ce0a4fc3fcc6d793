"""`/documents/{id}`: the article with its accounting in the text.

Claims are highlighted by status; attributions show source, cue and content apart; entity
mentions and technique spans are marked. Each claim links to its panel (`#c-<claim id>`, shown
by CSS `:target` without JavaScript): status and cues, evidence, asserter, argument, and the
cluster of the same claim across the corpus. Every claim and entity mention has the id
`m-START-END`, so other pages link to a mention in context.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from claimscope.render.labels import byline, entity_names, who
from claimscope.render.spans import article_spans, nest
from claimscope.web.cache import stamp
from claimscope.web.pages.common import answer, cached, ledger, routes, safe_url, ws

router = APIRouter(tags=["pages"])
SUMMARIES_KEPT = 100_000  # cluster summaries kept (a few hundred bytes each)


@cached
def document_page(request: Request, document_id: str):
    workspace = ws(request)
    stored = workspace.show(document_id)
    analysis = stored.analysis
    links = workspace.entity_links(document_id)
    the_ledger = ledger(request)
    clusters = workspace.claim_clusters(document_id, ledger=the_ledger)  # brings it up to date first
    origin = workspace.document_origin(document_id)
    summaries = _summaries(request, workspace, list(clusters.values()), the_ledger)
    names = entity_names(analysis)
    meta = analysis.document.meta
    arguments = {cid: a for a in analysis.structure.arguments for cid in a.claims}
    attributions = {a.id: a for a in analysis.attributions}
    claims = []
    for c in analysis.claims:
        att = attributions.get(c.attribution) if c.attribution else None
        arg = arguments.get(c.id)
        claims.append({
            "id": c.id, "label": c.label, "text": c.text, "start": c.start, "end": c.end,
            "anchor": f"m-{c.start}-{c.end}", "status": c.status, "certainty": c.certainty,
            "checkworthiness": c.checkworthiness, "check_worthy": c.check_worthy,
            "cues": [x.text for x in c.cues],
            "evidence": {"kind": c.evidence.kind, "source": c.evidence.source, "role": c.evidence.role,
                         "cue": c.evidence.cue.text if c.evidence.cue else None},
            "asserter": {"name": who(c.asserter_name, c.asserter_entity, names),
                         "entity": links.get(c.asserter_entity) if c.asserter_entity else None},
            "attribution": None if att is None else {
                "kind": att.kind, "cue": att.cue.text,
                "source": att.source.text if att.source else None,
                "content": att.content.text if att.content else None},
            "argument": None if arg is None else {"id": arg.id, "label": arg.label, "marker": arg.marker,
                                                  "ordinal": arg.ordinal},
            "entities": [{"name": names.get(e, e), "id": links.get(e)} for e in c.entities],
            "cluster": clusters.get(c.id),
            "across": summaries.get(clusters.get(c.id)),
        })
    entities = [{"key": e.id, "name": e.name, "type": e.type, "mentions": len(e.mentions),
                 "id": links.get(e.id),
                 "first": f"m-{e.mentions[0].start}-{e.mentions[0].end}" if e.mentions else None}
                for e in sorted(analysis.entities, key=lambda e: (-len(e.mentions), e.name))]
    publications = [{"name": p.name, "outlet": p.outlet, "date": p.date, "title": p.title, "author": p.author,
                     "url": p.url, "link": safe_url(p.url)} for p in stored.publications]
    context = {
        "document": {"id": analysis.document.id, "name": analysis.document.name,
                     "title": meta.get("title") or analysis.document.name, "byline": byline(analysis),
                     "language": analysis.document.language, "length": len(analysis.document.text),
                     "sentences": analysis.sentences},
        "publications": publications,
        # A copy (near-duplicate or credited) points at its original; an original has copy_of None.
        "origin": origin if origin and origin["copy_of"] else None,
        "summary": analysis.summary(),
        "markup": nest(analysis.document.text, article_spans(analysis, links)),
        "claims": claims,
        "attributions": [{"id": a.id, "kind": a.kind, "cue": a.cue.text,
                          "source": who(a.source.text, a.source_entity, names) if a.source else None,
                          "content": a.content.text if a.content else None} for a in analysis.attributions],
        "entities": entities,
        "techniques": [{"label": t.label, "score": round(t.score, 3), "text": t.text, "start": t.start,
                        "end": t.end} for t in analysis.techniques],
    }
    return answer(request, "document.html", context)


def _summaries(request: Request, workspace, cluster_ids: list[str], the_ledger) -> dict[str, dict]:
    """Each cluster's summary (the claim across the corpus), kept per cluster while the store's
    stamp is unchanged: a copied or syndicated claim's cluster is on the page of every text that
    has it, and building a summary was the largest part of a new article page."""
    state = request.app.state
    now = stamp(request)
    memo = getattr(state, "cluster_summaries", None)
    if memo is None or memo[0] != now:
        memo = state.cluster_summaries = (now, {})  # a new stamp: summaries from scratch
    known = memo[1]
    missing = sorted({c for c in cluster_ids if c not in known})
    if missing:
        if len(known) > SUMMARIES_KEPT:
            known.clear()
        known.update(workspace.cluster_summaries(missing, ledger=the_ledger))
    return {c: known[c] for c in cluster_ids if c in known}


routes(router, "/documents/{document_id}", document_page)
