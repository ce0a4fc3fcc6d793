"""The one API that the CLI (and later the web app) calls.

    ws = Workspace()
    ws.check()  # settings that would fail every input fail here, once
    for item in ws.analyze("demo/corpus"):
        ...  # Analysis, or InputFailure for an input that could not be read or analysed

The spaCy pipeline and its ONNX sessions load once, on first use.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from claimscope.errors import AnalysisFailed, ClaimscopeError
from claimscope.ingest import FOLDER_EXTENSIONS, InputDoc, InputFailure, read_inputs
from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.settings import Settings

if TYPE_CHECKING:
    from claimscope.batch import IngestResult


# Stored documents are linked to the corpus entities in batches of this many during an ingest.
LINK_BATCH = 200


class Workspace:
    # Longest text analysed in one piece (None: nlp.chunking.PIECE_CHARS); tests lower it.
    piece_chars: int | None = None

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

    def check(self) -> None:
        """Raise for a setting that would fail every input (spaCy model, alias file), before any
        input is read or any model loaded."""
        from claimscope.nlp.alias_file import check_alias_file
        from claimscope.nlp.pipeline import check_spacy_model

        check_spacy_model(self.settings.spacy_model)
        if self.settings.aliases is not None:
            check_alias_file(self.settings.aliases)

    def read(self, target: str, columns: dict[str, str] | None = None
             ) -> Iterator[InputDoc | InputFailure]:
        """Inputs of a path, folder, URL, "-" or a .jsonl/.csv file of rows (`columns` maps
        their names); raises for a single unreadable input."""
        return read_inputs(target, max_bytes=self.settings.max_bytes,
                           timeout=self.settings.url_timeout, recursive=self.settings.recursive,
                           languages=self.settings.languages, columns=columns)

    def documents(self, target: str, columns: dict[str, str] | None = None
                  ) -> Iterator[DocumentInfo | InputFailure]:
        """The inputs of a target as DocumentInfos, a manifest's metadata merged in; raises (at
        the call) for a single unreadable input, as `read` does."""
        return _with_manifest(self.read(target, columns), _manifest(target))

    def analyze_text(self, text: str, name: str = "<text>", **info) -> Analysis:
        return self.analyze_document(DocumentInfo(name=name, text=text, **info))

    def analyze_document(self, info: DocumentInfo) -> Analysis:
        """The Analysis of one document; a long text is analysed in pieces (nlp/chunking.py)
        whose records are merged, with every offset into the whole text."""
        from claimscope.nlp.chunking import PIECE_CHARS, merge_pieces, plan_pieces

        pieces = plan_pieces(info.text, self.piece_chars or PIECE_CHARS)
        if len(pieces) == 1:
            return self._analyze_whole(info)
        # One piece at a time: only its Doc is in memory, the others are records by then.
        return merge_pieces(info, (
            (start, self._analyze_whole(dataclasses.replace(info, text=info.text[start:end])))
            for start, end in pieces
        ))

    def _analyze_whole(self, info: DocumentInfo) -> Analysis:
        from claimscope.nlp.collect import collect

        nlp = self.nlp
        doc = nlp.make_doc(info.text)
        if info.meta.get("author"):
            doc.user_data["author"] = info.meta["author"]
        if info.meta.get("title"):  # the headline repeated in the text is no claim (nlp/claims.py)
            doc.user_data["title"] = info.meta["title"]
        if info.meta.get("date"):  # who "the president" was that day (nlp/speakers.py)
            doc.user_data["date"] = str(info.meta["date"])
        for _, component in nlp.pipeline:
            doc = component(doc)
        return collect(doc, info, self._versions or {})

    def analyze(self, target: str) -> Iterator[Analysis | InputFailure]:
        """Analyse every input of a target; a failing input is reported and the rest go on.

        Raises (before any input is analysed) for a bad setting, a missing spaCy model or a
        single unreadable input; anything one document raises later is that input's failure.
        """
        self.check()
        infos = self.documents(target)
        self.nlp  # noqa: B018 -- load once here: a pipeline that cannot load fails the run, not each input
        for info in infos:
            if isinstance(info, InputFailure):
                yield info
                continue
            try:
                analysis = self.analyze_document(info)
            except ClaimscopeError as exc:
                yield InputFailure(info.name, exc)
            except Exception as exc:  # noqa: BLE001 -- one document's fault never stops a batch
                reason = f"analysis failed: {type(exc).__name__}: {exc}"[:300]
                yield InputFailure(info.name, AnalysisFailed(info.name, reason))
            else:
                yield analysis

    # -- ingest: worker processes analyse, this process stores (batch.py) ----------------------
    def ingest(self, targets: Iterable[str], *, workers: int | None = None,
               columns: dict[str, str] | None = None,
               progress: Callable[[IngestResult], None] | None = None,
               scheduler: str | None = None) -> Iterator[IngestResult]:
        """Analyse and store every input of the targets not stored yet; one result per input.

        Analysis runs in `workers` processes (default `settings.workers`, 0 = one per core);
        this process is the one writer, one transaction per document. An unreadable target is a
        failed input and the rest go on; a bad setting or a store that cannot be opened raises
        before any work. The documents stored are linked to the corpus entities at the end.
        With `scheduler` (tcp://HOST:8786) the analysis runs on that Dask cluster's workers
        instead (dask_pool.py), and the analyses are written in batches.
        """
        from claimscope.batch import AnalysisPool, Outcome, ingest_documents

        self.check()
        store = self.store
        stored: list[str] = []
        scheduler = scheduler or self.settings.scheduler
        if scheduler:
            from claimscope.dask_pool import DaskAnalysisPool

            pool = DaskAnalysisPool(self.settings, scheduler)
        else:
            pool = AnalysisPool(self.settings, self._workers(workers))
        with pool:
            for result in ingest_documents(self._all_documents(targets, columns), store, pool,
                                           progress, batch=pool.batch):
                if result.outcome is Outcome.stored:
                    stored.append(result.document)
                yield result
                if len(stored) >= LINK_BATCH:  # a killed ingest leaves at most a batch unlinked
                    self.link_entities(stored)
                    stored = []
        if stored:
            self.link_entities(stored)

    def reanalyze(self, *, ids: Iterable[str] | None = None, all: bool = False,
                  workers: int | None = None,
                  progress: Callable[[IngestResult], None] | None = None) -> Iterator[IngestResult]:
        """Re-run stored documents (`ids`, default: those another pipeline version made, or every
        one with `all`), swapping each document's facts in one transaction."""
        from claimscope.batch import AnalysisPool, reanalyze_documents

        self.check()
        store = self._stored()
        ids = self.stale_documents(all=all) if ids is None else ids
        with AnalysisPool(self.settings, self._workers(workers)) as pool:
            yield from reanalyze_documents(store, ids, pool, progress)

    def stale_documents(self, *, all: bool = False) -> list[str]:
        """Stored document ids whose facts another pipeline version made (every id with `all`)."""
        current = pipeline_version()
        return sorted(doc_id for doc_id, version in self._stored().pipeline_versions().items()
                      if all or version != current)

    def count_inputs(self, targets: Iterable[str]) -> int:
        """About how many inputs the targets hold (a progress bar's total), without reading them."""
        from claimscope.ingest.rows import count_rows, is_rows_file

        total = 0
        for target in targets:
            try:
                if is_rows_file(target):
                    total += count_rows(target)
                elif Path(target).is_dir():
                    files = Path(target).rglob("*") if self.settings.recursive else Path(target).iterdir()
                    total += sum(1 for p in files if p.suffix.lower() in FOLDER_EXTENSIONS)
                else:
                    total += 1
            except (ClaimscopeError, OSError):
                total += 1
        return total

    def _all_documents(self, targets: Iterable[str], columns) -> Iterator[DocumentInfo | InputFailure]:
        for target in targets:
            try:
                yield from self.documents(target, columns)
            except ClaimscopeError as exc:  # one unreadable target fails alone
                yield InputFailure(target, exc)

    def _workers(self, workers: int | None) -> int:
        from claimscope.batch import default_workers

        n = self.settings.workers if workers is None else workers
        return n if n > 0 else default_workers()

    # -- the corpus store: what `show`, `search`, `stats` and `upgrade` call --------------------
    def _stored(self):
        """The store for reading: an error (not a new empty store) when there is none yet."""
        if self._store is None:
            from claimscope.store import open_store

            self._store = open_store(self.settings.db, create=False)
        return self._store

    def show(self, document_id: str):
        """One stored document (StoredDocument): its analysis exactly as `analyze` gave it."""
        return self._stored().load_document(document_id)  # `load`'s answer, read faster

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


def pipeline_version() -> str:
    """The version stamped on stored facts (`components["claimscope"]`): `reanalyze` re-runs
    documents whose stamp differs."""
    from claimscope import __version__
    from claimscope.store.rows import pipeline_version as stored_version

    return stored_version({"claimscope": __version__})


def _with_manifest(items, manifest: dict[str, dict]) -> Iterator[DocumentInfo | InputFailure]:
    for item in items:
        if isinstance(item, InputFailure):
            yield item
            continue
        meta = {**manifest.get(Path(item.name).name, {}), **dict(item.meta)}
        yield DocumentInfo(name=item.name, text=item.text, source_kind=item.source_kind,
                           language=item.language, encoding=item.encoding, meta=meta)


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


# -- exports (claimscope export; later the web app's downloads) -------------------------------
# Kept apart from the class body, at the end of the module, so that the branches that add
# Workspace methods in parallel (ingest, exports, linking) merge without touching each other.


def _export(workspace: Workspace, fmt: str, out_path, *, entity: str | None = None,
            since: str | None = None) -> int:
    """Stream the store's documents into the `fmt` exporter, writing `out_path` atomically.

    The export is written to a temporary file beside `out_path` and renamed over it once the
    exporter has finished: a failed or interrupted export leaves no half-written file (and an
    older export at that path stays as it was). Returns the number of documents exported.
    """
    import os

    from claimscope.errors import OutputNotWritable
    from claimscope.render.exporters import exporter_class

    exporter_cls = exporter_class(fmt)  # an unknown format fails (E304) before the store opens
    # Exporting reads a store; it must not make an empty one where the user mistyped a path.
    store = workspace._stored()
    out_path = Path(out_path)
    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}.part")
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            exporter = exporter_cls(handle)
            for record in store.iter_documents(entity=entity, since=since):
                exporter.write(record)
                count += 1
            exporter.finalize()
        os.replace(tmp, out_path)
    except OSError as exc:
        raise OutputNotWritable(out_path, exc.strerror or str(exc)) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return count


