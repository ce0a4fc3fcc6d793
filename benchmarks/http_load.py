"""A light HTTP/1.1 load generator: asyncio streams, one keep-alive connection per client.

    timings, errors, examples, elapsed = asyncio.run(run_load(host, port, routes, clients=50, seconds=60))

Why not httpx: its pool, header models and URL parsing cost the client ~1 ms of CPU per
request, and on a 2-core machine shared with the server the clients then measure themselves.
This client parses only what it needs (the status line, Content-Length or chunked framing,
Connection: close), so per request it costs a small fraction of what the server does.

Semantics are those of a browser tab that never pauses: each client holds one connection,
sends a GET as soon as the previous answer has been read whole, and picks routes round robin
with a random URL of each. An answer that is not 200, or no answer (refused, reset, timed out,
cut off), is an error. After an error, or when the server says `Connection: close`, the client
opens a new connection; `reconnects` counts those, and a request is never retried.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

ACCEPT = b"text/html,application/json;q=0.9,*/*;q=0.8"


class BadAnswer(Exception):
    """The server's bytes were not an HTTP/1.1 answer this client can read."""


@dataclass
class LoadResult:
    timings: dict[str, list[float]]
    errors: dict[str, int]
    examples: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    reconnects: int = 0
    bytes_read: int = 0
    kept: dict[str, int] = field(default_factory=dict)  # answers the server says it had kept (X-Cache: hit)


class Connection:
    """One keep-alive HTTP/1.1 connection; `get` returns (status, body); `hit` is whether the
    last answer said `X-Cache: hit`."""

    def __init__(self, host: str, port: int, timeout: float = 60.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.hit = False

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.wait_for(
            asyncio.open_connection(self.host, self.port, limit=1 << 20), self.timeout)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            await self.open()
        self.writer.write(b"GET " + path.encode("ascii") + b" HTTP/1.1\r\nHost: " + self.host.encode()
                          + b"\r\nAccept: " + ACCEPT + b"\r\nUser-Agent: claimscope-bench\r\n\r\n")
        return await asyncio.wait_for(self._answer(), self.timeout)

    async def _answer(self) -> tuple[int, bytes]:
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        parts = lines[0].split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            raise BadAnswer(lines[0][:80].decode("latin-1"))
        status = int(parts[1])
        length, chunked, close = None, False, parts[0] == b"HTTP/1.0"
        self.hit = False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name == b"connection":
                close = b"close" in value.lower()
            elif name == b"x-cache":
                self.hit = value.strip().lower() == b"hit"
        if chunked:
            body = await self._chunked()
        elif length is not None:
            body = await self.reader.readexactly(length)
        else:  # no framing: the body runs to the end of the connection
            body = await self.reader.read()
            close = True
        if close:
            self.close()
        return status, body

    async def _chunked(self) -> bytes:
        chunks = []
        while True:
            size_line = await self.reader.readuntil(b"\r\n")
            size = int(size_line.split(b";", 1)[0].strip(), 16)
            if size == 0:
                while (await self.reader.readuntil(b"\r\n")) != b"\r\n":  # trailers
                    pass
                return b"".join(chunks)
            chunks.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)


async def run_load(host: str, port: int, routes: dict[str, list[str]], clients: int, seconds: float,
                   timeout: float = 60.0) -> LoadResult:
    """`clients` connections, each sending GETs back to back for `seconds`."""
    names = list(routes)
    result = LoadResult(timings={r: [] for r in names}, errors={r: 0 for r in names}, kept={r: 0 for r in names})
    deadline = time.monotonic() + seconds

    async def client(n: int) -> None:
        rng = random.Random(n)
        connection = Connection(host, port, timeout)
        i = n
        try:
            while time.monotonic() < deadline:
                route = names[i % len(names)]
                i += 1
                url = rng.choice(routes[route])
                reused = connection.writer is not None
                t = time.perf_counter()
                try:
                    status, body = await connection.get(url)
                    ok = status == 200
                    result.bytes_read += len(body)
                    result.kept[route] += connection.hit
                    if not ok and len(result.examples) < 10:
                        result.examples.append(f"{status} {url} {body[:120]!r}")
                except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, BadAnswer, ValueError) as exc:
                    ok = False
                    connection.close()
                    result.reconnects += 1
                    if len(result.examples) < 10:
                        result.examples.append(f"{type(exc).__name__} {url} "
                                               f"({'reused' if reused else 'new'} connection)")
                result.timings[route].append(time.perf_counter() - t)
                if not ok:
                    result.errors[route] += 1
        finally:
            connection.close()

    started = time.monotonic()
    await asyncio.gather(*(client(n) for n in range(clients)))
    result.elapsed = time.monotonic() - started
    return result


async def fetch_once(host: str, port: int, path: str, timeout: float = 120.0) -> tuple[int, bytes, float]:
    """One GET on a new connection: (status, body, seconds)."""
    connection = Connection(host, port, timeout)
    try:
        t = time.perf_counter()
        status, body = await connection.get(path)
        return status, body, time.perf_counter() - t
    finally:
        connection.close()
