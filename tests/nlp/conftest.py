"""The bare spaCy model (no claimscope components), loaded once for the tests of nlp/ parts."""

from __future__ import annotations

import pytest
import spacy

from claimscope.settings import default_spacy_model


@pytest.fixture(scope="session")
def parse():
    return spacy.load(default_spacy_model())


@pytest.fixture(scope="session")
def entity_nlp():
    """The spaCy model with claimscope's entity component: what the entity rules see."""
    from claimscope.nlp import entities  # noqa: F401  (registers the factory)

    nlp = spacy.load(default_spacy_model())
    nlp.add_pipe("claimscope_entities")
    return nlp


@pytest.fixture(scope="session")
def attribution_nlp():
    """The spaCy model with claimscope's paragraph and attribution components: what the
    attribution rules see, without speakers or claims."""
    from claimscope.nlp import attribution, paragraphs  # noqa: F401  (register the factories)

    nlp = spacy.load(default_spacy_model())
    nlp.add_pipe("claimscope_paragraphs", before="parser")
    nlp.add_pipe("claimscope_attribution")
    return nlp
