"""The incremental ledger update: place every stored document the ledger has not seen yet.

    stats = update_ledger(store)          # after each ingest batch; cheap when nothing is new

For each new document, in publication order, in one transaction: decide its origin
(`ledger/origins.py`, candidates from the store's LSH bands and outlets), then place each of its
claims in a cluster (`ledger/clusters.py`, candidates from the store's block keys), with the
conflicts placement found. The work per document reads a bounded number of rows, so the update
costs about the same per document at 1k or 100k stored. A crashed update resumes where it
stopped: a document is pending until its transaction commits.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from claimscope.ledger import clusters as C
from claimscope.ledger.figures import figures, polarity
from claimscope.ledger.matching import ClaimMatcher, default_matcher, from_bytes
from claimscope.ledger.origins import (
    CREDIT_WINDOW_DAYS,
    MAX_CREDIT_CANDIDATES,
    OriginDoc,
    assign,
    shingles,
)
from claimscope.model.ids import make_id

LEDGER_VERSION = "1"


class StoreOrigins:
    """The origin rules' Backend over the store, with small caches for one update run."""

    def __init__(self, store, cache: int = 512):
        self.store = store
        self._shingles: OrderedDict[str, set[str]] = OrderedDict()
        self._docs: dict[str, OriginDoc] = {}
        self._cache = cache
        self._outlets: list[str] | None = None

    def _load(self, ids: list[str]) -> None:
        missing = [i for i in ids if i not in self._docs]
        for row in self.store.ledger_origin_docs(missing):
            self._docs[row["id"]] = OriginDoc(id=row["id"], text=row["text"], outlet=row["outlet"],
                                              date=row["date"], author=row["author"],
                                              first_ingested=row["first_ingested"])
        while len(self._docs) > self._cache * 4:
            self._docs.pop(next(iter(self._docs)))

    def doc_of(self, document_id: str) -> OriginDoc:
        self._load([document_id])
        return self._docs[document_id]

    def shingles_of(self, document_id: str) -> set[str]:
        if document_id not in self._shingles:
            self._shingles[document_id] = shingles(self.doc_of(document_id).text)
            if len(self._shingles) > self._cache:
                self._shingles.popitem(last=False)
        return self._shingles[document_id]

    def remember(self, doc: OriginDoc, sh: set[str]) -> None:
        self._docs[doc.id] = doc
        self._shingles[doc.id] = sh
        if doc.outlet and self._outlets is not None and doc.outlet not in self._outlets:
            self._outlets.append(doc.outlet)

    def band_candidates(self, keys, exclude):
        return self.store.ledger_band_candidates(keys, exclude)

    def outlet_candidates(self, outlets, day, exclude, crediting_only=False):
        since = until = None
        if day:
            try:
                d = date.fromisoformat(day[:10])
                since = (d - timedelta(days=CREDIT_WINDOW_DAYS)).isoformat()
                until = (d + timedelta(days=CREDIT_WINDOW_DAYS)).isoformat()
            except ValueError:
                pass
        return self.store.ledger_outlet_candidates(outlets, since, until, exclude, crediting_only=crediting_only,
                                                   limit=MAX_CREDIT_CANDIDATES, near=day)

    def credits_of(self, document_id):
        return self.store.ledger_credits_of([document_id]).get(document_id, [])

    def group_of(self, document_id):
        row = self.store.ledger_documents_info([document_id]).get(document_id)
        return row["origin"] if row else None

    def members(self, origin):
        return self.store.ledger_group_members(origin)

    def outlets(self):
        if self._outlets is None:
            self._outlets = self.store.ledger_outlets()
        return self._outlets


def update_ledger(store, matcher: ClaimMatcher | None = None, *, limit: int | None = None,
                  progress: Callable[[int, int], None] | None = None) -> dict:
    """Place every pending document; returns counts and the time taken."""
    matcher = matcher or default_matcher()
    started = time.perf_counter()
    pending = store.ledger_pending(limit)
    backend = StoreOrigins(store)
    totals = {"documents": 0, "claims": 0, "new_clusters": 0, "joined": 0, "conflicts": 0, "copies": 0}
    for n, document_id in enumerate(pending, 1):
        counts = place_document(store, backend, matcher, document_id)
        for key, value in counts.items():
            totals[key] += value
        if progress:
            progress(n, len(pending))
    totals["seconds"] = round(time.perf_counter() - started, 3)
    totals["matcher"] = f"{matcher.name} {matcher.version}"
    return totals