Workspace.export = _export  # ws.export("ftm", "corpus.ftm.json", entity=None, since=None)


# -- the ledger (claimscope documents / clusters / dossier; later the web app's pages) ---------
# A self-contained block, as the exports' above: the Workspace hands its store to the ledger
# facade (`ledger/facade.py`), which owns every rule.


def _ledger(workspace: Workspace, *, reliability=None):
    """The ledger over the workspace's store (read-only opener: no store is made by reading)."""
    from claimscope.ledger.facade import Ledger
    from claimscope.ledger.grades import load_reliability

    return Ledger(workspace._stored(), reliability=load_reliability(reliability))


def _ledger_documents(workspace: Workspace) -> list[dict]:
    return _ledger(workspace).documents()


def _ledger_clusters(workspace: Workspace, entity: str | None = None, *, reliability=None,
                     since: str | None = None, until: str | None = None) -> list[dict]:
    return _ledger(workspace, reliability=reliability).clusters(entity, since=since, until=until)


def _ledger_dossier(workspace: Workspace, entities: list[str], *, reliability=None,
                    since: str | None = None, until: str | None = None, limit: int | None = None) -> dict:
    return _ledger(workspace, reliability=reliability).dossier(entities, since=since, until=until, limit=limit)


def _ledger_update(workspace: Workspace) -> dict:
    """Place every stored document the ledger has not seen (what ingest calls after each batch)."""
    from claimscope.ledger.facade import Ledger

    return Ledger(workspace.store).update()


