"""Read the records the components left on a Doc into one Analysis."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimscope import __version__
from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.model.ids import assign_ids
from claimscope.model.records import Structure


def component_versions(nlp: Language) -> dict[str, str]:
    """Which component at which version produced the facts: part of every fact's provenance."""
    versions = {"claimscope": __version__,
                "spacy_model": f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-"
                                f"{nlp.meta.get('version', '?')}"}
    for name, component in nlp.pipeline:
        version = getattr(component, "model_version", None)
        if version:
            versions[name] = str(version)
    return versions


def collect(doc: Doc, info: DocumentInfo, versions: dict[str, str]) -> Analysis:
    sentences = sum(1 for _ in doc.sents)
    techniques = doc._.techniques or []
    density = {}
    if techniques:
        from claimscope.nlp.rhetoric import technique_density

        density = technique_density(techniques, sentences)
    analysis = Analysis(
        document=info,
        entities=doc._.entities or [],
        attributions=doc._.attributions or [],
        stances=doc._.stances or [],
        claims=doc._.claims or [],
        techniques=techniques,
        structure=doc._.structure or Structure(),
        sentences=sentences,
        components=versions,
        technique_density=density,
    )
    assign_ids(analysis)
    return analysis
