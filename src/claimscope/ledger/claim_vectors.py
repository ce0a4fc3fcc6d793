"""Claim vectors computed where the analysis runs, as plain data, and stored for the ledger.

    result["claim_vectors"] = encode(analysis_dict)       # in jobs.analyze_job (any worker)
    store.save_claim_vectors(rows_of(result))             # the writer, after storing the document
    vectors = decode_rows(...)                            # the ledger update reads them back

The claim encoder is three quarters of a ledger update's cost when the update runs it; computed
beside the analysis it is spread over the ingest workers (local processes or a Dask cluster)
and the update only reads bytes. The payload is JSON: the encoder's tag, the dimension, the claim
ids and the float32 vectors as base64 (float32, not float16: the update must decide exactly what
it would decide had it encoded the claims itself). A claim's texts are encoded in one call in
the analysis's order, as the update would encode them, so the vectors are the same numbers.
"""

from __future__ import annotations

import base64

import numpy as np

DTYPE = np.float32


def tag(matcher) -> str:
    """The encoder a vector is valid for: a store clustered by one matcher is not extended with
    another's vectors."""
    return f"{matcher.name} {matcher.version}"


def encode(analysis: dict, matcher=None) -> dict | None:
    """The `claim_vectors` payload of an `Analysis.as_dict()`; None when it has no claims."""
    claims = analysis.get("claims") or []
    if not claims:
        return None
    if matcher is None:
        from claimscope.ledger.matching import default_matcher

        matcher = default_matcher()
    vectors = np.asarray(matcher.embed([c["text"] for c in claims]), dtype=DTYPE)
    return {"model": tag(matcher), "dim": int(vectors.shape[1]), "claims": [c["id"] for c in claims],
            "vectors": base64.b64encode(vectors.tobytes()).decode("ascii")}


def rows_of(result: dict) -> list[dict]:
    """Store rows (`claim`, `document`, `model`, `vector` bytes) of an analyze_job result that
    carries a `claim_vectors` payload; [] when it carries none."""
    payload = result.get("claim_vectors")
    if not payload:
        return []
    document = result["document"]["id"]
    data = np.frombuffer(base64.b64decode(payload["vectors"]), dtype=DTYPE)
    dim = int(payload["dim"])
    if data.size != dim * len(payload["claims"]):
        return []  # a damaged payload: the update encodes these claims itself
    matrix = data.reshape(len(payload["claims"]), dim)
    return [{"claim": claim, "document": document, "model": payload["model"], "vector": matrix[i].tobytes()}
            for i, claim in enumerate(payload["claims"])]
