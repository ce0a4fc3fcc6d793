"""Long texts in pieces: where to cut, and how the pieces' records become one Analysis.

spaCy refuses a text over `nlp.max_length` (E088, 1,000,000 characters) and its parser needs
memory in proportion to the text (a 0.9 MB text took 3.2 GB whole). A text longer than
`PIECE_CHARS` is therefore cut into pieces at paragraph breaks (else line breaks, else sentence
ends, else spaces), each piece is analysed alone, and `merge_pieces` shifts every offset back
into the whole text and renumbers the records, so the result reads as one analysis of the text.

What a cut loses: a quote, a pronoun or an ordinal list ("First... Second...") that runs across
a cut is not linked across it; entities still merge by id, with all their mentions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.model.ids import assign_ids, ordinal_ids
from claimscope.model.records import Argument, Attribution, Claim, Entity, Structure

# Texts up to this many characters are analysed whole (every ordinary article: a 10,000-word
# long read is about 60,000 characters). A tenth of spaCy's max_length keeps the parser's
# memory to a few hundred MB per piece.
PIECE_CHARS = 100_000

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def plan_pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Contiguous (start, end) ranges that cover the text, each at most `limit` characters."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _cut(text: str, lo: int, hi: int) -> int:
    """The best place to end a piece in text[lo:hi]: after a break, never in its first half."""
    floor = lo + (hi - lo) // 2
    for separator in ("\n\n", "\n"):
        at = text.rfind(separator, floor, hi)
        if at != -1:
            return at + len(separator)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, hi)]
    if ends:
        return ends[-1]
    at = max(text.rfind(" ", floor, hi), text.rfind("\t", floor, hi))
    return at + 1 if at != -1 else hi  # a text without spaces is cut where it must be


def merge_pieces(info: DocumentInfo, parts: Iterable[tuple[int, Analysis]]) -> Analysis:
    """One Analysis of `info.text` from analyses of its pieces, each given with its start offset."""
    parts = list(parts)
    if not parts:
        raise ValueError("no pieces to merge")
    entities: dict[str, Entity] = {}
    attributions: list[Attribution] = []
    stances: list[Attribution] = []
    claims: list[Claim] = []
    arguments: list[Argument] = []
    techniques = []
    thesis = conclusion = None
    sentences = 0
    numbers = _Numbering()
    for offset, piece in parts:
        ordinal_ids(piece)  # renumber ordinals across pieces; hash ids come back at the end
        piece = shift(piece, offset, sentences)
        for entity in piece.entities:
            _merge_entity(entities, entity)
        attribution_ids = numbers.renumber([a.id for a in piece.attributions])
        claim_ids = numbers.renumber([c.id for c in piece.claims])
        argument_ids = numbers.renumber([a.id for a in piece.structure.arguments])
        attributions += [dataclasses.replace(a, id=attribution_ids[a.id]) for a in piece.attributions]
        stances += [dataclasses.replace(a, id=f"s{len(stances) + i}", label=None)
                    for i, a in enumerate(piece.stances)]
        claims += [
            dataclasses.replace(
                c, id=claim_ids[c.id],
                attribution=attribution_ids.get(c.attribution, c.attribution) if c.attribution else None,
                argument=argument_ids.get(c.argument, c.argument) if c.argument else None,
            )
            for c in piece.claims
        ]
        arguments += [
            dataclasses.replace(a, id=argument_ids[a.id], claims=[claim_ids.get(i, i) for i in a.claims])
            for a in piece.structure.arguments
        ]
        techniques += piece.techniques
        thesis = thesis or piece.structure.thesis
        conclusion = piece.structure.conclusion or conclusion
        sentences += piece.sentences
    density = {}
    if techniques:
        from claimscope.nlp.rhetoric import technique_density

        density = technique_density(techniques, sentences)
    # replace() on the first piece carries over any field this function does not know about.
    merged = dataclasses.replace(
        parts[0][1], document=info, entities=list(entities.values()), attributions=attributions, stances=stances,
        claims=claims, techniques=techniques,
        structure=Structure(thesis=thesis, arguments=arguments, conclusion=conclusion),
        sentences=sentences, technique_density=density,
    )
    assign_ids(merged)  # over the whole text's document id
    return merged


def shift(record, chars: int, sentences: int = 0):
    """A copy of a record (or list of them) with every `start`/`end` moved by `chars` and every
    `sentence` index by `sentences`; nested records, lists and tuples are shifted too."""
    if isinstance(record, list):
        return [shift(x, chars, sentences) for x in record]
    if isinstance(record, tuple):
        return tuple(shift(x, chars, sentences) for x in record)
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes = {}
    for f in dataclasses.fields(record):
        if not f.init:
            continue
        value = getattr(record, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + chars
        elif f.name == "sentence" and isinstance(value, int):
            changes[f.name] = value + sentences
        elif f.name != "document":  # the piece's DocumentInfo is replaced, not shifted
            changes[f.name] = shift(value, chars, sentences)
    return dataclasses.replace(record, **changes)


def _merge_entity(entities: dict[str, Entity], entity: Entity) -> None:
    known = entities.get(entity.id)
    if known is None:
        entities[entity.id] = dataclasses.replace(entity, aliases=list(entity.aliases),
                                                  mentions=list(entity.mentions))
        return
    known.mentions += entity.mentions
    if known.type == "PERSON" and len(entity.name.split()) > len(known.name.split()):
        known.aliases.append(known.name)  # the fullest form names the person, as in one piece
        known.name = entity.name
    known.aliases += [a for a in entity.aliases if a not in known.aliases and a != known.name]
    if known.name in known.aliases:
        known.aliases.remove(known.name)


class _Numbering:
    """New ids for a piece's records: "c3" of the second piece continues after the first's last
    claim; an id without a number keeps its form, with "-2", "-3"... if already taken."""

    _NUMBERED = re.compile(r"^(.*?)(\d+)$")

    def __init__(self) -> None:
        self.next: dict[str, int] = {}  # prefix -> first number free for the next piece
        self.taken: set[str] = set()

    def renumber(self, ids: list[str]) -> dict[str, str]:
        mapping: dict[str, str] = {}
        numbered = [(i, self._NUMBERED.match(i)) for i in ids]
        lowest: dict[str, int] = {}
        for _, m in numbered:
            if m:
                lowest[m[1]] = min(lowest.get(m[1], int(m[2])), int(m[2]))
        highest: dict[str, int] = {}
        for old, m in numbered:
            if m:
                prefix, n = m[1], int(m[2])
                # Keep the piece's own base (a0... or c1...): shift so its lowest id is the next free.
                new_n = n + max(0, self.next.get(prefix, lowest[prefix]) - lowest[prefix])
                new = f"{prefix}{new_n}"
                highest[prefix] = max(highest.get(prefix, new_n), new_n)
            else:
                new, k = old, 1
                while new in self.taken:
                    k += 1
                    new = f"{old}-{k}"
            mapping[old] = new
        for prefix, n in highest.items():
            self.next[prefix] = n + 1
        self.taken.update(mapping.values())
        return mapping
