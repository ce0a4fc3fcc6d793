"""Crash safety with real processes: `kill -9` mid-ingest, then the same command again; and two
ingest processes on one store at once. Nothing lost, nothing doubled, nothing half-written."""

from __future__ import annotations

import random
import subprocess
import time

import pytest
from helpers import check_store, command, run, summary


@pytest.fixture(scope="module")
def fresh():
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    return Workspace(Settings())  # the settings the CLI runs with


def test_kill_9_at_random_moments_then_the_same_command_again(corpus, store_url, fresh):
    from claimscope.store import open_store

    seed = time.time_ns()
    rng = random.Random(seed)
    args = ("ingest", str(corpus["folder"]), str(corpus["rows"]), "--db", store_url, "--workers", "1")
    kills = []
    with open_store(store_url) as watcher:
        # Kill once early and once late in the run: after a random number of stored documents
        # plus a random fraction of a second, so the kill lands anywhere in a document's write.
        for low, high in ((0, 10), (12, 26)):
            target = rng.randint(low, high)
            process = subprocess.Popen(command(*args), stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            while process.poll() is None and watcher.stats()["documents"] < target:
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 0.4))
            if process.poll() is None:
                process.kill()  # SIGKILL: no cleanup, no rollback handler, no atexit
                process.wait()
                time.sleep(0.5)  # a COMMIT sent just before the kill may still be finishing
                kills.append((target, watcher.stats()["documents"]))
            process.wait()
    final = run(*args)
    assert final.returncode == 0, f"seed {seed}: {final.stderr}"
    counts = summary(final.stdout)
    assert counts["failed"] == 0 and sum(counts.values()) == corpus["inputs"], (seed, counts)
    assert kills, f"seed {seed}: ingest ended before any kill"
    assert counts["stored"] == len(corpus["texts"]) - kills[-1][1], (seed, kills, counts)
    check_store(store_url, corpus["texts"], corpus["inputs"], fresh)


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_worker_processes_end_when_ingest_is_killed(corpus, store_url):
    args = ("ingest", str(corpus["folder"]), "--db", store_url, "--workers", "2")
    process = subprocess.Popen(command(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        workers = children(process.pid)
    assert len(workers) >= 2, "the worker processes did not start"
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [w for w in workers if alive(w)], "worker processes outlived a killed ingest"


def test_two_ingest_processes_on_one_store_at_once(corpus, store_url, fresh):
    first = ("ingest", str(corpus["folder"]), str(corpus["rows"]), "--db", store_url, "--workers", "1")
    second = ("ingest", str(corpus["rows"]), str(corpus["folder"]), "--db", store_url, "--workers", "1")
    processes = [subprocess.Popen(command(*a), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for a in (first, second)]
    outputs = [p.communicate(timeout=600) for p in processes]
    for p, (_out, err) in zip(processes, outputs, strict=True):
        assert p.returncode == 0, err
    counts = [summary(out) for out, _ in outputs]
    # Each text was stored by exactly one of them; the other saw it stored.
    assert sum(c["stored"] for c in counts) == len(corpus["texts"]), counts
    assert all(sum(c.values()) == corpus["inputs"] and c["failed"] == 0 for c in counts), counts
    check_store(store_url, corpus["texts"], corpus["inputs"], fresh)
