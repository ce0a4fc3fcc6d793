"""Who a test's analysis gives as the speaker of some words: the one reading the speaker tests
share (by the words of the content, so a test reads like the sentence it checks)."""

from __future__ import annotations


def speakers_of(analysis, content_words: str) -> list[str | None]:
    """The entity names of every attribution whose content holds the words."""
    names = {e.id: e.name for e in analysis.entities}
    found = [a for a in analysis.attributions if a.content and content_words in a.content.text]
    assert found, [(a.source and a.source.text, a.cue.text, a.content and a.content.text)
                   for a in analysis.attributions]
    return [names.get(a.source_entity) for a in found]


def speaker_of(analysis, content_words: str) -> str | None:
    """The entity name of the first attribution whose content holds the words."""
    return speakers_of(analysis, content_words)[0]
