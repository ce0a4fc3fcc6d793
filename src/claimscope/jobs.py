"""The per-document analysis as a pure function over plain data, for worker processes.

    init_worker(settings, threads=1)      # once per process (a pool initializer, a Dask plugin)
    result = analyze_job({"text": ..., "name": ..., "meta": {...}})
    Analysis.from_dict(result) if "error" not in result else error_from_dict(result["error"])
    claim_vectors.rows_of(result)         # the ledger's claim vectors, for store.save_claim_vectors

Payloads and results are dicts of JSON types, so they cross process and machine boundaries
(pickle, Dask, a queue) unchanged; spaCy Docs never leave the process that made them. The
pipeline loads once per process and stays cached. This module imports nothing heavy at the top:
a spawned worker sets its thread limits before numpy and onnxruntime are first imported.

On a Dask cluster the same two calls make the worker plugin and the task:

    class ClaimscopeWorker(distributed.WorkerPlugin):
        def setup(self, worker):
            jobs.init_worker(settings, threads=1)
    client.register_plugin(ClaimscopeWorker())
    futures = client.map(jobs.analyze_job, payloads)   # payloads: jobs.payload_of(info)
"""

from __future__ import annotations

import dataclasses
from typing import Any

from claimscope import errors
from claimscope.settings import limit_threads

# Thread pools that numpy's BLAS and onnxruntime would size to every core: in N worker processes
# on N cores, more than one thread each only oversubscribes the machine.

_workspace = None  # this process's Workspace (and so its loaded pipeline)
_settings = None


def init_worker(settings=None, threads: int | None = None) -> None:
    """Prepare this process: thread limits, then the settings `analyze_job` builds its pipeline from.

    `threads=1` gives each worker process one ONNX (and BLAS) thread; None leaves the defaults.
    The pipeline itself loads on the first job, so a pool starts fast.
    """
    global _settings, _workspace
    if threads:
        limit_threads(threads)
        if settings is not None and not settings.threads:
            # Settings made in the parent read its environment (0: every core), not the limit.
            settings = dataclasses.replace(settings, threads=threads)
    if settings != _settings or _workspace is None:  # the same settings keep the loaded pipeline
        _settings = settings
        _workspace = None


def warm_up() -> bool:
    """Load the pipeline now (a pool can call it once per worker before the first real job)."""
    _pipeline_workspace().nlp  # noqa: B018 - loading is the point
    return True


def _pipeline_workspace():
    global _workspace
    if _workspace is None:
        from claimscope.workspace import Workspace

        _workspace = Workspace(_settings)
    return _workspace


def payload_of(info) -> dict[str, Any]:
    """The plain-data job for one DocumentInfo."""
    return {"name": info.name, "text": info.text, "source_kind": info.source_kind,
            "language": info.language, "encoding": info.encoding, "meta": dict(info.meta)}


def analyze_job(payload: dict[str, Any]) -> dict[str, Any]:
    """Analyse one document: `Analysis.as_dict()`, or `{"error": {...}}` naming the input.

    The result also carries `claim_vectors` (the ledger's claim encoder run on its claims, plain
    data: `ledger/claim_vectors.py`) unless the payload says `"claim_vectors": False`.

    Never raises for a bad document: a batch goes on past it. The error dict carries the code,
    the error class name, the input and the one-line reason (`error_from_dict` rebuilds it).
    """
    from claimscope.model.analysis import DocumentInfo

    name = str(payload.get("name") or "<text>")
    try:
        info = DocumentInfo(name=name, text=payload["text"],
                            source_kind=payload.get("source_kind", "text"),
                            language=payload.get("language", "en"),
                            encoding=payload.get("encoding", "utf-8"),
                            meta=dict(payload.get("meta") or {}))
        result = _pipeline_workspace().analyze_document(info).as_dict()
    except errors.ClaimscopeError as exc:
        return {"error": error_dict(exc)}
    except Exception as exc:  # a fault in one document's analysis must not end the batch
        reason = f"analysis failed: {type(exc).__name__}: {exc}"
        return {"error": error_dict(errors.PipelineError(name, reason))}
    if payload.get("claim_vectors", True):
        _add_claim_vectors(result)
    return result


def _add_claim_vectors(result: dict[str, Any]) -> None:
    """The ledger's claim vectors, computed here so a cluster of workers shares the encoder's
    cost (`ledger/claim_vectors.py`); without them the ledger update encodes the claims itself."""
    from claimscope.ledger import claim_vectors

    try:
        vectors = claim_vectors.encode(result)
    except errors.ClaimscopeError:  # no claim encoder installed: the update decides what to do
        return
    if vectors:
        result["claim_vectors"] = vectors


def error_dict(exc: errors.ClaimscopeError) -> dict[str, str]:
    return {"code": exc.code, "type": type(exc).__name__, "input": exc.input, "reason": exc.reason}


def error_from_dict(data: dict[str, str]) -> errors.ClaimscopeError:
    """The ClaimscopeError an error dict describes (its own class when this version knows it)."""
    cls = getattr(errors, str(data.get("type", "")), None)
    if not (isinstance(cls, type) and issubclass(cls, errors.ClaimscopeError)):
        cls = errors.PipelineError
    return cls(data.get("input", "?"), data.get("reason", "unknown error"))
