"""The exporter base: `write(record)` once per stored document, then `finalize()` once.

Exporters read model records only (`StoredDocument`), never the store's rows, so the same
exporter serves `claimscope export`, the web app's downloads and a script over `analyze` output.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import ClassVar, TextIO

from claimscope.errors import UnknownFormat
from claimscope.model.corpus import StoredDocument

GROUP = "claimscope.exporters"


class Exporter:
    """Base of every export format.

    Subclasses set `name`, `suffix` and `media_type`, and implement `write` (called once per
    document, in the order the store gives them) and, where the format needs the whole corpus
    before it can be written (a graph), `finalize`. Output goes to `self.out`, a text stream
    the caller opened and will close.
    """

    name: ClassVar[str] = ""
    suffix: ClassVar[str] = ""
    media_type: ClassVar[str] = "application/octet-stream"

    def __init__(self, out: TextIO, **options) -> None:
        self.out = out
        self.options = options

    def write(self, record: StoredDocument) -> None:
        raise NotImplementedError

    def finalize(self) -> None:
        """Flush what needs the whole corpus; the default has nothing to add."""


def _registered() -> dict:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def exporter_names() -> list[str]:
    return sorted(_registered())


def exporter_class(name: str) -> type[Exporter]:
    """The exporter registered under `name`; an unknown name is an E-coded error listing the known."""
    found = _registered().get(name)
    if found is None:
        raise UnknownFormat(name, f"no such export format; known: {', '.join(exporter_names())}")
    cls = found.load()
    if not (isinstance(cls, type) and issubclass(cls, Exporter)):
        raise UnknownFormat(name, f"entry point {found.value} is not a claimscope Exporter")
    return cls
