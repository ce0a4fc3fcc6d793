"""Per-document analysis on a Dask distributed cluster: the pool `ingest --scheduler` uses.

    with DaskAnalysisPool(settings, "tcp://scheduler:8786") as pool:
        for result in ingest_documents(documents, store, pool, batch=pool.batch):
            ...  # the same IngestResults as a local ingest

A worker plugin sets each Dask worker process up once (one ONNX thread, the pipeline loaded in a
thread so the worker keeps answering the scheduler meanwhile); a task is `jobs.analyze_job` on
a plain payload and returns a plain analysis, so nothing but JSON types crosses the network. This
process stays the one writer (batch.py writes `pool.batch` analyses per transaction). At most
`2 x worker threads` tasks are in flight and each result is released once it is back, so memory
stays flat on inputs of any size. A worker that dies takes nothing with it: the scheduler gives
its tasks to another worker (Dask's own retries), and a task that kills its workers
`distributed.scheduler.allowed-failures` times fails as that input's error.

Dask is imported here only: a local ingest never loads it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import time
import uuid
from collections.abc import Iterable, Iterator

from claimscope import jobs
from claimscope.errors import (
    ClaimscopeError,
    ClusterWorkersFailed,
    PipelineError,
    SchedulerUnreachable,
)

PLUGIN_NAME = "claimscope"
# Seconds to reach the scheduler before saying it does not answer (settings.scheduler_timeout).
CONNECT_TIMEOUT = 10.0
WORKER_TIMEOUT = 60.0  # seconds to wait for a first worker to join a scheduler that has none
# Analyses per store transaction: enough to spread a commit's cost, few enough that the progress
# bar moves and a killed client re-analyses little (ingest_documents also writes a batch whose
# oldest analysis has waited 2 s, so a slow cluster's results do not sit unwritten).
BATCH = 16
_WINDOW_REFRESH = 5.0  # seconds between two looks at how many worker threads there are

try:  # the plugin's base class; without Dask the pool below says how to install it
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - dask[distributed] is a dependency
    WorkerPlugin = object


class ClaimscopeWorker(WorkerPlugin):
    """Loads the pipeline once per Dask worker process, with one ONNX (and BLAS) thread.

    The scheduler keeps the plugin and sets up every worker that joins later with it too (a
    worker its nanny restarts after a crash, a machine added mid-run).
    """

    name = PLUGIN_NAME

    def __init__(self, settings):
        self.settings = settings

    async def setup(self, worker) -> None:
        jobs.init_worker(self.settings, threads=1)
        try:
            # Loading takes seconds: in a thread, so the worker's event loop keeps its heartbeats.
            await asyncio.to_thread(jobs.warm_up)
        except ClaimscopeError as exc:
            # Our errors take two arguments and do not unpickle on the client: send the line.
            raise RuntimeError(f"{exc.code} {exc.message}") from None


class DaskAnalysisPool:
    """`jobs.analyze_job` on the workers of the Dask scheduler at `address`.

    Connecting raises SchedulerUnreachable (nothing answers at the address) or
    ClusterWorkersFailed (no worker joins, or a worker cannot set claimscope up), before any
    input is read.
    """

    batch = BATCH

    def __init__(self, settings, address: str, *, timeout: float | None = None,
                 worker_timeout: float = WORKER_TIMEOUT):
        if timeout is None:
            timeout = getattr(settings, "scheduler_timeout", CONNECT_TIMEOUT)
        self.address = address
        self.settings = dataclasses.replace(settings, threads=1)  # one core per worker process
        self.client = _connect(address, timeout)
        try:
            _wait_for_workers(self.client, address, worker_timeout)
            _register(self.client, address, ClaimscopeWorker(self.settings))
        except BaseException:
            self.client.close()
            raise
        self._window = 0
        self._window_at = -math.inf  # the first call sizes the window, whatever the clock reads

    def __enter__(self) -> DaskAnalysisPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    @property
    def workers(self) -> int:
        """Worker threads on the cluster now (one per worker process with `--nthreads 1`)."""
        return max(1, sum(self.client.nthreads().values()))

    def window(self) -> int:
        """Tasks in flight: two per worker thread, so none idles while its result travels back."""
        now = time.monotonic()
        if now - self._window_at > _WINDOW_REFRESH:
            self._window, self._window_at = 2 * self.workers, now
        return self._window

    def analyses(self, tasks: Iterable) -> Iterator:
        """Yield (task, analyze_job result) in completion order; IngestResults pass straight through."""
        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        from claimscope.batch import IngestResult

        inflight: dict = {}  # Future -> task
        completed = as_completed(loop=self.client.loop)
        source = iter(tasks)
        exhausted = False
        while True:
            while not exhausted and len(inflight) < self.window():
                item = next(source, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, IngestResult):
                    yield item
                else:
                    item.attempts += 1
                    key = f"claimscope-analyze-{item.info.id[:12]}-{uuid.uuid4().hex[:8]}"
                    future = self.client.submit(jobs.analyze_job, jobs.payload_of(item.info),
                                                key=key, pure=False)
                    inflight[future] = item
                    completed.add(future)
            if not inflight:
                return
            future = next(completed)
            task = inflight.pop(future)
            try:
                result = future.result()
            except KilledWorker:
                reason = "every Dask worker that analysed it died (out of memory?)"
                result = {"error": jobs.error_dict(PipelineError(task.info.name, reason))}
            except Exception as exc:  # noqa: BLE001 - a lost scheduler ends the run, below
                self._check_connected()
                reason = f"analysis on the cluster failed: {type(exc).__name__}: {exc}"
                result = {"error": jobs.error_dict(PipelineError(task.info.name, reason))}
            future.release()  # the result lives here now, not on the worker
            yield task, result

    def _check_connected(self) -> None:
        if self.client.status != "running":
            raise SchedulerUnreachable(self.address, "lost the connection to the Dask scheduler "
                                                     "mid-run; what was stored is intact, run the "
                                                     "same command again to store the rest")


def _connect(address: str, timeout: float):
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - dask[distributed] is a dependency
        raise ClusterWorkersFailed(address, "dask.distributed is not installed here "
                                            "(pip install 'dask[distributed]')") from None
    from distributed.comm import parse_address, parse_host_port

    try:  # checked first: a Client made from a bad address lingers, then complains at exit
        scheme, location = parse_address(address)
        if scheme != "inproc":  # a network address needs a host and a port
            parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise SchedulerUnreachable(address, f"not a Dask scheduler address ({_first_line(exc)}); "
                                            "give one like tcp://HOST:8786") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise SchedulerUnreachable(address, f"no Dask scheduler answers there within {timeout:g} s "
                                            f"({_first_line(exc)}); start one with `dask scheduler` "
                                            "on that host (docs/cluster.md) or check the address") from None
    except (ValueError, TypeError) as exc:
        raise SchedulerUnreachable(address, f"not a Dask scheduler address ({_first_line(exc)}); "
                                            "give one like tcp://HOST:8786") from None


def _wait_for_workers(client, address: str, timeout: float) -> None:
    if client.nthreads():
        return
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError):
        raise ClusterWorkersFailed(address, f"no worker joined the scheduler in {timeout:g} s; start "
                                            f"some with `dask worker {address} --nthreads 1`") from None


def _register(client, address: str, plugin: ClaimscopeWorker) -> None:
    """Set every worker up (and, through the scheduler, every worker that joins later)."""
    try:
        client.register_plugin(plugin, name=PLUGIN_NAME)
    except ClaimscopeError:
        raise  # the pipeline's own error (a missing spaCy model on the workers), as a local run says it
    except Exception as exc:  # noqa: BLE001 - whatever a worker raised while unpickling or loading
        raise ClusterWorkersFailed(address, f"a worker could not set claimscope up "
                                            f"({type(exc).__name__}: {_first_line(exc)}); install "
                                            "the same claimscope and models on every worker") from None


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
