"""What the tagger proposes must read as an attribution before it is one (issue 9, "no junk").

A group (cue, source, content fragments from `attribution_spans.group_spans`) is kept when its
cue is a word of saying, thinking, reporting or showing ("said", "warned", "statement",
"according to"), a colon or quotation frame, or a verb whose source (when there is one) can
speak (a name, a pronoun, "officials", "the ad"); "Gross domestic product | measures" and
"blind allegiance" are not. PolNeAR, which the tagger learned from, also marks stances
("openly admires", "backed"), so a verb is enough where nothing says otherwise. Content
fragments lose any part that overlaps their own source or cue; a content of fewer than `min_content_words` words without a verb, name or noun ("a") is no
proposition (the group then stays only if it has a source). Word lists are data in `lexicons/attribution.json`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from claimscope.nlp.attribution_spans import Group, RoleSpan

LEXICON = Path(__file__).parent / "lexicons" / "attribution.json"
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    data["cue_verbs"] = set(data["cue_verbs"])
    data["cue_nouns"] = set(data["cue_nouns"])
    data["agent_nouns"] = set(data["agent_nouns"])
    return data


def base_forms(word: str) -> set[str]:
    """Candidate base forms of an inflected English word ("warned" -> "warn", "cries" -> "cry")."""
    lex = lexicon()
    forms = {word}
    if word in lex["irregular_forms"]:
        forms.add(lex["irregular_forms"][word])
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)),
                                 ("ed", ("", "e")), ("d", ("",)), ("ing", ("", "e"))):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            for r in replacements:
                forms.add(stem + r)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "planned" -> "plan"
    return forms


def is_cue_word(word: str) -> bool:
    lex = lexicon()
    forms = base_forms(word)
    return bool(forms & lex["cue_verbs"]) or bool(forms & lex["cue_nouns"])


def _span(doc: Doc, part: RoleSpan | None) -> Span | None:
    if part is None:
        return None
    return doc.char_span(part.start, part.end, alignment_mode="expand")


def speaks(doc: Doc, source: RoleSpan | None) -> bool:
    """Whether a source phrase names something that can say or show: a name, a pronoun, a
    person, group, document or work ("the ad", "the film")."""
    span = _span(doc, source)
    if span is None or len(span) == 0:
        return False
    agents = lexicon()["agent_nouns"]
    if any(t.pos_ == "PROPN" or t.pos_ == "PRON" for t in span):
        return True
    # A capitalised word the tagger took for a verb is a name ("Trump openly admires ..."
    # opening a sentence); a capitalised adjective or noun there is just the sentence start.
    if any(t.is_title and t.pos_ not in ("NOUN", "ADJ", "DET", "ADP", "NUM") for t in span):
        return True
    return any(base_forms(t.lower_) & agents for t in span if t.is_alpha)


def cue_is_attribution(doc: Doc, group: Group) -> bool:
    """A cue of saying, thinking, reporting or showing; a colon or quotation frame; or a verb
    (not a lone auxiliary) whose source, if the tagger found one, can speak."""
    text = doc.text[group.cue.start : group.cue.end]
    lower = text.lower()
    if not any(c.isalnum() for c in text):
        return True  # a colon or quotation frame
    if any(frame in lower for frame in lexicon()["frames"]):
        return True
    if any(is_cue_word(w) for w in _WORD.findall(lower)):
        return True
    cue = _span(doc, group.cue)
    if cue is None:
        return False
    if any(t.pos_ == "VERB" for t in cue):
        return group.source is None or speaks(doc, group.source)
    # "has been critical of", "passionate about", "may": a stance or a modal said of a source
    # that can hold one; without such a source it is no one's ("it was unclear", "obvious").
    if any(t.pos_ in ("ADJ", "AUX") for t in cue):
        return speaks(doc, group.source)
    return False  # "blind allegiance", "pride", "implicitly": no act of saying


def _without(fragment: RoleSpan, frame: list[RoleSpan], text: str) -> list[RoleSpan]:
    """The parts of a content fragment outside its own source and cue (blank parts dropped)."""
    pieces = [(fragment.start, fragment.end)]
    for part in frame:
        cut = []
        for s, e in pieces:
            if part.end <= s or part.start >= e:
                cut.append((s, e))
                continue
            cut += [(s, part.start), (part.end, e)]
        pieces = cut
    out = []
    for s, e in pieces:
        while s < e and not text[s].isalnum() and text[s] not in "\"“‘'(":
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if any(ch.isalnum() for ch in text[s:e]):
            out.append(RoleSpan("content", s, e, fragment.score))
    return out


def is_proposition(doc: Doc, contents: list[RoleSpan]) -> bool:
    """Enough words, a verb, or a name or noun (what a stance is about: "backed Clinton");
    never a lone "a", "the" or "to"."""
    words = sum(len(_WORD.findall(doc.text[c.start : c.end].lower())) for c in contents)
    if words >= lexicon()["min_content_words"]:
        return True
    spans = [_span(doc, c) for c in contents]
    return any(t.pos_ in ("VERB", "AUX", "PROPN", "NOUN") for s in spans if s is not None for t in s)


def filter_groups(doc: Doc, groups: list[Group]) -> list[Group]:
    """Groups that read as attributions, their contents trimmed of their own source and cue."""
    text = doc.text
    kept = []
    for group in groups:
        if not cue_is_attribution(doc, group):
            continue
        frame = [p for p in (group.source, group.cue) if p is not None]
        contents = [piece for c in group.contents for piece in _without(c, frame, text)]
        if contents and not is_proposition(doc, contents):
            contents = []
        if not contents and group.source is None:
            continue
        kept.append(Group(cue=group.cue, source=group.source, contents=contents))
    return kept
