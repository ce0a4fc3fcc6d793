"""What several exporters read off a stored document: its publications, in a fixed order.

A document printed by two outlets has two publications; the "first" is the earliest dated one
(ISO 8601 dates sort as text), so every format names the same first outlet and date.
"""

from __future__ import annotations

from claimscope.model.corpus import Publication, StoredDocument


def publications(record: StoredDocument) -> list[Publication]:
    """The record's publications, earliest dated first; undated ones keep their order, last.

    A record built straight from an analysis (no store) has the one its own metadata gives.
    """
    pubs = list(record.publications) or [Publication.of(record.analysis.document)]
    dated = sorted((p for p in pubs if p.date), key=lambda p: p.date)
    return dated + [p for p in pubs if not p.date]


def first_publication(record: StoredDocument) -> Publication:
    return publications(record)[0]


def distinct(values) -> list[str]:
    """Non-empty values in first-seen order, each once."""
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def outlets(record: StoredDocument) -> list[str]:
    return distinct(p.outlet for p in publications(record))
