"""Ingest's batch policy: analysis in worker processes, one writer (this process), one transaction
per document.

    with AnalysisPool(settings, workers=2) as pool:
        for result in ingest_documents(documents, store, pool):
            ...  # IngestResult: stored / already_stored / publication_added / failed

A text already in the store is never analysed again: re-ingesting a corpus costs a lookup per
input. At most `2 x workers` documents are in flight, so memory stays flat on any input size.
The workers run `jobs.analyze_job`, the same plain-data function a Dask worker runs: any pool
with `analyses(tasks)` (dask_pool.DaskAnalysisPool) serves, and `batch=N` writes N analyses per
transaction (`Store.save_many`) for a cluster whose results come faster than commits.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from enum import StrEnum

from claimscope import jobs
from claimscope.errors import (
    ClaimscopeError,
    DocumentNotFound,
    ModelNotInstalled,
    PipelineError,
    StoreWriteFailed,
)
from claimscope.ingest import InputFailure
from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.model.corpus import Publication

# A store that refused this many writes in a row (a full disk) will refuse the rest: analysing
# them would only spend hours to fail each one.
MAX_REFUSED_WRITES = 5


class Outcome(StrEnum):
    stored = "stored"
    already_stored = "already_stored"
    publication_added = "publication_added"
    reanalyzed = "reanalyzed"
    failed = "failed"


@dataclass(frozen=True)
class IngestResult:
    """What happened to one input (a file, a URL, a row `feed.jsonl#17`)."""

    name: str
    outcome: Outcome
    document: str | None = None  # the document id, when the input was read
    error: ClaimscopeError | None = None


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class AnalysisPool:
    """`analyze_job` in worker processes, or in this process for one worker (no start-up cost).

    Worker processes are spawned (no forked copies of a loaded pipeline or an open database
    connection), load the pipeline once each, and use one ONNX thread each.
    """

    batch = 1  # analyses per store transaction: one document each, as before Dask

    def __init__(self, settings, workers: int):
        self.settings = settings
        self.workers = max(1, workers)
        self._executor: ProcessPoolExecutor | None = None
        self.restarts = 0  # pools replaced after a worker process died
        if self.workers == 1:
            jobs.init_worker(settings)

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_pool_worker_init, initargs=(self.settings, os.getpid()))
        return self._executor

    def analyses(self, tasks: Iterable[_Task | IngestResult]) -> Iterator[IngestResult | tuple[_Task, dict]]:
        return run_analyses(tasks, self)

    def submit(self, payload: dict) -> Future:
        if self.workers == 1:
            future: Future = Future()
            future.set_result(jobs.analyze_job(payload))
            return future
        return self._pool().submit(jobs.analyze_job, payload)

    def restart(self) -> None:
        """After a worker process died: drop the broken pool; the next submit starts a new one."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            self.restarts += 1

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _pool_worker_init(settings, parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the batch, workers must not
    # print a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    jobs.init_worker(settings, threads=1)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its pool; without this the workers would sit on
    # their queue forever.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


@dataclass
class _Task:
    info: DocumentInfo
    attempts: int = 0


def run_analyses(tasks: Iterable[_Task | IngestResult], pool: AnalysisPool
                 ) -> Iterator[IngestResult | tuple[_Task, dict]]:
    """Analyse the tasks with at most 2 x workers in flight; pass IngestResults straight through.

    Yields (task, analyze_job result) in completion order. A worker process that dies (killed,
    out of memory) breaks the pool: its tasks are retried once in a new pool, then failed.
    """
    limit = 2 * pool.workers
    inflight: dict[Future, _Task] = {}
    source = iter(tasks)
    exhausted = False
    while True:
        while not exhausted and len(inflight) < limit:
            item = next(source, None)
            if item is None:
                exhausted = True
            elif isinstance(item, IngestResult):
                yield item
            else:
                item.attempts += 1
                inflight[pool.submit(jobs.payload_of(item.info))] = item
        if not inflight:
            return
        done, _ = wait(inflight, return_when=FIRST_COMPLETED)
        broken: list[_Task] = []
        for future in done:
            task = inflight.pop(future)
            try:
                yield task, future.result()
            except BrokenProcessPool:
                broken.append(task)
        if broken:
            broken += list(inflight.values())  # the pool is gone: so is everything in it
            inflight.clear()
            pool.restart()
            for task in broken:
                if task.attempts >= 2:
                    reason = "the worker process analysing it died twice (out of memory?)"
                    yield task, {"error": jobs.error_dict(PipelineError(task.info.name, reason))}
                else:
                    task.attempts += 1
                    inflight[pool.submit(jobs.payload_of(task.info))] = task


def ingest_documents(documents: Iterable[DocumentInfo | InputFailure], store, pool,
                     progress: Callable[[IngestResult], None] | None = None, *, batch: int = 1,
                     flush_seconds: float = 2.0) -> Iterator[IngestResult]:
    """Store every document not yet stored; report each input's outcome, failures included.

    `pool.analyses(tasks)` analyses (AnalysisPool, DaskAnalysisPool). With `batch` > 1 the
    analyses are written `batch` at a time in one transaction each, or sooner when the oldest
    has waited `flush_seconds`; a batch the store refuses is written again one by one, so only
    the document at fault fails.
    """
    waiting: dict[str, list[DocumentInfo]] = {}  # document id in flight -> later copies of it

    def tasks() -> Iterator[_Task | IngestResult]:
        for item in documents:
            if isinstance(item, InputFailure):
                yield IngestResult(item.name, Outcome.failed, error=item.error)
                continue
            doc_id = item.id
            if doc_id in waiting:  # the same text is being analysed already: wait for it
                waiting[doc_id].append(item)
                continue
            if store.has_document(doc_id):
                yield _add_publication(store, item)
                continue
            waiting[doc_id] = []
            yield _Task(item)

    refused = 0  # writes failed in a row
    pending: list[tuple[_Task, dict]] = []  # analysed, not yet written
    oldest = 0.0

    def written() -> Iterator[IngestResult]:
        nonlocal pending
        chunk, pending = pending, []
        if len(chunk) == 1 or batch <= 1:
            for task, result in chunk:
                yield from _save(store, task.info, result, waiting.pop(task.info.id, []))
        else:
            yield from _save_many(store, chunk, waiting)

    def outcomes() -> Iterator[IngestResult]:
        nonlocal oldest
        for item in pool.analyses(tasks()):
            if isinstance(item, IngestResult):
                yield item
                continue
            if not pending:
                oldest = time.monotonic()
            pending.append(item)
            if len(pending) >= batch or time.monotonic() - oldest >= flush_seconds:
                yield from written()
        yield from written()

    for r in outcomes():
        if progress is not None:
            progress(r)
        yield r
        refused = refused + 1 if isinstance(r.error, StoreWriteFailed) else 0
        if refused >= MAX_REFUSED_WRITES:
            raise StoreWriteFailed(store.url, f"stopped: the last {refused} documents could not be "
                                              f"written ({r.error.reason}); what was stored is intact")


def _save(store, info: DocumentInfo, result: dict, copies: list[DocumentInfo]) -> list[IngestResult]:
    if "error" in result:
        error = _document_error(result)
        return [IngestResult(i.name, Outcome.failed, i.id, error) for i in [info, *copies]]
    try:
        outcome = store.save(Analysis.from_dict(result), Publication.of(info))
    except StoreWriteFailed as exc:  # that document rolled back; the store stays usable
        results = [IngestResult(info.name, Outcome.failed, info.id, exc)]
    else:
        results = [IngestResult(info.name, Outcome(str(outcome)), info.id)]
        _save_claim_vectors(store, result)
    return results + [_add_publication(store, each) for each in copies]


def _save_many(store, chunk: list[tuple[_Task, dict]], waiting: dict[str, list[DocumentInfo]]
               ) -> list[IngestResult]:
    """Analyses in one transaction (`Store.save_many`, idempotent by ids like `save`); failed
    analyses are reported, not written; a refused batch is written again document by document."""
    good = [(task.info, result) for task, result in chunk if "error" not in result]
    results = []
    for task, result in chunk:
        if "error" in result:
            results += _save(store, task.info, result, waiting.pop(task.info.id, []))
    try:
        outcomes = store.save_many([(Analysis.from_dict(r), Publication.of(i)) for i, r in good])
    except StoreWriteFailed:  # the whole batch rolled back: one by one, only the culprit fails
        for info, result in good:
            results += _save(store, info, result, waiting.pop(info.id, []))
        return results
    _save_claim_vectors(store, *[result for _, result in good])  # one write for the batch
    for (info, _), outcome in zip(good, outcomes, strict=True):
        results.append(IngestResult(info.name, Outcome(str(outcome)), info.id))
        results += [_add_publication(store, each) for each in waiting.pop(info.id, [])]
    return results


def _save_claim_vectors(store, *results: dict) -> None:
    """The claim vectors the workers computed, for the ledger update (`ledger/claim_vectors.py`).
    A cache: when they cannot be written the update encodes those claims itself."""
    from claimscope.ledger.claim_vectors import rows_of

    rows = [row for result in results for row in rows_of(result)]
    if rows and hasattr(store, "save_claim_vectors"):
        try:
            store.save_claim_vectors(rows)
        except StoreWriteFailed:
            pass


def _document_error(result: dict) -> ClaimscopeError:
    """The error of one document's analysis; a missing model fails every document alike, so it
    ends the batch instead of being reported once per input."""
    error = jobs.error_from_dict(result["error"])
    if isinstance(error, ModelNotInstalled):
        raise error
    return error


def _add_publication(store, info: DocumentInfo) -> IngestResult:
    """A text already stored: record where it appeared this time, without analysing it again."""
    publication = Publication.of(info)
    try:
        outcome = store.add_publication(publication, info.meta)
    except (StoreWriteFailed, DocumentNotFound) as exc:  # not found: its first save failed
        return IngestResult(info.name, Outcome.failed, info.id, exc)
    return IngestResult(info.name, Outcome(str(outcome)), info.id)


def reanalyze_documents(store, ids: Iterable[str], pool: AnalysisPool,
                        progress: Callable[[IngestResult], None] | None = None
                        ) -> Iterator[IngestResult]:
    """Analyse stored documents again and swap each one's facts in one transaction."""

    def tasks() -> Iterator[_Task]:
        for doc_id in ids:
            yield _Task(store.load(doc_id).analysis.document)

    for task, result in run_analyses(tasks(), pool):
        info = task.info
        if "error" in result:
            r = IngestResult(info.name, Outcome.failed, info.id, _document_error(result))
        else:
            try:
                store.replace_facts(Analysis.from_dict(result))
                r = IngestResult(info.name, Outcome.reanalyzed, info.id)
                _save_claim_vectors(store, result)
            except StoreWriteFailed as exc:
                r = IngestResult(info.name, Outcome.failed, info.id, exc)
        if progress is not None:
            progress(r)
        yield r