Workspace.ledger = _ledger
Workspace.stored_documents = _ledger_documents  # `documents` reads inputs (ingest's)
Workspace.clusters = _ledger_clusters
Workspace.dossier = _ledger_dossier
Workspace.update_ledger = _ledger_update


# Ingest and reanalyze keep the corpus entities and the ledger up to date: after each batch of
# stored documents (and at the end) the new documents' entities are linked, then the ledger updated, so the claims of what was just stored are in clusters when
# the command returns. Wrapped here rather than edited into the methods above, to keep the
# ledger's part of this shared module in one block.
LEDGER_BATCH = 50  # stored documents between two ledger updates


def _with_ledger(run, *, forget: bool = False):
    import functools

    from claimscope.batch import Outcome

    @functools.wraps(run)
    def wrapper(self, *args, ledger: bool = True, **kwargs):
        done: list[str] = []

        def flush():
            if done:
                # Corpus entities first: the ledger blocks claims by them.
                self.link_entities(list(done))
            if forget and done:  # re-analysed documents have new claims: place them again
                self.store.ledger_forget(done)
            if ledger:  # without: the documents stay pending; the next ledger read places them
                self.update_ledger()
            done.clear()

        for result in run(self, *args, **kwargs):
            yield result
            if result.outcome in (Outcome.stored, Outcome.reanalyzed) and result.document:
                done.append(result.document)
                if len(done) >= LEDGER_BATCH:
                    flush()
        # An interrupted run skips this: what it stored stays pending, and the next update
        # (the next ingest, or any ledger read) places it.
        if done or not forget:
            flush()

    return wrapper


