"""Records of a corpus: one text, its publications, and a stored document as readers see it.

A wire story printed by two outlets is one document (same text, same id) with two
publications; the ledger counts outlets from publications, never from documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.model.ids import make_id

# The publication fields a manifest, a JSONL/CSV row or an HTML page can give.
PUBLICATION_FIELDS = ("url", "outlet", "author", "date", "title")


@dataclass(frozen=True)
class Publication:
    """Where and when one text appeared: outlet, url, date (ISO 8601 text), title, author."""

    document: str  # document id
    name: str  # the input it came from: a path, URL, `<stdin>` or `rows.jsonl#17`
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    title: str | None = None

    @property
    def id(self) -> str:
        # The same outlet printing the same text at the same address is one publication.
        return "pub-" + make_id(self.document, self.outlet, self.url, self.name)

    @classmethod
    def of(cls, info: DocumentInfo) -> Publication:
        meta = info.meta
        values = {k: _text(meta.get(k)) for k in PUBLICATION_FIELDS}
        return cls(document=info.id, name=info.name, **values)


@dataclass
class StoredDocument:
    """What the store gives back for one document: its analysis and every publication of it."""

    analysis: Analysis
    publications: list[Publication] = field(default_factory=list)
    first_ingested: str | None = None  # ISO 8601 UTC

    @property
    def id(self) -> str:
        return self.analysis.document.id


def _text(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


@dataclass(frozen=True)
class SearchHit:
    """One full-text match: a claim or a document, with offsets into the document's text."""

    kind: str  # "claim" | "document"
    document: str
    id: str  # the claim id, or the document id for a document hit
    start: int
    end: int
    text: str  # the claim's text, or the document's title/name
    snippet: str  # matched words marked with [ ] (renderers restyle them)
    status: str | None = None
    outlet: str | None = None
    date: str | None = None
    score: float = 0.0


@dataclass
class CorpusEntity:
    """One entity of the whole corpus, linked from each document's own entities."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: int = 0
