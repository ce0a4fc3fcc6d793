"""The one API that the CLI (and later the web app) calls.

    ws = Workspace()
    for item in ws.analyze("demo/corpus"):
        ...  # Analysis, or InputFailure for an input that could not be read

The spaCy pipeline and its ONNX sessions load once, on first use.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimscope.errors import ClaimscopeError
from claimscope.ingest import InputDoc, InputFailure, read_inputs
from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.settings import Settings


@dataclass
class BatchReport:
    """What a run over several inputs did: the analyses and the failures, by input."""

    analyses: list[Analysis] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)


class Workspace:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._nlp = None
        self._versions: dict[str, str] | None = None
        self._store = None

    @property
    def store(self):
        """The corpus store named by `settings.db`, opened (and made) on first use."""
        if self._store is None:
            from claimscope.store import open_store

            self._store = open_store(self.settings.db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    @property
    def nlp(self):
        if self._nlp is None:
            from claimscope.nlp.collect import component_versions
            from claimscope.nlp.pipeline import build_pipeline

            self._nlp = build_pipeline(self.settings)
            self._versions = component_versions(self._nlp)
        return self._nlp

    def read(self, target: str) -> Iterator[InputDoc | InputFailure]:
        """Inputs of a path, folder, URL or "-"; raises for a single unreadable input."""
        return read_inputs(target, max_bytes=self.settings.max_bytes,
                           timeout=self.settings.url_timeout, recursive=self.settings.recursive,
                           languages=self.settings.languages)

    def analyze_text(self, text: str, name: str = "<text>", **info) -> Analysis:
        return self.analyze_document(DocumentInfo(name=name, text=text, **info))

    def analyze_document(self, info: DocumentInfo) -> Analysis:
        from claimscope.nlp.collect import collect

        nlp = self.nlp
        doc = nlp.make_doc(info.text)
        if info.meta.get("author"):
            doc.user_data["author"] = info.meta["author"]
        for _, component in nlp.pipeline:
            doc = component(doc)
        return collect(doc, info, self._versions or {})

    def analyze(self, target: str) -> Iterator[Analysis | InputFailure]:
        """Analyse every input of a target; a failing input is reported and the rest go on."""
        manifest = _manifest(target)
        for item in self.read(target):
            if isinstance(item, InputFailure):
                yield item
                continue
            meta = {**manifest.get(Path(item.name).name, {}), **dict(item.meta)}
            info = DocumentInfo(name=item.name, text=item.text, source_kind=item.source_kind,
                                language=item.language, encoding=item.encoding, meta=meta)
            try:
                yield self.analyze_document(info)
            except ClaimscopeError as exc:
                yield InputFailure(item.name, exc)

    def analyze_all(self, target: str) -> BatchReport:
        report = BatchReport()
        for item in self.analyze(target):
            if isinstance(item, InputFailure):
                report.failures.append(item)
            else:
                report.analyses.append(item)
        return report

    # -- the corpus store: what `show`, `search`, `stats` and `upgrade` call --------------------
    def _stored(self):
        """The store for reading: an error (not a new empty store) when there is none yet."""
        if self._store is None:
            from claimscope.store import open_store

            self._store = open_store(self.settings.db, create=False)
        return self._store

    def show(self, document_id: str):
        """One stored document (StoredDocument): its analysis exactly as `analyze` gave it."""
        return self._stored().load(document_id)

    def search(self, query: str, **filters):
        """Full-text search over stored claims and documents (SearchHit list)."""
        return self._stored().search(query, **filters)

    def stats(self) -> dict:
        return self._stored().stats()

    def upgrade_store(self) -> tuple[str, str]:
        """Migrate `settings.db` to this version's schema: (revision before, revision now)."""
        from claimscope.store import upgrade_store

        self.close()
        return upgrade_store(self.settings.db)


def _manifest(target: str) -> dict[str, dict]:
    """Per-file metadata (outlet, author, date, title, url) from a manifest.json beside the files."""
    path = Path(target)
    folder = path if path.is_dir() else path.parent
    manifest = folder / "manifest.json"
    if target == "-" or "://" in target or not manifest.is_file():
        return {}
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a broken manifest costs metadata, never the analysis
    return {d["file"]: {k: v for k, v in d.items() if k != "file"}
            for d in data.get("documents", []) if isinstance(d, dict) and "file" in d}


# -- entities across documents: `entities`, `relink`, and `ingest` after it stores documents ------
# Workspace methods kept in one block at the end of the module, attached below, so that the
# helpers who each add a part of the Workspace do not edit the same lines. The linking rules live
# in ledger/entity_links.py, the SQL in store/.

def _linked_documents(rows) -> dict[str, list]:
    """Store rows of document entities -> document id -> Entity records, in stored order."""
    from claimscope.model.records import Entity

    documents: dict[str, list] = {}
    for row in rows:
        # The store counts mentions itself; the linker needs only ids, names and types.
        documents.setdefault(row["document"], []).append(
            Entity(id=row["key"], name=row["name"], type=row["type"], aliases=list(row["aliases"] or [])))
    return documents


def _alias_book(self):
    """The alias table the linker applies: the built-in one and `settings.aliases`."""
    from claimscope.ledger.alias_book import AliasBook

    return AliasBook.load(self.settings.aliases)


def _link_entities(self, document_ids=None) -> dict:
    """Link stored documents' entities to the corpus entities, incrementally: the given documents,
    or every document with an entity not linked yet. Earlier links stay as they are."""
    from claimscope.ledger.entity_links import CorpusLinker

    store = self.store
    if document_ids is not None:  # after an ingest batch: read only the new documents' rows
        wanted = set(document_ids)
        rows = [r for d in sorted(wanted) for r in store.document_entities(d)]
    else:
        rows = store.document_entities()
        wanted = {r["document"] for r in rows if r["corpus_entity"] is None}
    documents = {d: ents for d, ents in _linked_documents(rows).items() if d in wanted}
    if not documents:
        return {"documents": 0, "links": 0, "corpus_entities": len(store.corpus_entities())}
    linker = CorpusLinker(self._alias_book(), store.corpus_entities())
    result = linker.link_many(sorted(documents.items()))
    store.set_entity_links(result.links, result.entities)
    return {"documents": len(documents), "links": len(result.links),
            "corpus_entities": len(store.corpus_entities())}


def _relink(self) -> dict:
    """Link every stored document afresh with the current alias file (merges and splits apply)."""
    from claimscope.ledger.entity_links import relink

    store = self._stored()
    documents = _linked_documents(store.document_entities())
    result = relink(sorted(documents.items()), self._alias_book())
    store.set_entity_links(result.links, result.entities, replace=True)
    return {"documents": len(documents), "links": len(result.links),
            "corpus_entities": len(result.entities)}


def _corpus_entities(self, type: str | None = None):
    """The corpus entities (CorpusEntity list) with mention and document counts, most seen first."""
    return self._stored().corpus_entities(type=type)


Workspace.link_entities = _link_entities
Workspace.relink = _relink
Workspace.corpus_entities = _corpus_entities
Workspace._alias_book = _alias_book