Workspace.ingest = _with_ledger(Workspace.ingest)
Workspace.reanalyze = _with_ledger(Workspace.reanalyze, forget=True)


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


# -- reads for the workbench's pages (web/pages/): one block, attached below, as above ----------

# The web app passes its one Ledger (`ledger=`): a new one per call would load the claim matcher
# again whenever something is pending, and the app's places pending documents under its lock.

def _claim_clusters(self, document_id: str, *, ledger=None) -> dict[str, str]:
    """claim id -> ledger cluster id for one stored document (the ledger brought up to date)."""
    (ledger or self.ledger()).update()
    return self._stored().claim_clusters(document_id)


def _document_origin(self, document_id: str) -> dict | None:
    """Where the ledger places a stored document: origin, copy_of, rule, containment (None
    when it is not placed yet)."""
    row = self._stored().ledger_documents_info([document_id]).get(document_id)
    return None if row is None else {k: row[k] for k in ("origin", "copy_of", "rule", "containment")}


def _entity_links(self, document_id: str) -> dict[str, str]:
    """A stored document's entity ids -> the corpus entities they are linked to."""
    return self._stored().entity_links(document_id)


def _claim_counts(self) -> list[dict]:
    """Claims counted by document and status (the overview's chart puts dates on them)."""
    return self._stored().claim_counts()


def _top_entities(self, limit: int = 15):
    """The corpus entities `corpus_entities()` lists first, counted without reading them all."""
    return self._stored().top_corpus_entities(limit)


def _corpus_entity(self, entity_id: str):
    """One corpus entity (CorpusEntity) with its counts; E420 for an unknown id."""
    return self._stored().corpus_entity(entity_id)


def _entity_mentions(self, entity_id: str, limit: int = 500) -> list[dict]:
    """Where a corpus entity is mentioned: document, offsets, text, and the document's title."""
    return self._stored().entity_mentions(entity_id, limit=limit)


def _source_graph(self) -> dict:
    """Who says what about whom: the GEXF exporter's graph as nodes and edges (plain dicts).

    It reads every stored document, so it is kept per store state (the stored documents and
    the pipeline version of each) and made again only when that changes.
    """
    import io

    from claimscope.render.exporters.gexf import GexfExporter

    store = self._stored()
    state = hash(tuple(sorted(store.pipeline_versions().items())))
    cached = getattr(self, "_graph_cache", None)
    if cached and cached[0] == state:
        return cached[1]
    exporter = GexfExporter(io.StringIO())
    for record in store.iter_documents_batched():
        exporter.write(record)
    graph = exporter.graph()
    result = {
        "nodes": [{"id": n, **data} for n, data in graph.nodes(data=True)],
        "edges": [{"source": a, "target": b, **data} for a, b, data in graph.edges(data=True)],
    }
    self._graph_cache = (state, result)
    return result


def _cluster(self, cluster_id: str, *, reliability=None, ledger=None) -> dict:
    """One claim cluster's record (as `clusters` gives them); E505 for an unknown id."""
    from claimscope.errors import NotFound
    from claimscope.ledger.views import build_records

    ledger = ledger or self.ledger(reliability=reliability)
    ledger.update()
    records = build_records(ledger.store, [cluster_id], ledger.reliability)
    if not records:
        raise NotFound(cluster_id, "no claim cluster with that id in the store")
    return records[0]


def _cluster_summaries(self, cluster_ids: list[str], *, reliability=None, ledger=None) -> dict[str, dict]:
    """cluster id -> its assessment, grade, documents, independent sources and first/last seen
    (the article page's panels); read as `clusters` reads them (call after an update)."""
    from claimscope.ledger.views import build_records
    from claimscope.store.page_members import PageLedgerReads

    ledger = ledger or self.ledger(reliability=reliability)
    keep = ("assessment", "grade", "documents", "origins", "independent_sources", "first_seen", "last_seen")
    # The same records, read faster and in one transaction (store/page_members.py says how).
    with PageLedgerReads(ledger.store) as store:
        records = build_records(store, sorted(set(cluster_ids)), ledger.reliability)
    return {r["id"]: {k: r[k] for k in keep} | {"conflicts": len(r["conflicts"])} for r in records}


Workspace.claim_clusters = _claim_clusters
Workspace.cluster_summaries = _cluster_summaries
Workspace.cluster = _cluster
Workspace.entity_links = _entity_links
Workspace.document_origin = _document_origin
Workspace.claim_counts = _claim_counts
Workspace.top_entities = _top_entities
Workspace.corpus_entity = _corpus_entity
Workspace.entity_mentions = _entity_mentions
Workspace.source_graph = _source_graph
