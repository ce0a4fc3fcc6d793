"""`claimscope serve --workers 2`: a real multi-process server on a real store, killed at the end."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from web_support import fill

from claimscope.store import open_store
from claimscope.web.serve_thread import free_port
from claimscope.web.workers import connections_held

SRC = Path(__file__).resolve().parents[2] / "src"


def _workers(pid: int) -> list[int]:
    """uvicorn's worker processes: the server's children started by multiprocessing's spawn."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
                command = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if parent == pid and b"spawn_main" in command:
                found.append(int(entry))
    return found


async def _hold_connections(port: int, n: int, workers: list[int]) -> list[int]:
    """Open n connections at once, ask on each, and count, while they are open, each worker's."""
    opened = await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in range(n)))
    try:
        for _, writer in opened:
            writer.write(b"GET /api/v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        for reader, _ in opened:
            assert (await reader.readline()).startswith(b"HTTP/1.1 200")
        return [connections_held(pid, port) for pid in workers]
    finally:
        for _, writer in opened:
            writer.close()


def _serve(db: str, port: int, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("CLAIMSCOPE_TOKEN", None)
    return subprocess.Popen([sys.executable, "-m", "claimscope.cli.main", "serve", "--db", db,
                             "--port", str(port), *extra], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def _documents(base: str) -> set[int]:
    """The overview's document count, over new connections (each may land on either worker)."""
    counts = set()
    for _ in range(12):
        with httpx.Client(base_url=base, timeout=30) as client:
            answer = client.get("/.json")
            assert answer.status_code == 200
            counts.add(answer.json()["stats"]["documents"])
    return counts


def test_two_worker_processes_serve_one_port_and_see_another_writer(tmp_path, demo_analyses):
    db = str(tmp_path / "claimscope.db")
    fill(db, demo_analyses[:2])
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(db, port, "--workers", "2", "--cache-mb", "16")
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                if httpx.get(base + "/api/v1/stats", timeout=5).status_code == 200 and len(_workers(server.pid)) == 2:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not start with two workers"
            time.sleep(0.3)
        workers = _workers(server.pid)
        assert _documents(base) == {2}
        # Keep-alive connections opened at once are spread over both workers (each has its own
        # listening socket), not taken by whichever accepts first.
        held = asyncio.run(_hold_connections(port, 24, workers))
        assert sum(held) == 24 and min(held) >= 3, held  # by chance: about 4 in 100,000 runs
        answer = httpx.get(base + f"/documents/{demo_analyses[0].document.id}", timeout=30)
        assert answer.status_code == 200 and "script-src 'self'" in answer.headers["content-security-policy"]
        assert httpx.post(base + "/api/v1/documents", json={"text": "x"}, timeout=30).status_code == 403
        with open_store(db) as other:  # another process stores a document: every worker sees it
            other.save(demo_analyses[2])
        assert _documents(base) == {3}
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        finally:
            if server.poll() is None:
                server.kill()
    for pid in workers:  # the workers stopped with their parent
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_a_store_that_cannot_open_is_one_error_line_before_any_worker_starts(tmp_path):
    server = _serve(str(tmp_path / "no-such-folder" / "claimscope.db"), free_port(), "--workers", "2")
    out, _ = server.communicate(timeout=60)
    assert server.returncode == 2
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error E") and "no-such-folder" in lines[0]
