"""Readings of a text's entities for the entity tests."""

from __future__ import annotations


def entities_of(nlp, text: str) -> list:
    return nlp(text)._.entities


def entities_with(ents: list, word: str) -> list:
    """The entities one of whose mentions holds `word`."""
    return [e for e in ents if any(word in m.text for m in e.mentions)]


def shown(ents: list) -> list:
    """Name, type and mention texts: what an assertion message should show."""
    return [(e.name, e.type, [m.text for m in e.mentions]) for e in ents]
