"""The bare spaCy model (no claimscope components), loaded once for the tests of nlp/ parts."""

from __future__ import annotations

import pytest
import spacy

from claimscope.settings import default_spacy_model


@pytest.fixture(scope="session")
def parse():
    return spacy.load(default_spacy_model())
