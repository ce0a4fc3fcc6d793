"""The incremental ledger update: place every stored document the ledger has not seen yet.

    stats = update_ledger(store)          # after each ingest batch; cheap when nothing is new

For each new document, in publication order, in one transaction: decide its origin
(`ledger/origins.py`, candidates from the store's LSH bands and outlets), then place each of its
claims in a cluster (`ledger/clusters.py`, candidates from the store's block keys), with the
conflicts placement found. The work per document reads a bounded number of rows, so the update
costs about the same per document at 1k or 100k stored.

What makes it fast (docs/scale.md): the claim vectors come from the store when ingest's workers
computed them (`ledger/claim_vectors.py`), else the encoder runs here once per document; the
claims and vectors of pending documents are read in chunks; a block's candidates come from an
index per key (`ledger_block_clusters`), whose lists the run keeps as far as it has read them
(`ledger/block_index.py`), and a cache of cluster states over the run; each claim's
candidates are ranked by one matrix product (NumPy's BLAS on one thread), and only the few that
can change its placement are ranked exactly as `clusters.place` would. A crashed update resumes
where it stopped: a document is pending until its transaction commits.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date, timedelta

import numpy as np

from claimscope.ledger import claim_vectors
from claimscope.ledger import clusters as C
from claimscope.ledger.block_index import BlockIndex
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


CHUNK = 64  # pending documents whose claims and vectors are read together
CLUSTER_CACHE = 40_000  # cluster states kept between documents of one update run


def update_ledger(store, matcher: ClaimMatcher | None = None, *, limit: int | None = None,
                  progress: Callable[[int, int], None] | None = None) -> dict:
    """Place every pending document; returns counts and the time taken."""
    matcher = matcher or default_matcher()
    started = time.perf_counter()
    pending = store.ledger_pending(limit)
    backend = StoreOrigins(store)
    cache = ClusterCache(store)
    index = BlockIndex(store)
    model = claim_vectors.tag(matcher)
    totals = {"documents": 0, "claims": 0, "new_clusters": 0, "joined": 0, "conflicts": 0, "copies": 0,
              "encoded": 0}
    n = 0
    with _one_blas_thread(bool(pending)):
        for at in range(0, len(pending), CHUNK):
            chunk = pending[at:at + CHUNK]
            claim_rows = store.ledger_claim_rows_many(chunk)
            stored = store.ledger_vectors_of(chunk, model)
            for document_id in chunk:
                rows = claim_rows.get(document_id, [])
                vectors, encoded = _vectors(rows, stored, matcher)
                counts = place_document(store, backend, matcher, document_id, rows=rows, vectors=vectors,
                                        cache=cache, index=index)
                counts["encoded"] = encoded if counts["documents"] else 0
                for key, value in counts.items():
                    totals[key] += value
                n += 1
                if progress:
                    progress(n, len(pending))
    totals["seconds"] = round(time.perf_counter() - started, 3)
    totals["matcher"] = f"{matcher.name} {matcher.version}"
    return totals


def _one_blas_thread(placing: bool):
    """NumPy's BLAS on one thread while documents are placed. A document's products are small
    (2,000 x 384 by 384 x 30), and OpenBLAS's threads, left spinning after each, took CPU from
    the cross-encoder and SQLite: the update's CPU fell by a quarter on one (docs/scale.md)."""
    if not placing:
        return nullcontext()  # nothing pending: a read's update costs nothing
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _vectors(rows: list[dict], stored: dict[str, bytes], matcher: ClaimMatcher) -> tuple[np.ndarray, int]:
    """The claims' vectors: the ones computed beside the analysis when every claim has one,
    else the encoder's on the document's claims in one call (as the analysis would have made
    them); and how many claims were encoded here."""
    if not rows:
        return np.zeros((0, 1), dtype=np.float32), 0
    if all(r["id"] in stored for r in rows) and len({len(stored[r["id"]]) for r in rows}) == 1:
        return np.stack([np.frombuffer(stored[r["id"]], dtype=np.float32) for r in rows]), 0
    return np.asarray(matcher.embed([r["text"] for r in rows]), dtype=np.float32), len(rows)


class ClusterCache:
    """Cluster states read from the store, kept between the documents of one update run: a
    common entity's block is read once per run, not once per document. Placement changes the
    states in place and the store gets the same values in the document's transaction; a
    placement that is dropped (another writer placed the document first) drops what it touched."""

    def __init__(self, store, size: int = CLUSTER_CACHE):
        self.store = store
        self.size = size
        self._states: OrderedDict[str, C.ClusterState] = OrderedDict()

    def get(self, ids: list[str]) -> list[C.ClusterState]:
        missing = [i for i in ids if i not in self._states]
        if missing:
            for row in self.store.ledger_cluster_states(missing):
                self._states[row["id"]] = _state(row)
        for i in ids:
            if i in self._states:
                self._states.move_to_end(i)
        while len(self._states) > self.size:
            self._states.popitem(last=False)
        return [self._states[i] for i in ids if i in self._states]

    def committed(self, clusters: list[C.ClusterState]) -> None:
        for cluster in clusters:
            cluster.new = cluster.changed = False
            self._states[cluster.id] = cluster

    def forget(self, ids) -> None:
        for i in ids:
            self._states.pop(i, None)


