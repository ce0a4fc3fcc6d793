"""`/api/v1/documents`: the stored documents, one document's analysis, and the write routes.

Writes (a text or a URL to analyse and store, a re-analysis) need the token
(`deps.require_token`). They analyse in this process with the pipeline the lifespan loaded,
one document at a time, then link the document's entities and place it in the ledger, as
`claimscope ingest` does: when the answer comes, the document is in every list and dossier.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from claimscope.errors import AnalysisFailed, BinaryInput, BodyTooLarge, ClaimscopeError, InputTooLarge
from claimscope.ingest import read_bytes
from claimscope.ingest.sizes import human_size
from claimscope.model.analysis import DocumentInfo
from claimscope.model.corpus import PUBLICATION_FIELDS
from claimscope.model.corpus import Publication as StoredPublication
from claimscope.web.api.common import PAGE, Cursor, Json, Limit, Q, Since, Until, kept_json, page, raw
from claimscope.web.api.models import DocumentIn, DocumentItem, IngestOut, Page, Publication
from claimscope.web.cache import kept, read_cache
from claimscope.web.deps import WRITE_LOCK, ledger, require_token, workspace

router = APIRouter(tags=["documents"])

# Content types a fetched page may have to be read as an article.
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@router.get("/documents", response_model=Page[DocumentItem], summary="List stored documents")
def list_documents(outlet: str | None = None, since: Since = None, until: Until = None,
                   language: str | None = None, q: Q = None, cursor: Cursor = None,
                   limit: Limit = PAGE, ws=Depends(workspace)) -> dict:
    """Documents in id order, `limit` a page; `next` is the cursor of the next page (null on the
    last). Filters: outlet (any case), publication dates, language code, full-text `q`."""
    rows = ws.store.browse_documents(outlet=outlet, since=since, until=until, language=language,
                                         q=q, after=cursor, limit=limit + 1)
    return page([_item(r) for r in rows], limit)


@router.get("/documents/{document_id}", summary="One stored document's analysis", response_class=Json)
async def get_document(document_id: str, request: Request) -> Json:
    """The stored analysis in the documented `claimscope.analysis` schema: the same object as
    `claimscope show DOC_ID --format json` (and `claimscope analyze --format json`)."""
    ws = workspace(request)
    return raw(await kept(request, ("document", document_id),
                          lambda: kept_json(ws.show(document_id).analysis.as_dict())))


@router.get("/documents/{document_id}/publications", response_model=list[Publication],
            summary="Where one stored text appeared")
def get_publications(document_id: str, ws=Depends(workspace)) -> list[dict]:
    stored = ws.show(document_id)
    return [{"name": p.name, **{k: getattr(p, k) for k in PUBLICATION_FIELDS}} for p in stored.publications]


@router.post("/documents", response_model=IngestOut, dependencies=[Depends(require_token)],
             summary="Analyse and store a text or a URL",
             # The body is read as a capped stream (not by FastAPI), so its schema is declared here.
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": DocumentIn.model_json_schema()}}}})
async def post_document(request: Request) -> dict:
    """`{"text": ..., "title"?, "outlet"?, "author"?, "date"?, "name"?}` or `{"url": ...}`.

    A text already stored is not analysed again: its new publication is recorded
    (`publication_added`), or nothing changes (`already_stored`). Needs
    `Authorization: Bearer <CLAIMSCOPE_TOKEN>`.
    """
    body = await _capped_body(request)
    try:
        given = DocumentIn.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None
    if (given.text is None) == (given.url is None):
        raise RequestValidationError([{"loc": ("body", "text"), "type": "value_error",
                                       "msg": "give either `text` or `url` (one of them)"}])
    info = await run_in_threadpool(_document_info, request, given)
    return await run_in_threadpool(_store, request, info)


@router.post("/documents/{document_id}/reanalyze", response_model=IngestOut,
             dependencies=[Depends(require_token)], summary="Analyse a stored document again")
def reanalyze_document(document_id: str, request: Request) -> dict:
    """Re-run the pipeline on the stored text and swap its facts in one transaction (as
    `claimscope reanalyze --id`); its claims are placed in the ledger again."""
    ws = workspace(request)
    stored = ws.show(document_id)
    with WRITE_LOCK:
        analysis = _analyse(ws, stored.analysis.document)
        store = ws.store
        store.replace_facts(analysis)
        store.ledger_forget([document_id])
        ws.link_entities([document_id])
        ledger(request).update()  # its claims placed again before the answer
        read_cache(request).clear()
    return {"id": document_id, "name": stored.analysis.document.name, "outcome": "reanalyzed",
            "claims": len(analysis.claims)}


def _item(r) -> dict:
    return {"id": r.id, "name": r.name, "title": r.title, "outlet": r.outlet, "date": r.date,
            "language": r.language}


async def _capped_body(request: Request) -> bytes:
    """The body, read as a stream and refused past the cap: a chunked body has no
    Content-Length for the middleware to check first."""
    cap = request.app.state.config.max_body_bytes
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > cap:
            raise BodyTooLarge(request.url.path, f"request body over {cap} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _document_info(request: Request, given: DocumentIn) -> DocumentInfo:
    ws = workspace(request)
    settings = ws.settings
    meta = {k: getattr(given, k) for k in ("title", "outlet", "author", "date") if getattr(given, k)}
    if given.text is not None:
        name = given.name or "<api>"
        data = given.text.encode("utf-8")
        if len(data) > settings.max_bytes:
            raise InputTooLarge(name, f"is {human_size(len(data))}, over the {human_size(settings.max_bytes)} limit")
        doc = read_bytes(name, data, source_kind="text", html=False, meta={**meta, "size": len(data)},
                         languages=settings.languages)
    else:
        from claimscope.web.api.fetch import fetch

        config = request.app.state.config
        fetched = fetch(given.url, allow_private=config.allow_private_urls, timeout=config.url_timeout_s,
                        max_bytes=min(config.url_max_bytes, settings.max_bytes))
        ctype = fetched.content_type
        if not (ctype.startswith("text/") or ctype in _HTML_TYPES
                or ctype in ("application/octet-stream", "application/xml")):
            raise BinaryInput(given.url, f"content type {ctype} is not text or HTML")
        html = True if ctype in _HTML_TYPES else (False if ctype == "text/plain" else None)
        page_meta = {"url": fetched.url, "status": fetched.status, "content_type": ctype,
                     "size": len(fetched.data)}
        doc = read_bytes(given.name or given.url, fetched.data, source_kind="url", html=html,
                         charset=fetched.charset, meta=page_meta, url=fetched.url,
                         languages=settings.languages)
        doc.meta.update(meta)  # what the caller says of the page wins over what the page says
    return DocumentInfo(name=doc.name, text=doc.text, source_kind=doc.source_kind, language=doc.language,
                        encoding=doc.encoding, meta=dict(doc.meta))


def _store(request: Request, info: DocumentInfo) -> dict:
    ws = workspace(request)
    store = ws.store
    publication = StoredPublication.of(info)
    claims = None
    with WRITE_LOCK:
        if store.has_document(info.id):
            outcome = store.add_publication(publication, info.meta)
        else:
            analysis = _analyse(ws, info)
            outcome = store.save(analysis, publication)
            claims = len(analysis.claims)
            ws.link_entities([info.id])
        ledger(request).update()  # its claims in clusters before the answer
        read_cache(request).clear()
    return {"id": info.id, "name": info.name, "outcome": str(outcome), "claims": claims}


def _analyse(ws, info: DocumentInfo):
    try:
        return ws.analyze_document(info)
    except ClaimscopeError:
        raise
    except Exception as exc:  # noqa: BLE001 -- the pipeline's fault on one text is that text's error
        raise AnalysisFailed(info.name, f"analysis failed: {type(exc).__name__}: {exc}"[:300]) from None
