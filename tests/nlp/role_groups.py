"""Attribution groups built from hand-written sentences for tests: each role is given by its
words, found in the text (so a test reads like the sentence it checks)."""

from __future__ import annotations

from claimscope.nlp.attribution_spans import Group, RoleSpan


def role_group(text: str, source: str | None, cue: str | None, *contents: str | None) -> Group:
    def span(role: str, words: str | None) -> RoleSpan | None:
        if words is None:
            return None
        start = text.index(words)
        return RoleSpan(role, start, start + len(words))

    return Group(cue=span("cue", cue), source=span("source", source),
                 contents=[span("content", words) for words in contents if words])


def last_content(text: str, group: Group) -> str:
    """The words of a group's last content span."""
    return text[group.contents[-1].start : group.contents[-1].end]
