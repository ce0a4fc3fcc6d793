"""Where a tagged quotation starts and where it goes on, in the same paragraph.

News tags a quotation once and goes on quoting: '"Prices will rise," said Lindqvist, an
economist. "We do not argue that the plan fails."' The second quotation is Lindqvist's, with no
tag of its own; a reader takes it as part of what she said (`quote_after_frame`). And the tagger
sometimes starts a quotation's content at the narrator's sentence before it: 'Farmers were less
sure. "Nobody asked us," Baker said.' gives Baker the writer's "Farmers were less sure"
(`narrator_sentence_apart`).

Both run on the groups that make the records (`attribution.to_records`), not on what the PolNeAR
evaluation scores: PolNeAR marks a quotation's continuation its own way.
"""

from __future__ import annotations

import re

from claimscope.nlp.attribution_spans import Group, RoleSpan, quoted_mask

_OPENERS = "\"“"
# '"...," said X, an economist.': the tag closes its sentence after at most this many
# characters (a long apposition, a place and a day), and nothing in it is quoted.
_MAX_FRAME_TAIL = 160
# A quotation closed by a comma: '"We will win," she said' (a "." closing it is a sentence of
# its own, `attribution.closed_quotes_apart`).
_COMMA_CLOSED = re.compile(r",[\"”]")
_SENTENCE_END = re.compile(r"[.!?]")


def _paragraph_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _frame(group: Group) -> tuple[int, int]:
    parts = [p for p in (group.source, group.cue) if p is not None]
    return min(p.start for p in parts), max(p.end for p in parts)


def quote_after_frame(text: str, groups: list[Group]) -> list[Group]:
    """A quotation tagged before its tag ('"A," X said.') that the next sentence of the same
    paragraph goes on quoting ('"B. C."', with no tag of its own) keeps that sentence as the
    content on the other side of its cue, so the records are those of a quote split around its
    cue: '"A"' and '"B. C."', each X's under the same cue. Only where nothing else was tagged in
    the quotation and the paragraph ends with it: '"B," he added' is an attribution already.
    """
    mask = quoted_mask(text)
    taken = [(p.start, p.end) for g in groups for p in [g.cue, *g.contents, *([g.source] if g.source else [])]]
    out = []
    for group in groups:
        out.append(_with_continuation(text, mask, group, taken))
    return out


def _with_continuation(text: str, mask, group: Group, taken: list[tuple[int, int]]) -> Group:
    if group.source is None or not group.contents:
        return group
    left, right = _frame(group)
    if any(c.end > left for c in group.contents):
        return group
    last = max(group.contents, key=lambda c: c.end)
    if not _COMMA_CLOSED.search(text[max(last.start, last.end - 4):last.end + 1]):
        return group
    paragraph_end = _paragraph_end(text, right)
    tail = text[right:paragraph_end]
    stop = _SENTENCE_END.search(tail)
    if stop is None or stop.start() > _MAX_FRAME_TAIL or mask[right:right + stop.start()].any():
        return group
    opening = right + stop.end()
    while opening < paragraph_end and text[opening] in " \t":
        opening += 1
    if opening >= paragraph_end or text[opening] not in _OPENERS:
        return group
    closing = max(text.rfind("”", opening, paragraph_end), text.rfind('"', opening + 1, paragraph_end))
    if closing <= opening + 1 or text[closing + 1:paragraph_end].strip(" .!?,;:") or not mask[opening:closing + 1].all():
        return group
    if any(s < closing and opening < e for s, e in taken):
        return group
    words = text[opening + 1:closing].split()
    if len(words) < 3:
        return group
    return Group(cue=group.cue, source=group.source,
                 contents=[*group.contents, RoleSpan("content", opening + 1, closing, group.cue.score)])


def narrator_sentence_apart(text: str, groups: list[Group]) -> list[Group]:
    """A content before its tag that opens with the narrator's sentence and ends in a quotation
    ('Farmers were less sure. "Nobody asked us,"') starts at the quotation's opening mark. The
    sentence before it is unquoted and closed by its own full stop, so it is the writer's."""
    mask = quoted_mask(text)
    out = []
    for group in groups:
        if group.source is None or not group.contents:
            out.append(group)
            continue
        left, _ = _frame(group)
        contents = []
        for c in group.contents:
            contents.append(_from_quotation(text, mask, c) if c.end <= left else c)
        out.append(Group(cue=group.cue, source=group.source, contents=contents))
    return out


def _from_quotation(text: str, mask, content: RoleSpan) -> RoleSpan:
    # a quotation opens where a run of quoted characters starts
    inside = [i for i in range(content.start, content.end)
              if mask[i] and text[i] in _OPENERS and (i == 0 or not mask[i - 1])]
    if not inside:
        return content
    opening = inside[-1]
    before = text[content.start:opening].rstrip()
    if not before or before[-1] not in ".!?" or mask[content.start:opening].any():
        return content
    if not mask[opening:content.end].all() and text[content.end - 1] not in ",":
        return content
    return RoleSpan("content", opening, content.end, content.score)
