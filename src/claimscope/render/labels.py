"""Words every report shows the same way: who a source or asserter is, the byline."""

from __future__ import annotations

from claimscope.model.analysis import Analysis

BYLINE_KEYS = ("outlet", "author", "date")


def entity_names(analysis: Analysis) -> dict[str, str]:
    return {e.id: e.name for e in analysis.entities}


def who(text: str, entity_id: str | None, names: dict[str, str]) -> str:
    """"he (Mark Sollum)": the words of the text, with the entity they resolve to when those
    words do not already say it ("Inspector Mark Sollum", "Sollum" and "Kestria" for the
    Republic of Kestria stay as they are)."""
    name = names.get(entity_id) if entity_id else None
    if not name or name.casefold() in text.casefold() or _words(text) <= _words(name):
        return text
    return f"{text} ({name})"


def speaker_label(a, names: dict[str, str]) -> str:
    """The "source" column of who-says-what: the source words with whom they resolve to, or,
    for a quotation that goes on with no tag of its own, "(Mark Sollum)", the speaker it
    carries; "—" where nobody is named."""
    if a.source is not None:
        return who(a.source.text, a.source_entity, names)
    name = names.get(a.source_entity) if a.source_entity else None
    return f"({name})" if name else "—"


def byline(analysis: Analysis) -> str:
    meta = analysis.document.meta
    return " · ".join(str(meta[k]) for k in BYLINE_KEYS if meta.get(k))


def kinds_line(by_kind: dict[str, int]) -> str:
    """"3 direct, 9 indirect" from a count by kind (empty when there is none)."""
    return ", ".join(f"{n} {kind}" for kind, n in sorted(by_kind.items()) if n)


def _words(text: str) -> set[str]:
    return {w.strip(".,'’\"").casefold() for w in text.split()} - {""}
