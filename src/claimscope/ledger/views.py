"""Cluster records as `claimscope clusters` and the dossier give them, read from the store.

Every record is computed from stored rows when read: the mentions (each a span of a stored
document), their sources counted by independence, conflicts with other clusters, the
assessment and the Admiralty grade, each with its reason.
"""

from __future__ import annotations

from claimscope.errors import EntityNotFound
from claimscope.ledger import assess as A
from claimscope.ledger.sources import counted, explain, independent_sources


def resolve_entities(store, names: list[str]) -> list[tuple[str, str]]:
    """(block key, display name) for each entity named: a corpus entity id, an entity's name or
    its key in a document; E420 for a name the store does not know."""
    out = []
    for name in names:
        found = store.ledger_resolve_entity(name)
        if not found:
            raise EntityNotFound(name, "no entity of that name or id in the store "
                                       "(see `claimscope stats` or `claimscope search`)")
        out.extend(found)
    return out


def cluster_records(store, entities: list[str], *, reliability: dict | None = None,
                    since: str | None = None, until: str | None = None, all_entities: bool = False,
                    min_documents: int = 1, resolved: list[tuple[str, str]] | None = None,
                    limit: int | None = None, found: dict | None = None) -> list[dict]:
    """The clusters about the entities (any of them, or every one with `all_entities`; all
    clusters when none is named), oldest first; with `limit`, only the `limit` clusters most
    documents mention (`found["clusters"]` then says how many there were)."""
    from claimscope.store.query import check_date

    since, until = check_date("--since", since), check_date("--until", until)
    if entities and resolved is None:
        resolved = resolve_entities(store, entities)
    # A cluster is about an entity when its claims name it (e:) or it is their asserter (a:).
    keys = [f"{p}:{k}" for k, _ in resolved or [] for p in ("e", "a")]
    if entities and all_entities:
        # Every named entity (any of the keys one name stands for) must be in the cluster.
        groups = [[f"{p}:{k}" for k, _ in store.ledger_resolve_entity(n) for p in ("e", "a")] for n in entities]
        ids = set(store.ledger_cluster_ids(keys=groups[0]))
        for group in groups[1:]:
            ids &= set(store.ledger_cluster_ids(keys=group))
        ids = sorted(ids)
    elif keys and limit:
        # The common case of a dossier: the block may hold tens of thousands of clusters; the
        # store picks the most mentioned in SQL instead of counting each one's documents here.
        ids, total = store.ledger_top_clusters(keys, limit)
        if found is not None:
            found["clusters"] = total
        return _records(store, ids, reliability, since, until, min_documents)
    else:
        ids = store.ledger_cluster_ids(keys=keys or None)
    if found is not None:
        found["clusters"] = len(ids)
    if limit and len(ids) > limit:
        sizes = store.ledger_cluster_sizes(ids)
        ids = sorted(ids, key=lambda i: (-sizes.get(i, 0), i))[:limit]
    return _records(store, ids, reliability, since, until, min_documents)


def _records(store, ids, reliability, since, until, min_documents) -> list[dict]:
    records = build_records(store, ids, reliability or {}, since=since, until=until)
    records = [r for r in records if r["documents"] >= min_documents]
    return sorted(records, key=lambda r: (r["first_seen"] or "9999", r["id"]))


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if since and (date or "") < since:
        return False
    if until and (date or "9999")[: len(until)] > until:
        return False
    return True


def _raw_clusters(store, ids: list[str], since=None, until=None) -> dict[str, dict]:
    rows = store.ledger_cluster_rows(ids)
    members = store.ledger_cluster_members(ids)
    conflicts = store.ledger_conflicts_of(ids)
    out: dict[str, dict] = {}
    for cid, row in rows.items():
        out[cid] = {**row, "mentions_raw": [], "conflict_links": [], "figures": []}
    for m in members:
        if not _in_range(m["date"], since, until):
            continue
        out[m["cluster"]]["mentions_raw"].append(m)
    for c in conflicts:
        for mine, other in ((c["a"], c["b"]), (c["b"], c["a"])):
            if mine in out:
                out[mine]["conflict_links"].append({"cluster": other, "kind": c["kind"], "reason": c["reason"],
                                                    "score": c["score"]})
    for cluster in out.values():
        mentions = cluster["mentions_raw"]
        rep = next((m for m in mentions if m["claim"] == cluster["representative"]), mentions[0] if mentions else None)
        cluster["figures"] = list(rep["figures"]) if rep else []
        dates = sorted(m["date"] for m in mentions if m["date"])
        cluster["first_seen"] = dates[0] if dates else cluster.get("first_seen")
        cluster["last_seen"] = dates[-1] if dates else cluster.get("last_seen")
    return out


