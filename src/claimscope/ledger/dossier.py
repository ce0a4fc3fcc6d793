"""A dossier: what is known, claimed, speculated, denied and contested about some entities.

Every item is a cluster record (`ledger/views.py`) with its sources, grade and mentions, each
mention a span of a stored document; nothing enters a dossier that is not such a span. With
several entities the dossier is about them together: clusters that concern every one of them.
"""

from __future__ import annotations

from claimscope.ledger.views import cluster_records, resolve_entities

SECTIONS = ("known", "claimed", "speculated", "denied", "contested")


LIMIT = 200  # clusters in a dossier by default: the ones most documents mention


def build_dossier(store, entities: list[str], *, reliability: dict | None = None, since: str | None = None,
                  until: str | None = None, limit: int | None = LIMIT) -> dict:
    """The dossier of the entities; `limit` (None or 0: all) keeps the clusters most documents
    mention, so a dossier of a very common entity stays fast to make and to read."""
    resolved = resolve_entities(store, entities)
    found: dict = {}
    records = cluster_records(store, entities, reliability=reliability, since=since, until=until,
                              all_entities=len(entities) > 1, resolved=resolved, limit=limit or None,
                              found=found)
    dossier = {"entities": [{"id": key, "name": name} for key, name in resolved],
               "since": since, "until": until, "limit": limit or None,
               "clusters_found": found.get("clusters", len(records))}
    for section in SECTIONS:
        items = [r for r in records if r["assessment"] == section]
        dossier[section] = sorted(items, key=lambda r: (-r["independent_sources"], -r["documents"],
                                                        r["first_seen"] or "9999", r["id"]))
    dossier["timeline"] = [{"cluster": r["id"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                            "text": r["text"], "assessment": r["assessment"], "grade": r["grade"],
                            "documents": r["documents"]}
                           for r in sorted(records, key=lambda r: (r["first_seen"] or "9999", r["id"]))]
    dossier["figures"] = figure_series(records)
    dossier["summary"] = {section: len(dossier[section]) for section in SECTIONS} | {
        "clusters": len(records), "mentions": sum(len(r["mentions"]) for r in records),
        "documents": len({m["document"] for r in records for m in r["mentions"]})}
    return dossier


def figure_series(records: list[dict]) -> list[dict]:
    """Each counted quantity's figures, oldest first, so that an update ("rose to 17") reads
    last and a dispute (nine against seventeen on the same day) reads side by side."""
    by_quantity: dict[str, list[dict]] = {}
    for r in records:
        for f in r["figures"]:
            entry = {"value": f["value"], "text": f["text"], "cluster": r["id"], "claim": r["text"],
                     "first_seen": r["first_seen"], "assessment": r["assessment"],
                     "independent_sources": r["independent_sources"],
                     "sources": [s["name"] for s in r["sources"] if s.get("counted", True)][:4]}
            values = by_quantity.setdefault(f["quantity"], [])
            if not any(v["cluster"] == r["id"] and v["value"] == f["value"] for v in values):
                values.append(entry)
    out = []
    for quantity, values in sorted(by_quantity.items()):
        if len({v["value"] for v in values}) < 2:
            continue  # one figure: nothing to compare
        values.sort(key=lambda v: (v["first_seen"] or "9999", v["value"]))
        out.append({"quantity": quantity, "figures": values})
    return out
