"""Faults a second reading of session 5's rules found, each on a sentence written for the test
(none from any corpus), with the real spaCy model."""

from __future__ import annotations

from entity_views import entities_of, shown


def test_a_glued_name_without_a_closing_more_is_no_box(entity_nlp):
    """"BlackRock" with "Black" elsewhere in the text looks like a surname glued to a headline;
    only a "MORE" after it makes it a box of linked headlines."""
    ents = entities_of(entity_nlp, "Black voters rallied on Monday. BlackRock said it would invest $5 billion "
                       "in the port.")
    assert "BlackRock" in {e.name for e in ents}, shown(ents)