def build_records(store, ids: list[str], reliability: dict, *, since=None, until=None) -> list[dict]:
    clusters = _raw_clusters(store, ids, since, until)
    clusters = {cid: c for cid, c in clusters.items() if c["mentions_raw"]}
    # Conflicting clusters outside the selection are read too: their support decides "contested".
    outside = sorted({link["cluster"] for c in clusters.values() for link in c["conflict_links"]} - set(clusters))
    neighbours = dict(clusters)
    neighbours.update(_raw_clusters(store, outside) if outside else {})
    keys = sorted({k[2:] for c in neighbours.values() for k in c["keys"] if k.startswith("e:")})
    names = store.ledger_entity_names(keys)
    sources_of = {}
    for cid, c in neighbours.items():
        c["entity_names"] = {k[2:]: names.get(k[2:], k[2:]) for k in c["keys"] if k.startswith("e:")}
        sources_of[cid] = independent_sources(c["mentions_raw"])
        c["n_sources"] = counted(sources_of[cid])
    records = []
    for cid, c in clusters.items():
        sources = sources_of[cid]
        values = A.features(c, sources, neighbours)
        assessment, reason = A.assess(values)
        values["assessment"] = assessment
        credibility, credibility_reason = A.credibility(values)
        letter, letter_reason = A.reliability(sources, reliability)
        records.append(_record(c, sources, values, assessment, reason, letter, letter_reason, credibility,
                               credibility_reason, neighbours))
    return records


def _record(c, sources, values, assessment, reason, letter, letter_reason, credibility, credibility_reason,
            neighbours) -> dict:
    # Oldest first; on one day the original before its copies.
    mentions = sorted(c["mentions_raw"], key=lambda m: (m["date"] or "9999", m["document"] != m["origin"],
                                                        m["document"], m["start"]))
    conflicts = []
    for link in c["conflict_links"]:
        other = neighbours.get(link["cluster"], {})
        update = link["kind"] == "figure" and other and A._figure_update(c, other)
        conflicts.append({"cluster": link["cluster"], "kind": link["kind"], "reason": link["reason"],
                          "text": other.get("text"), "first_seen": other.get("first_seen"),
                          "update": bool(update)})
    return {
        "id": c["id"],
        "text": c["text"],
        "entities": [{"id": k, "name": n} for k, n in sorted(c["entity_names"].items())],
        "mentions": [_mention(m) for m in mentions],
        "documents": len({m["document"] for m in mentions}),
        "origins": len({m["origin"] for m in mentions}),
        "independent_sources": counted(sources),
        "independence": explain(mentions, sources),
        "sources": [{"name": s.name, "entity": s.entity, "kind": s.kind, "documents": s.documents,
                     "origins": s.origins, "counted": s.counted, "relayed_by": s.relayed_by,
                     "relayed_only": s.relayed_only}
                    for s in sources],
        "first_seen": c["first_seen"],
        "last_seen": c["last_seen"],
        "figures": c["figures"],
        "conflicts": sorted(conflicts, key=lambda x: (x["first_seen"] or "", x["cluster"])),
        "assessment": assessment,
        "reason": reason,
        "grade": f"{letter}{credibility}",
        "grade_reason": f"{letter}: {letter_reason}; {credibility}: {credibility_reason}",
    }


def _mention(m: dict) -> dict:
    evidence = {"kind": m["evidence_kind"], "source": m["evidence_source"], "role": m["evidence_role"],
                "cue": m["evidence_cue_text"]}
    return {"claim": m["claim"], "document": m["document"], "start": m["start"], "end": m["end"],
            "text": m["text"], "status": m["status"],
            "asserter": {"name": m["asserter_name"], "entity": m.get("asserter_key")},
            "evidence": evidence, "date": m["date"], "outlet": (m["outlets"] or [m["outlet"]])[0],
            "title": m["title"], "origin": m["origin"], "copy": m["document"] != m["origin"]}
