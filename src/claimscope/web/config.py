"""What a workbench server was started with; one value, handed to `create_app`."""

from __future__ import annotations

from dataclasses import dataclass

# A request body larger than this is refused (413) before it is read whole.
MAX_BODY_BYTES = 12 * 1024 * 1024  # the ingest limit (10 MB of text) plus JSON overhead
# URL ingest through the API: at most this long and this large.
URL_TIMEOUT_S = 20.0
URL_MAX_BYTES = 10 * 1024 * 1024
# Rendered answers kept while the store is unchanged (web/cache.py), per server process: room
# for every article page, API document and dossier of a store of a few thousand articles.
CACHE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class WebConfig:
    # The write token; None: write routes answer 403 and say how to enable them.
    token: str | None = None
    # Let URL ingest fetch private, loopback and link-local addresses (tests, intranets).
    allow_private_urls: bool = False
    # Load the pipeline in the lifespan (needed by write routes); tests of reads skip it.
    load_pipeline: bool = True
    max_body_bytes: int = MAX_BODY_BYTES
    url_timeout_s: float = URL_TIMEOUT_S
    url_max_bytes: int = URL_MAX_BYTES
    cache_bytes: int = CACHE_BYTES

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)