def place_document(store, backend: StoreOrigins, matcher: ClaimMatcher, document_id: str) -> dict:
    doc = backend.doc_of(document_id)
    sh = shingles(doc.text)
    origin = assign(doc, backend, sh)
    backend.remember(doc, sh)

    rows = store.ledger_claim_rows(document_id)
    texts = [r["text"] for r in rows]
    vectors = matcher.embed(texts) if texts else np.zeros((0, 1), dtype=np.float32)
    local: dict[str, C.ClusterState] = {}  # clusters made or changed by this document
    # One candidate query for the whole document: every stored cluster sharing a block key with
    # any of its claims; each claim then takes those sharing one of its own keys.
    all_keys = set()
    prepared = []
    for row in rows:
        found = [f.as_dict() for f in figures(row["text"])]
        keys = C.block_keys(row["entity_keys"], row["text"], found)
        all_keys.update(keys)
        prepared.append((found, keys))
    stored = _stored_candidates(store, sorted(all_keys))
    # A claim founds the cluster named after it, unless a cluster of that name outlived an earlier
    # placement of the same claim (a re-analysed document): then the next free name.
    taken = store.ledger_existing_clusters([C.cluster_id(r["id"]) for r in rows])
    claim_rows, key_rows, conflicts = [], [], []
    counts = {"documents": 1, "claims": len(rows), "new_clusters": 0, "joined": 0, "conflicts": 0,
              "copies": int(origin.link.copy_of is not None or bool(origin.relinked))}
    for row, vector, (found, keys) in zip(rows, vectors, prepared):
        found_id = C.cluster_id(row["id"])
        bump = 0
        while found_id in taken:  # rare: ask the store about each next name
            bump += 1
            found_id = f"clu-{make_id(row['id'], bump)}"
            taken |= store.ledger_existing_clusters([found_id])
        item = C.ClaimItem(id=row["id"], document=document_id, text=row["text"], status=row["status"],
                           keys=keys, figures=found, found_id=found_id,
                           polarity=polarity(row["text"], row["status"]), date=doc.date, embedding=vector)
        candidates = _candidates(stored, keys, local)
        placement = C.place(item, candidates, matcher)
        cluster = placement.cluster
        local[cluster.id] = cluster
        counts["new_clusters" if placement.founded else "joined"] += 1
        claim_rows.append({"claim": item.id, "document": document_id, "cluster": cluster.id,
                           "score": round(float(placement.score), 4),
                           "embedding": np.asarray(vector, dtype=np.float32).tobytes(), "keys": keys,
                           "figures": item.figures, "polarity": item.polarity, "date": doc.date})
        key_rows.extend((k, cluster.id) for k in keys)
        if row["asserter_key"]:
            # Not a block key: what lets a dossier find what an entity itself says.
            key_rows.append((f"a:{row['asserter_key']}", cluster.id))
        conflicts.extend(placement.conflicts)
    counts["conflicts"] = len({(c["a"], c["b"], c["kind"]) for c in conflicts})
    placed = store.ledger_place(
        document={"id": document_id, "outlet": doc.outlet, "date": doc.date},
        origin={"origin": origin.origin, "copy_of": origin.link.copy_of, "rule": origin.link.rule,
                "containment": origin.link.containment},
        bands=origin.keys, credits=origin.credits, regrouped=origin.regrouped,
        relinked={m: {"copy_of": x.copy_of, "rule": x.rule, "containment": x.containment}
                  for m, x in origin.relinked.items()},
        claims=claim_rows, clusters=[c.as_row() for c in local.values() if c.changed],
        keys=sorted(set(key_rows)), conflicts=_unique(conflicts), version=LEDGER_VERSION)
    if not placed:  # another writer placed it first: its placement stands
        return {key: 0 for key in counts}
    return counts


def _stored_candidates(store, keys: list[str]) -> list[C.ClusterState]:
    return [C.ClusterState(id=row["id"], representative=row["representative"], text=row["text"],
                           centroid=from_bytes(row["centroid"]), size=row["size"], keys=list(row["keys"]),
                           figures=list(row["figures"]), polarity=row["polarity"],
                           first_seen=row["first_seen"], last_seen=row["last_seen"])
            for row in store.ledger_clusters_for_keys(keys)]


def _candidates(stored: list[C.ClusterState], keys: list[str],
                local: dict[str, C.ClusterState]) -> list[C.ClusterState]:
    wanted = set(keys)
    found: dict[str, C.ClusterState] = {c.id: c for c in stored if wanted & set(c.keys)}
    for cluster in local.values():  # this document's own clusters are not in the store yet
        if set(cluster.keys) & set(keys):
            found[cluster.id] = cluster
    # A stored cluster this document changed already: the changed state counts.
    return [local.get(cid, cluster) for cid, cluster in found.items()]


def _unique(conflicts: list[dict]) -> list[dict]:
    best: dict[tuple, dict] = {}
    for c in conflicts:
        key = (c["a"], c["b"], c["kind"])
        if key not in best or c["score"] > best[key]["score"]:
            best[key] = c
    return list(best.values())
