"""What ingestion hands on: a decoded document, or a failure naming the input and the reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from claimscope.errors import ClaimscopeError

SourceKind = Literal["text", "html", "url", "stdin"]


@dataclass(frozen=True)
class InputDoc:
    """One article's text, ready for analysis.

    ``text`` is the canonical text all later character offsets point into: newlines are
    normalised to ``\\n`` and a byte-order mark is dropped, nothing else is changed.
    ``language`` is an ISO 639-1 code, or ``"und"`` when the text was too short to tell.
    ``meta`` holds what the source said about itself (path, size, url, status, title, ...).
    """

    name: str
    text: str
    source_kind: SourceKind
    language: str
    encoding: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputFailure:
    """An input of a folder that could not be read; the folder's other inputs still come through."""

    name: str
    error: ClaimscopeError

    @property
    def message(self) -> str:
        return self.error.message
