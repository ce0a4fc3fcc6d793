"""The demo corpus analysed once per session, as the store would give it back to an exporter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimscope.ingest import InputFailure
from claimscope.model.corpus import Publication, StoredDocument

DEMO = Path(__file__).resolve().parents[2] / "demo"
# The demo corpus grows by adding articles: count what its manifest lists.
DEMO_ARTICLES = len(json.loads((DEMO / "corpus" / "manifest.json").read_text(encoding="utf-8"))["documents"])

INGESTED = "2026-11-30T09:15:00+00:00"


@pytest.fixture(scope="session")
def demo_analyses(workspace):
    """The ten demo articles with their manifest metadata, each analysed by the real pipeline."""
    analyses = []
    for item in workspace.analyze(str(DEMO / "corpus")):
        assert not isinstance(item, InputFailure), item
        analyses.append(item)
    assert len(analyses) == DEMO_ARTICLES
    return analyses


@pytest.fixture(scope="session")
def demo_records(demo_analyses):
    """StoredDocuments as `Store.iter_documents` gives them: the analysis and its publication.

    The first article also appears, word for word, in a second (invented) outlet a day earlier,
    the case a wire story makes: one document, two publications.
    """
    records = []
    for i, analysis in enumerate(demo_analyses):
        pubs = [Publication.of(analysis.document)]
        if i == 0:
            pubs.append(Publication(document=analysis.document.id,
                                    name="wire/harbour.html", url="https://wire.example/harbour",
                                    outlet="Harbour Wire Service", author="Staff",
                                    date="2025-03-02", title="Port blast: the wire copy"))
        records.append(StoredDocument(analysis=analysis, publications=pubs, first_ingested=INGESTED))
    return records