def _state(row: dict) -> C.ClusterState:
    return C.ClusterState(id=row["id"], representative=row["representative"], text=row["text"],
                          centroid=from_bytes(row["centroid"]), size=row["size"], keys=list(row["keys"]),
                          figures=list(row["figures"]), polarity=row["polarity"],
                          first_seen=row["first_seen"], last_seen=row["last_seen"],
                          documents=row.get("documents") or 1)


class Block:
    """A document's stored candidate clusters as one matrix with a block key -> rows index, so a
    claim's candidates are ranked by one matrix product and only those that can change its
    placement (the `NEAREST`, and those `clusters.may_matter` names) are ranked exactly."""

    SLACK = 1e-4  # the matrix product's cosines may differ from np.dot's in the last bits

    def __init__(self, clusters: list[C.ClusterState], dim: int, vectors: np.ndarray | None = None,
                 keys: set[str] | None = None):
        self.clusters = clusters
        # The document's claim vectors (a row per claim): every claim's cosines to every
        # candidate are one product, made on first use and kept in step with `placed`, not a
        # gather of its candidates' rows per claim (3 MB a claim at 2,000 candidates).
        self.vectors = vectors
        self._cosines: np.ndarray | None = None
        # One concatenation, not np.stack (which checks and reshapes each of 2,000 rows).
        self.matrix = (np.concatenate([c.centroid for c in clusters]).astype(np.float32, copy=False)
                       .reshape(len(clusters), dim) if clusters else np.zeros((0, dim), dtype=np.float32))
        # Only the document's own keys are ever looked up (`keys`: its claims' block keys).
        self.rows: dict[str, list[int]] = {}
        for i, c in enumerate(clusters):
            for k in c.keys:
                if keys is None or k in keys:
                    self.rows.setdefault(k, []).append(i)
        self.figured = np.array([bool(c.figures) for c in clusters], dtype=bool)
        self.polarity = np.array([c.polarity for c in clusters], dtype=np.int64)
        self.position = {c.id: i for i, c in enumerate(clusters)}
        self.fresh: list[C.ClusterState] = []  # founded by this document
        self._arrays: dict[str, np.ndarray] = {}

    def _rows(self, key: str) -> np.ndarray | None:
        rows = self.rows.get(key)
        if rows is None:
            return None
        cached = self._arrays.get(key)
        if cached is None or len(cached) != len(rows):
            cached = self._arrays[key] = np.asarray(rows, dtype=np.int64)
        return cached

    def candidates(self, claim: C.ClaimItem, matcher: ClaimMatcher,
                   column: int | None = None) -> list[tuple[float, C.ClusterState]]:
        """The claim's candidates ranked by `clusters.rank`; `column`: its row in `vectors`."""
        arrays = [a for a in (self._rows(k) for k in claim.keys) if a is not None]
        chosen: list[C.ClusterState] = []
        if arrays:
            if len(arrays) == 1:
                idx = arrays[0]
            else:
                mask = np.zeros(len(self.clusters), dtype=bool)
                for a in arrays:
                    mask[a] = True
                idx = np.flatnonzero(mask)
            if column is not None and self.vectors is not None:
                if self._cosines is None:
                    self._cosines = self.matrix @ self.vectors.T
                cos = self._cosines[idx, column]
            else:
                cos = self.matrix[idx] @ np.asarray(claim.embedding, dtype=np.float32)
            if len(idx) > C.NEAREST:
                keep = cos >= np.partition(cos, -C.NEAREST)[-C.NEAREST] - self.SLACK
                if claim.figures:
                    # A figure matters only between counts of one quantity (`same_count`,
                    # `conflicting_figures`), and a cluster's keys name its members' quantities
                    # (`q:` keys, its representative's among them): the others cannot matter.
                    counted = np.zeros(len(self.clusters), dtype=bool)
                    for k in claim.keys:
                        if k.startswith("q:") and (rows := self._rows(k)) is not None:
                            counted[rows] = True
                    keep |= counted[idx] & self.figured[idx] & (cos >= matcher.figure_similarity - self.SLACK)
                if claim.polarity:
                    keep |= ((self.polarity[idx] * claim.polarity == -1)
                             & (cos >= matcher.contradiction_similarity - self.SLACK))
                idx = idx[keep]
            chosen = [self.clusters[i] for i in idx]
        wanted = set(claim.keys)
        chosen += [c for c in self.fresh if wanted & set(c.keys)]
        return C.rank(claim, chosen)

    def placed(self, placement: C.Placement) -> None:
        """Keep the index in step with a placement: a founded cluster joins the fresh ones, a
        joined stored cluster has a new centroid and maybe new keys."""
        cluster = placement.cluster
        i = self.position.get(cluster.id)
        if i is None:
            if placement.founded:
                self.fresh.append(cluster)
            return
        self.matrix[i] = cluster.centroid
        if self._cosines is not None:
            self._cosines[i] = self.matrix[i] @ self.vectors.T
        for k in cluster.keys:
            rows = self.rows.setdefault(k, [])
            if i not in rows:
                rows.append(i)


