"""Has anything been committed to the store since I last looked? A test far cheaper than a stamp.

    watch = ChangeWatch(store)
    marker = watch.marker()   # compare with the previous marker; equal: nothing was committed
    watch.close()

Read caches key on `browse_stamp()` (five counts over the store's largest tables: ~0.3 ms of CPU
on SQLite, a scan of each table on PostgreSQL). Read for every cached answer, that was a large
part of each answer's cost; with a watch, the stamp is read again only when the marker moved.

- SQLite: `PRAGMA data_version` on one connection kept for it. Its value changes whenever any
  other connection (of this process or another) commits a change, and never otherwise, so it is
  `exact`: a caller may treat any change of marker as a change of the store. It reads no table.
- PostgreSQL: `pg_current_snapshot()` (the oldest running transaction, the next transaction id,
  and the ids still running). A write transaction that commits anywhere on the server between
  two calls either got its id after the first (the next id moved) or was running at the first
  (the running list changed), so an unchanged marker means nothing was committed. The marker
  also moves for writes to other databases of the server, so it is not `exact`: a caller reads
  the stamp again when it moves.
"""

from __future__ import annotations

import threading


class ChangeWatch:
    def __init__(self, store):
        self.dialect = store.dialect
        self.exact = self.dialect == "sqlite"
        self._engine = store.engine
        self._lock = threading.Lock()
        # data_version is per connection: the same connection must answer every time.
        self._raw = self._engine.raw_connection() if self.exact else None

    def marker(self):
        if self.exact:
            with self._lock:  # one sqlite3 connection, shared by the server's threads
                if self._raw is None:
                    raise RuntimeError("the change watch is closed")
                cursor = self._raw.cursor()
                try:
                    return cursor.execute("PRAGMA data_version").fetchone()[0]
                finally:
                    cursor.close()
        with self._engine.connect() as connection:
            return connection.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar()

    def close(self) -> None:
        with self._lock:
            if self._raw is not None:
                self._raw.close()  # back to the pool the engine disposes of
                self._raw = None
