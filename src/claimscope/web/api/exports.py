"""`/api/v1/exports/{format}`: the stored corpus as a download, in any registered export format.

The answer streams: each document is exported as it is read from the store, so a large corpus
never sits whole in memory (GEXF, a graph, is written at the end, as `claimscope export` does).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from claimscope.render.exporters import exporter_class, exporter_names
from claimscope.web.api.common import Since
from claimscope.web.deps import workspace

router = APIRouter(tags=["exports"])

# The formats registered when the app starts (entry points); anything else is a 422 naming it.
Format = Literal[tuple(exporter_names())]  # type: ignore[valid-type]


@router.get("/exports/{format}", summary="Download the corpus in an export format",
            response_class=StreamingResponse,
            responses={200: {"content": {"application/octet-stream": {}},
                             "description": "The export, as an attachment."}})
def export(format: Format, entity: str | None = Query(None, description="Only documents naming this entity."),
           since: Since = None, ws=Depends(workspace)) -> StreamingResponse:
    exporter_cls = exporter_class(format)
    store = ws.store
    documents = store.iter_documents(entity=entity, since=since)
    first = next(documents, None)  # a bad filter fails here, before the answer has started
    name = f"claimscope{exporter_cls.suffix}"
    return StreamingResponse(_stream(exporter_cls, first, documents), media_type=exporter_cls.media_type,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _stream(exporter_cls, first, documents) -> Iterator[str]:
    buffer = io.StringIO()
    exporter = exporter_cls(buffer)

    def drain() -> str:
        out = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return out

    if first is not None:
        exporter.write(first)
        yield drain()
        for record in documents:
            exporter.write(record)
            if chunk := drain():
                yield chunk
    exporter.finalize()
    yield drain()
