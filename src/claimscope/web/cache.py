"""Answers kept, rendered, while the store is unchanged: the pages and the expensive ledger reads.

    found, hit = await kept(request, key_parts, make)   # make() -> Kept | None, in the thread pool on a miss
    return found.response(hit)                          # X-Cache: hit or miss

- `ReadCache`: least recently used answers, bounded by their size in bytes (`WebConfig.cache_bytes`),
  not by their number: a store of 1,000 articles has 1,000 article pages of ~30 kB each, and a
  count limit below that working set made most reads rebuild their page.
- `StoreStamp`: the key every kept answer carries. The store's `browse_stamp()` (documents,
  analyses, the ledger, corpus entities) is read again only when the change watch
  (`store/watch.py`) says something was committed since; reading it for every answer cost more
  than the answer. On SQLite the watch sees every commit, so the stamp also carries the watch's
  marker: any commit (a relink that changes no count included) makes new keys, and kept answers
  need no time limit. On PostgreSQL a `relink` that changes no count is bounded by `ttl`.
- `kept`: a hit is answered on the event loop, without a trip through the thread pool; a miss
  is computed once in the thread pool however many requests wait for the same key.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from typing import NamedTuple

from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

# What a kept entry costs beyond its body (key, tuple, bookkeeping), counted against the bound.
ENTRY_OVERHEAD = 256
TTL_S = 60.0  # when the stamp cannot see every change (PostgreSQL); None on SQLite

_UNSET = object()


class Kept(NamedTuple):
    body: bytes
    status: int
    media_type: str

    def response(self, hit: bool) -> Response:
        """The answer, saying whether it was kept (`X-Cache: hit`) or made for this request."""
        return Response(self.body, status_code=self.status, media_type=self.media_type,
                        headers={"X-Cache": "hit" if hit else "miss"})


class ReadCache:
    """`Kept` answers by key, least recently used dropped first once over `max_bytes`."""

    def __init__(self, max_bytes: int, ttl: float | None = TTL_S):
        self.max_bytes, self.ttl = max_bytes, ttl
        self.bytes = 0
        self.hits = self.made = 0  # answers found kept, and answers made on a miss
        self._items: OrderedDict = OrderedDict()  # key -> (made at, Kept, size)
        self._lock = threading.Lock()  # hits on the loop, clears from write routes' threads
        self._pending: dict = {}  # key -> Future of a miss being computed (event loop only)

    def __len__(self) -> int:
        return len(self._items)

    def lookup(self, key) -> Kept | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            if self.ttl is not None and time.monotonic() - found[0] >= self.ttl:
                self._drop(key)
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found[1]

    def put(self, key, value: Kept) -> None:
        self.made += 1
        size = len(value.body) + ENTRY_OVERHEAD
        if size > self.max_bytes:
            return  # larger than the whole cache: never kept
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = (time.monotonic(), value, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                self._drop(next(iter(self._items)))

    def get(self, key, make) -> Kept | None:
        """The kept answer, or `make()` kept (for callers outside the event loop)."""
        found = self.lookup(key)
        if found is None:
            found = make()
            if found is not None:
                self.put(key, found)
        return found

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0

    def _drop(self, key) -> None:
        self.bytes -= self._items.pop(key)[2]


class StoreStamp:
    """The store's stamp, read again only when the change watch's marker moved."""

    def __init__(self, store, watch):
        self.store, self.watch = store, watch
        self._lock = threading.Lock()
        self._marker = _UNSET
        self._value = None

    @property
    def exact(self) -> bool:
        return self.watch.exact

    def __call__(self):
        marker = self.watch.marker()
        with self._lock:
            if marker == self._marker:
                return self._value
        # Read after the marker, so the stamp is at least as new as the marker it is kept with.
        value = self.store.browse_stamp()
        if self.watch.exact:
            value = (value, marker)
        with self._lock:
            self._marker, self._value = marker, value
        return value


def read_cache(request) -> ReadCache:
    return request.app.state.read_cache


def stamp(request):
    return request.app.state.store_stamp()


async def kept(request, key_parts: tuple, make) -> tuple[Kept | None, bool]:
    """(answer, hit): the answer kept under `key_parts` + the store's stamp, else `make()` (in
    the thread pool) kept; None (not kept) when `make` gives None. Errors raise to every waiter
    and are not kept."""
    state = request.app.state
    store_stamp: StoreStamp = state.store_stamp
    # The SQLite watch is a pragma on a local file (microseconds); a PostgreSQL round trip is
    # not made on the event loop.
    now = store_stamp() if store_stamp.exact else await run_in_threadpool(store_stamp)
    key = (*key_parts, now)
    cache: ReadCache = state.read_cache
    found = cache.lookup(key)
    if found is not None:
        return found, True
    pending = cache._pending.get(key)
    if pending is not None:
        await asyncio.wait([pending])  # the same miss, computed by another request
        if not pending.cancelled():
            return pending.result(), False  # its error raises here too
        return await kept(request, key_parts, make)  # that request went away first: ours now
    future = asyncio.get_running_loop().create_future()
    cache._pending[key] = future
    try:
        value = await run_in_threadpool(make)
    except BaseException as exc:
        if isinstance(exc, asyncio.CancelledError):
            future.cancel()
        else:
            future.set_exception(exc)
            future.exception()  # retrieved: no warning when nobody else waited
        raise
    finally:
        cache._pending.pop(key, None)
    if value is not None:
        cache.put(key, value)
    future.set_result(value)
    return value, False
