"""CPU seconds of the PostgreSQL server a store talks to, read from /proc (the server on this
machine), so a PostgreSQL figure carries the database work that on SQLite sits in the client.

    cpu = ServerCpu(store)      # None-valued on SQLite, or when the server is not local
    before = cpu.seconds()
    ...
    used = cpu.seconds() - before

The server's processes are the postmaster's children (backends, checkpointer, WAL writer,
autovacuum): the live ones' run time from `schedstat` (nanoseconds), and the ones that exited
from the postmaster's `cutime + cstime` (clock ticks), so a backend that ends between two
readings keeps counting. pg_stat has no CPU time, hence /proc.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import text

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    raw = Path(f"/proc/{pid}/stat").read_text()
    return raw[raw.rindex(")") + 2:].split()  # fields from the third (state) on


def _run_seconds(pid: int) -> float:
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9


class ServerCpu:
    def __init__(self, store):
        self.pid: int | None = None
        if store.dialect != "postgresql":
            return
        with store.engine.connect() as connection:
            data = connection.execute(text("SHOW data_directory")).scalar_one()
        try:
            pid = int(Path(data, "postmaster.pid").read_text().split()[0])
            _stat(pid)
        except (OSError, ValueError, IndexError):
            return  # not a server on this machine: no figure rather than a wrong one
        self.pid = pid

    def seconds(self) -> float | None:
        if self.pid is None:
            return None
        rest = _stat(self.pid)
        total = _run_seconds(self.pid) + (int(rest[13]) + int(rest[14])) / TICK  # exited children
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        for child in children:
            try:
                total += _run_seconds(int(child))
            except OSError:
                pass  # it exited meanwhile: its time is in the next reading's cutime
        return total