def place_document(store, backend: StoreOrigins, matcher: ClaimMatcher, document_id: str, *,
                   rows: list[dict] | None = None, vectors: np.ndarray | None = None,
                   cache: ClusterCache | None = None, index: BlockIndex | None = None) -> dict:
    doc = backend.doc_of(document_id)
    sh = shingles(doc.text)
    origin = assign(doc, backend, sh)
    backend.remember(doc, sh)

    if rows is None:
        rows = store.ledger_claim_rows(document_id)
    if vectors is None:
        vectors, _ = _vectors(rows, {}, matcher)
    cache = cache or ClusterCache(store)
    local: dict[str, C.ClusterState] = {}  # clusters made or changed by this document
    # One candidate query for the whole document: the stored clusters sharing a block key with
    # any of its claims (the most recently updated, at most 2,000); each claim then takes those
    # sharing one of its own keys.
    all_keys = set()
    prepared = []
    for row in rows:
        found = [f.as_dict() for f in figures(row["text"])]
        keys = C.block_keys(row["entity_keys"], row["text"], found)
        all_keys.update(keys)
        prepared.append((found, keys))
    ids = index.clusters(all_keys) if index is not None else store.ledger_block_clusters(sorted(all_keys))
    block = Block(cache.get(ids), vectors.shape[1],
                  np.asarray(vectors, dtype=np.float32), all_keys)
    # A claim founds the cluster named after it, unless a cluster of that name outlived an earlier
    # placement of the same claim (a re-analysed document): then the next free name.
    taken = store.ledger_existing_clusters([C.cluster_id(r["id"]) for r in rows])
    claim_rows, key_rows, conflicts = [], [], []
    counts = {"documents": 1, "claims": len(rows), "new_clusters": 0, "joined": 0, "conflicts": 0,
              "copies": int(origin.link.copy_of is not None or bool(origin.relinked))}
    for column, (row, vector, (found, keys)) in enumerate(zip(rows, vectors, prepared)):
        found_id = C.cluster_id(row["id"])
        bump = 0
        while found_id in taken:  # rare: ask the store about each next name
            bump += 1
            found_id = f"clu-{make_id(row['id'], bump)}"
            taken |= store.ledger_existing_clusters([found_id])
        item = C.ClaimItem(id=row["id"], document=document_id, text=row["text"], status=row["status"],
                           keys=keys, figures=found, found_id=found_id,
                           polarity=polarity(row["text"], row["status"]), date=doc.date, embedding=vector)
        placement = C.place_ranked(item, block.candidates(item, matcher, column), matcher)
        block.placed(placement)
        cluster = placement.cluster
        if not placement.founded and cluster.id not in local:
            cluster.documents += 1  # the first mention of this document in a stored cluster
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
    changed = [c for c in local.values() if c.changed]
    try:
        placed = store.ledger_place(
            document={"id": document_id, "outlet": doc.outlet, "date": doc.date},
            origin={"origin": origin.origin, "copy_of": origin.link.copy_of, "rule": origin.link.rule,
                    "containment": origin.link.containment},
            bands=origin.keys, credits=origin.credits, regrouped=origin.regrouped,
            relinked={m: {"copy_of": x.copy_of, "rule": x.rule, "containment": x.containment}
                      for m, x in origin.relinked.items()},
            claims=claim_rows, clusters=[c.as_row() for c in changed],
            keys=sorted(set(key_rows)), conflicts=_unique(conflicts), version=LEDGER_VERSION)
    except Exception:
        cache.forget(local)  # rolled back: the states it changed are not the store's
        raise
    if not placed:  # another writer placed it first: its placement stands
        cache.forget(local)
        if index is not None:
            index.forget()  # and its clusters are not in the kept lists
        return {key: 0 for key in counts}
    cache.committed(changed)
    if index is not None:
        index.placed(changed, placed)
    return counts


def _unique(conflicts: list[dict]) -> list[dict]:
    best: dict[tuple, dict] = {}
    for c in conflicts:
        key = (c["a"], c["b"], c["kind"])
        if key not in best or c["score"] > best[key]["score"]:
            best[key] = c
    return list(best.values())
