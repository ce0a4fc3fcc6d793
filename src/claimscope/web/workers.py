"""`claimscope serve --workers N`: N server processes on one port, each with its own listening socket.

uvicorn's own `--workers` shares one listening socket among its processes, and whichever is
waiting in `accept` takes the next connection. Clients that open keep-alive connections at
once (a browser opens six; the load benchmark fifty) then land mostly on one process: 48 of
50 on one of two workers, measured, and the other worker idled. Here every worker binds the
port itself with SO_REUSEPORT, and Linux spreads new connections evenly over the sockets
(a hash of each connection's addresses). Linux lets only processes of the same user share
the port so. Where SO_REUSEPORT does not balance like that (not Linux), uvicorn's workers
are used.

Each worker builds its app with `app_from_environment` (the store from CLAIMSCOPE_DB, the
options from CLAIMSCOPE_SERVE_OPTIONS, both set by `serve`). SIGINT and SIGTERM stop every
worker gracefully; a worker that dies stops the others, and the command fails.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import time
from pathlib import Path

APP = "claimscope.web.app:app_from_environment"


def balanced_ports() -> bool:
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def connections_held(pid: int, port: int) -> int:
    """Established TCP connections to `port` that process `pid` holds: how the kernel spread
    the clients over the workers (Linux: the process's socket fds matched in /proc/net/tcp;
    0 where they cannot be read). For the load benchmark and the tests of the spread."""
    inodes = set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        return 0
    held = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        held += int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01" and fields[9] in inodes
    return held


def serve_workers(workers: int, host: str, port: int, log_level: str = "info") -> int:
    """Run `workers` processes until a signal stops them (0) or one dies on its own (1)."""
    import uvicorn

    if not balanced_ports():
        uvicorn.run(APP, factory=True, workers=workers, host=host, port=port, log_level=log_level)
        return 0
    _check_free(host, port)
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_worker, args=(host, port, log_level), name=f"claimscope-serve-{i}")
                 for i in range(workers)]
    stopping = False

    def stop(signum, _frame) -> None:
        nonlocal stopping
        stopping = True
        for process in processes:
            if process.is_alive() and signum != signal.SIGINT:  # Ctrl-C reached the workers already
                process.terminate()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for process in processes:
            process.start()
        print(f"claimscope serve: {workers} worker processes on http://{host}:{port}", flush=True)
        while not stopping and all(process.is_alive() for process in processes):
            time.sleep(0.2)
        if not stopping:  # a worker died by itself: the server is not whole any more
            for process in processes:
                if process.is_alive():
                    process.terminate()
        for process in processes:
            process.join(timeout=20)
        for process in processes:  # a worker the signal did not reach, or that hangs
            if process.is_alive():
                process.terminate()
                process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0 if stopping else 1


def _check_free(host: str, port: int) -> None:
    # A plain bind first: SO_REUSEPORT would let the workers join another listener of this
    # user on the port instead of failing as a busy port should.
    from claimscope.errors import SettingError

    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise SettingError(f"--host {host} --port {port}", f"cannot listen there ({exc.strerror})") from None


def _family(host: str) -> int:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _worker(host: str, port: int, log_level: str) -> None:
    import uvicorn

    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    config = uvicorn.Config(APP, factory=True, log_level=log_level)
    uvicorn.Server(config).run(sockets=[sock])
