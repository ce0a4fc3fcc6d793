"""The block-key lists an update run has read, kept between its documents.

    index = BlockIndex(store)
    ids = index.clusters(keys)          # = store.ledger_block_clusters(keys): the same ids
    index.placed(clusters, updated)     # after a document's transaction wrote them

A document's candidates are the 2,000 clusters most recently updated among those sharing one of
its block keys (`ledger_block_clusters`). Read from the store, each document pays a merge over
its keys' index pages (some thousands of rows: the largest part of an update after the
cross-encoder, and growing with the store). Consecutive documents share most keys (the entities
a desk follows), so the run keeps what it read: for each key, its store list from the newest
row down to a known bound, exactly. A document reads from the store only the part of a key's
list below that bound that can still be among its 2,000; the run's own placements are written
into the kept lists as they are into `ledger_keys` (a placed cluster's rows all take the
placement's `updated`), so the kept lists stay the store's.

The store should have no other writer during the run (as for `update.ClusterCache`): a cluster
another process updates meanwhile would be listed at its old place. Where the run sees one (a
document another process placed first), `forget()` drops the kept lists.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections.abc import Iterable

BOTTOM = ("", "")  # below every row: a key whose list is known to its end

LIMIT = 2000


class BlockIndex:
    def __init__(self, store, max_rows: int = 2_000_000):
        self.store = store
        self.max_rows = max_rows  # kept rows over all keys; past it the run starts afresh
        self._rows: dict[str, list[tuple[str, str]]] = {}  # key -> (updated, cluster), ascending
        self._bound: dict[str, tuple[str, str]] = {}  # every row at or above it is in _rows
        self._updated: dict[str, str] = {}  # cluster -> its `updated` in the kept lists
        self._kept = 0

    def forget(self) -> None:
        """Drop every kept list (the next documents read afresh): past `max_rows`, or once
        another writer is seen, whose placements the kept lists do not hold."""
        self._rows, self._bound, self._updated, self._kept = {}, {}, {}, 0

    def clusters(self, keys: Iterable[str], limit: int = LIMIT) -> list[str]:
        """The ids of the `limit` clusters most recently updated (ties: the greater id) among
        those with one of the keys: what `store.ledger_block_clusters` answers."""
        keys = sorted(set(keys))
        if not keys:
            return []
        if self._kept > self.max_rows:
            self.forget()
        page = {k: max(16, limit // len(keys)) for k in keys}
        while True:
            best = self._top(keys, limit)
            floor = best[-1] if len(best) == limit else BOTTOM
            # A key's unread rows are below its bound: they matter only if that is above the floor.
            todo = [k for k in keys if k not in self._bound or self._bound[k] > floor]
            if not todo:
                return [c for _, c in best]
            got = self.store.ledger_key_pages({k: (self._bound.get(k), page[k]) for k in todo}, floor)
            for k in todo:
                rows = sorted(got.get(k, []), reverse=True)
                read_below = k in self._bound  # a next page, read down to the floor at most
                for row in rows:
                    self._add(k, row)
                if len(rows) == page[k]:
                    self._bound[k] = rows[-1]
                else:  # to its end, or to the floor
                    self._bound[k] = floor if read_below else BOTTOM
                page[k] *= 2

    def _top(self, keys: list[str], limit: int) -> list[tuple[str, str]]:
        """The kept rows' best `limit` over the keys, newest first, each cluster once."""
        seen: set[str] = set()
        best: list[tuple[str, str]] = []
        lists = [reversed(self._rows[k][-limit:]) for k in keys if self._rows.get(k)]
        for row in heapq.merge(*lists, reverse=True):
            if row[1] not in seen:
                seen.add(row[1])
                best.append(row)
                if len(best) == limit:
                    break
        return best

    def _add(self, key: str, row: tuple[str, str]) -> None:
        rows = self._rows.setdefault(key, [])
        at = bisect_left(rows, row)
        if at == len(rows) or rows[at] != row:
            rows.insert(at, row)
            self._kept += 1
        self._updated[row[1]] = row[0]

    def placed(self, clusters: Iterable, updated: str) -> None:
        """A document's transaction gave these clusters (new or joined) `updated` on every key
        row: move them to that place in the kept lists of their keys."""
        for cluster in clusters:
            old = self._updated.get(cluster.id)
            for key in cluster.keys:
                if key not in self._bound:
                    continue  # not read in this run: the store's list is read when asked
                rows = self._rows.setdefault(key, [])
                if old is not None:
                    at = bisect_left(rows, (old, cluster.id))
                    if at < len(rows) and rows[at] == (old, cluster.id):
                        del rows[at]
                        self._kept -= 1
                row = (updated, cluster.id)
                if row >= self._bound.get(key, BOTTOM):
                    insort(rows, row)
                    self._kept += 1
            self._updated[cluster.id] = updated
