"""Words every report shows the same way: who a source or asserter is, the byline."""

from __future__ import annotations

from claimscope.model.analysis import Analysis

BYLINE_KEYS = ("outlet", "author", "date")


def entity_names(analysis: Analysis) -> dict[str, str]:
    return {e.id: e.name for e in analysis.entities}


def who(text: str, entity_id: str | None, names: dict[str, str]) -> str:
    """"he (Mark Sollum)": the words of the text, with the entity they resolve to when those
    words do not already say it ("Mark Sollum", "Inspector Mark Sollum" stay as they are)."""
    name = names.get(entity_id) if entity_id else None
    if not name or name.casefold() in text.casefold():
        return text
    return f"{text} ({name})"


def byline(analysis: Analysis) -> str:
    meta = analysis.document.meta
    return " · ".join(str(meta[k]) for k in BYLINE_KEYS if meta.get(k))


def kinds_line(by_kind: dict[str, int]) -> str:
    """"3 direct, 9 indirect" from a count by kind (empty when there is none)."""
    return ", ".join(f"{n} {kind}" for kind, n in sorted(by_kind.items()) if n)
