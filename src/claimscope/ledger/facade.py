"""The ledger as the Workspace (and through it the CLI and the web app) calls it.

    ledger = Ledger(store, matcher=None, reliability=None)
    ledger.update()                    # place pending documents (also done by every read below)
    ledger.documents()                 # id, name, outlet, date, title, origin
    ledger.clusters(entity="Kestria")  # the cluster records of `claimscope clusters`
    ledger.dossier(["Kestria"])        # what `claimscope dossier` prints

Reads bring the ledger up to date first (cheap when nothing is pending), so a store filled by
an older claimscope, or by writers that do not update the ledger, still reads right.
"""

from __future__ import annotations

from claimscope.ledger.matching import ClaimMatcher, default_matcher


class Ledger:
    def __init__(self, store, matcher: ClaimMatcher | None = None, reliability: dict | None = None):
        self.store = store
        self._matcher = matcher
        self.reliability = reliability or {}

    @property
    def matcher(self) -> ClaimMatcher:
        if self._matcher is None:
            self._matcher = default_matcher()
        return self._matcher

    def update(self, progress=None) -> dict:
        from claimscope.ledger.update import update_ledger

        return update_ledger(self.store, self.matcher, progress=progress)

    def documents(self) -> list[dict]:
        """Every stored document with the id of its origin (itself when it copies nothing)."""
        self.update()
        info = self.store.ledger_documents_info()
        out = []
        for d in self.store.documents():
            row = info.get(d.id, {})
            out.append({"id": d.id, "name": d.name, "outlet": d.outlet, "date": d.date, "title": d.title,
                        "origin": row.get("origin", d.id), "copy_rule": row.get("rule"),
                        "copy_of": row.get("copy_of"), "containment": row.get("containment")})
        return out

    def clusters(self, entity: str | None = None, *, since: str | None = None, until: str | None = None,
                 min_documents: int = 1) -> list[dict]:
        from claimscope.ledger.views import cluster_records

        self.update()
        return cluster_records(self.store, [entity] if entity else [], reliability=self.reliability,
                               since=since, until=until, min_documents=min_documents)

    def dossier(self, entities: list[str], *, since: str | None = None, until: str | None = None,
                limit: int | None = None) -> dict:
        from claimscope.ledger.dossier import LIMIT, build_dossier

        self.update()
        return build_dossier(self.store, entities, reliability=self.reliability, since=since, until=until,
                             limit=LIMIT if limit is None else limit)

    # -- paged reads (the web API): clusters in id order, so a cursor stays valid as they grow --
    def cluster(self, cluster_id: str) -> dict | None:
        """One cluster's record (as `clusters` gives it), or None for an unknown id."""
        from claimscope.ledger.views import build_records

        self.update()
        records = build_records(self.store, [cluster_id], self.reliability)
        return records[0] if records else None

    def cluster_page(self, entity: str | None = None, *, after: str | None = None,
                     limit: int = 50) -> list[dict]:
        """Cluster records in id order after the cursor `after`, optionally about an entity."""
        from claimscope.ledger.views import build_records, resolve_entities

        self.update()
        keys = None
        if entity:
            keys = [f"{p}:{k}" for k, _ in resolve_entities(self.store, [entity]) for p in ("e", "a")]
        ids = sorted(i for i in self.store.ledger_cluster_ids(keys=keys) if after is None or i > after)
        records: list[dict] = []
        # A cluster with no stored mention left (every document re-analysed away) reads as none.
        while ids and len(records) < limit:
            batch, ids = ids[:limit - len(records)], ids[limit - len(records):]
            records.extend(sorted(build_records(self.store, batch, self.reliability), key=lambda r: r["id"]))
        return records
