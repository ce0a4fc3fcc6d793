"""Resolve the source span of an attribution to an entity of the document.

A source that contains an entity mention is that entity. A pronoun ("he", "they") or a
definite description ("the newspaper", "the ministry") takes the nearest preceding entity of a
fitting type within a few sentences. Where nothing fits, the source stays unresolved: a wrong
link would put words in someone's mouth.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from claimscope.model.records import Entity
from claimscope.nlp.cues import lexicon

LOOKBACK_CHARS = 1200  # about three news sentences
SHORT_LOOKBACK_CHARS = 160
_COMPATIBLE = {
    "PERSON": {"PERSON"},
    "ORG": {"ORG", "GPE", "NORP"},
    "GPE": {"GPE", "ORG"},
    "ANY": {"ORG", "NORP"},
}


class SourceResolver:
    def __init__(self, doc: Doc, entities: list[Entity]):
        self.doc = doc
        mentions = [(m.start, m.end, e) for e in entities for m in e.mentions]
        mentions.sort(key=lambda m: m[0])
        self.mentions = mentions
        self.starts = [m[0] for m in mentions]
        lex = lexicon()
        self.pronouns: dict[str, str] = lex["pronouns"]
        self.descriptions: dict[str, str] = lex["definite_sources"]

    def resolve(self, start: int, end: int) -> Entity | None:
        inside = [e for s, t, e in self.mentions if s < end and t > start]
        if inside:
            # The head of "Varga, the foreign minister" is the first named entity.
            people = [e for e in inside if e.type == "PERSON"]
            return (people or inside)[0]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        words = [t.lower_ for t in span]
        if len(words) == 1 and words[0] in self.pronouns:
            kind = self.pronouns[words[0]]
            # "They" most often points at an unnamed group ("Some will say ... They are
            # right"): only an entity in the same or the previous sentence will do.
            reach = SHORT_LOOKBACK_CHARS if kind == "ANY" else LOOKBACK_CHARS
            return self._antecedent(start, _COMPATIBLE[kind], reach)
        if words[0] in ("the", "this", "that") and span.root.lower_ in self.descriptions:
            kind = self.descriptions[span.root.lower_]
            return self._antecedent(start, _COMPATIBLE[kind], LOOKBACK_CHARS)
        return None

    def _antecedent(self, before: int, types: set[str], reach: int) -> Entity | None:
        index = bisect_right(self.starts, before) - 1
        while index >= 0:
            start, end, entity = self.mentions[index]
            if before - end > reach:
                return None
            if end <= before and entity.type in types:
                return entity
            index -= 1
        return None
